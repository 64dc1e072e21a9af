// The engine API the editor uses: who may reach a workload and whom it may reach, with the policies and
// rules responsible; for a policy, whom it selects and what each rule admits.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describePorts, endpointName, explainConnection, inboundConnections, outboundConnections, policiesIsolating, policyCoverage, type ExplainedConnection } from '../../../server/src/engine';
import { yaml } from '../../support/dedent';
import { analysisOf, pod } from './scenario';

const files =
  pod('frontend', { app: 'frontend' }) +
  pod('api', { app: 'api' }, { ports: '[{name: http, containerPort: 8080}]' }) +
  pod('db', { app: 'db' }) +
  yaml`
    ---
    apiVersion: networking.k8s.io/v1
    kind: NetworkPolicy
    metadata: {name: api-ingress}
    spec:
      podSelector: {matchLabels: {app: api}}
      ingress:
        - from: [{podSelector: {matchLabels: {app: frontend}}}]
          ports: [{port: http}]
        - from: [{ipBlock: {cidr: 203.0.113.0/24}}, {podSelector: {matchLabels: {app: nothing}}}, {}]
          ports: [{port: 8080}]
    ---
    apiVersion: networking.k8s.io/v1
    kind: NetworkPolicy
    metadata: {name: frontend-egress}
    spec:
      podSelector: {matchLabels: {app: frontend}}
      policyTypes: [Egress]
      egress:
        - to: [{podSelector: {matchLabels: {app: api}}}]
        - ports: [{port: 53, protocol: UDP}, {port: dns}, {port: 1, protocol: ICMP}]
  `;

// "rule policy#index: ports" for each side of a connection.
function reasons(connection: ExplainedConnection): string[] {
  const side = (label: string, verdict: ExplainedConnection['egress']) =>
    verdict === undefined
      ? []
      : verdict.isolated
        ? verdict.rules.map((rule) => `${label} ${rule.policy.name}#${rule.ruleIndex}: ${describePorts(rule.ports)}`)
        : [`${label} unrestricted`];
  return [`${endpointName(connection.from)} => ${endpointName(connection.to)} : ${describePorts(connection.ports)}`, ...side('egress', connection.egress), ...side('ingress', connection.ingress)];
}

describe('connectivity explanations', () => {
  const { model, analysis } = analysisOf(files);
  const workload = (name: string) => model.workloads.find((candidate) => candidate.id.name === name)!;

  it('lists who may reach a workload, with the responsible rules', () => {
    assert.deepEqual(inboundConnections(analysis, workload('api')).map(reasons), [
      ['203.0.113.0/24 => default/api[Pod] : TCP 8080', 'ingress api-ingress#1: TCP 8080'],
      ['default/frontend[Pod] => default/api[Pod] : TCP 8080', 'egress frontend-egress#0: All Connections', 'egress frontend-egress#1: UDP 53', 'ingress api-ingress#0: TCP 8080'],
    ]);
  });

  it('lists whom a workload may reach, with the responsible rules', () => {
    assert.deepEqual(outboundConnections(analysis, workload('frontend')).map(reasons), [
      ['default/frontend[Pod] => 0.0.0.0/0 : UDP 53', 'egress frontend-egress#1: UDP 53'],
      ['default/frontend[Pod] => default/api[Pod] : TCP 8080', 'egress frontend-egress#0: All Connections', 'egress frontend-egress#1: UDP 53', 'ingress api-ingress#0: TCP 8080'],
      ['default/frontend[Pod] => default/db[Pod] : UDP 53', 'egress frontend-egress#1: UDP 53', 'ingress unrestricted'],
    ]);
  });

  it('explains a denied pair too', () => {
    const denied = explainConnection(analysis, workload('db'), workload('api'));
    assert.deepEqual(reasons(denied), ['default/db[Pod] => default/api[Pod] : No Connections', 'egress unrestricted']);
    assert.equal(denied.ingress?.isolated, true);
    assert.deepEqual(denied.ingress?.policies.map((policy) => policy.name), ['api-ingress']);
  });

  it('names the policies isolating a workload per direction', () => {
    const names = (record: ReturnType<typeof policiesIsolating>) => ({ Ingress: record.Ingress.map((p) => p.name), Egress: record.Egress.map((p) => p.name) });
    assert.deepEqual(names(policiesIsolating(analysis, workload('api'))), { Ingress: ['api-ingress'], Egress: [] });
    assert.deepEqual(names(policiesIsolating(analysis, workload('frontend'))), { Ingress: [], Egress: ['frontend-egress'] });
  });

  it('describes what a policy selects and what each rule and peer admits, with the problems', () => {
    const coverage = policyCoverage(analysis, model.policies[0])!;
    const names = (workloads: readonly { key: string }[]) => workloads.map((w) => w.key);
    assert.deepEqual(coverage.affects, { Ingress: true, Egress: false });
    assert.deepEqual(names(coverage.selected), ['default/api[Pod]']);
    assert.deepEqual({ Ingress: names(coverage.isolates.Ingress), Egress: names(coverage.isolates.Egress) }, { Ingress: ['default/api[Pod]'], Egress: [] });
    assert.deepEqual(
      coverage.rules.map((rule) => ({
        rule: `${rule.direction}#${rule.index}`,
        everything: rule.admitsEverything,
        workloads: names(rule.workloads),
        external: rule.external,
        peers: rule.peers.map((peer) => ({ index: peer.index, workloads: names(peer.workloads), external: peer.external, problem: peer.problem })),
        ports: describePorts(rule.ports),
        named: rule.namedPorts,
      })),
      [
        {
          rule: 'Ingress#0',
          everything: false,
          workloads: ['default/frontend[Pod]'],
          external: [],
          peers: [{ index: 0, workloads: ['default/frontend[Pod]'], external: [], problem: undefined }],
          ports: 'No Connections',
          named: [{ protocol: 'TCP', name: 'http' }],
        },
        {
          rule: 'Ingress#1',
          everything: false,
          workloads: [],
          external: ['203.0.113.0/24'],
          peers: [
            { index: 0, workloads: [], external: ['203.0.113.0/24'], problem: undefined },
            { index: 1, workloads: [], external: [], problem: undefined },
            { index: 2, workloads: [], external: [], problem: 'the peer names no selector or ipBlock' },
          ],
          ports: 'TCP 8080',
          named: [],
        },
      ],
    );
    const egress = policyCoverage(analysis, model.policies[1])!;
    assert.deepEqual(egress.rules[1].portProblems, ['unknown protocol "ICMP"']);
    assert.equal(egress.rules[1].admitsEverything, true);
    assert.deepEqual(egress.rules[1].external, ['0.0.0.0/0']);
  });

  it('points back at the objects, for ranges in the editor', () => {
    const [connection] = inboundConnections(analysis, workload('api'));
    const rule = connection.ingress!.rules[0];
    const range = rule.policy.object.rangeOf(['spec', 'ingress', rule.ruleIndex]);
    assert.equal(rule.policy.object.document.uri, 'file-0.yaml');
    assert.ok(range.start.line > 0);
  });
});
