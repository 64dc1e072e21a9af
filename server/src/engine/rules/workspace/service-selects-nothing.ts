import type { WorkspaceRule } from '../rule';
import { selectingServices } from './service-selection';
import { workloadTargets } from './selection-targets';
import { unknownPodCreatorKindsNear, unknownPodsClause } from './workspace-objects';
import { correctSelector } from './selector-correction';
import { correctionReport, selectorCorrectionFixes } from './selector-correction-fix';

export const serviceSelectsNothing: WorkspaceRule = {
  id: 'service-selects-nothing',
  title: 'Service selects no workload of its namespace',
  severity: 'warning',
  category: 'service',
  scope: 'workspace',
  explanation:
    "A Service sends its traffic to the pods of its own namespace whose labels match all of its `selector`. When " +
    'no workload of that namespace has such pod labels, the Service has no endpoints: clients get connection ' +
    'errors, and the NetworkPolicies and load balancer rules written for it protect nothing. The usual causes are ' +
    "a label typo, a selector written against the Deployment's own labels instead of its pod template's, or a " +
    'Service in the wrong namespace. Workloads are the Deployments, StatefulSets, DaemonSets, ReplicaSets, ' +
    'ReplicationControllers, Jobs, CronJobs and Pods of the namespace, and the pods that known operators create ' +
    'from custom resources (Prometheus, Alertmanager and ThanosRuler, Argo Rollouts, OpenKruise CloneSets and ' +
    'Advanced StatefulSets and DaemonSets, Knative Services and Configurations, CloudNativePG Clusters and ' +
    'Poolers, Strimzi Kafka resources), with the labels those controllers add. When a custom resource of another ' +
    'kind that may create pods is in the same folder as the Service (or below it), the finding is only ' +
    'informational. The rule judges only namespaces that have workloads in the workspace, except system ' +
    'namespaces (kube-system, kube-public, kube-node-lease, openshift-*); ExternalName Services and Services ' +
    'without a selector (endpoints managed separately) are not reported.',
  remediation:
    "Make the Service's `selector` match the labels of the pod template (`spec.template.metadata.labels`) of the " +
    'workload it fronts, in the same namespace.',
  references: [
    'https://kubernetes.io/docs/concepts/services-networking/service/#defining-a-service',
    'https://kubernetes.io/docs/tasks/debug/debug-application/debug-service/#does-the-service-have-any-endpoints',
  ],
  examples: {
    insecure: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: registry.example.com/shop/web:1.4.2
          ports:
            - {name: http, containerPort: 8080}
---
apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: shop
spec:
  selector:
    app: website
  ports:
    - port: 80
      targetPort: http
`,
    fixed: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: registry.example.com/shop/web:1.4.2
          ports:
            - {name: http, containerPort: 8080}
---
apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: shop
spec:
  selector:
    app: web
  ports:
    - port: 80
      targetPort: http
`,
  },
  *check(workspace) {
    for (const service of selectingServices(workspace)) {
      const { object, spec, namespace, candidates, selected } = service;
      if (candidates.length === 0 || selected.length > 0) continue;
      const count = candidates.length === 1 ? 'the only workload' : `any of the ${candidates.length} workloads`;
      const range = object.rangeOf(['spec', 'selector'], 'pair');
      const mismatch = `The selector of Service "${object.name ?? ''}" does not match the pod labels of ${count} of namespace "${namespace}" in the workspace`;
      // Pods of a custom resource defined alongside may be what the Service is for: say so, and offer no correction.
      const creators = unknownPodCreatorKindsNear(workspace.model, namespace, object);
      if (creators.length > 0) {
        yield { object, range, severity: 'info', message: `${mismatch}, ${unknownPodsClause(creators)}; if not, the Service has no endpoints.` };
        continue;
      }
      const correction = correctSelector(
        { path: ['spec', 'selector'], value: spec.selector, form: 'label-map' },
        workloadTargets(candidates, namespace),
      );
      yield {
        object,
        range,
        message: `${mismatch}: the Service has no endpoints.`,
        ...correctionReport(correction),
      };
    }
  },
  fixes: selectorCorrectionFixes,
};
