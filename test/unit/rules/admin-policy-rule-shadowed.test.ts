import assert from 'node:assert/strict';
import { it } from 'node:test';
import { buildWorkspace, lintWorkspace, mergeConfigs, parseManifest } from '../../../server/src/engine';
import { adminPolicyRuleShadowed } from '../../../server/src/engine/rules/workspace/admin-policy-rule-shadowed';
import { testRule } from '../rule-tester';

/**
 * An AdminNetworkPolicy whose `spec` starts on line 5 and whose rules (`ingress:` or `egress:` and
 * what follows, indented by two) start on line 9.
 */
function anp(name: string, priority: number, subject: string, rules: string): string {
  return `apiVersion: policy.networking.k8s.io/v1alpha1\nkind: AdminNetworkPolicy\nmetadata:\n  name: ${name}\nspec:\n  priority: ${priority}\n  subject:\n    ${subject}\n${rules}`;
}

function deployment(namespace: string, name: string, app: string, ports = '[]'): string {
  return `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\n  namespace: ${namespace}\nspec:\n  template:\n    metadata:\n      labels: {app: ${app}}\n    spec:\n      containers: [{name: c, image: i, ports: ${ports}}]\n`;
}

const WORKLOADS = {
  'workloads.yaml': [
    'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels: {team: shop}\n',
    deployment('shop', 'web', 'web', '[{name: http, containerPort: 8080}]'),
    deployment('shop', 'api', 'api', '[{name: http, containerPort: 8080}]'),
    deployment('pay', 'ledger', 'ledger'),
  ].join('---\n'),
};

/** The BaselineAdminNetworkPolicy: `spec` on line 5, its rules (`ingress:` or `egress:` and what follows) from line 8. */
function banp(subject: string, rules: string): string {
  return `apiVersion: policy.networking.k8s.io/v1alpha1\nkind: BaselineAdminNetworkPolicy\nmetadata:\n  name: default\nspec:\n  subject:\n    ${subject}\n${rules}`;
}

/** A Baseline-tier ClusterNetworkPolicy, its rules from line 9. */
function baselineCnp(name: string, priority: number, subject: string, rules: string): string {
  return `apiVersion: policy.networking.k8s.io/v1alpha2\nkind: ClusterNetworkPolicy\nmetadata:\n  name: ${name}\nspec:\n  tier: Baseline\n  priority: ${priority}\n  subject: {${subject}}\n${rules}`;
}

const ALL = 'namespaces: {}';
const SHOP = 'namespaces: {matchLabels: {team: shop}}';

testRule(adminPolicyRuleShadowed, {
  valid: [
    {
      name: 'the exception comes before the catch-all',
      code: anp('guard', 10, ALL, '  ingress:\n    - {name: deny-sandbox, action: Deny, from: [{namespaces: {matchLabels: {zone: sandbox}}}]}\n    - {name: allow-all, action: Allow, from: [{namespaces: {}}]}\n'),
      otherFiles: WORKLOADS,
    },
    {
      name: 'the earlier rule covers fewer ports',
      code: anp('guard', 10, ALL, '  ingress:\n    - {action: Allow, from: [{namespaces: {}}], ports: [{portNumber: {port: 80}}]}\n    - {action: Deny, from: [{namespaces: {}}]}\n'),
      otherFiles: WORKLOADS,
    },
    {
      name: 'a rule without a valid action decides nothing, so it shadows nothing',
      code: anp('guard', 10, ALL, '  ingress:\n    - {action: allow, from: [{namespaces: {}}]}\n    - {action: Deny, from: [{namespaces: {}}]}\n'),
      otherFiles: WORKLOADS,
    },
    {
      name: 'ports: [] matches nothing, which is not a matter of order',
      code: anp('guard', 10, ALL, '  ingress:\n    - {action: Allow, from: [{namespaces: {}}]}\n    - {action: Deny, from: [{namespaces: {}}], ports: []}\n'),
      otherFiles: WORKLOADS,
    },
    {
      name: 'a higher-precedence policy whose subject selects only some of the subjects',
      code: anp('guard', 10, ALL, '  ingress:\n    - {action: Allow, from: [{namespaces: {}}]}\n'),
      otherFiles: { ...WORKLOADS, 'base.yaml': anp('base', 5, SHOP, '  ingress:\n    - {action: Deny, from: [{namespaces: {}}]}\n') },
    },
    {
      name: 'a policy of the same priority is not earlier: their order is undefined',
      code: anp('guard', 10, ALL, '  ingress:\n    - {action: Allow, from: [{namespaces: {}}]}\n'),
      otherFiles: { ...WORKLOADS, 'base.yaml': anp('base', 10, ALL, '  ingress:\n    - {action: Deny, from: [{namespaces: {}}]}\n') },
    },
    {
      name: 'a peer that selects no workload here may select pods the manifests do not describe',
      code: anp('guard', 10, ALL, '  ingress:\n    - {action: Allow, from: [{namespaces: {matchLabels: {team: shop}}}]}\n    - {action: Deny, from: [{namespaces: {matchLabels: {team: shop}}}, {namespaces: {matchLabels: {team: ops}}}]}\n'),
      otherFiles: WORKLOADS,
    },
    {
      name: 'a subject with no workload outside system namespaces is judged from the policy alone',
      code: anp('guard', 10, 'namespaces: {matchLabels: {kubernetes.io/metadata.name: kube-system}}', '  ingress:\n    - {action: Allow, from: [{namespaces: {}}]}\n'),
      otherFiles: { 'dns.yaml': deployment('kube-system', 'coredns', 'dns'), 'base.yaml': anp('base', 5, ALL, '  ingress:\n    - {action: Deny, from: [{namespaces: {}}]}\n') },
    },
    {
      name: 'a narrower network before a wider one',
      code: anp('guard', 10, ALL, '  egress:\n    - {action: Allow, to: [{networks: [10.0.0.0/8]}]}\n    - {action: Deny, to: [{networks: [0.0.0.0/0]}]}\n'),
      otherFiles: WORKLOADS,
    },
    {
      name: 'a named port resolves on each destination: http is 8080, not 80',
      code: anp('guard', 10, SHOP, '  ingress:\n    - {action: Allow, from: [{namespaces: {}}], ports: [{namedPort: http}]}\n    - {action: Deny, from: [{namespaces: {}}], ports: [{portNumber: {port: 80}}]}\n'),
      otherFiles: WORKLOADS,
    },
    {
      name: 'an egress rule toward workloads and addresses, only the workloads of which are decided earlier',
      code: anp('guard', 10, ALL, '  egress:\n    - {action: Allow, to: [{namespaces: {}}]}\n    - {action: Deny, to: [{namespaces: {}}, {networks: [10.0.0.0/8]}]}\n'),
      otherFiles: WORKLOADS,
    },
    {
      name: 'baseline: the exception comes before the catch-all',
      code: banp(ALL, '  ingress:\n    - {action: Allow, from: [{namespaces: {matchLabels: {team: shop}}}]}\n    - {action: Deny, from: [{namespaces: {}}]}\n'),
      otherFiles: WORKLOADS,
    },
    {
      name: 'baseline: an AdminNetworkPolicy Pass hands everything on, so it takes nothing from the baseline',
      code: banp(ALL, '  ingress:\n    - {action: Deny, from: [{namespaces: {}}]}\n'),
      otherFiles: { ...WORKLOADS, 'admin.yaml': anp('delegate', 5, ALL, '  ingress:\n    - {action: Pass, from: [{namespaces: {}}]}\n    - {action: Allow, from: [{namespaces: {}}]}\n') },
    },
    {
      name: 'baseline: the admin tier denies some ports and passes the rest on',
      code: banp(ALL, '  ingress:\n    - {action: Deny, from: [{namespaces: {}}]}\n'),
      otherFiles: { ...WORKLOADS, 'admin.yaml': anp('guard', 5, ALL, '  ingress:\n    - {action: Pass, from: [{namespaces: {}}], ports: [{portNumber: {port: 8080}}]}\n    - {action: Deny, from: [{namespaces: {}}]}\n') },
    },
    {
      name: 'baseline: an AdminNetworkPolicy that selects only some of its subjects',
      code: banp(ALL, '  ingress:\n    - {action: Deny, from: [{namespaces: {}}]}\n'),
      otherFiles: { ...WORKLOADS, 'admin.yaml': anp('guard', 5, SHOP, '  ingress:\n    - {action: Allow, from: [{namespaces: {}}]}\n') },
    },
    {
      name: 'baseline: an AdminNetworkPolicy that decides only some peers',
      code: banp(ALL, '  ingress:\n    - {action: Deny, from: [{namespaces: {}}]}\n'),
      otherFiles: { ...WORKLOADS, 'admin.yaml': anp('guard', 5, ALL, '  ingress:\n    - {action: Allow, from: [{namespaces: {matchLabels: {team: shop}}}]}\n') },
    },
    {
      name: 'baseline: two AdminNetworkPolicies of the same priority, whose order decides what is passed on',
      code: banp(ALL, '  ingress:\n    - {action: Deny, from: [{namespaces: {}}]}\n'),
      otherFiles: { ...WORKLOADS, 'admin.yaml': `${anp('guard', 5, ALL, '  ingress:\n    - {action: Allow, from: [{namespaces: {}}]}\n')}---\n${anp('delegate', 5, ALL, '  ingress:\n    - {action: Pass, from: [{namespaces: {}}]}\n')}` },
    },
    {
      name: 'baseline: NetworkPolicies that select every pod do not count (namespace owners change them)',
      code: banp(ALL, '  ingress:\n    - {action: Deny, from: [{namespaces: {}}]}\n'),
      otherFiles: {
        ...WORKLOADS,
        'netpol.yaml': ['shop', 'pay'].map((namespace) => `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: deny, namespace: ${namespace}}\nspec: {podSelector: {}, policyTypes: [Ingress]}\n`).join('---\n'),
      },
    },
    {
      name: 'baseline: an egress network the admin tier allows only in part',
      code: banp(ALL, '  egress:\n    - {action: Deny, to: [{networks: [10.0.0.0/8]}]}\n'),
      otherFiles: { ...WORKLOADS, 'admin.yaml': anp('guard', 5, ALL, '  egress:\n    - {action: Allow, to: [{networks: [10.0.0.0/9]}]}\n') },
    },
    {
      name: 'baseline: a Baseline-tier ClusterNetworkPolicy after the BaselineAdminNetworkPolicy (no priority to compare)',
      code: baselineCnp('late', 1, ALL, '  ingress:\n    - {action: Deny, from: [{namespaces: {}}]}\n'),
      otherFiles: { ...WORKLOADS, 'banp.yaml': banp(ALL, '  ingress:\n    - {action: Allow, from: [{namespaces: {}}]}\n') },
    },
    {
      name: 'baseline: Baseline-tier ClusterNetworkPolicies of the same priority',
      code: baselineCnp('late', 4, ALL, '  ingress:\n    - {action: Deny, from: [{namespaces: {}}]}\n'),
      otherFiles: { ...WORKLOADS, 'early.yaml': baselineCnp('early', 4, ALL, '  ingress:\n    - {action: Accept, from: [{namespaces: {}}]}\n') },
    },
  ],
  invalid: [
    {
      name: 'a catch-all of the same policy before it, found without workloads',
      code: anp('guard', 10, ALL, '  ingress:\n    - name: allow-all\n      action: Allow\n      from: [{namespaces: {}}]\n    - name: deny-rest\n      action: Deny\n      from: [{pods: {podSelector: {matchLabels: {app: web}}}}]\n'),
      findings: [{ line: 14, column: 15, endLine: 14, endColumn: 19, message: 'Ingress rule 2 ("deny-rest") of AdminNetworkPolicy "guard" never decides anything: rule 1 ("allow-all") of this policy already decides every connection it matches.' }],
    },
    {
      name: 'two earlier rules of the same policy that together cover the ports; an unnamed rule by its position',
      code: anp('guard', 10, ALL, '  ingress:\n    - {name: web, action: Allow, from: [{namespaces: {}}], ports: [{portNumber: {port: 80}}]}\n    - {action: Deny, from: [{namespaces: {}}], ports: [{portRange: {start: 443, end: 8443}}]}\n    - {action: Pass, from: [{namespaces: {matchLabels: {team: shop}}}], ports: [{portNumber: {port: 80}}, {portNumber: {port: 8080}}]}\n'),
      findings: [{ line: 12, column: 16, endLine: 12, endColumn: 20, message: 'Ingress rule 3 of AdminNetworkPolicy "guard" never decides anything: rules 1 ("web") and 2 of this policy already decide every connection it matches.' }],
    },
    {
      name: 'a namespace selector covers a pods peer with the same namespace selector',
      code: anp('guard', 10, ALL, '  ingress:\n    - {action: Deny, from: [{namespaces: {matchLabels: {zone: sandbox}}}]}\n    - {action: Allow, from: [{pods: {namespaceSelector: {matchLabels: {zone: sandbox}}, podSelector: {matchLabels: {app: probe}}}}], ports: [{namedPort: metrics}]}\n'),
      findings: [{ line: 11, column: 16, endLine: 11, endColumn: 21, message: 'Ingress rule 2 of AdminNetworkPolicy "guard" never decides anything: rule 1 of this policy already decides every connection it matches.' }],
    },
    {
      name: 'a network inside an earlier network',
      code: anp('guard', 10, ALL, '  egress:\n    - {action: Deny, to: [{networks: [10.0.0.0/8]}, {networks: [192.168.0.0/16]}]}\n    - {action: Allow, to: [{networks: [10.1.0.0/16, 192.168.3.0/24]}], ports: [{portNumber: {port: 443}}]}\n'),
      findings: [{ line: 11, column: 16, endLine: 11, endColumn: 21, message: 'Egress rule 2 of AdminNetworkPolicy "guard" never decides anything: rule 1 of this policy already decides every connection it matches.' }],
    },
    {
      name: 'a policy of a lower priority number that decides everything for every subject here',
      code: anp('guard', 10, SHOP, '  ingress:\n    - {name: web-only, action: Allow, from: [{pods: {podSelector: {matchLabels: {app: web}}}}]}\n'),
      otherFiles: { ...WORKLOADS, 'base.yaml': anp('base', 5, ALL, '  ingress:\n    - {name: deny-pay, action: Deny, from: [{namespaces: {matchLabels: {kubernetes.io/metadata.name: pay}}}]}\n    - {name: pass-shop, action: Pass, from: [{namespaces: {matchLabels: {team: shop}}}]}\n') },
      findings: [{ line: 10, column: 32, endLine: 10, endColumn: 37, message: 'Ingress rule 1 ("web-only") of AdminNetworkPolicy "guard" never decides anything: rule 2 ("pass-shop") of AdminNetworkPolicy "base" (priority 5) already decides every connection it matches in these manifests.' }],
    },
    {
      name: 'rules of this policy and of a policy that comes first decide it together',
      code: anp('guard', 10, SHOP, '  ingress:\n    - {action: Allow, from: [{namespaces: {}}], ports: [{portNumber: {port: 443}}]}\n    - {action: Deny, from: [{namespaces: {matchLabels: {team: shop}}}], ports: [{portNumber: {port: 80}}, {portNumber: {port: 443}}]}\n'),
      otherFiles: { ...WORKLOADS, 'base.yaml': anp('base', 5, ALL, '  ingress:\n    - {action: Allow, from: [{namespaces: {matchLabels: {team: shop}}}], ports: [{portNumber: {port: 80}}]}\n') },
      findings: [{ line: 11, column: 16, endLine: 11, endColumn: 20, message: 'Ingress rule 2 of AdminNetworkPolicy "guard" never decides anything: rule 1 of this policy and rule 1 of AdminNetworkPolicy "base" (priority 5) already decide every connection it matches in these manifests.' }],
    },
    {
      name: 'an Admin-tier ClusterNetworkPolicy is named by its kind',
      code: 'apiVersion: policy.networking.k8s.io/v1alpha2\nkind: ClusterNetworkPolicy\nmetadata:\n  name: cnp\nspec:\n  tier: Admin\n  priority: 10\n  subject: {namespaces: {}}\n  ingress:\n    - {name: accept-all, action: Accept, from: [{namespaces: {}}]}\n    - {name: deny-web, action: Deny, from: [{pods: {podSelector: {matchLabels: {app: web}}}}]}\n',
      findings: [{ line: 11, column: 32, endLine: 11, endColumn: 36, message: 'Ingress rule 2 ("deny-web") of ClusterNetworkPolicy "cnp" never decides anything: rule 1 ("accept-all") of this policy already decides every connection it matches.' }],
    },
    {
      name: 'a named port that resolves, on every destination here, to a port an earlier rule decides',
      code: anp('guard', 10, SHOP, '  ingress:\n    - {action: Allow, from: [{namespaces: {}}], ports: [{portNumber: {port: 8080}}]}\n    - {action: Deny, from: [{namespaces: {}}], ports: [{namedPort: http}]}\n'),
      otherFiles: WORKLOADS,
      findings: [{ line: 11, column: 16, endLine: 11, endColumn: 20, message: 'Ingress rule 2 of AdminNetworkPolicy "guard" never decides anything: rule 1 of this policy already decides every connection it matches in these manifests.' }],
    },
    {
      name: 'baseline: a catch-all of the same policy before it, found without workloads',
      code: banp(ALL, '  ingress:\n    - {name: allow-all, action: Allow, from: [{namespaces: {}}]}\n    - {name: deny-sandbox, action: Deny, from: [{namespaces: {matchLabels: {zone: sandbox}}}]}\n'),
      findings: [{ line: 10, column: 36, endLine: 10, endColumn: 40, message: 'Ingress rule 2 ("deny-sandbox") of BaselineAdminNetworkPolicy "default" never decides anything: rule 1 ("allow-all") of this policy already decides every connection it matches.' }],
    },
    {
      name: 'baseline: an AdminNetworkPolicy Deny decides everything it matches for every subject here',
      code: banp(ALL, '  ingress:\n    - {name: allow-shop, action: Allow, from: [{namespaces: {matchLabels: {team: shop}}}]}\n'),
      otherFiles: { ...WORKLOADS, 'admin.yaml': anp('guard', 5, ALL, '  ingress:\n    - {name: pass-pay, action: Pass, from: [{namespaces: {matchLabels: {kubernetes.io/metadata.name: pay}}}]}\n    - {name: deny-rest, action: Deny, from: [{namespaces: {}}]}\n') },
      findings: [{ line: 9, column: 34, endLine: 9, endColumn: 39, message: 'Ingress rule 1 ("allow-shop") of BaselineAdminNetworkPolicy "default" never decides anything: rule 2 ("deny-rest") of AdminNetworkPolicy "guard" (priority 5) already decides every connection it matches in these manifests, before the baseline is consulted.' }],
    },
    {
      name: 'baseline: an earlier baseline rule and an AdminNetworkPolicy decide it together',
      code: banp(ALL, '  ingress:\n    - {action: Deny, from: [{namespaces: {}}], ports: [{portNumber: {port: 443}}]}\n    - {action: Allow, from: [{namespaces: {}}], ports: [{portNumber: {port: 80}}, {portNumber: {port: 443}}]}\n'),
      otherFiles: { ...WORKLOADS, 'admin.yaml': anp('guard', 5, ALL, '  ingress:\n    - {action: Allow, from: [{namespaces: {}}], ports: [{portNumber: {port: 80}}]}\n') },
      findings: [{ line: 10, column: 16, endLine: 10, endColumn: 21, message: 'Ingress rule 2 of BaselineAdminNetworkPolicy "default" never decides anything: rule 1 of this policy and rule 1 of AdminNetworkPolicy "guard" (priority 5) already decide every connection it matches in these manifests, before the baseline is consulted.' }],
    },
    {
      name: 'baseline: an egress network inside one the admin tier allows',
      code: banp(ALL, '  egress:\n    - {action: Deny, to: [{networks: [10.1.0.0/16]}]}\n'),
      otherFiles: { ...WORKLOADS, 'admin.yaml': anp('guard', 5, ALL, '  egress:\n    - {action: Allow, to: [{networks: [10.0.0.0/8]}]}\n') },
      findings: [{ line: 9, column: 16, endLine: 9, endColumn: 20, message: 'Egress rule 1 of BaselineAdminNetworkPolicy "default" never decides anything: rule 1 of AdminNetworkPolicy "guard" (priority 5) already decides every connection it matches in these manifests, before the baseline is consulted.' }],
    },
    {
      name: 'baseline: a Pass of a Baseline-tier ClusterNetworkPolicy ends the tier, so it decides the later rules',
      code: baselineCnp('baseline', 1, ALL, '  ingress:\n    - {name: to-default, action: Pass, from: [{namespaces: {}}]}\n    - {name: deny-web, action: Deny, from: [{pods: {podSelector: {matchLabels: {app: web}}}}]}\n'),
      findings: [{ line: 11, column: 32, endLine: 11, endColumn: 36, message: 'Ingress rule 2 ("deny-web") of ClusterNetworkPolicy "baseline" never decides anything: rule 1 ("to-default") of this policy already decides every connection it matches.' }],
    },
    {
      name: 'baseline: a Baseline-tier ClusterNetworkPolicy of a lower priority decides it for every subject here',
      code: baselineCnp('late', 9, ALL, '  ingress:\n    - {action: Deny, from: [{namespaces: {matchLabels: {team: shop}}}]}\n'),
      otherFiles: { ...WORKLOADS, 'early.yaml': baselineCnp('early', 2, ALL, '  ingress:\n    - {name: accept-all, action: Accept, from: [{namespaces: {}}]}\n') },
      findings: [{ line: 10, column: 16, endLine: 10, endColumn: 20, message: 'Ingress rule 1 of ClusterNetworkPolicy "late" never decides anything: rule 1 ("accept-all") of ClusterNetworkPolicy "early" (Baseline tier, priority 2) already decides every connection it matches in these manifests.' }],
    },
  ],
});

it('admin-policy-rule-shadowed links the rules that decide first', () => {
  const code = anp('guard', 10, ALL, '  ingress:\n    - {name: allow-all, action: Allow, from: [{namespaces: {}}]}\n    - {action: Deny, from: [{namespaces: {}}]}\n');
  const config = mergeConfigs({});
  const [finding] = lintWorkspace(buildWorkspace([parseManifest('a.yaml', code)], config), { rules: [adminPolicyRuleShadowed], config }).get('a.yaml') ?? [];
  assert.deepEqual(finding.related, [{ uri: 'a.yaml', range: { start: { line: 9, character: 32 }, end: { line: 9, character: 37 } }, message: 'Ingress rule 1 ("allow-all") of AdminNetworkPolicy "guard"' }]);
});
