// One scenario per numbered decision of admin-policy-semantics.md, each with its exact connection list
// (or the exact problems), the way the CLI would print them.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analysisOf, connectionLines, pod } from './scenario';

const ALL = 'All Connections';
const anp = (name: string, spec: string, apiVersion = 'policy.networking.k8s.io/v1alpha1', metadata = '') =>
  `---\napiVersion: ${apiVersion}\nkind: AdminNetworkPolicy\nmetadata: {name: ${name}${metadata}}\nspec: ${spec}\n`;
const banp = (spec: string, name = 'default') => `---\napiVersion: policy.networking.k8s.io/v1alpha1\nkind: BaselineAdminNetworkPolicy\nmetadata: {name: ${name}}\nspec: ${spec}\n`;
const netpol = (name: string, spec: string, namespace = 'default') => `---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: ${name}, namespace: ${namespace}}\nspec: ${spec}\n`;
const namespace = (name: string, labels: Record<string, string>) => `---\napiVersion: v1\nkind: Namespace\nmetadata: {name: ${name}, labels: ${JSON.stringify(labels)}}\n`;
const deployment = (name: string, ns: string, ports = '[]') =>
  `---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ${name}, namespace: ${ns}}\nspec: {template: {metadata: {labels: {app: ${name}}}, spec: {containers: [{name: c, image: i, ports: ${ports}}]}}}\n`;

/** The lines between the two pods a and b only (external lines left out). */
function between(...files: string[]): string[] {
  return connectionLines(...files).filter((line) => !line.includes('0.0.0.0') && !/\d+\.\d+\.\d+\.\d+\/\d+/.test(line));
}
const AB = pod('a', { app: 'a' }) + pod('b', { app: 'b' });
const fatalOf = (...files: string[]) => analysisOf(...files).analysis.adminProblems.fatal.map((problem) => problem.message);
const warningsOf = (...files: string[]) => analysisOf(...files).analysis.adminProblems.warnings.map((problem) => problem.message);

describe('admin policies: the synthetic example (§11)', () => {
  it('gives exactly the documented result', () => {
    const files =
      namespace('alpha', { tier: 'web' }) +
      namespace('beta', { tier: 'db' }) +
      deployment('front', 'alpha') +
      deployment('store', 'beta', '[{name: pg, containerPort: 5432}]') +
      deployment('tools', 'gamma') +
      anp('guard', '{priority: 5, subject: {namespaces: {matchLabels: {tier: db}}}, ingress: [{action: Pass, from: [{namespaces: {matchLabels: {tier: web}}}], ports: [{namedPort: pg}]}, {action: Deny, from: [{namespaces: {}}]}]}') +
      netpol('allow-web', '{podSelector: {}, ingress: [{from: [{namespaceSelector: {matchLabels: {tier: web}}}], ports: [{port: 5432}]}]}', 'beta') +
      banp('{subject: {namespaces: {}}, egress: [{action: Deny, to: [{networks: [10.0.0.0/8]}]}]}');
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

describe('admin policies: input (§1)', () => {
  const denyAllIngress = (ports: string) => anp('p', `{subject: {pods: {podSelector: {matchLabels: {app: b}}}}, ingress: [{action: Deny, from: [{namespaces: {}}]${ports}}]}`);

  it('reads null as absent and [] as present (ports: null is every port, [] none)', () => {
    assert.deepEqual(between(AB + denyAllIngress(', ports: null')), [`default/b[Pod] => default/a[Pod] : ${ALL}`]);
    assert.deepEqual(between(AB + denyAllIngress(', ports: []')), [`default/a[Pod] => default/b[Pod] : ${ALL}`, `default/b[Pod] => default/a[Pod] : ${ALL}`]);
  });

  it('skips an object with a field of the wrong type, with a warning', () => {
    const wrongPriority = AB + anp('p', '{priority: "10", subject: {namespaces: {}}, ingress: [{action: Deny, from: [{namespaces: {}}]}]}');
    assert.deepEqual(between(wrongPriority), [`default/a[Pod] => default/b[Pod] : ${ALL}`, `default/b[Pod] => default/a[Pod] : ${ALL}`]);
    assert.deepEqual(warningsOf(wrongPriority), ['AdminNetworkPolicy "p" is skipped: priority must be a whole number, not the text "10".']);
    assert.deepEqual(fatalOf(wrongPriority), []);
    const listForMap = AB + anp('p', '{subject: {namespaces: []}, ingress: [{action: Deny, from: [{namespaces: {}}]}]}');
    assert.deepEqual(warningsOf(listForMap), ['AdminNetworkPolicy "p" is skipped: namespaces must be a map, not a list.']);
    assert.equal(between(listForMap).length, 2);
  });

  it('recognises the kinds by kind only, ignores metadata.namespace and unknown fields (v1alpha2 protocols)', () => {
    const files = AB + anp('p', '{subject: {namespaces: {}}, ingress: [{action: Deny, from: [{namespaces: {}}], protocols: [{tcp: {destinationPort: {number: 80}}}]}]}', 'example.com/v9', ', namespace: elsewhere');
    assert.deepEqual(between(files), []);
  });
});

describe('admin policies: errors and warnings (§2)', () => {
  const rule = '{action: Deny, from: [{namespaces: {}}]}';
  const ok = (name: string, priority: number) => anp(name, `{priority: ${priority}, subject: {namespaces: {}}, ingress: [${rule}]}`);

  it('fails on two AdminNetworkPolicies with one name, even without workloads', () => {
    assert.deepEqual(fatalOf(ok('p', 1) + ok('p', 2)), ['AdminNetworkPolicy "p" is defined more than once: AdminNetworkPolicy names must be unique.']);
  });

  it('fails on equal priorities and on a priority outside 0-1000, even without workloads', () => {
    assert.deepEqual(fatalOf(ok('p', 3) + ok('q', 3)), ['AdminNetworkPolicy "q" has priority 3, as AdminNetworkPolicy "p" has: AdminNetworkPolicy priorities must differ.']);
    assert.deepEqual(fatalOf(ok('p', 1001)), ['AdminNetworkPolicy "p": priority 1001 is outside 0..1000.']);
    // A missing priority is 0.
    assert.deepEqual(fatalOf(anp('p', `{subject: {namespaces: {}}, ingress: [${rule}]}`) + ok('q', 0)).length, 1);
  });

  it('fails on more than one baseline, and on a baseline not named default', () => {
    assert.deepEqual(fatalOf(banp('{subject: {namespaces: {}}}') + banp('{subject: {namespaces: {}}}', 'other')), [
      'BaselineAdminNetworkPolicy "other" is one BaselineAdminNetworkPolicy too many: a cluster has at most one, named "default".',
      'BaselineAdminNetworkPolicy "other": a BaselineAdminNetworkPolicy must be named default, not "other".',
    ]);
  });

  it('fails on an unreadable networks CIDR only when there is a workload; host bits are ignored', () => {
    const policy = anp('p', '{subject: {namespaces: {}}, egress: [{action: Deny, to: [{networks: [10.0.0.1, 10.1.2.3/8]}]}]}');
    assert.deepEqual(fatalOf(policy), []);
    assert.deepEqual(fatalOf(pod('a') + policy), ['AdminNetworkPolicy "p": "10.0.0.1" is not a CIDR: a network needs a prefix length, as in 10.0.0.1/32.']);
    assert.ok(connectionLines(pod('a') + policy).includes(`default/a[Pod] => 11.0.0.0/8 : ${ALL}`));
    assert.ok(!connectionLines(pod('a') + policy).some((line) => line.startsWith('default/a[Pod] => 10.')));
  });

  it('fails on a subject with neither or both fields when the policy has rules and there is a workload', () => {
    assert.deepEqual(fatalOf(pod('a') + anp('p', `{subject: {}, ingress: [${rule}]}`)), ['AdminNetworkPolicy "p": subject must set exactly one of namespaces and pods.']);
    assert.deepEqual(fatalOf(pod('a') + anp('p', `{subject: {namespaces: {}, pods: {}}, ingress: [${rule}]}`)), [
      'AdminNetworkPolicy "p": subject must set exactly one of namespaces and pods, not both.',
    ]);
    assert.deepEqual(fatalOf(anp('p', `{subject: {}, ingress: [${rule}]}`)), []);
    assert.deepEqual(fatalOf(pod('a') + anp('p', '{subject: {}}')), []);
  });

  it('fails on rules without peers, bad peers, bad ports entries, bad ranges and bad actions of a policy that selects a workload', () => {
    const policy = (ingress: string) => pod('a') + anp('p', `{subject: {namespaces: {}}, ingress: [${ingress}]}`);
    assert.deepEqual(fatalOf(policy('{action: Deny}')), ['AdminNetworkPolicy "p": an ingress rule needs at least one peer in from.']);
    assert.deepEqual(fatalOf(policy('{action: Deny, from: []}')), ['AdminNetworkPolicy "p": an ingress rule needs at least one peer in from.']);
    assert.deepEqual(fatalOf(policy('{action: Deny, from: [{}]}')), ['AdminNetworkPolicy "p": an ingress peer must set exactly one of namespaces and pods.']);
    assert.deepEqual(fatalOf(pod('a') + anp('p', '{subject: {namespaces: {}}, egress: [{action: Deny, to: [{namespaces: {}, networks: [1.0.0.0/8]}]}]}')), [
      'AdminNetworkPolicy "p": an egress peer must set exactly one of namespaces, pods, nodes and networks, not namespaces and networks.',
    ]);
    assert.deepEqual(fatalOf(policy('{action: Deny, from: [{namespaces: {}}], ports: [{portNumber: {port: 80}, namedPort: http}]}')), [
      'AdminNetworkPolicy "p": a ports entry must set exactly one of portNumber, namedPort and portRange, not portNumber and namedPort.',
    ]);
    assert.deepEqual(fatalOf(policy('{action: Deny, from: [{namespaces: {}}], ports: [{portRange: {start: 90, end: 80}}]}')), [
      'AdminNetworkPolicy "p": portRange end 80 is below its start 90.',
    ]);
    assert.deepEqual(fatalOf(policy('{action: Deny, from: [{namespaces: {}}], ports: [{portRange: {start: 80, end: 80}}]}')), []);
    assert.deepEqual(fatalOf(policy('{from: [{namespaces: {}}]}')), ['AdminNetworkPolicy "p": the rule needs an action: Allow, Deny or Pass.']);
    assert.deepEqual(fatalOf(policy('{action: deny, from: [{namespaces: {}}]}')), ['AdminNetworkPolicy "p": action "deny" is not Allow, Deny or Pass (actions are case-sensitive).']);
    assert.deepEqual(fatalOf(pod('a') + banp('{subject: {namespaces: {}}, ingress: [{action: Pass, from: [{namespaces: {}}]}]}')), [
      'BaselineAdminNetworkPolicy "default": a BaselineAdminNetworkPolicy rule cannot Pass: its action must be Allow or Deny.',
    ]);
    // A policy whose subject selects no workload is not evaluated.
    assert.deepEqual(fatalOf(pod('a') + anp('p', '{subject: {namespaces: {matchLabels: {none: x}}}, ingress: [{action: Deny}]}')), []);
  });

  it('fails on invalid label selectors: unknown operators, values where none belong, bad label syntax', () => {
    const policy = (selector: string) => pod('a') + anp('p', `{subject: {namespaces: ${selector}}, ingress: [{action: Deny, from: [{namespaces: {}}]}]}`);
    assert.deepEqual(fatalOf(policy('{matchExpressions: [{key: k, operator: in, values: [x]}]}')), ['AdminNetworkPolicy "p": unknown operator "in": it must be In, NotIn, Exists or DoesNotExist (operators are case-sensitive).']);
    assert.deepEqual(fatalOf(policy('{matchExpressions: [{key: k, operator: Exists, values: [x]}]}')), ['AdminNetworkPolicy "p": Exists takes no values.']);
    assert.match(fatalOf(policy('{matchLabels: {"bad key!": x}}')).join('\n'), /^AdminNetworkPolicy "p": "bad key!" is not a valid label key \(/);
    assert.match(fatalOf(policy('{matchLabels: {k: "-x"}}')).join('\n'), /^AdminNetworkPolicy "p": "-x" is not a valid label value \(/);
  });

  it('warns on nodes peers, IPv6 networks, and named ports the destination does not declare or toward addresses', () => {
    const files = pod('a', { app: 'a' }, { ports: '[{name: web, containerPort: 80}]' }) + pod('b', { app: 'b' }) +
      anp('p', '{subject: {namespaces: {}}, egress: [{action: Deny, to: [{nodes: {}}, {networks: ["fd00::/8", 1.0.0.0/8]}, {pods: {podSelector: {matchLabels: {app: a}}}}], ports: [{namedPort: web}]}]}');
    assert.deepEqual(warningsOf(files), [
      'AdminNetworkPolicy "p": a nodes peer matches nothing: node addresses are not part of the model.',
      'AdminNetworkPolicy "p": IPv6 network fd00::/8 is ignored: the connectivity analysis covers IPv4 only.',
      'AdminNetworkPolicy "p": the named port "web" allows nothing toward the rule\'s networks: external addresses have no named ports.',
    ]);
    assert.deepEqual(fatalOf(files), []);
    const missing = AB + anp('p', '{subject: {namespaces: {}}, ingress: [{action: Deny, from: [{namespaces: {}}], ports: [{namedPort: web}]}]}');
    assert.deepEqual(warningsOf(missing), ['AdminNetworkPolicy "p": the named port "web" allows nothing toward default/a[Pod], default/b[Pod]: no container port has that name.']);
  });
});

describe('admin policies: subjects (§3)', () => {
  it('selects by namespace labels, or by namespace and pod labels; external addresses never', () => {
    const files = namespace('x', { team: 'x' }) + pod('a', { app: 'a' }, { namespace: 'x' }) + pod('b', { app: 'b' }, { namespace: 'x' }) + pod('c', { app: 'c' }) +
      anp('p', '{subject: {pods: {namespaceSelector: {matchLabels: {team: x}}, podSelector: {matchLabels: {app: b}}}}, ingress: [{action: Deny, from: [{namespaces: {}}]}]}');
    assert.deepEqual(connectionLines(files).filter((line) => line.includes('=> x/b')), ['0.0.0.0/0 => x/b[Pod] : All Connections']);
    assert.equal(connectionLines(files).filter((line) => line.includes('=> x/a')).length, 3);
  });

  it('takes part only in the directions it has rules for (no implicit isolation)', () => {
    const files = AB + anp('p', '{subject: {namespaces: {}}, egress: [{action: Deny, to: [{pods: {podSelector: {matchLabels: {app: nobody}}}}]}]}');
    assert.equal(connectionLines(files).length, 6);
  });
});

describe('admin policies: peers (§4)', () => {
  const egressDeny = (to: string) => AB + anp('p', `{subject: {pods: {podSelector: {matchLabels: {app: a}}}}, egress: [{action: Deny, to: [${to}]}]}`);

  it('namespaces and pods peers match workloads by labels', () => {
    assert.deepEqual(between(egressDeny('{namespaces: {matchLabels: {kubernetes.io/metadata.name: default}}}')), [`default/b[Pod] => default/a[Pod] : ${ALL}`]);
    assert.deepEqual(between(egressDeny('{pods: {podSelector: {matchLabels: {app: b}}}}')), [`default/b[Pod] => default/a[Pod] : ${ALL}`]);
    assert.equal(between(egressDeny('{pods: {podSelector: {matchLabels: {app: c}}}}')).length, 2);
  });

  it('networks never match a workload, even 0.0.0.0/0; networks: [] and nodes match nothing', () => {
    const all = connectionLines(egressDeny('{networks: [0.0.0.0/0]}'));
    assert.ok(all.includes(`default/a[Pod] => default/b[Pod] : ${ALL}`));
    assert.ok(!all.some((line) => line.startsWith('default/a[Pod] => 0.0.0.0')));
    assert.equal(connectionLines(egressDeny('{networks: []}')).length, 6);
    assert.equal(connectionLines(egressDeny('{nodes: {}}')).length, 6);
  });
});

describe('admin policies: ports (§5)', () => {
  const deny = (ports: string, podPorts = '') =>
    pod('a', { app: 'a' }) + pod('b', { app: 'b' }, podPorts ? { ports: podPorts } : {}) +
    anp('p', `{subject: {pods: {podSelector: {matchLabels: {app: b}}}}, ingress: [{action: Deny, from: [{namespaces: {}}], ports: ${ports}}]}`);
  const aToB = (files: string) => between(files).find((line) => line.startsWith('default/a[Pod] => default/b'));

  it('portNumber and portRange default to TCP; other protocols or ports out of range contribute nothing', () => {
    assert.equal(aToB(deny('[{portNumber: {port: 80}}]')), 'default/a[Pod] => default/b[Pod] : TCP 1-79,81-65535,UDP 1-65535,SCTP 1-65535');
    assert.equal(aToB(deny('[{portRange: {start: 80, end: 90}}, {portNumber: {protocol: UDP, port: 53}}]')), 'default/a[Pod] => default/b[Pod] : TCP 1-79,91-65535,UDP 1-52,54-65535,SCTP 1-65535');
    assert.equal(aToB(deny('[{portNumber: {protocol: ICMP, port: 80}}, {portNumber: {port: 70000}}]')), `default/a[Pod] => default/b[Pod] : ${ALL}`);
  });

  it("a named port takes the destination's first container port with that name, with its protocol", () => {
    assert.equal(aToB(deny('[{namedPort: dns}]', '[{name: dns, containerPort: 53, protocol: UDP}, {name: dns, containerPort: 54}]')), 'default/a[Pod] => default/b[Pod] : TCP 1-65535,UDP 1-52,54-65535,SCTP 1-65535');
    assert.equal(aToB(deny('[{namedPort: dns}]')), `default/a[Pod] => default/b[Pod] : ${ALL}`);
  });

  it('a named port toward external addresses covers nothing', () => {
    const files = pod('a', { app: 'a' }) + anp('p', '{subject: {namespaces: {}}, egress: [{action: Deny, to: [{networks: [0.0.0.0/0]}], ports: [{namedPort: http}]}]}');
    assert.ok(connectionLines(files).includes(`default/a[Pod] => 0.0.0.0/0 : ${ALL}`));
  });
});

describe('admin policies: deciding one direction (§6)', () => {
  const toB = (files: string) => between(files).find((line) => line.startsWith('default/a[Pod] => default/b')) ?? 'nothing';
  const subjectB = '{pods: {podSelector: {matchLabels: {app: b}}}}';
  const all = '[{namespaces: {}}]';

  it('orders AdminNetworkPolicies by priority, not by input order; the first matching rule wins', () => {
    const files = AB + anp('late', `{priority: 20, subject: ${subjectB}, ingress: [{action: Allow, from: ${all}}]}`) + anp('early', `{priority: 10, subject: ${subjectB}, ingress: [{action: Deny, from: ${all}, ports: [{portNumber: {port: 80}}]}]}`);
    assert.equal(toB(files), 'default/a[Pod] => default/b[Pod] : TCP 1-79,81-65535,UDP 1-65535,SCTP 1-65535');
    assert.equal(toB(files + netpol('deny', '{podSelector: {}, policyTypes: [Ingress]}')), 'default/a[Pod] => default/b[Pod] : TCP 1-79,81-65535,UDP 1-65535,SCTP 1-65535');
  });

  it('Pass skips the remaining admin rules and hands the ports to the NetworkPolicies, then the baseline', () => {
    const pass = anp('p', `{priority: 1, subject: ${subjectB}, ingress: [{action: Pass, from: ${all}, ports: [{portNumber: {port: 80}}]}, {action: Deny, from: ${all}}]}`);
    assert.equal(toB(AB + pass), 'default/a[Pod] => default/b[Pod] : TCP 80');
    assert.equal(toB(AB + pass + banp(`{subject: {namespaces: {}}, ingress: [{action: Deny, from: ${all}}]}`)), 'nothing');
    assert.equal(toB(AB + pass + netpol('web', '{podSelector: {}, ingress: [{ports: [{port: 80}, {port: 81}]}]}')), 'default/a[Pod] => default/b[Pod] : TCP 80');
  });

  it('an admin Deny cannot be re-opened by a NetworkPolicy, an admin Allow not closed by one or by the baseline', () => {
    const open = netpol('open', '{podSelector: {}, ingress: [{}]}');
    assert.equal(toB(AB + anp('p', `{subject: ${subjectB}, ingress: [{action: Deny, from: ${all}}]}`) + open), 'nothing');
    const allow = anp('p', `{subject: ${subjectB}, ingress: [{action: Allow, from: ${all}, ports: [{portNumber: {port: 443}}]}]}`);
    assert.equal(toB(AB + allow + netpol('deny', '{podSelector: {}, policyTypes: [Ingress]}')), 'default/a[Pod] => default/b[Pod] : TCP 443');
    assert.equal(toB(AB + allow + banp(`{subject: {namespaces: {}}, ingress: [{action: Deny, from: ${all}}]}`)), 'default/a[Pod] => default/b[Pod] : TCP 443');
  });

  it('a NetworkPolicy selecting the subject hides the baseline for that direction only', () => {
    const baseline = banp(`{subject: {namespaces: {}}, ingress: [{action: Deny, from: ${all}}], egress: [{action: Deny, to: ${all}}]}`);
    const ingressPolicy = netpol('in', '{podSelector: {matchLabels: {app: b}}, ingress: [{}]}');
    assert.deepEqual(between(AB + baseline), []);
    // b's ingress is the NetworkPolicy's (everything), but a's egress still meets the baseline's Deny.
    assert.deepEqual(between(AB + baseline + ingressPolicy), []);
    const egressPolicy = netpol('out', '{podSelector: {matchLabels: {app: a}}, policyTypes: [Egress], egress: [{}]}');
    assert.deepEqual(between(AB + baseline + ingressPolicy + egressPolicy), [`default/a[Pod] => default/b[Pod] : ${ALL}`]);
  });

  it('a baseline Allow shadows its later Deny; an unmatched pair is allowed', () => {
    const baseline = banp(`{subject: {namespaces: {}}, ingress: [{action: Allow, from: [{pods: {podSelector: {matchLabels: {app: a}}}}], ports: [{portNumber: {port: 80}}]}, {action: Deny, from: [{pods: {podSelector: {matchLabels: {app: a}}}}]}]}`);
    assert.deepEqual(between(AB + baseline), ['default/a[Pod] => default/b[Pod] : TCP 80', `default/b[Pod] => default/a[Pod] : ${ALL}`]);
  });

  it('leaves traffic from external addresses unchanged', () => {
    const files = AB + anp('p', `{subject: {namespaces: {}}, ingress: [{action: Deny, from: ${all}}]}`) + banp(`{subject: {namespaces: {}}, ingress: [{action: Deny, from: ${all}}]}`);
    assert.deepEqual(connectionLines(files).filter((line) => line.startsWith('0.0.0.0')), [`0.0.0.0/0 => default/a[Pod] : ${ALL}`, `0.0.0.0/0 => default/b[Pod] : ${ALL}`]);
    const isolated = files + netpol('web', '{podSelector: {matchLabels: {app: b}}, ingress: [{from: [{ipBlock: {cidr: 0.0.0.0/0}}], ports: [{port: 80}]}]}');
    assert.ok(connectionLines(isolated).includes('0.0.0.0/0 => default/b[Pod] : TCP 80'));
  });

  it('egress toward addresses goes through all three tiers', () => {
    const files = pod('a') +
      anp('p', '{subject: {namespaces: {}}, egress: [{action: Allow, to: [{networks: [10.0.0.0/8]}], ports: [{portNumber: {port: 443}}]}]}') +
      netpol('deny', '{podSelector: {}, policyTypes: [Egress]}');
    assert.deepEqual(connectionLines(files), [`0.0.0.0/0 => default/a[Pod] : ${ALL}`, 'default/a[Pod] => 10.0.0.0/8 : TCP 443']);
  });

  it('egress toward addresses differs between workloads with the same admin policies but different NetworkPolicies', () => {
    const files = pod('a', { app: 'a' }) + pod('b', { app: 'b' }) +
      anp('p', '{subject: {namespaces: {}}, egress: [{action: Deny, to: [{networks: [10.0.0.0/8]}]}]}') +
      netpol('deny', '{podSelector: {matchLabels: {app: a}}, policyTypes: [Egress]}');
    assert.deepEqual(connectionLines(files).filter((line) => / => \d/.test(line)), [
      'default/b[Pod] => 0.0.0.0/5 : All Connections',
      'default/b[Pod] => 8.0.0.0/7 : All Connections',
      'default/b[Pod] => 11.0.0.0/8 : All Connections',
      'default/b[Pod] => 12.0.0.0/6 : All Connections',
      'default/b[Pod] => 16.0.0.0/4 : All Connections',
      'default/b[Pod] => 32.0.0.0/3 : All Connections',
      'default/b[Pod] => 64.0.0.0/2 : All Connections',
      'default/b[Pod] => 128.0.0.0/1 : All Connections',
    ]);
  });
});

describe('admin policies: combining directions (§7)', () => {
  it("an admin Allow on the source's egress does not override the destination's ingress", () => {
    const files = AB + anp('p', '{subject: {pods: {podSelector: {matchLabels: {app: a}}}}, egress: [{action: Allow, to: [{namespaces: {}}]}]}') + netpol('deny', '{podSelector: {matchLabels: {app: b}}, policyTypes: [Ingress]}');
    assert.deepEqual(between(files), [`default/b[Pod] => default/a[Pod] : ${ALL}`]);
  });
});

describe('admin policies: reporting (§8)', () => {
  it('splits external addresses at networks boundaries (host bits ignored), and joins equal neighbours', () => {
    const files = pod('a') + anp('p', '{subject: {namespaces: {}}, egress: [{action: Deny, to: [{networks: [10.128.0.1/9, 10.0.0.0/9]}]}, {action: Deny, to: [{networks: [192.168.0.0/16]}], ports: [{portNumber: {port: 22}}]}]}');
    assert.deepEqual(connectionLines(files), [
      `0.0.0.0/0 => default/a[Pod] : ${ALL}`,
      `default/a[Pod] => 0.0.0.0/5 : ${ALL}`,
      `default/a[Pod] => 8.0.0.0/7 : ${ALL}`,
      `default/a[Pod] => 11.0.0.0/8 : ${ALL}`,
      `default/a[Pod] => 12.0.0.0/6 : ${ALL}`,
      `default/a[Pod] => 16.0.0.0/4 : ${ALL}`,
      `default/a[Pod] => 32.0.0.0/3 : ${ALL}`,
      `default/a[Pod] => 64.0.0.0/2 : ${ALL}`,
      `default/a[Pod] => 128.0.0.0/2 : ${ALL}`,
      `default/a[Pod] => 192.0.0.0/9 : ${ALL}`,
      `default/a[Pod] => 192.128.0.0/11 : ${ALL}`,
      `default/a[Pod] => 192.160.0.0/13 : ${ALL}`,
      'default/a[Pod] => 192.168.0.0/16 : TCP 1-21,23-65535,UDP 1-65535,SCTP 1-65535',
      `default/a[Pod] => 192.169.0.0/16 : ${ALL}`,
      `default/a[Pod] => 192.170.0.0/15 : ${ALL}`,
      `default/a[Pod] => 192.172.0.0/14 : ${ALL}`,
      `default/a[Pod] => 192.176.0.0/12 : ${ALL}`,
      `default/a[Pod] => 192.192.0.0/10 : ${ALL}`,
      `default/a[Pod] => 193.0.0.0/8 : ${ALL}`,
      `default/a[Pod] => 194.0.0.0/7 : ${ALL}`,
      `default/a[Pod] => 196.0.0.0/6 : ${ALL}`,
      `default/a[Pod] => 200.0.0.0/5 : ${ALL}`,
      `default/a[Pod] => 208.0.0.0/4 : ${ALL}`,
      `default/a[Pod] => 224.0.0.0/3 : ${ALL}`,
    ]);
  });
});
