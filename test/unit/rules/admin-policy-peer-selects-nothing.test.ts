import { adminPolicyPeerSelectsNothing } from '../../../server/src/engine/rules/workspace/admin-policy-peer-selects-nothing';
import { yaml } from '../../support/dedent';
import * as operators from './operator-fixtures';
import { testRule } from '../rule-tester';

/** An AdminNetworkPolicy over every namespace whose rules start on line 9. */
function anp(name: string, rules: string): string {
  return `apiVersion: policy.networking.k8s.io/v1alpha1\nkind: AdminNetworkPolicy\nmetadata:\n  name: ${name}\nspec:\n  priority: 10\n  subject:\n    namespaces: {}\n${rules}`;
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
  kind: Deployment
  metadata: {name: api, namespace: shop}
  spec:
    template:
      metadata:
        labels: {app: api}
`;

testRule(adminPolicyPeerSelectsNothing, {
  valid: [
    {
      name: 'peers that match namespaces and workloads of other files, networks and nodes peers',
      code: anp(
        'guard',
        [
          '  ingress:',
          '    - action: Allow',
          '      from:',
          '        - namespaces: {matchLabels: {team: shop}}',
          '        - pods: {namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: shop}}, podSelector: {matchLabels: {app: web}}}',
          '        - pods: {podSelector: {matchLabels: {app: anything}}}',
          '  egress:',
          '    - action: Deny',
          '      to: [{networks: [10.0.0.0/8]}, {nodes: {}}, {namespaces: {}}]',
          '',
        ].join('\n'),
      ),
      otherFiles: { 'shop.yaml': shop },
    },
    {
      name: 'peers about namespaces the workspace does not hold or label',
      code: anp(
        'outside',
        [
          '  ingress:',
          '    - action: Allow',
          '      from:',
          '        - namespaces: {matchLabels: {kubernetes.io/metadata.name: monitoring}}',
          '        - namespaces: {matchLabels: {zone: dmz}}',
          '        - pods: {namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: ingress-nginx}}, podSelector: {matchLabels: {app: controller}}}',
          '        - pods: {namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}, podSelector: {matchLabels: {k8s-app: kube-dns}}}',
          '',
        ].join('\n'),
      ),
      otherFiles: { 'shop.yaml': shop },
    },
    {
      name: 'without Namespace objects, a namespaces peer by label is not judged',
      code: anp('unlabelled', '  ingress:\n    - {action: Deny, from: [{namespaces: {matchLabels: {env: prod}}}]}\n'),
      otherFiles: { 'web.yaml': operators.webDeployment },
    },
    {
      name: 'a peer on pods an operator creates (Prometheus)',
      code: anp('scrape', '  ingress:\n    - {action: Allow, from: [{pods: {namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: monitoring}}, podSelector: {matchLabels: {prometheus: k8s}}}}]}\n'),
      otherFiles: { 'prometheus.yaml': operators.prometheus, 'grafana.yaml': operators.grafana },
    },
    {
      name: 'a ClusterNetworkPolicy (v1alpha2) whose peers match',
      code: yaml`
        apiVersion: policy.networking.k8s.io/v1alpha2
        kind: ClusterNetworkPolicy
        metadata: {name: cnp}
        spec:
          tier: Admin
          priority: 10
          subject: {namespaces: {}}
          ingress:
            - {action: Accept, from: [{namespaces: {matchLabels: {env: prod}}}]}
          egress:
            - {action: Accept, to: [{domainNames: [example.com]}]}
      `,
      otherFiles: { 'shop.yaml': shop },
    },
  ],
  invalid: [
    {
      name: 'a namespaces peer with a value no Namespace object has, and a pods peer with a label no workload of the named namespace has',
      code: anp(
        'guard',
        [
          '  ingress:',
          '    - action: Deny',
          '      from:',
          '        - namespaces:',
          '            matchLabels: {team: shopp}',
          '  egress:',
          '    - action: Pass',
          '      to:',
          '        - namespaces: {}',
          '        - pods:',
          '            namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: shop}}',
          '            podSelector: {matchLabels: {app: api-v2}}',
          '',
        ].join('\n'),
      ),
      otherFiles: { 'shop.yaml': shop },
      findings: [
        { line: 12, column: 11, endLine: 13, endColumn: 39, message: 'The namespaces selector matches none of the Namespaces defined in the workspace: this from entry matches nothing.' },
        { line: 20, column: 13, endLine: 20, endColumn: 54, message: 'The podSelector matches no workload of namespace "shop" in the workspace: this to entry matches nothing.' },
      ],
    },
    {
      name: 'a BaselineAdminNetworkPolicy pods peer whose namespaceSelector matches no Namespace',
      code: yaml`
        apiVersion: policy.networking.k8s.io/v1alpha1
        kind: BaselineAdminNetworkPolicy
        metadata: {name: default}
        spec:
          subject: {namespaces: {}}
          ingress:
            - action: Deny
              from:
                - pods:
                    namespaceSelector: {matchLabels: {env: staging}}
                    podSelector: {matchLabels: {app: web}}
      `,
      otherFiles: { 'shop.yaml': shop },
      findings: [{ line: 10, column: 13, endLine: 10, endColumn: 61, message: 'The namespaceSelector matches none of the Namespaces defined in the workspace: this from entry matches nothing.' }],
    },
    {
      name: 'a ClusterNetworkPolicy (v1alpha2) Baseline-tier peer that selects nothing',
      code: yaml`
        apiVersion: policy.networking.k8s.io/v1alpha2
        kind: ClusterNetworkPolicy
        metadata: {name: baseline}
        spec:
          tier: Baseline
          priority: 10
          subject: {namespaces: {}}
          egress:
            - action: Deny
              to:
                - pods:
                    namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: shop}}
                    podSelector: {matchLabels: {app: db}}
      `,
      otherFiles: { 'shop.yaml': shop },
      findings: [{ line: 13, column: 13, endLine: 13, endColumn: 50, message: 'The podSelector matches no workload of namespace "shop" in the workspace: this to entry matches nothing.' }],
    },
    {
      name: 'a peer that selects nothing next to a custom resource whose operator may create pods',
      code: anp('cache', '  egress:\n    - {action: Allow, to: [{pods: {namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: shop}}, podSelector: {matchLabels: {app: cache}}}}]}\n'),
      otherFiles: { 'web.yaml': operators.webDeployment, 'redis.yaml': operators.redisCluster },
      findings: [
        {
          line: 10,
          column: 107,
          endLine: 10,
          endColumn: 147,
          message: 'The podSelector matches no workload of namespace "shop" in the workspace, but it may select pods created by a controller of kind RedisCluster in this folder; if not, this to entry matches nothing.',
        },
      ],
    },
  ],
});
