import assert from 'node:assert/strict';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, it } from 'node:test';
import { parseManifest } from '../../../server/src/engine';
import { adminPolicyPriority, adminPolicyProblems, isSkipped } from '../../../server/src/engine/policy/admin-policy-validation';

const VALID_RULE = `
    - name: r
      action: Allow
      to:
        - namespaces: {}`;

/** An AdminNetworkPolicy (or another kind) whose spec is the given YAML, indented by two. */
function anp(spec: string, kind = 'AdminNetworkPolicy', name = 'default'): string {
  return `apiVersion: policy.networking.k8s.io/v1alpha1\nkind: ${kind}\nmetadata:\n  name: ${name}\nspec:\n${spec}\n`;
}

function problemsOf(text: string) {
  const [object] = parseManifest('test.yaml', text).objects;
  return adminPolicyProblems(object).map(({ path, kind, message }) => ({ path: [...path], kind, message }));
}

function only(text: string) {
  const problems = problemsOf(text);
  assert.equal(problems.length, 1, JSON.stringify(problems));
  return problems[0];
}

describe('admin policy validation', () => {
  it('finds nothing wrong in a valid policy of either kind', () => {
    const spec = `  priority: 10\n  subject:\n    pods:\n      namespaceSelector: {matchLabels: {team: a}}\n      podSelector: {matchExpressions: [{key: app, operator: In, values: [web]}]}\n  ingress:\n    - action: Pass\n      from: [{namespaces: {}}]\n      ports: [{portNumber: {protocol: UDP, port: 53}}, {namedPort: http}, {portRange: {start: 80, end: 80}}]\n  egress:\n    - action: Deny\n      to: [{networks: [10.1.2.3/8, 0.0.0.0/0]}, {pods: {}}]\n      ports: []`;
    assert.deepEqual(problemsOf(anp(spec)), []);
    assert.deepEqual(problemsOf(anp(`  subject: {namespaces: {}}\n  egress:${VALID_RULE}`, 'BaselineAdminNetworkPolicy')), []);
  });

  it('ignores other kinds, whatever their spec', () => {
    assert.deepEqual(problemsOf(anp('  priority: 5000', 'NetworkPolicy')), []);
    assert.deepEqual(problemsOf(anp('  priority: 5000', 'ClusterNetworkPolicy')), []);
  });

  it('reads the priority: absent or null is 0', () => {
    const [absent] = parseManifest('a.yaml', anp('  subject: {namespaces: {}}')).objects;
    const [nulled] = parseManifest('a.yaml', anp('  priority: null\n  subject: {namespaces: {}}')).objects;
    const [text] = parseManifest('a.yaml', anp('  priority: "3"')).objects;
    assert.equal(adminPolicyPriority(absent), 0);
    assert.equal(adminPolicyPriority(nulled), 0);
    assert.equal(adminPolicyPriority(text), undefined);
  });

  it('a priority outside 0..1000 is load-fatal', () => {
    assert.deepEqual(only(anp('  priority: 1001\n  subject: {namespaces: {}}')), { path: ['spec', 'priority'], kind: 'load-fatal', message: 'priority 1001 is outside 0..1000' });
    assert.deepEqual(only(anp('  priority: -1\n  subject: {namespaces: {}}')), { path: ['spec', 'priority'], kind: 'load-fatal', message: 'priority -1 is outside 0..1000' });
    assert.deepEqual(problemsOf(anp('  priority: 1000\n  subject: {namespaces: {}}')), []);
  });

  it('a priority that is not a whole number is a type error, and the object is skipped', () => {
    const problems = problemsOf(anp('  priority: "10"\n  subject: {namespaces: {}}'));
    assert.deepEqual(problems, [{ path: ['spec', 'priority'], kind: 'type-error', message: 'priority must be a whole number, not the text "10"' }]);
    assert.equal(isSkipped(adminPolicyProblems(parseManifest('a.yaml', anp('  priority: 1.5')).objects[0])), true);
  });

  it('a list where a map belongs is a type error', () => {
    assert.deepEqual(only(anp('  subject: [namespaces]')), { path: ['spec', 'subject'], kind: 'type-error', message: 'subject must be a map, not a list' });
    assert.deepEqual(only(anp(`  subject: {namespaces: {}}\n  egress:\n    - action: Allow\n      to: ["x"]`)), {
      path: ['spec', 'egress', 0, 'to', 0],
      kind: 'type-error',
      message: 'an entry of to must be a map, not the text "x"',
    });
  });

  it('a BaselineAdminNetworkPolicy not named default is load-fatal; its priority field is not read', () => {
    assert.deepEqual(only(anp('  priority: 5000\n  subject: {namespaces: {}}', 'BaselineAdminNetworkPolicy', 'baseline')), {
      path: ['metadata', 'name'],
      kind: 'load-fatal',
      message: 'a BaselineAdminNetworkPolicy must be named default, not "baseline"',
    });
  });

  it('a networks entry that is no CIDR is load-fatal; host bits are fine', () => {
    const rule = (network: string) => anp(`  subject: {namespaces: {}}\n  egress:\n    - action: Deny\n      to: [{networks: ["${network}"]}]`);
    assert.deepEqual(only(rule('10.0.0.1')), {
      path: ['spec', 'egress', 0, 'to', 0, 'networks', 0],
      kind: 'load-fatal',
      message: '"10.0.0.1" is not a CIDR: a network needs a prefix length, as in 10.0.0.1/32',
    });
    assert.deepEqual(only(rule('10.0.0/8')), { path: ['spec', 'egress', 0, 'to', 0, 'networks', 0], kind: 'load-fatal', message: '"10.0.0/8" is not a CIDR (a.b.c.d/n or an IPv6 CIDR)' });
    assert.deepEqual(only(rule('10.0.0.0/33')).kind, 'load-fatal');
    assert.deepEqual(problemsOf(rule('10.1.2.3/8')), []);
  });

  it('an IPv6 network is a warning: it is ignored', () => {
    assert.deepEqual(only(anp(`  subject: {namespaces: {}}\n  egress:\n    - action: Deny\n      to: [{networks: ["fd00::/8"]}]`)), {
      path: ['spec', 'egress', 0, 'to', 0, 'networks', 0],
      kind: 'warning',
      message: 'IPv6 network fd00::/8 is ignored: the connectivity analysis covers IPv4 only',
    });
  });

  it('a subject with neither or both of namespaces and pods', () => {
    assert.deepEqual(only(anp(`  priority: 1\n  egress:${VALID_RULE}`)), { path: ['spec'], kind: 'evaluation-fatal', message: 'subject must set exactly one of namespaces and pods' });
    assert.deepEqual(only(anp(`  subject: {namespaces: null}\n  egress:${VALID_RULE}`)), { path: ['spec', 'subject'], kind: 'evaluation-fatal', message: 'subject must set exactly one of namespaces and pods' });
    assert.deepEqual(only(anp(`  subject: {namespaces: {}, pods: {}}\n  egress:${VALID_RULE}`)), {
      path: ['spec', 'subject'],
      kind: 'evaluation-fatal',
      message: 'subject must set exactly one of namespaces and pods, not both',
    });
  });

  it('a rule without peers, absent or empty', () => {
    assert.deepEqual(only(anp('  subject: {namespaces: {}}\n  ingress:\n    - action: Allow')), { path: ['spec', 'ingress', 0], kind: 'evaluation-fatal', message: 'an ingress rule needs at least one peer in from' });
    assert.deepEqual(only(anp('  subject: {namespaces: {}}\n  egress:\n    - action: Allow\n      to: []')), { path: ['spec', 'egress', 0, 'to'], kind: 'evaluation-fatal', message: 'an egress rule needs at least one peer in to' });
  });

  it('a peer with zero or several fields; networks and nodes count only in egress', () => {
    assert.deepEqual(only(anp('  subject: {namespaces: {}}\n  egress:\n    - action: Allow\n      to: [{namespaces: {}, networks: [10.0.0.0/8]}]')), {
      path: ['spec', 'egress', 0, 'to', 0],
      kind: 'evaluation-fatal',
      message: 'an egress peer must set exactly one of namespaces, pods, nodes and networks, not namespaces and networks',
    });
    assert.deepEqual(only(anp('  subject: {namespaces: {}}\n  ingress:\n    - action: Allow\n      from: [{networks: [10.0.0.0/8]}]')), {
      path: ['spec', 'ingress', 0, 'from', 0],
      kind: 'evaluation-fatal',
      message: 'an ingress peer must set exactly one of namespaces and pods',
    });
    // An empty list is a set field; null is not.
    assert.deepEqual(problemsOf(anp('  subject: {namespaces: {}}\n  egress:\n    - action: Allow\n      to: [{networks: [], pods: null}]')), []);
  });

  it('a ports entry with zero or several of portNumber, namedPort and portRange', () => {
    assert.deepEqual(only(anp('  subject: {namespaces: {}}\n  ingress:\n    - action: Allow\n      from: [{pods: {}}]\n      ports: [{namedPort: http, portNumber: {port: 80}}]')), {
      path: ['spec', 'ingress', 0, 'ports', 0],
      kind: 'evaluation-fatal',
      message: 'a ports entry must set exactly one of portNumber, namedPort and portRange, not portNumber and namedPort',
    });
    assert.deepEqual(only(anp('  subject: {namespaces: {}}\n  ingress:\n    - action: Allow\n      from: [{pods: {}}]\n      ports: [{}]')).message, 'a ports entry must set exactly one of portNumber, namedPort and portRange');
  });

  it('portRange bounds outside 1..65535 or reversed; start = end is fine', () => {
    const range = (bounds: string) => anp(`  subject: {namespaces: {}}\n  ingress:\n    - action: Allow\n      from: [{pods: {}}]\n      ports: [{portRange: {${bounds}}}]`);
    const at = ['spec', 'ingress', 0, 'ports', 0, 'portRange'];
    assert.deepEqual(only(range('start: 0, end: 80')), { path: [...at, 'start'], kind: 'evaluation-fatal', message: 'portRange start 0 is outside 1..65535' });
    assert.deepEqual(only(range('start: 80, end: 65536')), { path: [...at, 'end'], kind: 'evaluation-fatal', message: 'portRange end 65536 is outside 1..65535' });
    assert.deepEqual(only(range('start: 90, end: 80')), { path: [...at, 'end'], kind: 'evaluation-fatal', message: 'portRange end 80 is below its start 90' });
    assert.deepEqual(only(range('start: 90')), { path: at, kind: 'evaluation-fatal', message: 'portRange needs an end in 1..65535' });
    assert.deepEqual(problemsOf(range('protocol: UDP, start: 80, end: 80')), []);
  });

  it('a missing or invalid action, case-sensitive, and Pass in a baseline policy', () => {
    const rule = (action: string, kind = 'AdminNetworkPolicy') => anp(`  subject: {namespaces: {}}\n  egress:\n    - ${action}\n      to: [{pods: {}}]`, kind);
    assert.deepEqual(only(rule('name: r')), { path: ['spec', 'egress', 0], kind: 'evaluation-fatal', message: 'the rule needs an action: Allow, Deny or Pass' });
    assert.deepEqual(only(rule('action: allow')), { path: ['spec', 'egress', 0, 'action'], kind: 'evaluation-fatal', message: 'action "allow" is not Allow, Deny or Pass (actions are case-sensitive)' });
    assert.deepEqual(only(rule('action: Pass', 'BaselineAdminNetworkPolicy')), {
      path: ['spec', 'egress', 0, 'action'],
      kind: 'evaluation-fatal',
      message: 'a BaselineAdminNetworkPolicy rule cannot Pass: its action must be Allow or Deny',
    });
  });

  it('invalid label selectors: operators, values, keys and label values', () => {
    const subject = (selector: string) => anp(`  subject:\n    namespaces: ${selector}`);
    const at = ['spec', 'subject', 'namespaces'];
    assert.deepEqual(only(subject('{matchExpressions: [{key: a, operator: in, values: [x]}]}')), {
      path: [...at, 'matchExpressions', 0, 'operator'],
      kind: 'evaluation-fatal',
      message: 'unknown operator "in": it must be In, NotIn, Exists or DoesNotExist (operators are case-sensitive)',
    });
    assert.deepEqual(only(subject('{matchExpressions: [{key: a, operator: NotIn, values: []}]}')), { path: [...at, 'matchExpressions', 0, 'values'], kind: 'evaluation-fatal', message: 'NotIn needs at least one value' });
    assert.deepEqual(only(subject('{matchExpressions: [{key: a, operator: In}]}')), { path: [...at, 'matchExpressions', 0, 'operator'], kind: 'evaluation-fatal', message: 'In needs at least one value' });
    assert.deepEqual(only(subject('{matchExpressions: [{key: a, operator: Exists, values: [x]}]}')), { path: [...at, 'matchExpressions', 0, 'values'], kind: 'evaluation-fatal', message: 'Exists takes no values' });
    assert.deepEqual(only(subject('{matchLabels: {"-app": web}}')), {
      path: [...at, 'matchLabels', '-app'],
      kind: 'evaluation-fatal',
      message: '"-app" is not a valid label key (at most 63 letters, digits, "-", "_" and ".", beginning and ending with a letter or digit, after an optional lowercase DNS prefix and "/")',
    });
    assert.deepEqual(only(subject('{matchLabels: {app: "a b"}}')), {
      path: [...at, 'matchLabels', 'app'],
      kind: 'evaluation-fatal',
      message: '"a b" is not a valid label value (empty, or at most 63 letters, digits, "-", "_" and ".", beginning and ending with a letter or digit)',
    });
    assert.deepEqual(only(subject('{matchLabels: {app: 1}}')), { path: [...at, 'matchLabels', 'app'], kind: 'type-error', message: 'the value of label app must be text, not the number 1' });
    assert.deepEqual(problemsOf(subject('{matchLabels: {"example.com/app": "", kubernetes.io/metadata.name: shop}}')), []);
  });

  it('invalid selectors in peers, pods selectors included', () => {
    assert.deepEqual(only(anp('  subject: {namespaces: {}}\n  ingress:\n    - action: Allow\n      from: [{pods: {podSelector: {matchExpressions: [{key: "a/b/c", operator: Exists}]}}}]')), {
      path: ['spec', 'ingress', 0, 'from', 0, 'pods', 'podSelector', 'matchExpressions', 0, 'key'],
      kind: 'evaluation-fatal',
      message: '"a/b/c" is not a valid label key (at most 63 letters, digits, "-", "_" and ".", beginning and ending with a letter or digit, after an optional lowercase DNS prefix and "/")',
    });
  });

  it('a nodes peer is a warning: it matches nothing', () => {
    assert.deepEqual(only(anp('  subject: {namespaces: {}}\n  egress:\n    - action: Allow\n      to: [{nodes: {matchLabels: {role: infra}}}]')), {
      path: ['spec', 'egress', 0, 'to', 0, 'nodes'],
      kind: 'warning',
      message: 'a nodes peer matches nothing: node addresses are not part of the model',
    });
  });

  it('a null rule, peer or ports entry decodes as empty', () => {
    const problems = problemsOf(anp('  subject: {namespaces: {}}\n  egress:\n    -\n    - action: Allow\n      to: [null]\n      ports: [null]'));
    assert.deepEqual(
      problems.map(({ path, kind }) => [path, kind]),
      [
        [['spec', 'egress', 0], 'evaluation-fatal'],
        [['spec', 'egress', 0], 'evaluation-fatal'],
        [['spec', 'egress', 1, 'to', 0], 'evaluation-fatal'],
        [['spec', 'egress', 1, 'ports', 0], 'evaluation-fatal'],
      ],
    );
  });
});

describe('admin policy validation on arbitrary input', () => {
  it('never throws, whatever the spec holds, and gives every problem a path inside the object', () => {
    const keys = fc.constantFrom('priority', 'subject', 'namespaces', 'pods', 'podSelector', 'namespaceSelector', 'ingress', 'egress', 'from', 'to', 'action', 'ports', 'portNumber', 'portRange', 'namedPort', 'start', 'end', 'networks', 'nodes', 'matchLabels', 'matchExpressions', 'key', 'operator', 'values');
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, fc.constant(null), fc.integer(), fc.string(), fc.constantFrom('Allow', 'Pass', 'In', 'Exists', '10.0.0.0/8', 'fd00::/8'), fc.array(tie('node'), { maxLength: 3 }), fc.dictionary(keys, tie('node'), { maxKeys: 4 })),
    })).node;
    fc.assert(
      fc.property(value, fc.constantFrom('AdminNetworkPolicy', 'BaselineAdminNetworkPolicy'), (spec, kind) => {
        const text = stringify({ apiVersion: 'policy.networking.k8s.io/v1alpha1', kind, metadata: { name: 'x' }, spec });
        const [object] = parseManifest('fuzz.yaml', text).objects;
        for (const problem of adminPolicyProblems(object)) assert.ok(problem.path.length > 0 && problem.message.length > 0);
      }),
      { numRuns: 500 },
    );
  });
});
