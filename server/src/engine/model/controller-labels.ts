/**
 * Labels Kubernetes and meshes put on pods themselves (a ReplicaSet's hash, a StatefulSet pod's
 * name, a Job's uid, Istio's injected ones): they differ per revision or per pod, or are not the
 * user's to select on, so they are never offered for selectors.
 */
const ADDED_LABELS: ReadonlySet<string> = new Set([
  'pod-template-hash',
  'controller-revision-hash',
  'pod-template-generation',
  'statefulset.kubernetes.io/pod-name',
  'apps.kubernetes.io/pod-index',
  'controller-uid',
  'job-name',
  'batch.kubernetes.io/controller-uid',
  'batch.kubernetes.io/job-name',
  'batch.kubernetes.io/job-completion-index',
  'security.istio.io/tlsMode',
  'service.istio.io/canonical-name',
  'service.istio.io/canonical-revision',
]);

export function isControllerAddedLabel(key: string): boolean {
  return ADDED_LABELS.has(key);
}
