import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { parseManifest } from '../../../server/src/engine';
import { readClusterNetworkPolicy } from '../../../server/src/engine/policy/cluster-network-policy';

function cnp(spec: string, kind = 'ClusterNetworkPolicy') {
  const [object] = parseManifest('cnp.yaml', `apiVersion: policy.networking.k8s.io/v1alpha2\nkind: ${kind}\nmetadata:\n  name: p\nspec:\n${spec}\n`).objects;
  return readClusterNetworkPolicy(object);
}

function problemsOf(spec: string) {
  return cnp(spec)!.problems.map(({ path, message, kind }) => ({ path: [...path], message, kind }));
}

const SUBJECT = '  subject:\n    namespaces: {}';

describe('ClusterNetworkPolicy reading', () => {
  it('reads an Admin-tier policy as an AdminNetworkPolicy spec: Accept is Allow, protocols are ports', () => {
    const reading = cnp(
      `  tier: Admin\n  priority: 10\n${SUBJECT}\n  ingress:\n    - name: from-monitoring\n      action: Accept\n      from: [{namespaces: {matchLabels: {team: mon}}}]\n      protocols:\n        - tcp: {destinationPort: {number: 9090}}\n        - udp: {destinationPort: {range: {start: 1000, end: 2000}}}\n        - sctp: {destinationPort: {number: 7}}\n        - destinationNamedPort: metrics\n  egress:\n    - action: Pass\n      to: [{networks: [10.0.0.0/8]}, {pods: {podSelector: {}}}]`,
    );
    assert.deepEqual(reading, {
      tier: 'Admin',
      priority: 10,
      spec: {
        priority: 10,
        subject: { namespaces: {} },
        ingress: [
          {
            name: 'from-monitoring',
            action: 'Allow',
            from: [{ namespaces: { matchLabels: { team: 'mon' } } }],
            ports: [
              { portNumber: { protocol: 'TCP', port: 9090 } },
              { portRange: { protocol: 'UDP', start: 1000, end: 2000 } },
              { portNumber: { protocol: 'SCTP', port: 7 } },
              { namedPort: 'metrics' },
            ],
          },
        ],
        egress: [{ action: 'Pass', to: [{ networks: ['10.0.0.0/8'] }, { pods: { podSelector: {} } }] }],
      },
      problems: [],
    });
  });

  it('reads a Baseline-tier policy as a baseline spec without priority, keeping its priority and a Pass', () => {
    const reading = cnp(`  tier: Baseline\n  priority: 3\n${SUBJECT}\n  egress:\n    - action: Pass\n      to: [{namespaces: {}}]`);
    assert.deepEqual(reading, { tier: 'Baseline', priority: 3, spec: { subject: { namespaces: {} }, egress: [{ action: 'Pass', to: [{ namespaces: {} }] }] }, problems: [] });
  });

  it('reads no protocols as all ports (no ports field)', () => {
    const reading = cnp(`  tier: Admin\n  priority: 1\n${SUBJECT}\n  egress:\n    - action: Deny\n      to: [{networks: [0.0.0.0/0]}]`);
    assert.deepEqual(reading?.spec.egress, [{ action: 'Deny', to: [{ networks: ['0.0.0.0/0'] }] }]);
  });

  it('reads a domainNames peer as a peer that matches nothing, and says so', () => {
    const reading = cnp(`  tier: Admin\n  priority: 1\n${SUBJECT}\n  egress:\n    - action: Accept\n      to: [{domainNames: ["*.example.com"]}]`)!;
    assert.deepEqual(reading.spec.egress, [{ action: 'Allow', to: [{ networks: [] }] }]);
    assert.deepEqual(reading.problems, [
      { path: ['spec', 'egress', 0, 'to', 0, 'domainNames'], message: 'domainNames match no address in this model: the peer is read as matching nothing', kind: 'not-modelled' },
    ]);
  });

  it('domainNames outside an Accept rule is refused', () => {
    assert.deepEqual(problemsOf(`  tier: Admin\n  priority: 1\n${SUBJECT}\n  egress:\n    - action: Deny\n      to: [{domainNames: [example.com]}]`)[0], {
      path: ['spec', 'egress', 0, 'to', 0, 'domainNames'],
      message: 'domainNames peers are only supported in Accept rules',
      kind: 'invalid',
    });
  });

  it('a missing or unknown tier, a missing priority and subject', () => {
    assert.deepEqual(problemsOf('  tier: admin'), [
      { path: ['spec', 'tier'], message: 'tier "admin" is not Admin or Baseline (tiers are case-sensitive)', kind: 'invalid' },
      { path: ['spec', 'priority'], message: 'spec needs a priority from 0 to 1000', kind: 'invalid' },
      { path: ['spec', 'subject'], message: 'spec needs a subject', kind: 'invalid' },
    ]);
    assert.equal(cnp('  priority: 2')!.tier, undefined);
  });

  it('a priority outside 0..1000 is refused but kept', () => {
    const reading = cnp(`  tier: Admin\n  priority: 1001\n${SUBJECT}`)!;
    assert.equal(reading.priority, 1001);
    assert.deepEqual(reading.problems, [{ path: ['spec', 'priority'], message: 'priority 1001 is outside 0..1000', kind: 'invalid' }]);
  });

  it('an action of v1alpha1 (Allow) is refused and kept as written', () => {
    const reading = cnp(`  tier: Admin\n  priority: 1\n${SUBJECT}\n  ingress:\n    - action: Allow\n      from: [{namespaces: {}}]`)!;
    assert.deepEqual(reading.spec.ingress, [{ action: 'Allow', from: [{ namespaces: {} }] }]);
    assert.deepEqual(reading.problems, [{ path: ['spec', 'ingress', 0, 'action'], message: 'action "Allow" is not Accept, Deny or Pass (actions are case-sensitive)', kind: 'invalid' }]);
  });

  it('protocols entries the API refuses: several fields, no destination port, a range with start = end, an empty list', () => {
    const rule = (protocols: string) => `  tier: Admin\n  priority: 1\n${SUBJECT}\n  ingress:\n    - action: Deny\n      from: [{namespaces: {}}]\n      protocols: ${protocols}`;
    const at = ['spec', 'ingress', 0, 'protocols'];
    assert.deepEqual(problemsOf(rule('[{tcp: {destinationPort: {number: 80}}, udp: {destinationPort: {number: 53}}}]')), [
      { path: [...at, 0], message: 'a protocols entry must set exactly one of tcp, udp, sctp and destinationNamedPort, not tcp and udp', kind: 'invalid' },
    ]);
    assert.deepEqual(cnp(rule('[{tcp: {destinationPort: {number: 80}}, udp: {destinationPort: {number: 53}}}]'))!.spec.ingress, [
      { action: 'Deny', from: [{ namespaces: {} }], ports: [{ portNumber: { protocol: 'TCP', port: 80 } }, { portNumber: { protocol: 'UDP', port: 53 } }] },
    ]);
    assert.deepEqual(problemsOf(rule('[{tcp: {}}]')), [{ path: [...at, 0, 'tcp', 'destinationPort'], message: 'tcp needs a destinationPort with a number or a range', kind: 'invalid' }]);
    assert.deepEqual(problemsOf(rule('[{udp: {destinationPort: {range: {start: 53, end: 53}}}}]')), [
      { path: [...at, 0, 'udp', 'destinationPort', 'range', 'end'], message: 'range end 53 must be greater than its start 53', kind: 'invalid' },
    ]);
    assert.deepEqual(problemsOf(rule('[]')), [{ path: at, message: 'protocols, when set, needs at least one entry', kind: 'invalid' }]);
    assert.deepEqual(cnp(rule('[]'))!.spec.ingress, [{ action: 'Deny', from: [{ namespaces: {} }], ports: [] }]);
  });

  it('a rule without peers', () => {
    assert.deepEqual(problemsOf(`  tier: Baseline\n  priority: 1\n${SUBJECT}\n  egress:\n    - action: Deny`), [
      { path: ['spec', 'egress', 0, 'to'], message: 'an egress rule needs at least one peer in to', kind: 'invalid' },
    ]);
  });

  it('ignores other kinds, AdminNetworkPolicy included', () => {
    assert.equal(cnp('  priority: 1', 'AdminNetworkPolicy'), undefined);
  });

  it('never throws, whatever the spec holds', () => {
    const keys = fc.constantFrom('tier', 'priority', 'subject', 'ingress', 'egress', 'from', 'to', 'action', 'protocols', 'tcp', 'udp', 'destinationPort', 'number', 'range', 'start', 'end', 'destinationNamedPort', 'domainNames', 'networks');
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, fc.constant(null), fc.integer(), fc.string(), fc.constantFrom('Admin', 'Baseline', 'Accept', 'Pass'), fc.array(tie('node'), { maxLength: 3 }), fc.dictionary(keys, tie('node'), { maxKeys: 4 })),
    })).node;
    fc.assert(
      fc.property(value, (spec) => {
        const [object] = parseManifest('fuzz.yaml', stringify({ apiVersion: 'policy.networking.k8s.io/v1alpha2', kind: 'ClusterNetworkPolicy', metadata: { name: 'x' }, spec })).objects;
        const reading = readClusterNetworkPolicy(object)!;
        assert.ok(reading.problems.every((problem) => problem.path.length > 0));
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on a spec that is not a map', () => {
    assert.deepEqual(cnp('  - tier')!.problems.map((problem) => problem.message)[0], 'spec must be a map');
  });
});
