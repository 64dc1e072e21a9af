import type { KubeObject } from '../manifest/kube-object';
import type { ObjectPath } from '../manifest/yaml-path';

/**
 * A custom-resource kind whose controller (an operator) creates pods, and how to read their labels
 * from the object. Label sets are the union over the operator versions in use: a label an older or
 * newer version adds may be selected on, and the rules that use this table only ever say less
 * because of it.
 */
export interface PodCreatingKind {
  kind: string;
  groups: readonly string[];
  /**
   * Where the manifest writes the pods: a pod template (labels at `template.metadata.labels`,
   * containers at `template.spec`), or only the pods' labels (the operator writes the rest), at
   * one or more paths (one per component: the labels of all count, as if of one pod).
   */
  pods: { template: ObjectPath } | { labels: readonly ObjectPath[] };
  /** Labels the controller puts on every pod with a fixed value (they override the written ones). */
  fixedLabels?: Readonly<Record<string, string>>;
  /** Labels the controller sets to the object's own name. */
  nameLabels?: readonly string[];
  /** Labels the controller sets to values known only at run time (hashes, pod names, shards, versions). */
  runtimeLabels?: readonly string[];
  /**
   * Whether the containers written in the template are all that the pods declare, so that their
   * ports are the pods' ports. False when the operator adds containers or ports of its own.
   */
  portsAsWritten: boolean;
  /** Where the labels were read from. */
  source: string;
}

/** Labels a StatefulSet adds to its pods (the operators below that create StatefulSets inherit them). */
const STATEFULSET_LABELS = ['statefulset.kubernetes.io/pod-name', 'apps.kubernetes.io/pod-index', 'controller-revision-hash'];

const PROMETHEUS_OPERATOR = ['monitoring.coreos.com'];

/** Labels of Strimzi pods whose values depend on the component, the node pool or the pod. */
const STRIMZI_RUNTIME_LABELS = [
  'strimzi.io/name',
  'strimzi.io/component-type',
  'strimzi.io/pod-name',
  'strimzi.io/pool-name',
  'strimzi.io/broker-role',
  'strimzi.io/controller-role',
  'strimzi.io/controller',
  'strimzi.io/controller-name',
  'app.kubernetes.io/name',
  'app.kubernetes.io/instance',
  'app.kubernetes.io/managed-by',
  'app.kubernetes.io/part-of',
  ...STATEFULSET_LABELS,
];

export const POD_CREATING_KINDS: readonly PodCreatingKind[] = [
  {
    kind: 'Prometheus',
    groups: PROMETHEUS_OPERATOR,
    pods: { labels: [['spec', 'podMetadata', 'labels']] },
    // Since v0.50 the app.kubernetes.io ones and operator.prometheus.io/name; before, app: prometheus.
    fixedLabels: { 'app.kubernetes.io/name': 'prometheus', 'app.kubernetes.io/managed-by': 'prometheus-operator', app: 'prometheus' },
    nameLabels: ['app.kubernetes.io/instance', 'prometheus', 'operator.prometheus.io/name'],
    runtimeLabels: ['operator.prometheus.io/shard', 'app.kubernetes.io/version', ...STATEFULSET_LABELS],
    portsAsWritten: false,
    source: 'prometheus-operator pkg/prometheus/server/statefulset.go (makeStatefulSetSpec: podSelectorLabels) and pkg/prometheus/common.go (BuildPodMetadata)',
  },
  {
    kind: 'Alertmanager',
    groups: PROMETHEUS_OPERATOR,
    pods: { labels: [['spec', 'podMetadata', 'labels']] },
    fixedLabels: { 'app.kubernetes.io/name': 'alertmanager', 'app.kubernetes.io/managed-by': 'prometheus-operator', app: 'alertmanager' },
    nameLabels: ['app.kubernetes.io/instance', 'alertmanager'],
    runtimeLabels: ['app.kubernetes.io/version', ...STATEFULSET_LABELS],
    portsAsWritten: false,
    source: 'prometheus-operator pkg/alertmanager/statefulset.go (makeStatefulSetSpec: podLabels, later the selector labels as for ThanosRuler)',
  },
  {
    kind: 'ThanosRuler',
    groups: PROMETHEUS_OPERATOR,
    pods: { labels: [['spec', 'podMetadata', 'labels']] },
    fixedLabels: { 'app.kubernetes.io/name': 'thanos-ruler', 'app.kubernetes.io/managed-by': 'prometheus-operator', app: 'thanos-ruler' },
    nameLabels: ['app.kubernetes.io/instance', 'thanos-ruler'],
    runtimeLabels: ['app.kubernetes.io/version', ...STATEFULSET_LABELS],
    portsAsWritten: false,
    source: 'prometheus-operator pkg/thanos/operator.go (makeSelectorLabels) and pkg/thanos/statefulset.go',
  },
  {
    // A Rollout with `spec.workloadRef` takes its template from a Deployment instead (see the builder).
    kind: 'Rollout',
    groups: ['argoproj.io'],
    pods: { template: ['spec', 'template'] },
    runtimeLabels: ['rollouts-pod-template-hash'],
    portsAsWritten: true,
    source: 'argo-rollouts pkg/apis/rollouts/v1alpha1/types.go (DefaultRolloutUniqueLabelKey)',
  },
  {
    kind: 'CloneSet',
    groups: ['apps.kruise.io'],
    pods: { template: ['spec', 'template'] },
    runtimeLabels: ['apps.kruise.io/cloneset-instance-id', 'controller-revision-hash', 'pod-template-hash'],
    portsAsWritten: true,
    source: 'openkruise apis/apps/v1alpha1/cloneset_types.go (CloneSetInstanceID)',
  },
  {
    kind: 'StatefulSet',
    groups: ['apps.kruise.io'],
    pods: { template: ['spec', 'template'] },
    runtimeLabels: STATEFULSET_LABELS,
    portsAsWritten: true,
    source: 'openkruise Advanced StatefulSet (apps.kruise.io/v1beta1): the labels of apps/v1 StatefulSet',
  },
  {
    kind: 'DaemonSet',
    groups: ['apps.kruise.io'],
    pods: { template: ['spec', 'template'] },
    runtimeLabels: ['controller-revision-hash', 'pod-template-generation'],
    portsAsWritten: true,
    source: 'openkruise Advanced DaemonSet (apps.kruise.io/v1alpha1): the labels of apps/v1 DaemonSet',
  },
  {
    // Knative adds its queue-proxy container and renames the user port, so ports are not as written.
    kind: 'Service',
    groups: ['serving.knative.dev'],
    pods: { template: ['spec', 'template'] },
    nameLabels: ['serving.knative.dev/service', 'serving.knative.dev/configuration'],
    runtimeLabels: ['serving.knative.dev/revision', 'serving.knative.dev/revisionUID', 'serving.knative.dev/configurationUID', 'serving.knative.dev/serviceUID', 'serving.knative.dev/configurationGeneration', 'app', 'pod-template-hash'],
    portsAsWritten: false,
    source: 'knative serving pkg/apis/serving/register.go (ServiceLabelKey, RevisionLabelKey, ...)',
  },
  {
    kind: 'Configuration',
    groups: ['serving.knative.dev'],
    pods: { template: ['spec', 'template'] },
    nameLabels: ['serving.knative.dev/configuration'],
    runtimeLabels: ['serving.knative.dev/revision', 'serving.knative.dev/revisionUID', 'serving.knative.dev/configurationUID', 'serving.knative.dev/configurationGeneration', 'app', 'pod-template-hash'],
    portsAsWritten: false,
    source: 'knative serving pkg/apis/serving/register.go',
  },
  {
    kind: 'Cluster',
    groups: ['postgresql.cnpg.io'],
    pods: { labels: [['spec', 'inheritedMetadata', 'labels']] },
    fixedLabels: { 'cnpg.io/podRole': 'instance' },
    nameLabels: ['cnpg.io/cluster', 'postgresql'],
    runtimeLabels: ['cnpg.io/instanceName', 'cnpg.io/instanceRole', 'role', 'cnpg.io/jobRole'],
    portsAsWritten: false,
    source: 'cloudnative-pg pkg/utils/labels_annotations.go (ClusterLabelName, PodRoleLabelName, InstanceNameLabelName)',
  },
  {
    kind: 'Pooler',
    groups: ['postgresql.cnpg.io'],
    pods: { template: ['spec', 'template'] },
    nameLabels: ['cnpg.io/poolerName'],
    runtimeLabels: ['cnpg.io/cluster', 'cnpg.io/podRole', 'pod-template-hash'],
    portsAsWritten: false,
    source: 'cloudnative-pg pkg/utils/labels_annotations.go (PgbouncerNameLabel)',
  },
  // Strimzi: every pod a Strimzi resource creates carries the cluster's name and the resource's kind;
  // the component's name (`<cluster>-kafka`...), type and pool, and the pod's name, vary.
  {
    kind: 'Kafka',
    groups: ['kafka.strimzi.io'],
    pods: {
      labels: ['kafka', 'zookeeper', 'entityOperator', 'cruiseControl', 'kafkaExporter'].map((component) => ['spec', component, 'template', 'pod', 'metadata', 'labels']),
    },
    fixedLabels: { 'strimzi.io/kind': 'Kafka' },
    nameLabels: ['strimzi.io/cluster'],
    runtimeLabels: STRIMZI_RUNTIME_LABELS,
    portsAsWritten: false,
    source: 'strimzi-kafka-operator api/src/main/java/io/strimzi/operator/common/model/Labels.java (STRIMZI_CLUSTER_LABEL, STRIMZI_KIND_LABEL, STRIMZI_NAME_LABEL, STRIMZI_COMPONENT_TYPE_LABEL)',
  },
  ...['KafkaConnect', 'KafkaMirrorMaker2', 'KafkaMirrorMaker', 'KafkaBridge'].map(
    (kind): PodCreatingKind => ({
      kind,
      groups: ['kafka.strimzi.io'],
      pods: { labels: [['spec', 'template', 'pod', 'metadata', 'labels']] },
      fixedLabels: { 'strimzi.io/kind': kind },
      nameLabels: ['strimzi.io/cluster'],
      runtimeLabels: STRIMZI_RUNTIME_LABELS,
      portsAsWritten: false,
      source: 'strimzi-kafka-operator Labels.java, as for Kafka',
    }),
  ),
  {
    // A node pool's brokers belong to the Kafka cluster its own strimzi.io/cluster label names.
    kind: 'KafkaNodePool',
    groups: ['kafka.strimzi.io'],
    pods: { labels: [['spec', 'template', 'pod', 'metadata', 'labels']] },
    nameLabels: ['strimzi.io/pool-name'],
    runtimeLabels: [...STRIMZI_RUNTIME_LABELS, 'strimzi.io/cluster', 'strimzi.io/kind'],
    portsAsWritten: false,
    source: 'strimzi-kafka-operator Labels.java (STRIMZI_POOL_NAME_LABEL)',
  },
];

/** The table entry of an object's kind and API group, or undefined. */
export function podCreatingKindOf(object: KubeObject): PodCreatingKind | undefined {
  const group = object.apiGroup;
  if (group === undefined) return undefined;
  return POD_CREATING_KINDS.find((entry) => entry.kind === object.kind && entry.groups.includes(group));
}
