import { yaml } from '../../support/dedent';

/**
 * A small cluster the templates are tried on: a shop namespace with three workloads, an
 * ingress-nginx controller as its Helm chart labels it, and a monitoring namespace.
 */
export const CLUSTER = yaml`
  apiVersion: v1
  kind: Namespace
  metadata: {name: shop}
  ---
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: web, namespace: shop}
  spec:
    selector: {matchLabels: {app: web}}
    template:
      metadata:
        labels: {app: web, tier: "1", pod-template-hash: 5d9c7}
      spec:
        containers: [{name: web, image: web:1, ports: [{containerPort: 8080}]}]
  ---
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: frontend, namespace: shop}
  spec:
    selector: {matchLabels: {app: frontend}}
    template:
      metadata:
        labels: {app: frontend, tier: "1"}
      spec:
        containers: [{name: frontend, image: frontend:1}]
  ---
  apiVersion: apps/v1
  kind: StatefulSet
  metadata: {name: api, namespace: shop}
  spec:
    selector: {matchLabels: {app: api}}
    template:
      metadata:
        labels: {app: api}
      spec:
        containers: [{name: api, image: api:1, ports: [{containerPort: 9000}]}]
  ---
  apiVersion: v1
  kind: Namespace
  metadata: {name: ingress-nginx}
  ---
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: ingress-nginx-controller, namespace: ingress-nginx}
  spec:
    selector:
      matchLabels: {app.kubernetes.io/name: ingress-nginx, app.kubernetes.io/instance: ingress-nginx, app.kubernetes.io/component: controller}
    template:
      metadata:
        labels:
          app.kubernetes.io/name: ingress-nginx
          app.kubernetes.io/instance: ingress-nginx
          app.kubernetes.io/component: controller
          app.kubernetes.io/version: 1.12.1
          helm.sh/chart: ingress-nginx-4.12.1
      spec:
        containers: [{name: controller, image: registry.k8s.io/ingress-nginx/controller:v1.12.1}]
  ---
  apiVersion: v1
  kind: Namespace
  metadata: {name: monitoring}
  ---
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: prometheus, namespace: monitoring}
  spec:
    selector: {matchLabels: {app: prometheus}}
    template:
      metadata:
        labels: {app: prometheus}
      spec:
        containers: [{name: prometheus, image: prom/prometheus:v3.0.0}]
`;
