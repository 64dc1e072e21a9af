import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { adminReasons, adminReasonText, describePorts, explainConnection, portsBetween } from '../../../server/src/engine';
import { analysisOf, pod } from './scenario';

const files =
  pod('a', { app: 'a' }) +
  pod('b', { app: 'b' }) +
  '---\napiVersion: policy.networking.k8s.io/v1alpha1\nkind: AdminNetworkPolicy\nmetadata: {name: guard}\nspec:\n  priority: 5\n  subject: {pods: {podSelector: {matchLabels: {app: b}}}}\n' +
  '  ingress:\n    - {name: web-first, action: Pass, from: [{namespaces: {}}], ports: [{portNumber: {port: 443}}]}\n    - {action: Deny, from: [{namespaces: {}}], ports: [{portRange: {start: 80, end: 443}}]}\n' +
  '---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: allow-web}\nspec:\n  podSelector: {matchLabels: {app: b}}\n  ingress: [{ports: [{port: 80}, {port: 443}]}]\n';

describe('admin policies: explanations', () => {
  it('names the deciding tier, policy and rule, and the NetworkPolicy not consulted', () => {
    const { model, analysis } = analysisOf(files);
    const [a, b] = model.workloads;
    const explained = explainConnection(analysis, a, b);
    assert.equal(describePorts(explained.ports), 'TCP 443');
    const reasons = adminReasons(explained.ingress!);
    assert.deepEqual(
      reasons.map((reason) => [reason.decision.action, describePorts(reason.decision.ports)]),
      [
        ['Pass', 'TCP 443'],
        ['Deny', 'TCP 80-442'],
      ],
    );
    assert.deepEqual(reasons.map(adminReasonText), [
      'passed on by AdminNetworkPolicy `guard` (priority 5) ingress rule 1 "web-first"',
      'denied by AdminNetworkPolicy `guard` (priority 5) ingress rule 2; the NetworkPolicy `allow-web` that would allow it is not consulted',
    ]);
    // The NetworkPolicy fields stay as they were: the policy isolates b and its rule opens 80 and 443.
    assert.equal(explained.ingress!.isolated, true);
    assert.equal(describePorts(explained.ingress!.rules[0].ports), 'TCP 80,443');
    // No admin policy applies to a's ingress: no admin reasons.
    assert.equal(explainConnection(analysis, b, a).ingress!.adminRules, undefined);
  });

  it('names a ClusterNetworkPolicy by its own kind, with its tier and priority', () => {
    const cnp =
      pod('a', { app: 'a' }) +
      pod('b', { app: 'b' }) +
      '---\napiVersion: policy.networking.k8s.io/v1alpha2\nkind: ClusterNetworkPolicy\nmetadata: {name: fence}\nspec:\n  tier: Admin\n  priority: 7\n' +
      '  subject: {pods: {namespaceSelector: {}, podSelector: {matchLabels: {app: b}}}}\n' +
      '  ingress:\n    - {action: Deny, from: [{namespaces: {}}], protocols: [{tcp: {destinationPort: {number: 22}}}]}\n';
    const { model, analysis } = analysisOf(cnp);
    const [a, b] = model.workloads;
    assert.deepEqual(adminReasons(explainConnection(analysis, a, b).ingress!).map(adminReasonText), ['denied by ClusterNetworkPolicy `fence` (Admin tier, priority 7) ingress rule 1']);
  });
});

describe('admin policies: the map and the explanations agree', () => {
  it('gives every pair the ports its two verdicts allow (the map shares outcomes between pairs)', () => {
    const ns = (name: string, team: string) => `---\napiVersion: v1\nkind: Namespace\nmetadata: {name: ${name}, labels: {team: ${team}}}\n`;
    const anp = (name: string, priority: number, subject: string, ingress: string, egress: string) =>
      `---\napiVersion: policy.networking.k8s.io/v1alpha1\nkind: AdminNetworkPolicy\nmetadata: {name: ${name}}\nspec: {priority: ${priority}, subject: ${subject}, ingress: ${ingress}, egress: ${egress}}\n`;
    const text =
      ns('x', 'red') + ns('y', 'blue') +
      pod('a', { app: 'a' }, { namespace: 'x', ports: '[{name: http, containerPort: 8080}]' }) +
      pod('b', { app: 'b' }, { namespace: 'x', ports: '[{name: http, containerPort: 9090, protocol: UDP}]' }) +
      pod('c', { app: 'c' }, { namespace: 'y' }) +
      pod('d', { app: 'd' }, { namespace: 'y', ports: '[{name: http, containerPort: 80}]' }) +
      anp('one', 1, '{namespaces: {matchLabels: {team: red}}}', '[{action: Pass, from: [{namespaces: {}}], ports: [{namedPort: http}]}, {action: Deny, from: [{pods: {podSelector: {matchLabels: {app: c}}}}]}]', '[{action: Allow, to: [{namespaces: {}}], ports: [{portRange: {start: 1, end: 1024}}]}]') +
      anp('two', 2, '{namespaces: {}}', '[{action: Allow, from: [{namespaces: {matchLabels: {team: blue}}}], ports: [{portNumber: {port: 8080}}]}]', '[{action: Deny, to: [{pods: {podSelector: {matchLabels: {app: d}}}}, {networks: [10.0.0.0/8]}], ports: [{namedPort: http}, {portNumber: {protocol: UDP, port: 53}}]}]') +
      '---\napiVersion: policy.networking.k8s.io/v1alpha1\nkind: BaselineAdminNetworkPolicy\nmetadata: {name: default}\nspec: {subject: {namespaces: {}}, ingress: [{action: Deny, from: [{namespaces: {matchLabels: {team: red}}}]}]}\n' +
      '---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: web, namespace: x}\nspec: {podSelector: {matchLabels: {app: a}}, ingress: [{ports: [{port: http}, {port: 5000}]}]}\n';
    const { model, analysis } = analysisOf(text);
    let compared = 0;
    for (const source of model.workloads) {
      for (const destination of model.workloads) {
        if (source === destination) continue;
        const explained = explainConnection(analysis, source, destination);
        assert.equal(describePorts(portsBetween(analysis, source, destination)), describePorts(explained.ports), `${source.key} -> ${destination.key}`);
        compared++;
      }
    }
    assert.equal(compared, 12);
    // Spot checks: the ANP Deny from c is final past the passed named port; nothing decides b -> a, so
    // the NetworkPolicy does (the baseline is hidden); the baseline denies red into y; c's egress to d
    // loses d's named port (TCP 80) and UDP 53 to the Deny of \`two\`.
    const [a, b, c, d] = model.workloads;
    assert.equal(describePorts(portsBetween(analysis, c, a)), 'TCP 8080');
    assert.equal(describePorts(portsBetween(analysis, b, a)), 'TCP 5000,8080');
    assert.equal(describePorts(portsBetween(analysis, a, d)), 'No Connections');
    assert.equal(describePorts(portsBetween(analysis, d, c)), 'All Connections');
    assert.equal(describePorts(portsBetween(analysis, c, d)), 'TCP 1-79,81-65535,UDP 1-52,54-65535,SCTP 1-65535');
  });
});
