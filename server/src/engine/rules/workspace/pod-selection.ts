import { matchesLabels, type LabelSelector } from '../../connectivity';
import type { ContainerPort, Workload } from '../../model';
import { containerPortsOf, isOperatedWorkload } from '../../model';
import { labelsOf } from '../../model';

// Lenient readings of a workload for the rules that report "matches nothing" or "declares nothing":
// they look at every object of the workload (the model keeps the first one's labels and ports when
// two files define the same workload) and at what controllers add at run time, so as not to cry wolf.
// The connectivity analysis itself keeps to its specification.

/**
 * Labels that controllers put on the pods they create, beyond the template's: a selector may use
 * them (a Service per StatefulSet pod selects `statefulset.kubernetes.io/pod-name`), although no
 * manifest writes them. By the controller kind that adds them.
 */
const CONTROLLER_LABELS: Readonly<Record<string, readonly string[]>> = {
  Deployment: ['pod-template-hash'],
  ReplicaSet: ['pod-template-hash'],
  StatefulSet: ['statefulset.kubernetes.io/pod-name', 'apps.kubernetes.io/pod-index', 'controller-revision-hash'],
  DaemonSet: ['controller-revision-hash', 'pod-template-generation'],
  Job: ['job-name', 'controller-uid', 'batch.kubernetes.io/job-name', 'batch.kubernetes.io/controller-uid', 'batch.kubernetes.io/job-completion-index'],
  CronJob: ['job-name', 'controller-uid', 'batch.kubernetes.io/job-name', 'batch.kubernetes.io/controller-uid', 'batch.kubernetes.io/job-completion-index'],
};

/**
 * Whether a selector could match the running pods of a workload: it matches the pod labels of one
 * of its objects, or would once the requirements on labels its controller adds are set aside
 * (their values are only known at run time). An operated workload (pods an operator creates from
 * a custom resource) has a label set per kind of pod, and the run-time labels its table entry names.
 */
export function couldSelectPodsOf(selector: LabelSelector, workload: Workload): boolean {
  if (matchesLabels(selector, workload.podLabels)) return true;
  if (selector.kind !== 'requirements') return false;
  if (isOperatedWorkload(workload)) {
    const requirements = selector.requirements.filter((requirement) => !workload.runtimeLabels.includes(requirement.key));
    return workload.podLabelSets.some((labels) => matchesLabels({ kind: 'requirements', requirements }, labels));
  }
  return workload.members.some((member) => {
    const labels = labelsOf(member.object.get([...member.template, 'metadata', 'labels']));
    const added = member.role === 'controller' ? (CONTROLLER_LABELS[member.object.kind] ?? []) : [];
    const requirements = selector.requirements.filter((requirement) => !added.includes(requirement.key));
    return matchesLabels({ kind: 'requirements', requirements }, labels);
  });
}

/**
 * Whether the ports a workload's objects declare are all its pods declare: not so for pods an
 * operator creates with containers of its own (Prometheus' "web" port is in no manifest).
 */
export function declaresAllPodPorts(workload: Workload): boolean {
  return !isOperatedWorkload(workload) || workload.portsKnown;
}

/** The ports the containers of any object of the workload declare (`spec.containers[*].ports`). */
export function containerPortsOfAnyMember(workload: Workload): ContainerPort[] {
  return workload.members.flatMap((member) => containerPortsOf(member.object, [...member.template, 'spec']));
}

/**
 * The ports a workload's pods declare for Services: those of its containers, and of its native
 * sidecars (init containers with `restartPolicy: Always`), on which Services resolve names too.
 */
export function servicePortsOf(workload: Workload): ContainerPort[] {
  return workload.members.flatMap((member) => containerPortsOf(member.object, [...member.template, 'spec'], { nativeSidecars: true }));
}
