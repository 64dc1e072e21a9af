import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describePorts, listConnections } from '../../../server/src/engine';
import { ConnectionExplainer, endpointNamed, type SideExplanation } from '../../../server/src/engine/connectivity/connection-reasons';
import { ALL_PORTS, intersectPorts, samePorts } from '../../../server/src/engine/connectivity/port-set';
import { analysisOf } from './scenario';

// The synthetic example of admin-policy-semantics.md §11.
const example = [
  '---\napiVersion: v1\nkind: Namespace\nmetadata: {name: alpha, labels: {tier: web}}\n',
  '---\napiVersion: v1\nkind: Namespace\nmetadata: {name: beta, labels: {tier: db}}\n',
  '---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: front, namespace: alpha}\nspec: {template: {spec: {containers: [{name: c, image: x}]}}}\n',
  '---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: store, namespace: beta}\nspec: {template: {spec: {containers: [{name: c, image: x, ports: [{name: pg, containerPort: 5432}]}]}}}\n',
  '---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: tools, namespace: gamma}\nspec: {template: {spec: {containers: [{name: c, image: x}]}}}\n',
  '---\napiVersion: policy.networking.k8s.io/v1alpha1\nkind: AdminNetworkPolicy\nmetadata: {name: guard}\nspec:\n  priority: 5\n  subject: {namespaces: {matchLabels: {tier: db}}}\n  ingress:\n' +
    '    - {action: Pass, from: [{namespaces: {matchLabels: {tier: web}}}], ports: [{namedPort: pg}]}\n    - {action: Deny, from: [{namespaces: {}}]}\n',
  '---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: allow-web, namespace: beta}\nspec:\n  podSelector: {}\n  ingress: [{from: [{namespaceSelector: {matchLabels: {tier: web}}}], ports: [{port: 5432}]}]\n',
  '---\napiVersion: policy.networking.k8s.io/v1alpha1\nkind: BaselineAdminNetworkPolicy\nmetadata: {name: default}\nspec:\n  subject: {namespaces: {}}\n  egress: [{action: Deny, to: [{networks: [10.0.0.0/8]}]}]\n',
].join('');

const reasonsOf = (side: SideExplanation) => (side.external ? [] : side.verdicts.flatMap((verdict) => verdict.reasons.map((reason) => [reason.kind, 'action' in reason ? reason.action : undefined, describePorts(reason.ports)])));

describe('connection reasons', () => {
  it('explains the pairs of the §11 example, allowed or not, in evaluation order', () => {
    const { analysis } = analysisOf(example);
    const explainer = new ConnectionExplainer(analysis);
    const end = (text: string) => {
      const found = endpointNamed(analysis, text);
      assert.ok(!('problem' in found), text);
      return found;
    };
    const [allowed] = explainer.explainPair(end('alpha/front[Deployment]'), end('beta/store[Deployment]'));
    assert.equal(describePorts(allowed.connection.ports), 'TCP 5432');
    assert.deepEqual(reasonsOf(allowed.explanation.ingress), [
      ['adminRule', 'Pass', 'TCP 5432'],
      ['adminRule', 'Deny', 'TCP 1-5431,5433-65535,UDP 1-65535,SCTP 1-65535'],
      ['networkPolicyRule', undefined, 'TCP 5432'],
    ]);
    const [denied] = explainer.explainPair(end('gamma/tools[Deployment]'), end('beta/store[Deployment]'));
    assert.equal(describePorts(denied.connection.ports), 'No Connections');
    assert.deepEqual(reasonsOf(denied.explanation.ingress), [['adminRule', 'Deny', 'All Connections']]);
    // The baseline denies 10.0.0.0/8 only: a range across its edge is explained block by block.
    const external = explainer.explainPair(end('gamma/tools[Deployment]'), end('10.0.0.0/7'));
    assert.deepEqual(
      external.map(({ connection, explanation }) => [connection.to.kind === 'external' ? connection.to.cidr : '', describePorts(connection.ports), reasonsOf(explanation.egress)]),
      [
        ['10.0.0.0/8', 'No Connections', [['adminRule', 'Deny', 'All Connections']]],
        ['11.0.0.0/8', 'All Connections', []],
      ],
    );
  });

  it('gives every reported connection the ports its two sides allow', () => {
    const { analysis } = analysisOf(example);
    const explainer = new ConnectionExplainer(analysis);
    const connections = listConnections(analysis);
    assert.ok(connections.length > 10);
    for (const connection of connections) {
      const { egress, ingress } = explainer.explain(connection);
      // A reported external block has one set of ports, whatever rules decide its parts.
      const allowed = (side: SideExplanation) => (side.external ? [ALL_PORTS] : side.verdicts.map((verdict) => verdict.allowed));
      for (const out of allowed(egress)) {
        for (const into of allowed(ingress)) assert.ok(samePorts(intersectPorts(out, into), connection.ports), `${egress.endpoint} => ${ingress.endpoint}`);
      }
    }
  });

  it('names what an end that is not in the manifests is', () => {
    const { analysis } = analysisOf(example);
    assert.deepEqual(endpointNamed(analysis, 'beta/cache[Deployment]'), { problem: 'no workload "beta/cache[Deployment]" in the manifests read' });
    assert.deepEqual(endpointNamed(analysis, '10.1.2.3'), { first: 167838211, last: 167838211 });
    assert.deepEqual(endpointNamed(analysis, '10.1.2.3/8'), { first: 167772160, last: 184549375 });
    assert.match((endpointNamed(analysis, '::1') as { problem: string }).problem, /IPv6/);
    assert.match((endpointNamed(analysis, 'front') as { problem: string }).problem, /neither a workload/);
  });
});
