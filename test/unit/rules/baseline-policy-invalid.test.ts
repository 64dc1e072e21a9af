import assert from 'node:assert/strict';
import { it } from 'node:test';
import { buildWorkspace, lintWorkspace, mergeConfigs, parseManifest } from '../../../server/src/engine';
import { baselinePolicyInvalid } from '../../../server/src/engine/rules/workspace/baseline-policy-invalid';
import { testRule } from '../rule-tester';

/** A BaselineAdminNetworkPolicy of 8 lines, its kind on line 2 and its name on line 4. */
function banp(name: string, subject = 'namespaces: {}'): string {
  return `apiVersion: policy.networking.k8s.io/v1alpha1\nkind: BaselineAdminNetworkPolicy\nmetadata:\n  name: ${name}\nspec:\n  subject:\n    ${subject}\n  ingress: [{action: Deny, from: [{namespaces: {}}]}]\n`;
}

const STOPS = 'and a cluster holds only one (named default): `kube-netsec connectivity` stops with this error.';

testRule(baselinePolicyInvalid, {
  valid: [
    { name: 'one baseline policy named default', code: banp('default') },
    { name: 'no baseline policy at all: it is optional', code: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n' },
    { name: 'one baseline policy of another name (admin-policy-invalid reports the name)', code: banp('baseline') },
    { name: 'a second one with a field of the wrong type is left out, as the analysis leaves it out', code: `${banp('default')}---\n${banp('other', 'namespaces: []')}` },
  ],
  invalid: [
    {
      name: 'a second baseline policy of another name, on its kind',
      code: `${banp('default')}---\n${banp('deny-egress')}`,
      findings: [{ line: 11, column: 7, endLine: 11, endColumn: 33, message: `There is already a BaselineAdminNetworkPolicy "default" at line 4, ${STOPS}` }],
    },
    {
      name: 'the one named default is kept whatever the order, here in another file',
      code: banp('tenants'),
      otherFiles: { 'a-default.yaml': banp('default') },
      findings: [{ line: 2, column: 7, endLine: 2, endColumn: 33, message: `There is already a BaselineAdminNetworkPolicy "default" in a-default.yaml at line 4, ${STOPS}` }],
    },
    {
      name: 'a definition of default replaced by a later one: the analysis reads both',
      code: `${banp('default')}---\n${banp('default')}`,
      findings: [{ line: 2, column: 7, endLine: 2, endColumn: 33, message: `There is already a BaselineAdminNetworkPolicy "default" at line 13, ${STOPS}` }],
    },
    {
      name: 'none named default: every one after the first',
      code: `${banp('one')}---\n${banp('two')}---\n${banp('three')}`,
      findings: [
        { line: 11, column: 7, endLine: 11, endColumn: 33, message: `There is already a BaselineAdminNetworkPolicy "one" at line 4, ${STOPS}` },
        { line: 20, column: 7, endLine: 20, endColumn: 33, message: `There is already a BaselineAdminNetworkPolicy "one" at line 4, ${STOPS}` },
      ],
    },
  ],
});

it('baseline-policy-invalid links the other baseline policy', () => {
  const files = [parseManifest('a.yaml', banp('default')), parseManifest('b.yaml', banp('extra'))];
  const config = mergeConfigs({});
  const [finding] = lintWorkspace(buildWorkspace(files, config), { rules: [baselinePolicyInvalid], config }).get('b.yaml') ?? [];
  assert.deepEqual(finding.related, [{ uri: 'a.yaml', range: { start: { line: 3, character: 2 }, end: { line: 3, character: 15 } }, message: 'The other BaselineAdminNetworkPolicy' }]);
});
