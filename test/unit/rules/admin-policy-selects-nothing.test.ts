import { adminPolicySelectsNothing } from '../../../server/src/engine/rules/workspace/admin-policy-selects-nothing';
import { yaml } from '../../support/dedent';
import * as operators from './operator-fixtures';
import { testRule } from '../rule-tester';

/** An AdminNetworkPolicy whose subject starts on line 7 (`subject:` at column 3) and whose ingress rule follows it. */
function anp(name: string, subject: string): string {
  return `apiVersion: policy.networking.k8s.io/v1alpha1\nkind: AdminNetworkPolicy\nmetadata:\n  name: ${name}\nspec:\n  priority: 10\n  subject:\n${subject}  ingress:\n    - {action: Deny, from: [{namespaces: {}}]}\n`;
}

const shop = yaml`
  apiVersion: v1
  kind: Namespace
  metadata:
    name: shop
    labels: {team: shop, env: prod}
  ---
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: web, namespace: shop}
  spec:
    template:
      metadata:
        labels: {app: web}
  ---
  apiVersion: apps/v1
  kind: StatefulSet
  metadata: {name: db, namespace: shop}
  spec:
    template:
      metadata:
        labels: {app: db}
`;

/** Workloads in a namespace that has no Namespace object. */
const unlabelled = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: web, namespace: shop}
  spec:
    template:
      metadata:
        labels: {app: web}
`;

testRule(adminPolicySelectsNothing, {
  valid: [
    {
      name: 'subjects that select workloads of other files: every namespace, a label of a Namespace object, pods by name and label',
      code: [
        anp('all', '    namespaces: {}\n'),
        anp('team', '    namespaces: {matchLabels: {team: shop}}\n'),
        anp('db', '    pods:\n      namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: shop}}\n      podSelector: {matchExpressions: [{key: app, operator: In, values: [db, cache]}]}\n'),
      ].join('---\n'),
      otherFiles: { 'shop.yaml': shop },
    },
    {
      name: 'a policy alone in the workspace: no workload, no namespace to judge by',
      code: anp('restricted', '    namespaces: {matchLabels: {tier: restricted}}\n'),
    },
    {
      name: 'a namespace label no Namespace object of the workspace carries: namespaces labelled elsewhere',
      code: anp('restricted', '    namespaces: {matchLabels: {tier: restricted}}\n'),
      otherFiles: { 'shop.yaml': shop },
    },
    {
      name: 'a namespace named that the workspace does not hold, or a system namespace',
      code: [
        anp('payments', '    namespaces: {matchLabels: {kubernetes.io/metadata.name: payments}}\n'),
        anp('dns', '    pods:\n      namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}\n      podSelector: {matchLabels: {k8s-app: kube-dns}}\n'),
      ].join('---\n'),
      otherFiles: { 'shop.yaml': shop, 'dns.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: coredns, namespace: kube-system}\nspec:\n  template:\n    metadata:\n      labels: {k8s-app: coredns}\n' },
    },
    {
      name: 'a podSelector in namespaces chosen by label (other namespaces may match) is not judged',
      code: anp('cache', '    pods:\n      namespaceSelector: {matchLabels: {team: shop}}\n      podSelector: {matchLabels: {app: cache}}\n'),
      otherFiles: { 'shop.yaml': shop },
    },
    {
      name: 'a label the StatefulSet controller adds to its pods',
      code: anp('db-0', '    pods:\n      namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: shop}}\n      podSelector: {matchLabels: {statefulset.kubernetes.io/pod-name: db-0}}\n'),
      otherFiles: { 'shop.yaml': shop },
    },
    {
      name: 'pods an operator creates from a custom resource (Prometheus)',
      code: anp('prometheus', '    pods:\n      namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: monitoring}}\n      podSelector: {matchLabels: {prometheus: k8s}}\n'),
      otherFiles: { 'prometheus.yaml': operators.prometheus, 'grafana.yaml': operators.grafana },
    },
    {
      name: 'a selector the API server would refuse is left to admin-policy-invalid',
      code: anp('bad', '    namespaces: {matchExpressions: [{key: team, operator: in, values: [shop]}]}\n'),
      otherFiles: { 'shop.yaml': shop },
    },
    {
      name: 'a namespace selector by name when no Namespace object exists',
      code: anp('named', '    namespaces: {matchLabels: {kubernetes.io/metadata.name: payments}}\n'),
      otherFiles: { 'web.yaml': unlabelled },
    },
    {
      name: 'a ClusterNetworkPolicy (v1alpha2) of each tier whose subject selects a workload',
      code: yaml`
        apiVersion: policy.networking.k8s.io/v1alpha2
        kind: ClusterNetworkPolicy
        metadata: {name: admin-shop}
        spec:
          tier: Admin
          priority: 10
          subject:
            namespaces: {matchLabels: {team: shop}}
          ingress:
            - {action: Accept, from: [{namespaces: {}}]}
        ---
        apiVersion: policy.networking.k8s.io/v1alpha2
        kind: ClusterNetworkPolicy
        metadata: {name: baseline-db}
        spec:
          tier: Baseline
          priority: 10
          subject:
            pods:
              namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: shop}}
              podSelector: {matchLabels: {app: db}}
          ingress:
            - {action: Deny, from: [{namespaces: {}}]}
      `,
      otherFiles: { 'shop.yaml': shop },
    },
  ],
  invalid: [
    {
      name: 'an AdminNetworkPolicy namespaces selector with a value no Namespace object has',
      code: anp('team', '    namespaces: {matchLabels: {team: shopp}}\n'),
      otherFiles: { 'shop.yaml': shop },
      findings: [{ line: 8, column: 5, endLine: 8, endColumn: 45, message: 'The namespaces selector of AdminNetworkPolicy "team" matches none of the Namespaces defined in the workspace: the policy applies to nothing.', severity: 'warning' }],
    },
    {
      name: 'a BaselineAdminNetworkPolicy podSelector that matches no workload of the namespace it names',
      code: yaml`
        apiVersion: policy.networking.k8s.io/v1alpha1
        kind: BaselineAdminNetworkPolicy
        metadata:
          name: default
        spec:
          subject:
            pods:
              namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: shop}}
              podSelector:
                matchLabels: {app: wbe}
          ingress:
            - {action: Deny, from: [{namespaces: {}}]}
      `,
      otherFiles: { 'shop.yaml': shop },
      findings: [{ line: 9, column: 7, endLine: 10, endColumn: 32, message: 'The podSelector of BaselineAdminNetworkPolicy "default" matches no workload of namespace "shop" in the workspace: the policy applies to nothing.', severity: 'warning' }],
    },
    {
      name: 'ClusterNetworkPolicies (v1alpha2): an Admin-tier namespaceSelector with a misspelled value; a Baseline-tier value no Namespace has, which namespaces elsewhere may carry',
      code: yaml`
        apiVersion: policy.networking.k8s.io/v1alpha2
        kind: ClusterNetworkPolicy
        metadata: {name: admin-env}
        spec:
          tier: Admin
          priority: 20
          subject:
            pods:
              namespaceSelector:
                matchLabels: {env: prd}
              podSelector: {}
          egress:
            - {action: Accept, to: [{namespaces: {}}]}
        ---
        apiVersion: policy.networking.k8s.io/v1alpha2
        kind: ClusterNetworkPolicy
        metadata: {name: baseline-team}
        spec:
          tier: Baseline
          priority: 5
          subject:
            namespaces:
              matchExpressions: [{key: team, operator: In, values: [payments]}]
          ingress:
            - {action: Deny, from: [{namespaces: {}}]}
      `,
      otherFiles: { 'shop.yaml': shop },
      findings: [
        { line: 9, column: 7, endLine: 10, endColumn: 32, message: 'The namespaceSelector of ClusterNetworkPolicy "admin-env" matches none of the Namespaces defined in the workspace: the policy applies to nothing.', severity: 'warning' },
        {
          line: 22,
          column: 5,
          endLine: 23,
          endColumn: 72,
          message: 'The namespaces selector of ClusterNetworkPolicy "baseline-team" matches none of the Namespaces defined in the workspace, but Namespaces defined elsewhere may carry its labels; if not, the policy applies to nothing.',
          severity: 'info',
        },
      ],
    },
    {
      name: 'no Namespace object in the workspace: a label selector on namespaces known only by name is informational',
      code: anp('prod', '    namespaces: {matchLabels: {env: prod}}\n'),
      otherFiles: { 'web.yaml': unlabelled },
      findings: [
        {
          line: 8,
          column: 5,
          endLine: 8,
          endColumn: 43,
          message: 'The namespaces selector of AdminNetworkPolicy "prod" matches none of the namespaces of the workspace, but the workspace defines no Namespace object, so their labels may be set elsewhere; if not, the policy applies to nothing.',
          severity: 'info',
        },
      ],
    },
    {
      name: 'a podSelector that matches nothing next to a custom resource whose operator may create pods',
      code: anp('cache', '    pods:\n      namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: shop}}\n      podSelector: {matchLabels: {app: cache}}\n'),
      otherFiles: { 'web.yaml': operators.webDeployment, 'redis.yaml': operators.redisCluster },
      findings: [
        {
          line: 10,
          column: 7,
          endLine: 10,
          endColumn: 47,
          message: 'The podSelector of AdminNetworkPolicy "cache" matches no workload of namespace "shop" in the workspace, but it may select pods created by a controller of kind RedisCluster in this folder; if not, the policy applies to nothing.',
          severity: 'info',
        },
      ],
    },
  ],
});
