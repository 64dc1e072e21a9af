import { netpolPeerSelectsNothing } from '../../../server/src/engine/rules/workspace/netpol-peer-selects-nothing';
import { yaml } from '../../support/dedent';
import * as operators from './operator-fixtures';
import { testRule } from '../rule-tester';

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

testRule(netpolPeerSelectsNothing, {
  valid: [
    {
      name: 'peers that match workloads and namespaces of other files',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: api, namespace: shop}
        spec:
          podSelector: {matchLabels: {app: api}}
          policyTypes: [Ingress, Egress]
          ingress:
            - from:
                - podSelector: {matchLabels: {app: web}}
                - namespaceSelector: {matchLabels: {team: shop}}
                - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: shop}}
                  podSelector: {matchExpressions: [{key: app, operator: In, values: [web, mobile]}]}
          egress:
            - to: [{podSelector: {}}, {ipBlock: {cidr: 10.0.0.0/8}}]
      `,
      otherFiles: { 'shop.yaml': shop },
    },
    {
      name: 'a lone policy: no workload of its namespace in the workspace',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: db, namespace: payments}
        spec:
          podSelector: {matchLabels: {app: db}}
          ingress:
            - from: [{podSelector: {matchLabels: {app: api}}}]
      `,
      otherFiles: { 'shop.yaml': shop },
    },
    {
      name: 'namespaces managed elsewhere: by name, by a label no Namespace object of the workspace carries, or with no Namespace objects at all',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: api, namespace: shop}
        spec:
          podSelector: {matchLabels: {app: api}}
          ingress:
            - from:
                - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: ingress-nginx}}
                - namespaceSelector:
                    matchExpressions: [{key: kubernetes.io/metadata.name, operator: In, values: [monitoring]}]
                  podSelector: {matchLabels: {app: prometheus}}
                - namespaceSelector: {matchLabels: {purpose: monitoring}}
      `,
      otherFiles: { 'shop.yaml': shop },
    },
    {
      name: 'no Namespace objects in the workspace: namespace labels cannot be judged',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: api, namespace: shop}
        spec:
          template:
            metadata:
              labels: {app: api}
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: api, namespace: shop}
        spec:
          podSelector: {matchLabels: {app: api}}
          ingress:
            - from: [{namespaceSelector: {matchLabels: {team: shop}}}]
      `,
    },
    {
      name: 'a podSelector with a namespaceSelector that may match namespaces outside the workspace',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: api, namespace: shop}
        spec:
          podSelector: {matchLabels: {app: api}}
          ingress:
            - from:
                - namespaceSelector: {}
                  podSelector: {matchLabels: {app: prometheus}}
      `,
      otherFiles: { 'shop.yaml': shop },
    },
    {
      name: 'rules of a direction the policy does not affect, invalid selectors and labels set by controllers',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: api, namespace: shop}
        spec:
          podSelector: {matchLabels: {app: api}}
          policyTypes: [Ingress]
          ingress:
            - from:
                - podSelector: {matchExpressions: [{key: app, operator: Equals, values: [web]}]}
                - podSelector: {matchLabels: {app: web, pod-template-hash: 5d9c7}}
          egress:
            - to: [{podSelector: {matchLabels: {app: nothing}}}]
      `,
      otherFiles: { 'shop.yaml': shop },
    },
    {
      name: 'the cluster DNS in kube-system, next to an add-on the workspace deploys there',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: oauth2-proxy, namespace: kube-system}
        spec:
          template:
            metadata:
              labels: {k8s-app: oauth2-proxy}
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: allow-dns, namespace: shop}
        spec:
          podSelector: {}
          policyTypes: [Egress]
          egress:
            - to:
                - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}
                  podSelector: {matchLabels: {k8s-app: kube-dns}}
      `,
      otherFiles: { 'shop.yaml': shop },
    },
    {
      name: 'a from peer selecting the pods of a Prometheus object, in another namespace by name',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: web-metrics, namespace: shop}
        spec:
          podSelector: {matchLabels: {app: web}}
          ingress:
            - from:
                - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: monitoring}}
                  podSelector: {matchLabels: {app.kubernetes.io/name: prometheus, team: observability}}
      `,
      otherFiles: { 'web.yaml': operators.webDeployment, 'prometheus.yaml': operators.prometheus, 'grafana.yaml': operators.grafana },
    },
    {
      name: 'a to peer selecting the pods of a Rollout in the same namespace',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: web-egress, namespace: shop}
        spec:
          podSelector: {matchLabels: {app: web}}
          egress:
            - to: [{podSelector: {matchLabels: {app: checkout, rollouts-pod-template-hash: 5d8f9c7b6}}}]
      `,
      otherFiles: { 'web.yaml': operators.webDeployment, 'rollout.yaml': operators.rollout },
    },
  ],
  invalid: [
    {
      name: 'podSelector peers of ingress and egress rules',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: api, namespace: shop}
        spec:
          podSelector: {matchLabels: {app: api}}
          policyTypes: [Ingress, Egress]
          ingress:
            - from:
                - podSelector: {matchLabels: {app: web}}
                - podSelector:
                    matchLabels:
                      app: wbe
          egress:
            - to: [{podSelector: {matchLabels: {app: db}}}]
      `,
      otherFiles: { 'shop.yaml': shop },
      findings: [
        {
          line: 10,
          column: 11,
          endLine: 12,
          endColumn: 23,
          message: 'The podSelector matches no workload of namespace "shop" in the workspace: this from entry admits nothing.',
        },
        { line: 14, column: 13, endLine: 14, endColumn: 50, message: /: this to entry admits nothing\.$/ },
      ],
    },
    {
      name: 'a namespaceSelector value that no Namespace object has, for a label they carry',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: api, namespace: shop}
        spec:
          podSelector: {matchLabels: {app: api}}
          ingress:
            - from:
                - namespaceSelector:
                    matchLabels: {team: shopping}
                  podSelector:
                    matchLabels: {app: web}
      `,
      otherFiles: { 'shop.yaml': shop },
      findings: [
        {
          line: 8,
          column: 11,
          endLine: 9,
          endColumn: 42,
          message: 'The namespaceSelector matches none of the Namespaces defined in the workspace: this from entry admits nothing.',
        },
      ],
    },
    {
      name: 'a podSelector in namespaces named by the namespaceSelector, all in the workspace',
      code: `${shop}---\n${yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: db, namespace: payments}
        spec:
          podSelector: {matchLabels: {app: db}}
          ingress:
            - from:
                - namespaceSelector:
                    matchLabels: {kubernetes.io/metadata.name: shop}
                  podSelector:
                    matchLabels: {app: checkout}
      `}`,
      findings: [{ line: 32, column: 11, endLine: 33, endColumn: 41, message: 'The podSelector matches no workload of namespace "shop" in the workspace: this from entry admits nothing.' }],
    },
    {
      name: 'a from peer that selects nothing next to a Prometheus object; one next to an unknown custom resource in the folder',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: web-ingress, namespace: shop}
        spec:
          podSelector: {matchLabels: {app: web}}
          ingress:
            - from:
                - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: monitoring}}
                  podSelector: {matchLabels: {prometheus: main}}
                - podSelector: {matchLabels: {app: redis}}
      `,
      otherFiles: { 'web.yaml': operators.webDeployment, 'prometheus.yaml': operators.prometheus, 'grafana.yaml': operators.grafana, 'redis.yaml': operators.redisCluster },
      findings: [
        {
          line: 9,
          column: 11,
          endLine: 9,
          endColumn: 57,
          message: 'The podSelector matches no workload of namespace "monitoring" in the workspace: this from entry admits nothing.',
        },
        {
          line: 10,
          column: 11,
          endLine: 10,
          endColumn: 51,
          message:
            'The podSelector matches no workload of namespace "shop" in the workspace, but it may select pods created by a controller of kind RedisCluster in this folder; if not, this from entry admits nothing.',
        },
      ],
    },
  ],
});
