import { netpolSelectsNothing } from '../../../server/src/engine/rules/workspace/netpol-selects-nothing';
import { yaml } from '../../support/dedent';
import * as operators from './operator-fixtures';
import { testRule } from '../rule-tester';

const webDeployment = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: web, namespace: shop}
  spec:
    template:
      metadata:
        labels: {app: web, tier: frontend}
`;

testRule(netpolSelectsNothing, {
  valid: [
    {
      name: 'the selector matches a workload in another file',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: web, namespace: shop}
        spec:
          podSelector:
            matchLabels: {app: web}
            matchExpressions: [{key: tier, operator: NotIn, values: [backend]}]
      `,
      otherFiles: { 'web.yaml': webDeployment },
    },
    {
      name: 'a lone policy: no workload of its namespace in the workspace',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: db, namespace: payments}
        spec:
          podSelector:
            matchLabels: {app: db}
      `,
      otherFiles: { 'web.yaml': webDeployment },
    },
    {
      name: 'an empty or absent podSelector selects every workload',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: deny, namespace: shop}
        spec:
          podSelector: {}
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: deny-egress, namespace: shop}
        spec:
          policyTypes: [Egress]
      `,
      otherFiles: { 'web.yaml': webDeployment },
    },
    {
      name: 'a selector Kubernetes would refuse is left to netpol-invalid',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: web, namespace: shop}
        spec:
          podSelector:
            matchExpressions: [{key: app, operator: in, values: [web]}]
      `,
      otherFiles: { 'web.yaml': webDeployment },
    },
    {
      name: 'labels the controller adds to the pods it creates (a policy per StatefulSet pod)',
      code: yaml`
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: redis, namespace: shop}
        spec:
          template:
            metadata:
              labels: {app: redis}
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: redis-0, namespace: shop}
        spec:
          podSelector:
            matchLabels:
              app: redis
              statefulset.kubernetes.io/pod-name: redis-0
      `,
    },
    {
      name: 'a workload defined in two files with different labels: either counts',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: web, namespace: shop}
        spec:
          podSelector:
            matchLabels: {app: website}
      `,
      otherFiles: { 'a.yaml': webDeployment, 'b.yaml': webDeployment.replace('app: web,', 'app: website,') },
    },
    {
      name: 'system namespaces hold more than the workspace: a policy for CoreDNS next to an add-on in kube-system',
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
        metadata: {name: coredns, namespace: kube-system}
        spec:
          podSelector: {matchLabels: {k8s-app: kube-dns}}
      `,
    },
    {
      name: 'the pods the Prometheus operator creates, by a spec.podMetadata label',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: prometheus, namespace: monitoring}
        spec:
          podSelector:
            matchLabels: {team: observability}
      `,
      otherFiles: { 'prometheus.yaml': operators.prometheus, 'grafana.yaml': operators.grafana },
    },
    {
      name: 'the pods the Prometheus operator creates, by labels it adds (fixed, the object name, a run-time shard)',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: prometheus, namespace: monitoring}
        spec:
          podSelector:
            matchLabels: {app.kubernetes.io/name: prometheus, prometheus: k8s, operator.prometheus.io/shard: "1"}
      `,
      otherFiles: { 'prometheus.yaml': operators.prometheus, 'grafana.yaml': operators.grafana },
    },
    {
      name: 'the pods of an Argo Rollout, an OpenKruise CloneSet and a Knative Service',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: checkout, namespace: shop}
        spec:
          podSelector:
            matchLabels: {app: checkout}
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: cart, namespace: shop}
        spec:
          podSelector:
            matchExpressions: [{key: app, operator: In, values: [cart]}, {key: apps.kruise.io/cloneset-instance-id, operator: Exists}]
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: hello, namespace: shop}
        spec:
          podSelector:
            matchLabels: {serving.knative.dev/service: hello}
      `,
      otherFiles: { 'web.yaml': operators.webDeployment, 'rollout.yaml': operators.rollout, 'cloneset.yaml': operators.cloneSet, 'knative.yaml': operators.knativeService },
    },
    {
      name: "the brokers of a Strimzi Kafka cluster, by their own template's label and the operator's",
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: brokers, namespace: streaming}
        spec:
          podSelector:
            matchLabels: {strimzi.io/cluster: events, strimzi.io/name: events-kafka, tier: brokers}
      `,
      otherFiles: { 'kafka.yaml': operators.kafka },
    },
  ],
  invalid: [
    {
      name: 'a label typo, on the podSelector pair',
      code: `${webDeployment}---\n${yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: web-ingress, namespace: shop}
        spec:
          podSelector:
            matchLabels:
              app: wbe
          ingress:
            - from: [{podSelector: {}}]
      `}`,
      findings: [
        {
          line: 13,
          column: 3,
          endLine: 15,
          endColumn: 15,
          message: 'The podSelector of NetworkPolicy "web-ingress" does not match the only workload of namespace "shop" in the workspace: the policy isolates and allows nothing.',
        },
      ],
    },
    {
      name: 'the workloads are in other files; matchExpressions only; flow style',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: backend, namespace: shop}
        spec: {podSelector: {matchExpressions: [{key: tier, operator: In, values: [backend]}]}, policyTypes: [Egress]}
      `,
      otherFiles: {
        'web.yaml': webDeployment,
        'api.yaml': webDeployment.replace('name: web,', 'name: api,').replace('app: web,', 'app: api,'),
      },
      findings: [{ line: 4, column: 8, endLine: 4, endColumn: 87, message: /does not match any of the 2 workloads of namespace "shop"/ }],
    },
    {
      name: '"" is the default namespace; one of two policies',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: debug
          labels: {app: debug}
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: debug, namespace: ""}
        spec:
          podSelector: {matchLabels: {app: debug}}
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: shell}
        spec:
          podSelector: {matchLabels: {app: shell}}
      `,
      findings: [{ line: 17, column: 3, endLine: 17, endColumn: 43, message: /^The podSelector of NetworkPolicy "shell" .* namespace "default"/ }],
    },
    {
      name: 'a policy that selects nothing next to a Prometheus object: still a warning',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: prometheus, namespace: monitoring}
        spec:
          podSelector:
            matchLabels: {app.kubernetes.io/name: prometheus, prometheus: main}
      `,
      otherFiles: { 'prometheus.yaml': operators.prometheus },
      findings: [
        {
          line: 5,
          column: 3,
          endLine: 6,
          endColumn: 72,
          severity: 'warning',
          message: 'The podSelector of NetworkPolicy "prometheus" does not match the only workload of namespace "monitoring" in the workspace: the policy isolates and allows nothing.',
        },
      ],
    },
    {
      name: 'a custom resource of a kind the engine does not know in the same folder: info, with less confidence',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: cache, namespace: shop}
        spec:
          podSelector:
            matchLabels: {app: redis}
      `,
      otherFiles: { 'web.yaml': operators.webDeployment, 'redis/cluster.yaml': operators.redisCluster },
      findings: [
        {
          line: 5,
          column: 3,
          endLine: 6,
          endColumn: 30,
          severity: 'info',
          message:
            'The podSelector of NetworkPolicy "cache" does not match the only workload of namespace "shop" in the workspace, but it may select pods created by a controller of kind RedisCluster in this folder; if not, the policy isolates and allows nothing.',
        },
      ],
    },
  ],
});
