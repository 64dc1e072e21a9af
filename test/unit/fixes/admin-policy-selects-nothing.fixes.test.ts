import { adminPolicyPeerSelectsNothing } from '../../../server/src/engine/rules/workspace/admin-policy-peer-selects-nothing';
import { adminPolicySelectsNothing } from '../../../server/src/engine/rules/workspace/admin-policy-selects-nothing';
import { yaml } from '../../support/dedent';
import { testFixes } from '../fix-tester';

const WORKSPACE = yaml`
  apiVersion: v1
  kind: Namespace
  metadata: {name: payments, labels: {tier: restricted}}
  ---
  apiVersion: v1
  kind: Namespace
  metadata: {name: shop, labels: {tier: public}}
  ---
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: ledger, namespace: payments}
  spec:
    template:
      metadata: {labels: {app: ledger}}
  ---
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: web, namespace: shop}
  spec:
    template:
      metadata: {labels: {app: web}}
`;

/** An AdminNetworkPolicy with the given subject and ingress peer (flow style). */
function anp(subject: string, peer: string): string {
  return `apiVersion: policy.networking.k8s.io/v1alpha1\nkind: AdminNetworkPolicy\nmetadata: {name: guard}\nspec:\n  priority: 10\n  subject: ${subject}\n  ingress:\n    - action: Deny\n      from: [${peer}]\n`;
}

testFixes(adminPolicySelectsNothing, [
  {
    name: 'a misspelled namespace label value of the subject is respelled like the Namespace objects',
    code: anp('{namespaces: {matchLabels: {tier: restriced}}}', '{namespaces: {}}'),
    otherFiles: { 'workspace.yaml': WORKSPACE },
    fixes: [{ title: 'Change tier: restriced to restricted (selects 1 namespace: payments)', preferred: false, output: anp('{namespaces: {matchLabels: {tier: restricted}}}', '{namespaces: {}}') }],
  },
  {
    name: 'a misspelled pod label of a subject that names its namespace is respelled like the workloads there',
    code: anp('{pods: {namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: payments}}, podSelector: {matchLabels: {app: ledgr}}}}', '{namespaces: {}}'),
    otherFiles: { 'workspace.yaml': WORKSPACE },
    fixes: [
      {
        title: 'Change app: ledgr to ledger (selects 1 workload: ledger)',
        preferred: false,
        output: anp('{pods: {namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: payments}}, podSelector: {matchLabels: {app: ledger}}}}', '{namespaces: {}}'),
      },
    ],
  },
]);

testFixes(adminPolicyPeerSelectsNothing, [
  {
    name: 'a misspelled pod label of a peer is respelled like the workloads of the namespace it names',
    code: anp('{namespaces: {}}', '{pods: {namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: shop}}, podSelector: {matchLabels: {app: wb}}}}'),
    otherFiles: { 'workspace.yaml': WORKSPACE },
    fixes: [{ title: 'Change app: wb to web (selects 1 workload: web)', preferred: false, output: anp('{namespaces: {}}', '{pods: {namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: shop}}, podSelector: {matchLabels: {app: web}}}}') }],
  },
]);
