import { matchesLabels } from '../../connectivity';
import { isOperatedWorkload, labelsOf, type ClusterModel, type NamespaceInfo, type Workload } from '../../model';
import { couldSelectPodsOf } from './pod-selection';
import type { SelectionTargets } from './selector-correction';

/**
 * Workloads as a pod selector's targets, judged as the "selects nothing" rules judge them; named
 * plainly in `namespace` (the selector's own), with their namespace elsewhere.
 */
export function workloadTargets(workloads: readonly Workload[], namespace: string): SelectionTargets<Workload> {
  return {
    targets: workloads,
    selects: couldSelectPodsOf,
    // Every object of the workload: the model keeps the first one's labels when two files define it.
    // An operated workload has one object, whose pod label sets include the labels its operator adds.
    labelSetsOf: (workload) =>
      isOperatedWorkload(workload) ? workload.podLabelSets : [workload.podLabels, ...workload.members.map((member) => labelsOf(member.object.get([...member.template, 'metadata', 'labels'])))],
    nameOf: (workload) => (workload.id.namespace === namespace ? workload.id.name : `${workload.id.namespace}/${workload.id.name}`),
    noun: 'workload',
  };
}

/** The workspace's namespaces (defined or implied by workloads) as a namespaceSelector's targets. */
export function namespaceTargets(model: ClusterModel): SelectionTargets<NamespaceInfo> {
  return {
    targets: [...model.namespaces.values()],
    selects: (selector, namespace) => matchesLabels(selector, namespace.labels),
    labelSetsOf: (namespace) => [namespace.labels],
    nameOf: (namespace) => namespace.name,
    noun: 'namespace',
  };
}
