import assert from 'node:assert/strict';
import { it } from 'node:test';
import { buildWorkspace, lintWorkspace, mergeConfigs, parseManifest } from '../../../server/src/engine';
import { adminPolicyOwnerLabelsDiffer } from '../../../server/src/engine/rules/workspace/admin-policy-owner-labels-differ';
import { testRule } from '../rule-tester';

/** A pod of Job `migrate` (namespace batch) with its completion index, as `kubectl get pods -o yaml` shows it. */
function jobPod(index: number): string {
  return `apiVersion: v1\nkind: Pod\nmetadata:\n  name: migrate-${index}\n  namespace: batch\n  labels: {job-name: migrate, batch.kubernetes.io/job-completion-index: "${index}"}\n  ownerReferences: [{apiVersion: batch/v1, kind: Job, name: migrate, controller: true}]\nspec: {containers: [{name: c, image: i}]}\n`;
}
const PODS = { 'pods.yaml': [jobPod(0), jobPod(1)].join('---\n') };

/** An AdminNetworkPolicy whose subject's podSelector is on line 9. */
function anp(podSelector: string, namespaceSelector = '{}'): string {
  return `apiVersion: policy.networking.k8s.io/v1alpha1\nkind: AdminNetworkPolicy\nmetadata: {name: first-shard}\nspec:\n  priority: 10\n  subject:\n    pods:\n      namespaceSelector: ${namespaceSelector}\n      podSelector: ${podSelector}\n  egress:\n    - {action: Deny, to: [{namespaces: {}}]}\n`;
}

testRule(adminPolicyOwnerLabelsDiffer, {
  valid: [
    { name: 'a label all pods of the Job share', code: anp('{matchLabels: {job-name: migrate}}'), otherFiles: PODS },
    { name: 'an In list with both indexes', code: anp('{matchExpressions: [{key: batch.kubernetes.io/job-completion-index, operator: In, values: ["0", "1"]}]}'), otherFiles: PODS },
    { name: 'a namespaceSelector that does not match the pods\' namespace', code: anp('{matchLabels: {batch.kubernetes.io/job-completion-index: "0"}}', '{matchLabels: {kubernetes.io/metadata.name: shop}}'), otherFiles: PODS },
    { name: 'one pod of the owner only', code: anp('{matchLabels: {batch.kubernetes.io/job-completion-index: "0"}}'), otherFiles: { 'pods.yaml': jobPod(0) } },
  ],
  invalid: [
    {
      name: 'a matchLabels entry that picks one index of the Job',
      code: anp('{matchLabels: {batch.kubernetes.io/job-completion-index: "1"}}'),
      otherFiles: PODS,
      findings: [
        {
          line: 9,
          column: 35,
          endLine: 9,
          endColumn: 80,
          message:
            'This selector tells apart pods that kube-netsec counts as one workload, Job "migrate" of namespace "batch": label "batch.kubernetes.io/job-completion-index" is "0" on Pod "migrate-0" and "1" on Pod "migrate-1". Its answers give them all the labels of Pod "migrate-0", so they may be wrong for the others.',
        },
      ],
    },
    {
      name: 'a NotIn expression of a ClusterNetworkPolicy (v1alpha2) peer',
      code: 'apiVersion: policy.networking.k8s.io/v1alpha2\nkind: ClusterNetworkPolicy\nmetadata: {name: cnp}\nspec:\n  tier: Baseline\n  priority: 1\n  subject: {namespaces: {}}\n  ingress:\n    - action: Deny\n      from:\n        - pods:\n            podSelector:\n              matchExpressions:\n                - {key: batch.kubernetes.io/job-completion-index, operator: NotIn, values: ["0"]}\n',
      otherFiles: PODS,
      findings: [{ line: 14, column: 19, endLine: 14, endColumn: 98, message: /^This selector tells apart pods that kube-netsec counts as one workload, Job "migrate"/ }],
    },
  ],
});

it('admin-policy-owner-labels-differ links the labels of the two pods', () => {
  const config = mergeConfigs({});
  const files = [parseManifest('anp.yaml', anp('{matchLabels: {batch.kubernetes.io/job-completion-index: "1"}}')), parseManifest('pods.yaml', PODS['pods.yaml'])];
  const [finding] = lintWorkspace(buildWorkspace(files, config), { rules: [adminPolicyOwnerLabelsDiffer], config }).get('anp.yaml') ?? [];
  assert.deepEqual(finding.related, [
    { uri: 'pods.yaml', range: { start: { line: 5, character: 2 }, end: { line: 5, character: 8 } }, message: 'the labels of Pod "migrate-0"' },
    { uri: 'pods.yaml', range: { start: { line: 14, character: 2 }, end: { line: 14, character: 8 } }, message: 'the labels of Pod "migrate-1"' },
  ]);
});
