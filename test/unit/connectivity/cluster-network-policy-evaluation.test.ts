// v1alpha2 ClusterNetworkPolicy in the tiers (docs/cluster-network-policy.md): the Admin tier evaluates
// like an AdminNetworkPolicy, the Baseline tier like the BaselineAdminNetworkPolicy with several
// policies by priority and Pass to the default.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { listConnections } from '../../../server/src/engine';
import { analysisOf, connectionLines, pod } from './scenario';

const ALL = 'All Connections';
const cnp = (name: string, spec: string, apiVersion = 'policy.networking.k8s.io/v1alpha2') => `---\napiVersion: ${apiVersion}\nkind: ClusterNetworkPolicy\nmetadata: {name: ${name}}\nspec: ${spec}\n`;
const anp = (name: string, spec: string) => `---\napiVersion: policy.networking.k8s.io/v1alpha1\nkind: AdminNetworkPolicy\nmetadata: {name: ${name}}\nspec: ${spec}\n`;
const banp = (spec: string) => `---\napiVersion: policy.networking.k8s.io/v1alpha1\nkind: BaselineAdminNetworkPolicy\nmetadata: {name: default}\nspec: ${spec}\n`;
const netpol = (name: string, spec: string, namespace: string) => `---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: ${name}, namespace: ${namespace}}\nspec: ${spec}\n`;
const namespace = (name: string, labels: Record<string, string>) => `---\napiVersion: v1\nkind: Namespace\nmetadata: {name: ${name}, labels: ${JSON.stringify(labels)}}\n`;
const deployment = (name: string, ns: string, ports = '[]') =>
  `---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ${name}, namespace: ${ns}}\nspec: {template: {metadata: {labels: {app: ${name}}}, spec: {containers: [{name: c, image: i, ports: ${ports}}]}}}\n`;

const AB = pod('a', { app: 'a' }) + pod('b', { app: 'b' }, { ports: '[{name: web, containerPort: 8080}, {name: dns, containerPort: 53, protocol: UDP}]' });
const TO_B = `subject: {pods: {podSelector: {matchLabels: {app: b}}}}`;
const FROM_A = `from: [{pods: {podSelector: {matchLabels: {app: a}}}}]`;
/** The lines between the two pods only (external lines left out). */
const between = (...files: string[]) => connectionLines(...files).filter((line) => !/\d+\.\d+\.\d+\.\d+\/\d+/.test(line));
const aToB = (...files: string[]) => between(...files).filter((line) => line.startsWith('default/a[Pod] => default/b[Pod]'));
const fatalOf = (...files: string[]) => analysisOf(...files).analysis.adminProblems.fatal.map((problem) => problem.message);
const warningsOf = (...files: string[]) => analysisOf(...files).analysis.adminProblems.warnings.map((problem) => problem.message);

describe('ClusterNetworkPolicy, Admin tier', () => {
  it('gives the connections of the equivalent AdminNetworkPolicy', () => {
    const v1alpha1 = anp(
      'p',
      `{priority: 3, ${TO_B}, ingress: [{action: Allow, ${FROM_A}, ports: [{portNumber: {protocol: TCP, port: 80}}]}, {action: Deny, from: [{namespaces: {}}]}], egress: [{action: Deny, to: [{networks: [10.0.0.0/8]}]}]}`,
    );
    const v1alpha2 = cnp(
      'p',
      `{tier: Admin, priority: 3, ${TO_B}, ingress: [{action: Accept, ${FROM_A}, protocols: [{tcp: {destinationPort: {number: 80}}}]}, {action: Deny, from: [{namespaces: {}}]}], egress: [{action: Deny, to: [{networks: [10.0.0.0/8]}]}]}`,
    );
    const expected = listConnections(analysisOf(AB + v1alpha1).analysis);
    assert.deepEqual(listConnections(analysisOf(AB + v1alpha2).analysis), expected);
    assert.ok(aToB(AB + v1alpha2).includes('default/a[Pod] => default/b[Pod] : TCP 80'));
    assert.deepEqual(analysisOf(AB + v1alpha2).analysis.adminProblems, { fatal: [], warnings: [] });
  });

  it('Accept is final, Deny is final, Pass hands the port to NetworkPolicies', () => {
    const accept = cnp('p', `{tier: Admin, priority: 1, ${TO_B}, ingress: [{action: Accept, ${FROM_A}}]}`);
    const deny = cnp('p', `{tier: Admin, priority: 1, ${TO_B}, ingress: [{action: Deny, ${FROM_A}}]}`);
    const pass = cnp('p', `{tier: Admin, priority: 1, ${TO_B}, ingress: [{action: Pass, ${FROM_A}}, {action: Accept, ${FROM_A}}]}`);
    const isolateB = netpol('deny-b', '{podSelector: {matchLabels: {app: b}}, policyTypes: [Ingress]}', 'default');
    assert.deepEqual(aToB(AB + accept + isolateB), [`default/a[Pod] => default/b[Pod] : ${ALL}`]);
    assert.deepEqual(aToB(AB + deny), []);
    // Pass skips the Accept after it: the NetworkPolicy isolating b decides.
    assert.deepEqual(aToB(AB + pass + isolateB), []);
    assert.deepEqual(aToB(AB + pass), [`default/a[Pod] => default/b[Pod] : ${ALL}`]);
  });

  it('protocols: tcp and udp destinationPort numbers and ranges, and destinationNamedPort', () => {
    const only = (protocols: string) => AB + cnp('p', `{tier: Admin, priority: 1, ${TO_B}, ingress: [{action: Accept, ${FROM_A}, protocols: ${protocols}}, {action: Deny, ${FROM_A}}]}`);
    assert.deepEqual(aToB(only('[{tcp: {destinationPort: {number: 443}}}, {udp: {destinationPort: {number: 53}}}]')), ['default/a[Pod] => default/b[Pod] : TCP 443,UDP 53']);
    assert.deepEqual(aToB(only('[{tcp: {destinationPort: {range: {start: 8000, end: 8100}}}}, {udp: {destinationPort: {range: {start: 5000, end: 5001}}}}]')), [
      'default/a[Pod] => default/b[Pod] : TCP 8000-8100,UDP 5000-5001',
    ]);
    // A named port takes the destination's container port and its protocol.
    assert.deepEqual(aToB(only('[{destinationNamedPort: web}, {destinationNamedPort: dns}]')), ['default/a[Pod] => default/b[Pod] : TCP 8080,UDP 53']);
    assert.deepEqual(warningsOf(only('[{destinationNamedPort: web}]')), []);
    // A name b does not declare allows nothing, with the warning on the destinationNamedPort written.
    const missing = analysisOf(only('[{tcp: {destinationPort: {number: 443}}}, {destinationNamedPort: grpc}]')).analysis.adminProblems.warnings;
    assert.deepEqual(
      missing.map((problem) => [problem.path.join('.'), problem.message]),
      [['spec.ingress.0.protocols.1.destinationNamedPort', 'ClusterNetworkPolicy "p": the named port "grpc" allows nothing toward default/b[Pod]: no container port has that name.']],
    );
  });

  it('an AdminNetworkPolicy and a ClusterNetworkPolicy share one priority order', () => {
    const denyAll = (priority: number) => anp('deny', `{priority: ${priority}, ${TO_B}, ingress: [{action: Deny, ${FROM_A}}]}`);
    const accept = (priority: number) => cnp('accept', `{tier: Admin, priority: ${priority}, ${TO_B}, ingress: [{action: Accept, ${FROM_A}}]}`);
    assert.deepEqual(aToB(AB + denyAll(5) + accept(4)), [`default/a[Pod] => default/b[Pod] : ${ALL}`]);
    assert.deepEqual(aToB(AB + denyAll(5) + accept(6)), []);
    // At one priority the AdminNetworkPolicy comes first, wherever it is written; a warning says the order is undefined.
    assert.deepEqual(aToB(AB + accept(5) + denyAll(5)), []);
    assert.deepEqual(fatalOf(AB + accept(5) + denyAll(5)), []);
    assert.deepEqual(warningsOf(AB + accept(5) + denyAll(5)), [
      'ClusterNetworkPolicy "accept" has priority 5, as AdminNetworkPolicy "deny" has: which applies first is undefined; the analysis applies AdminNetworkPolicy "deny" first.',
    ]);
  });

  it('equal priorities among ClusterNetworkPolicies are a warning, not fatal: input order decides', () => {
    const first = cnp('first', `{tier: Admin, priority: 7, ${TO_B}, ingress: [{action: Deny, ${FROM_A}}]}`);
    const second = cnp('second', `{tier: Admin, priority: 7, ${TO_B}, ingress: [{action: Accept, ${FROM_A}}]}`);
    assert.deepEqual(fatalOf(AB + first + second), []);
    assert.deepEqual(warningsOf(AB + first + second), [
      'ClusterNetworkPolicy "second" has priority 7, as ClusterNetworkPolicy "first" has: which applies first is undefined; the analysis applies ClusterNetworkPolicy "first" first.',
    ]);
    assert.deepEqual(aToB(AB + first + second), []);
    assert.deepEqual(aToB(AB + second + first), [`default/a[Pod] => default/b[Pod] : ${ALL}`]);
  });
});

describe('ClusterNetworkPolicy, Baseline tier', () => {
  const baseline = (name: string, priority: number, rules: string) => cnp(name, `{tier: Baseline, priority: ${priority}, ${TO_B}, ingress: ${rules}}`);

  it('several policies, any names, by ascending priority', () => {
    const deny = baseline('deny-a', 20, `[{action: Deny, ${FROM_A}}]`);
    const accept = baseline('accept-a', 10, `[{action: Accept, ${FROM_A}, protocols: [{tcp: {destinationPort: {number: 80}}}]}]`);
    assert.deepEqual(aToB(AB + deny + accept), ['default/a[Pod] => default/b[Pod] : TCP 80']);
    assert.deepEqual(fatalOf(AB + deny + accept), []);
    // Swapping the priorities puts the Deny first.
    assert.deepEqual(aToB(AB + baseline('deny-a', 5, `[{action: Deny, ${FROM_A}}]`) + accept), []);
  });

  it('Pass sends the port to the default (allowed), past later Baseline rules', () => {
    const pass = baseline('pass-web', 1, `[{action: Pass, ${FROM_A}, protocols: [{tcp: {destinationPort: {number: 8080}}}]}]`);
    const deny = baseline('deny-a', 2, `[{action: Deny, ${FROM_A}}]`);
    assert.deepEqual(aToB(AB + pass + deny), ['default/a[Pod] => default/b[Pod] : TCP 8080']);
    assert.deepEqual(analysisOf(AB + pass + deny).analysis.adminProblems, { fatal: [], warnings: [] });
  });

  it('a NetworkPolicy that selects the subject hides the Baseline tier', () => {
    const deny = baseline('deny-a', 1, `[{action: Deny, ${FROM_A}}]`);
    const allowA = netpol('allow-a', '{podSelector: {matchLabels: {app: b}}, ingress: [{from: [{podSelector: {matchLabels: {app: a}}}]}]}', 'default');
    assert.deepEqual(aToB(AB + deny + allowA), [`default/a[Pod] => default/b[Pod] : ${ALL}`]);
  });

  it('the BaselineAdminNetworkPolicy comes before the Baseline-tier ClusterNetworkPolicies', () => {
    const accept = baseline('accept-a', 0, `[{action: Accept, ${FROM_A}}]`);
    const denyBanp = banp(`{${TO_B}, ingress: [{action: Deny, ${FROM_A}}]}`);
    assert.deepEqual(aToB(AB + accept + denyBanp), []);
    assert.deepEqual(fatalOf(AB + accept + denyBanp), []);
  });
});

describe('ClusterNetworkPolicy problems', () => {
  it('a domainNames peer matches nothing, with a warning at the peer', () => {
    const files =
      AB + cnp('dns', `{tier: Admin, priority: 1, subject: {pods: {podSelector: {matchLabels: {app: a}}}}, egress: [{action: Accept, to: [{domainNames: [example.com]}]}, {action: Deny, to: [{networks: [0.0.0.0/0]}]}]}`);
    const { analysis } = analysisOf(files);
    assert.deepEqual(analysis.adminProblems.fatal, []);
    assert.deepEqual(
      analysis.adminProblems.warnings.map((problem) => [problem.path.join('.'), problem.message]),
      [['spec.egress.0.to.0.domainNames', 'ClusterNetworkPolicy "dns": domainNames match no address in this model: the peer is read as matching nothing.']],
    );
    // The Accept toward example.com opens no address: the Deny covers every external address.
    assert.deepEqual(
      connectionLines(files).filter((line) => line.startsWith('default/a[Pod] => 0') || /^default\/a\[Pod\] => \d/.test(line)),
      [],
    );
  });

  it("the mapping's invalid problems are fatal, at their paths", () => {
    const { analysis } = analysisOf(AB + cnp('bad', `{tier: Admin, priority: 1001, ${TO_B}, ingress: [{action: Allow, ${FROM_A}}]}`));
    assert.deepEqual(
      analysis.adminProblems.fatal.map((problem) => [problem.path.join('.'), problem.message]),
      [
        ['spec.priority', 'ClusterNetworkPolicy "bad": priority 1001 is outside 0..1000.'],
        ['spec.ingress.0.action', 'ClusterNetworkPolicy "bad": action "Allow" is not Accept, Deny or Pass (actions are case-sensitive).'],
      ],
    );
  });

  it('a peer with no field, which the CRD refuses, is fatal at the peer', () => {
    const { analysis } = analysisOf(AB + cnp('bad', `{tier: Admin, priority: 1, ${TO_B}, ingress: [{action: Deny, from: [{}]}]}`));
    assert.deepEqual(
      analysis.adminProblems.fatal.map((problem) => [problem.path.join('.'), problem.message]),
      [['spec.ingress.0.from.0', 'ClusterNetworkPolicy "bad": an ingress peer must set exactly one of namespaces, pods.']],
    );
  });

  it('label selectors, subjects and CIDRs get the v1alpha1 checks; a nodes peer and an IPv6 network warn', () => {
    const placed = (spec: string) => {
      const { fatal, warnings } = analysisOf(AB + cnp('p', spec)).analysis.adminProblems;
      return { fatal: fatal.map((problem) => problem.path.join('.')), warnings: warnings.map((problem) => problem.path.join('.')) };
    };
    assert.deepEqual(placed(`{tier: Admin, priority: 1, subject: {namespaces: {matchExpressions: [{key: app, operator: in, values: [a]}]}}, ingress: [{action: Deny, ${FROM_A}}]}`), {
      fatal: ['spec.subject.namespaces.matchExpressions.0.operator'],
      warnings: [],
    });
    assert.deepEqual(placed(`{tier: Baseline, priority: 1, subject: {}, ingress: [{action: Deny, ${FROM_A}}]}`), { fatal: ['spec.subject'], warnings: [] });
    assert.deepEqual(placed(`{tier: Admin, priority: 1, ${TO_B}, egress: [{action: Deny, to: [{networks: [10.0.0.1]}, {networks: ['fd00::/8']}, {nodes: {}}]}]}`), {
      fatal: ['spec.egress.0.to.0.networks.0'],
      warnings: ['spec.egress.0.to.1.networks.0', 'spec.egress.0.to.2.nodes'],
    });
  });

  it('a ClusterNetworkPolicy without a valid tier is fatal', () => {
    assert.deepEqual(fatalOf(AB + cnp('bad', `{tier: admin, priority: 1, ${TO_B}, ingress: [{action: Deny, ${FROM_A}}]}`)), [
      'ClusterNetworkPolicy "bad": tier "admin" is not Admin or Baseline (tiers are case-sensitive).',
    ]);
  });

  it('an Antrea ClusterNetworkPolicy (crd.antrea.io) is still not evaluated', () => {
    const antrea = cnp('p', `{tier: Admin, priority: 1, ${TO_B}, ingress: [{action: Deny, ${FROM_A}}]}`, 'crd.antrea.io/v1beta1');
    assert.deepEqual(aToB(AB + antrea), [`default/a[Pod] => default/b[Pod] : ${ALL}`]);
    assert.deepEqual(analysisOf(AB + antrea).analysis.adminProblems, { fatal: [], warnings: [] });
    assert.equal(analysisOf(AB + antrea).analysis.admin, undefined);
  });
});

describe('ClusterNetworkPolicy: the synthetic example (admin-policy-semantics.md §11) in v1alpha2', () => {
  it('gives the documented result', () => {
    const files =
      namespace('alpha', { tier: 'web' }) +
      namespace('beta', { tier: 'db' }) +
      deployment('front', 'alpha') +
      deployment('store', 'beta', '[{name: pg, containerPort: 5432}]') +
      deployment('tools', 'gamma') +
      cnp('guard', '{tier: Admin, priority: 5, subject: {namespaces: {matchLabels: {tier: db}}}, ingress: [{action: Pass, from: [{namespaces: {matchLabels: {tier: web}}}], protocols: [{destinationNamedPort: pg}]}, {action: Deny, from: [{namespaces: {}}]}]}') +
      netpol('allow-web', '{podSelector: {}, ingress: [{from: [{namespaceSelector: {matchLabels: {tier: web}}}], ports: [{port: 5432}]}]}', 'beta') +
      cnp('default', '{tier: Baseline, priority: 0, subject: {namespaces: {}}, egress: [{action: Deny, to: [{networks: [10.0.0.0/8]}]}]}');
    const outside10 = ['0.0.0.0/5', '8.0.0.0/7', '11.0.0.0/8', '12.0.0.0/6', '16.0.0.0/4', '32.0.0.0/3', '64.0.0.0/2', '128.0.0.0/1'];
    const external = (from: string) => outside10.map((cidr) => `${from} => ${cidr} : ${ALL}`);
    assert.deepEqual(connectionLines(files), [
      `0.0.0.0/0 => alpha/front[Deployment] : ${ALL}`,
      `0.0.0.0/0 => gamma/tools[Deployment] : ${ALL}`,
      ...external('alpha/front[Deployment]'),
      'alpha/front[Deployment] => beta/store[Deployment] : TCP 5432',
      `alpha/front[Deployment] => gamma/tools[Deployment] : ${ALL}`,
      ...external('beta/store[Deployment]'),
      `beta/store[Deployment] => alpha/front[Deployment] : ${ALL}`,
      `beta/store[Deployment] => gamma/tools[Deployment] : ${ALL}`,
      ...external('gamma/tools[Deployment]'),
      `gamma/tools[Deployment] => alpha/front[Deployment] : ${ALL}`,
    ]);
    assert.deepEqual(analysisOf(files).analysis.adminProblems, { fatal: [], warnings: [] });
  });
});
