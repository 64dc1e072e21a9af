import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lintManifest, mergeConfigs, parseManifest, type Rule } from '../../../server/src/engine';

// A rule that reports every Pod, at a milder severity for those labelled "mild".
const probe: Rule = {
  id: 'host-network',
  title: 'probe rule for the pipeline',
  severity: 'warning',
  category: 'pod-networking',
  scope: 'object',
  explanation: '',
  remediation: '',
  references: [],
  examples: { insecure: '', fixed: '' },
  *check(object) {
    if (object.kind !== 'Pod') return;
    yield { message: object.name ?? '', range: object.rangeOf(['kind']), severity: object.labels.mild === 'true' ? 'info' : undefined };
  },
};

const PODS = 'kind: Pod\nmetadata: {name: a}\n---\nkind: Pod\nmetadata: {name: b, labels: {mild: "true"}}\n';

describe('lintManifest', () => {
  it("uses a report's own severity over the rule's, and a configured one over both", () => {
    const severities = (config = {}) => lintManifest(parseManifest('f.yaml', PODS), { rules: [probe], config: mergeConfigs(config) }).map((f) => `${f.message} ${f.severity}`);
    assert.deepEqual(severities(), ['a warning', 'b info']);
    assert.deepEqual(severities({ rules: { 'host-network': 'error' } }), ['a error', 'b error']);
    assert.deepEqual(severities({ rules: { 'host-network': 'off' } }), []);
  });

  it('reads labels as text, leaving out values that are not scalars', () => {
    const [pod] = parseManifest('f.yaml', 'kind: Pod\nmetadata:\n  labels: {tier: 1, on: true, app: web, nested: {a: b}, list: [x], empty: null}\n').objects;
    // A bare `on` is the boolean true to kubectl (YAML 1.1), as a key too: the label key it sends is "true".
    assert.deepEqual(pod.labels, { tier: '1', true: 'true', app: 'web' });
  });
});
