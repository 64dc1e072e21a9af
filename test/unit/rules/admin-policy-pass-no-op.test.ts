import { adminPolicyPassNoOp } from '../../../server/src/engine/rules/workspace/admin-policy-pass-no-op';
import { testRule } from '../rule-tester';

/** An AdminNetworkPolicy whose rules (`ingress:` or `egress:` and what follows, indented by two) start on line 9. */
function anp(name: string, priority: number, subject: string, rules: string): string {
  return `apiVersion: policy.networking.k8s.io/v1alpha1\nkind: AdminNetworkPolicy\nmetadata:\n  name: ${name}\nspec:\n  priority: ${priority}\n  subject:\n    ${subject}\n${rules}`;
}

function baseline(rules: string): string {
  return `apiVersion: policy.networking.k8s.io/v1alpha1\nkind: BaselineAdminNetworkPolicy\nmetadata:\n  name: default\nspec:\n  subject:\n    namespaces: {}\n${rules}`;
}

function deployment(namespace: string, name: string, app: string): string {
  return `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\n  namespace: ${namespace}\nspec:\n  template:\n    metadata:\n      labels: {app: ${app}}\n    spec:\n      containers: [{name: c, image: i}]\n`;
}

function networkPolicy(namespace: string, types: string): string {
  return `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: np\n  namespace: ${namespace}\nspec:\n  podSelector: {}\n  policyTypes: ${types}\n`;
}

const WORKLOADS = [
  'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels: {team: shop}\n',
  deployment('shop', 'web', 'web'),
  deployment('shop', 'api', 'api'),
  deployment('pay', 'ledger', 'ledger'),
].join('---\n');

const SHOP = 'namespaces: {matchLabels: {team: shop}}';
const PASS_ALL = '  ingress:\n    - {name: to-owners, action: Pass, from: [{namespaces: {}}]}\n';
const NOTHING_DECIDES = 'no baseline rule matches them and no later rule would decide them, so they are allowed by default and removing the rule changes nothing.';

testRule(adminPolicyPassNoOp, {
  valid: [
    { name: 'a NetworkPolicy selects the pods for ingress', code: anp('delegate', 10, SHOP, PASS_ALL), otherFiles: { 'w.yaml': WORKLOADS, 'np.yaml': networkPolicy('shop', '[Ingress]') } },
    {
      name: 'a baseline rule matches some of what is passed',
      code: anp('delegate', 10, SHOP, PASS_ALL),
      otherFiles: { 'w.yaml': WORKLOADS, 'banp.yaml': baseline('  ingress:\n    - {action: Deny, from: [{namespaces: {matchLabels: {kubernetes.io/metadata.name: pay}}}], ports: [{portNumber: {port: 5432}}]}\n') },
    },
    {
      name: 'a later rule of a lower-precedence policy would match: removing the Pass lets it decide',
      code: anp('delegate', 10, SHOP, PASS_ALL),
      otherFiles: { 'w.yaml': WORKLOADS, 'later.yaml': anp('later', 20, 'namespaces: {}', '  ingress:\n    - {action: Deny, from: [{pods: {podSelector: {matchLabels: {app: ledger}}}}]}\n') },
    },
    {
      name: 'a later rule whose peers select no workload here may match pods the manifests do not describe',
      code: anp('delegate', 10, SHOP, PASS_ALL),
      otherFiles: { 'w.yaml': WORKLOADS, 'later.yaml': anp('later', 20, 'namespaces: {}', '  ingress:\n    - {action: Deny, from: [{namespaces: {matchLabels: {zone: sandbox}}}]}\n') },
    },
    {
      name: 'a Pass whose peers select no workload here is not judged',
      code: anp('delegate', 10, SHOP, '  ingress:\n    - {action: Pass, from: [{namespaces: {matchLabels: {zone: sandbox}}}]}\n'),
      otherFiles: { 'w.yaml': WORKLOADS },
    },
    { name: 'a subject in system namespaces only is not judged', code: anp('delegate', 10, 'namespaces: {}', PASS_ALL), otherFiles: { 'dns.yaml': deployment('kube-system', 'coredns', 'dns') } },
    {
      name: 'a Pass that an earlier rule shadows entirely (admin-policy-rule-shadowed reports it)',
      code: anp('delegate', 10, SHOP, '  ingress:\n    - {action: Allow, from: [{namespaces: {}}]}\n    - {action: Pass, from: [{namespaces: {}}]}\n'),
      otherFiles: { 'w.yaml': WORKLOADS },
    },
    {
      name: 'egress passed toward addresses that a baseline rule denies',
      code: anp('delegate', 10, SHOP, '  egress:\n    - {action: Pass, to: [{networks: [10.0.0.0/8]}]}\n'),
      otherFiles: { 'w.yaml': WORKLOADS, 'banp.yaml': baseline('  egress:\n    - {action: Deny, to: [{networks: [10.20.0.0/16]}]}\n') },
    },
    {
      name: 'a policy kube-netsec does not evaluate may decide what is passed',
      code: anp('delegate', 10, SHOP, PASS_ALL),
      otherFiles: { 'w.yaml': WORKLOADS, 'cnp.yaml': 'apiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  endpointSelector: {}\n  ingress: [{}]\n' },
    },
    { name: 'Allow and Deny rules are not judged', code: anp('delegate', 10, SHOP, '  ingress:\n    - {action: Allow, from: [{namespaces: {}}]}\n'), otherFiles: { 'w.yaml': WORKLOADS } },
  ],
  invalid: [
    {
      name: 'nothing after the Pass: the pods of the namespace are named',
      code: anp('delegate', 10, SHOP, PASS_ALL),
      otherFiles: { 'w.yaml': WORKLOADS },
      findings: [{ line: 10, column: 33, endLine: 10, endColumn: 37, message: `Ingress rule 1 ("to-owners") of AdminNetworkPolicy "delegate" passes connections on to no one: no NetworkPolicy selects the pods of namespace shop for ingress, ${NOTHING_DECIDES}` }],
    },
    {
      name: 'a NetworkPolicy for egress only does not take the ingress; a pods subject names its workloads',
      code: anp('delegate', 10, 'pods: {namespaceSelector: {}, podSelector: {matchLabels: {app: web}}}', '  ingress:\n    - {action: Pass, from: [{namespaces: {}}]}\n'),
      otherFiles: { 'w.yaml': WORKLOADS, 'np.yaml': networkPolicy('shop', '[Egress]') },
      findings: [{ line: 10, column: 16, endLine: 10, endColumn: 20, message: `Ingress rule 1 of AdminNetworkPolicy "delegate" passes connections on to no one: no NetworkPolicy selects Deployment "web" in namespace shop for ingress, ${NOTHING_DECIDES}` }],
    },
    {
      name: 'later and baseline rules on other ports do not decide what is passed',
      code: anp('delegate', 10, SHOP, '  ingress:\n    - {action: Pass, from: [{namespaces: {}}], ports: [{portNumber: {port: 80}}]}\n    - {action: Deny, from: [{namespaces: {}}], ports: [{portNumber: {port: 22}}]}\n'),
      otherFiles: { 'w.yaml': WORKLOADS, 'banp.yaml': baseline('  ingress:\n    - {action: Deny, from: [{namespaces: {}}], ports: [{portNumber: {protocol: UDP, port: 80}}]}\n') },
      findings: [{ line: 10, column: 16, endLine: 10, endColumn: 20, message: `Ingress rule 1 of AdminNetworkPolicy "delegate" passes connections on to no one: no NetworkPolicy selects the pods of namespace shop for ingress, ${NOTHING_DECIDES}` }],
    },
    {
      name: 'egress passed toward addresses no baseline rule covers',
      code: anp('delegate', 10, SHOP, '  egress:\n    - {action: Pass, to: [{networks: [10.0.0.0/8]}]}\n'),
      otherFiles: { 'w.yaml': WORKLOADS, 'banp.yaml': baseline('  egress:\n    - {action: Deny, to: [{networks: [192.168.0.0/16]}]}\n') },
      findings: [{ line: 10, column: 16, endLine: 10, endColumn: 20, message: `Egress rule 1 of AdminNetworkPolicy "delegate" passes connections on to no one: no NetworkPolicy selects the pods of namespace shop for egress, ${NOTHING_DECIDES}` }],
    },
  ],
});
