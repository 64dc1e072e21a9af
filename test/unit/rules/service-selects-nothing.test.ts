import { serviceSelectsNothing } from '../../../server/src/engine/rules/workspace/service-selects-nothing';
import { yaml } from '../../support/dedent';
import * as operators from './operator-fixtures';
import { testRule } from '../rule-tester';

const web = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: web
    namespace: shop
    labels: {app.kubernetes.io/name: web}
  spec:
    template:
      metadata:
        labels: {app: web, tier: frontend}
`;

testRule(serviceSelectsNothing, {
  valid: [
    {
      name: 'the selector matches the pod labels of a workload in another file',
      code: yaml`
        apiVersion: v1
        kind: Service
        metadata: {name: web, namespace: shop}
        spec:
          selector: {app: web}
          ports: [{port: 80}]
      `,
      otherFiles: { 'web.yaml': web },
    },
    {
      name: 'a lone Service: no workload of its namespace in the workspace',
      code: yaml`
        apiVersion: v1
        kind: Service
        metadata: {name: web, namespace: payments}
        spec:
          selector: {app: web}
      `,
      otherFiles: { 'web.yaml': web },
    },
    {
      name: 'Services without pods: ExternalName, no selector, an empty selector; a Knative Service',
      code: yaml`
        apiVersion: v1
        kind: Service
        metadata: {name: db, namespace: shop}
        spec:
          type: ExternalName
          externalName: db.example.com
          selector: {app: db}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: legacy, namespace: shop}
        spec:
          ports: [{port: 80}]
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: empty, namespace: shop}
        spec:
          selector: {}
        ---
        apiVersion: serving.knative.dev/v1
        kind: Service
        metadata: {name: hello, namespace: shop}
        spec:
          selector: {app: hello}
      `,
      otherFiles: { 'web.yaml': web },
    },
    {
      name: 'a Service per StatefulSet pod selects a label the controller adds',
      code: yaml`
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: redis}
        spec:
          template:
            metadata:
              labels: {app: redis}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: redis-0}
        spec:
          selector:
            app: redis
            statefulset.kubernetes.io/pod-name: redis-0
      `,
    },
    {
      name: 'a stand-alone pod, in the namespace "" means',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: debug
          namespace: ""
          labels: {app: debug}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: debug}
        spec:
          selector: {app: debug}
      `,
    },
    {
      name: 'a Service for CoreDNS next to an add-on the workspace deploys in kube-system',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: oauth2-proxy, namespace: kube-system}
        spec:
          template:
            metadata:
              labels: {k8s-app: oauth2-proxy}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: dns-metrics, namespace: kube-system}
        spec:
          selector: {k8s-app: kube-dns}
          ports: [{port: 9153}]
      `,
    },
    {
      name: 'the pods of an Alertmanager object, by labels its operator adds',
      code: yaml`
        apiVersion: v1
        kind: Service
        metadata: {name: alertmanager-main, namespace: monitoring}
        spec:
          selector: {app.kubernetes.io/name: alertmanager, alertmanager: main}
          ports: [{name: web, port: 9093, targetPort: web}]
      `,
      otherFiles: { 'alertmanager.yaml': operators.alertmanager, 'grafana.yaml': operators.grafana },
    },
    {
      name: 'the pods of a Rollout, a CloneSet and a Knative Service',
      code: yaml`
        apiVersion: v1
        kind: Service
        metadata: {name: checkout, namespace: shop}
        spec: {selector: {app: checkout}, ports: [{port: 80, targetPort: http}]}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: cart, namespace: shop}
        spec: {selector: {app: cart}, ports: [{port: 80}]}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: hello-direct, namespace: shop}
        spec: {selector: {serving.knative.dev/service: hello}, ports: [{port: 80, targetPort: 8080}]}
      `,
      otherFiles: { 'web.yaml': operators.webDeployment, 'rollout.yaml': operators.rollout, 'cloneset.yaml': operators.cloneSet, 'knative.yaml': operators.knativeService },
    },
  ],
  invalid: [
    {
      name: "a selector written against the Deployment's own labels",
      code: `${web}---\n${yaml`
        apiVersion: v1
        kind: Service
        metadata: {name: web, namespace: shop}
        spec:
          selector:
            app.kubernetes.io/name: web
          ports: [{port: 80, targetPort: 8080}]
      `}`,
      findings: [
        {
          line: 16,
          column: 3,
          endLine: 17,
          endColumn: 32,
          message: 'The selector of Service "web" does not match the pod labels of the only workload of namespace "shop" in the workspace: the Service has no endpoints.',
        },
      ],
    },
    {
      name: 'a typo, flow style, workloads in other files; the configured default namespace',
      config: { defaultNamespace: 'shop' },
      code: yaml`
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        spec: {selector: {app: web, tier: fronted}, ports: [{port: 80}]}
      `,
      otherFiles: { 'web.yaml': web, 'api.yaml': web.replace('name: web\n', 'name: api\n').replace('app: web,', 'app: api,') },
      findings: [{ line: 4, column: 8, endLine: 4, endColumn: 43, message: /does not match the pod labels of any of the 2 workloads of namespace "shop"/ }],
    },
    {
      name: 'a Service that selects nothing next to an Alertmanager object: still a warning',
      code: yaml`
        apiVersion: v1
        kind: Service
        metadata: {name: alertmanager, namespace: monitoring}
        spec:
          selector: {alertmanager: mian}
          ports: [{port: 9093}]
      `,
      otherFiles: { 'alertmanager.yaml': operators.alertmanager, 'grafana.yaml': operators.grafana },
      findings: [
        {
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 33,
          severity: 'warning',
          message: 'The selector of Service "alertmanager" does not match the pod labels of any of the 2 workloads of namespace "monitoring" in the workspace: the Service has no endpoints.',
        },
      ],
    },
    {
      name: 'a custom resource of an unknown kind in the same folder: info, with less confidence',
      code: yaml`
        apiVersion: v1
        kind: Service
        metadata: {name: cache, namespace: shop}
        spec:
          selector: {app: redis}
          ports: [{port: 6379}]
      `,
      otherFiles: { 'web.yaml': operators.webDeployment, 'cache/redis.yaml': operators.redisCluster },
      findings: [
        {
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 25,
          severity: 'info',
          message:
            'The selector of Service "cache" does not match the pod labels of the only workload of namespace "shop" in the workspace, but it may select pods created by a controller of kind RedisCluster in this folder; if not, the Service has no endpoints.',
        },
      ],
    },
  ],
});
