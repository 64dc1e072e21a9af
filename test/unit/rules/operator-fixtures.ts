import { yaml } from '../../support/dedent';

// Custom resources whose operators create pods, for the "selects nothing" rules' tests.

export const prometheus = yaml`
  apiVersion: monitoring.coreos.com/v1
  kind: Prometheus
  metadata: {name: k8s, namespace: monitoring}
  spec:
    replicas: 2
    podMetadata:
      labels: {team: observability}
`;

export const alertmanager = yaml`
  apiVersion: monitoring.coreos.com/v1
  kind: Alertmanager
  metadata: {name: main, namespace: monitoring}
  spec:
    replicas: 3
`;

export const grafana = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: grafana, namespace: monitoring}
  spec:
    template:
      metadata:
        labels: {app: grafana}
`;

export const rollout = yaml`
  apiVersion: argoproj.io/v1alpha1
  kind: Rollout
  metadata: {name: checkout, namespace: shop}
  spec:
    template:
      metadata:
        labels: {app: checkout}
      spec:
        containers:
          - name: checkout
            image: registry.example.com/shop/checkout:2.3.0
            ports: [{name: http, containerPort: 8080}]
`;

export const cloneSet = yaml`
  apiVersion: apps.kruise.io/v1alpha1
  kind: CloneSet
  metadata: {name: cart, namespace: shop}
  spec:
    template:
      metadata:
        labels: {app: cart}
`;

export const knativeService = yaml`
  apiVersion: serving.knative.dev/v1
  kind: Service
  metadata: {name: hello, namespace: shop}
  spec:
    template:
      spec:
        containers:
          - image: registry.example.com/shop/hello:1.0.0
`;

export const kafka = yaml`
  apiVersion: kafka.strimzi.io/v1beta2
  kind: Kafka
  metadata: {name: events, namespace: streaming}
  spec:
    kafka:
      replicas: 3
      template:
        pod:
          metadata:
            labels: {tier: brokers}
    entityOperator:
      template:
        pod:
          metadata:
            labels: {tier: operators}
`;

export const webDeployment = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: web, namespace: shop}
  spec:
    template:
      metadata:
        labels: {app: web}
`;

/** A custom resource of a kind the engine does not know: its operator may create pods. */
export const redisCluster = yaml`
  apiVersion: redis.redis.opstreelabs.in/v1beta2
  kind: RedisCluster
  metadata: {name: cache, namespace: shop}
  spec:
    clusterSize: 3
`;
