import type { KubeObject } from '../manifest/kube-object';
import { podCreatingKindOf } from './pod-creating-kinds';

/**
 * Custom-resource kinds known to configure something without creating pods, by API group (`'*'`:
 * every kind of the group). Any other custom resource may have a controller that creates pods the
 * workspace cannot see, so a selector that matches nothing near it is reported with less confidence.
 */
const CONFIGURATION_KINDS: readonly { groups: readonly string[]; kinds: readonly string[] | '*' }[] = [
  // Prometheus operator: scrape and alerting configuration (Prometheus, Alertmanager, ThanosRuler create pods).
  { groups: ['monitoring.coreos.com'], kinds: ['ServiceMonitor', 'PodMonitor', 'PrometheusRule', 'Probe', 'AlertmanagerConfig', 'ScrapeConfig'] },
  // Istio traffic, security and telemetry configuration.
  { groups: ['networking.istio.io', 'security.istio.io', 'telemetry.istio.io', 'extensions.istio.io'], kinds: '*' },
  // cert-manager.
  { groups: ['cert-manager.io', 'acme.cert-manager.io'], kinds: '*' },
  // Argo CD (Application deploys manifests kept elsewhere; Workflows and Rollouts do create pods).
  { groups: ['argoproj.io'], kinds: ['Application', 'AppProject', 'ApplicationSet', 'AnalysisTemplate', 'ClusterAnalysisTemplate', 'WorkflowTemplate', 'ClusterWorkflowTemplate'] },
  // Flux sources, deliveries and notifications.
  { groups: ['source.toolkit.fluxcd.io', 'kustomize.toolkit.fluxcd.io', 'helm.toolkit.fluxcd.io', 'notification.toolkit.fluxcd.io', 'image.toolkit.fluxcd.io'], kinds: '*' },
  // Network policy engines and their configuration (Calico, Cilium, Antrea).
  { groups: ['projectcalico.org', 'crd.projectcalico.org', 'cilium.io', 'crd.antrea.io', 'security.antrea.tanzu.vmware.com'], kinds: '*' },
  // Ingress and mesh routing configuration.
  { groups: ['traefik.io', 'traefik.containo.us', 'getambassador.io', 'configuration.konghq.com', 'policy.linkerd.io', 'linkerd.io', 'split.smi-spec.io', 'specs.smi-spec.io', 'access.smi-spec.io'], kinds: '*' },
  { groups: ['route.openshift.io', 'security.openshift.io', 'config.openshift.io', 'project.openshift.io', 'network.openshift.io', 'k8s.ovn.org'], kinds: '*' },
  // Secrets, policies and autoscaling configuration.
  { groups: ['external-secrets.io', 'bitnami.com', 'kyverno.io', 'templates.gatekeeper.sh', 'constraints.gatekeeper.sh', 'externaldns.k8s.io', 'velero.io'], kinds: '*' },
  { groups: ['keda.sh'], kinds: ['ScaledObject', 'TriggerAuthentication', 'ClusterTriggerAuthentication'] },
  // Knative routing (Service and Configuration create pods).
  { groups: ['serving.knative.dev'], kinds: ['Route', 'DomainMapping'] },
  { groups: ['operators.coreos.com'], kinds: ['Subscription', 'OperatorGroup', 'InstallPlan'] },
];

/**
 * Whether a group is Kubernetes' own: the core group and the unqualified ones (apps, batch, policy,
 * autoscaling, extensions), and the `*.k8s.io` groups (networking, RBAC, storage, CRDs, the Gateway
 * API...). Their pod-creating kinds are the model's workloads; the others configure.
 */
function isKubernetesGroup(group: string): boolean {
  return !group.includes('.') || group.endsWith('.k8s.io');
}

/**
 * Whether an object may have a controller that creates pods the model does not know of: a custom
 * resource (its group is not Kubernetes' own) of a kind neither in the pod-creating table (whose
 * pods the model reads) nor known to be configuration only. Objects without `apiVersion` are not:
 * nothing says they are custom resources.
 */
export function mayCreateUnknownPods(object: KubeObject): boolean {
  const group = object.apiGroup;
  if (group === undefined || object.kind === '' || isKubernetesGroup(group)) return false;
  if (podCreatingKindOf(object)) return false;
  return !CONFIGURATION_KINDS.some(({ groups, kinds }) => groups.includes(group) && (kinds === '*' || kinds.includes(object.kind)));
}
