import assert from 'node:assert/strict';
import { it } from 'node:test';
import { buildWorkspace, lintWorkspace, mergeConfigs, parseManifest } from '../../../server/src/engine';
import { adminPolicyPriorityConflict } from '../../../server/src/engine/rules/workspace/admin-policy-priority-conflict';
import { testRule } from '../rule-tester';

/** An AdminNetworkPolicy of 9 lines (priority on line 6), with the given subject (two lines, indented by four). */
function anp(name: string, priority: string, subject = 'namespaces: {}'): string {
  return `apiVersion: policy.networking.k8s.io/v1alpha1\nkind: AdminNetworkPolicy\nmetadata:\n  name: ${name}\nspec:\n  ${priority}\n  subject:\n    ${subject}\n  ingress: [{action: Deny, from: [{namespaces: {}}]}]\n`;
}

function deployment(namespace: string, name: string, app: string): string {
  return `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\n  namespace: ${namespace}\nspec:\n  template:\n    metadata:\n      labels: {app: ${app}}\n    spec:\n      containers: [{name: c, image: i}]\n`;
}

const WORKLOADS = {
  'workloads.yaml': [
    'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels: {team: shop}\n',
    deployment('shop', 'web', 'web'),
    deployment('shop', 'api', 'api'),
    deployment('pay', 'ledger', 'ledger'),
  ].join('---\n'),
};

const UNDEFINED = 'the order between them is undefined, and `kube-netsec connectivity` stops with this error.';

testRule(adminPolicyPriorityConflict, {
  valid: [
    { name: 'different priorities', code: `${anp('a', 'priority: 10')}---\n${anp('b', 'priority: 20')}`, otherFiles: WORKLOADS },
    { name: 'an absent priority is 0, not 1', code: `${anp('a', 'tier: x')}---\n${anp('b', 'priority: 1')}` },
    { name: 'a priority of the wrong type takes no part (admin-policy-invalid reports it)', code: `${anp('a', 'priority: "5"')}---\n${anp('b', 'priority: 5')}` },
    { name: 'a priority outside 0..1000 takes no part', code: `${anp('a', 'priority: 2000')}---\n${anp('b', 'priority: 2000')}` },
    { name: 'one definition replaced by a later one of the same name is one policy', code: `${anp('a', 'priority: 5')}---\n${anp('a', 'priority: 5')}` },
  ],
  invalid: [
    {
      name: 'two policies of one priority whose subjects share a namespace',
      code: `${anp('a', 'priority: 10', 'namespaces: {matchLabels: {team: shop}}')}---\n${anp('b', 'priority: 10')}`,
      otherFiles: WORKLOADS,
      findings: [
        { line: 6, column: 13, endLine: 6, endColumn: 15, message: `AdminNetworkPolicy "b" also has priority 10: ${UNDEFINED} Both select the pods of namespace shop.` },
        { line: 16, column: 13, endLine: 16, endColumn: 15, message: `AdminNetworkPolicy "a" also has priority 10: ${UNDEFINED} Both select the pods of namespace shop.` },
      ],
    },
    {
      name: 'pods subjects that share one workload name it',
      code: `${anp('a', 'priority: 3', 'pods: {podSelector: {matchLabels: {app: web}}}')}---\n${anp('b', 'priority: 3', 'pods: {namespaceSelector: {matchLabels: {team: shop}}}')}`,
      otherFiles: WORKLOADS,
      findings: [
        { line: 6, column: 13, endLine: 6, endColumn: 14, message: `AdminNetworkPolicy "b" also has priority 3: ${UNDEFINED} Both select Deployment "web" in namespace shop.` },
        { line: 16, column: 13, endLine: 16, endColumn: 14, message: `AdminNetworkPolicy "a" also has priority 3: ${UNDEFINED} Both select Deployment "web" in namespace shop.` },
      ],
    },
    {
      name: 'an absent priority equals priority 0, on the spec key; subjects with nothing in common',
      code: `${anp('a', 'tier: x', 'namespaces: {matchLabels: {kubernetes.io/metadata.name: pay}}')}---\n${anp('b', 'priority: 0', 'namespaces: {matchLabels: {team: shop}}')}`,
      otherFiles: WORKLOADS,
      findings: [
        { line: 5, column: 1, endLine: 5, endColumn: 5, message: `AdminNetworkPolicy "b" also has priority 0: ${UNDEFINED} In these manifests, their subjects select no workload in common.` },
        { line: 16, column: 13, endLine: 16, endColumn: 14, message: `AdminNetworkPolicy "a" also has priority 0: ${UNDEFINED} In these manifests, their subjects select no workload in common.` },
      ],
    },
    {
      name: 'three policies of one priority, one of them in another file',
      code: `${anp('a', 'priority: 7', 'namespaces: {matchLabels: {kubernetes.io/metadata.name: pay}}')}---\n${anp('b', 'priority: 7', 'namespaces: {matchLabels: {team: shop}}')}`,
      otherFiles: { ...WORKLOADS, 'other.yaml': anp('c', 'priority: 7') },
      findings: [
        { line: 6, column: 13, endLine: 6, endColumn: 14, message: `AdminNetworkPolicies "b" and "c" also have priority 7: ${UNDEFINED} Its subject and theirs select the pods of namespace pay.` },
        { line: 16, column: 13, endLine: 16, endColumn: 14, message: `AdminNetworkPolicies "a" and "c" also have priority 7: ${UNDEFINED} Its subject and theirs select the pods of namespace shop.` },
      ],
    },
  ],
});

it('admin-policy-priority-conflict links each other policy of the priority', () => {
  const files = [parseManifest('a.yaml', anp('a', 'priority: 4')), parseManifest('b.yaml', anp('b', 'priority: 4'))];
  const config = mergeConfigs({});
  const [finding] = lintWorkspace(buildWorkspace(files, config), { rules: [adminPolicyPriorityConflict], config }).get('a.yaml') ?? [];
  assert.deepEqual(finding.related, [{ uri: 'b.yaml', range: { start: { line: 5, character: 12 }, end: { line: 5, character: 13 } }, message: 'AdminNetworkPolicy "b", also priority 4' }]);
});
