import { compileLabelSelector, matchesLabels } from '../connectivity/label-selector';
import { isPlainObject } from '../manifest/kube-object';
import type { ClusterModel, Workload } from '../model';

/**
 * The workloads of the model an admin policy's `spec.subject` selects (admin-policy-semantics §3):
 * `namespaces` by their namespace's labels, or `pods` by namespace labels AND pod labels (an absent
 * selector inside `pods` matches all). A subject with neither or both fields selects nothing here:
 * the API server refuses it.
 */
export function subjectWorkloads(subject: unknown, model: ClusterModel): Workload[] {
  if (!isPlainObject(subject)) return [];
  const namespaces = subject.namespaces ?? undefined;
  const pods = subject.pods ?? undefined;
  if ((namespaces === undefined) === (pods === undefined)) return [];
  const namespaceLabels = (workload: Workload) => model.namespaces.get(workload.id.namespace)?.labels ?? { 'kubernetes.io/metadata.name': workload.id.namespace };
  if (namespaces !== undefined) {
    const selector = compileLabelSelector(namespaces);
    return model.workloads.filter((workload) => matchesLabels(selector, namespaceLabels(workload)));
  }
  if (!isPlainObject(pods)) return [];
  const namespaceSelector = compileLabelSelector(pods.namespaceSelector);
  const podSelector = compileLabelSelector(pods.podSelector);
  return model.workloads.filter((workload) => matchesLabels(namespaceSelector, namespaceLabels(workload)) && matchesLabels(podSelector, workload.podLabels));
}
