import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  affectsDirection,
  ipBlocksOf,
  isEmptySelector,
  policyRulesOf,
  rulePortsAllow,
  selectorKeysOf,
  selectorsOf,
} from '../../../server/src/engine/policy/network-policy';
import { didYouMean } from '../../../server/src/engine/rules/policy/did-you-mean';

describe('network policy model', () => {
  it('decides the directions a policy affects as the API server defaults them', () => {
    assert.equal(affectsDirection({}, 'Ingress'), true);
    assert.equal(affectsDirection({}, 'Egress'), false);
    assert.equal(affectsDirection({ egress: [{}] }, 'Egress'), true);
    assert.equal(affectsDirection({ egress: [] }, 'Egress'), false);
    assert.equal(affectsDirection({ policyTypes: ['Egress'] }, 'Ingress'), false);
    assert.equal(affectsDirection({ policyTypes: ['Egress'] }, 'Egress'), true);
    // An empty list is defaulted like a missing one.
    assert.equal(affectsDirection({ policyTypes: [], egress: [{}] }, 'Ingress'), true);
    assert.equal(affectsDirection({ policyTypes: [], egress: [{}] }, 'Egress'), true);
  });

  it('lists rules with their paths, null items as empty rules', () => {
    const rules = policyRulesOf({ egress: [null, { to: [] }, 'x'] }, 'Egress');
    assert.deepEqual(
      rules.map((rule) => [rule.path, rule.fields]),
      [
        [['spec', 'egress', 0], {}],
        [['spec', 'egress', 1], { to: [] }],
        [['spec', 'egress', 2], undefined],
      ],
    );
    const blocks = ipBlocksOf(policyRulesOf({ ingress: [{ from: [{ ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16', 5] } }] }] }, 'Ingress'));
    assert.deepEqual(blocks.map((block) => [block.path, block.cidr, block.except]), [
      [['spec', 'ingress', 0, 'from', 0, 'ipBlock'], '10.0.0.0/8', [{ index: 0, text: '10.1.0.0/16' }]],
    ]);
  });

  it('knows whether a rule lets a numbered port through', () => {
    const rule = (ports: unknown) => policyRulesOf({ egress: [{ ports }] }, 'Egress')[0];
    assert.equal(rulePortsAllow(rule(undefined), 'TCP', 80), true);
    assert.equal(rulePortsAllow(rule([]), 'TCP', 80), true);
    assert.equal(rulePortsAllow(rule([{ port: 80 }]), 'TCP', 80), true);
    assert.equal(rulePortsAllow(rule([{ port: 80, protocol: 'UDP' }]), 'TCP', 80), false);
    assert.equal(rulePortsAllow(rule([{ port: 1, endPort: 1024 }]), 'TCP', 80), true);
    assert.equal(rulePortsAllow(rule([{ protocol: 'TCP' }]), 'TCP', 80), true);
    assert.equal(rulePortsAllow(rule([{ port: 'http' }]), 'TCP', 80), false);
    assert.equal(rulePortsAllow(rule([null]), 'TCP', 80), true);
    // What the API server refuses lets nothing through: endPort without port, an empty protocol, a lower-case one.
    assert.equal(rulePortsAllow(rule([{ endPort: 1024 }]), 'TCP', 80), false);
    assert.equal(rulePortsAllow(rule([{ port: 80, protocol: '' }]), 'TCP', 80), false);
    assert.equal(rulePortsAllow(rule([{ port: 80, protocol: 'tcp' }]), 'TCP', 80), false);
    assert.equal(rulePortsAllow(rule([{ port: 80, protocol: 6 }]), 'TCP', 80), false);
  });

  it('recognises empty selectors and describes others', () => {
    assert.equal(isEmptySelector({}), true);
    assert.equal(isEmptySelector({ matchLabels: {}, matchExpressions: [] }), true);
    assert.equal(isEmptySelector({ matchLabels: null }), true);
    assert.equal(isEmptySelector(null), false);
    assert.equal(isEmptySelector({ matchLabels: { app: 'web' } }), false);
  });

  it('lists the selectors of a policy and the keys they test', () => {
    const spec = {
      podSelector: { matchLabels: { app: 'db' } },
      ingress: [{ from: [{ namespaceSelector: { matchExpressions: [{ key: 'team', operator: 'In', values: ['a', 'b'] }] }, podSelector: {} }] }],
    };
    const selectors = selectorsOf(spec, policyRulesOf(spec, 'Ingress'));
    assert.deepEqual(
      selectors.map((selector) => [selector.kind, selector.path]),
      [
        ['policy-pods', ['spec', 'podSelector']],
        ['peer-pods', ['spec', 'ingress', 0, 'from', 0, 'podSelector']],
        ['peer-namespaces', ['spec', 'ingress', 0, 'from', 0, 'namespaceSelector']],
      ],
    );
    assert.deepEqual(selectorKeysOf(selectors[0]), [{ key: 'app', path: ['spec', 'podSelector', 'matchLabels', 'app'], values: ['db'] }]);
    assert.deepEqual(selectorKeysOf(selectors[2]), [
      { key: 'team', path: ['spec', 'ingress', 0, 'from', 0, 'namespaceSelector', 'matchExpressions', 0, 'key'], values: ['a', 'b'] },
    ]);
  });

  it('suggests the field a misspelled one stands for', () => {
    const fields = ['podSelector', 'policyTypes', 'ingress', 'egress'];
    assert.equal(didYouMean('podSelecter', fields), 'podSelector');
    assert.equal(didYouMean('podselector', fields), 'podSelector');
    assert.equal(didYouMean('polcyTypes', fields), 'policyTypes');
    assert.equal(didYouMean('plociyTypes', fields), 'policyTypes');
    assert.equal(didYouMean('ingres', fields), 'ingress');
    assert.equal(didYouMean('egres', fields), 'egress');
    assert.equal(didYouMean('selector', fields), undefined);
    assert.equal(didYouMean('app', ['matchLabels', 'matchExpressions']), undefined);
    assert.equal(didYouMean('to', ['from', 'ports']), undefined);
  });
});
