import { matchesLabels, type LabelSelector } from '../../connectivity';
import type { ContainerPort, Workload } from '../../model';
import { containerPortsOf, isOperatedWorkload } from '../../model';
import { labelsOf, type Labels } from '../../model';

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
 * `couldSelectPodsOf` over many workloads at once, for rules that ask it of every Service or policy
 * of a namespace: a selector that pins a label to one value (as every `matchLabels` entry does)
 * can only select a workload one of whose pod label sets has that value, so only those are tried.
 * A label that a controller or operator adds at run time is not pinned (the match sets it aside).
 * Gives the same workloads as filtering with `couldSelectPodsOf`, in the same order.
 */
export function podSelectionIndex(workloads: readonly Workload[]): (selector: LabelSelector) => readonly Workload[] {
  // Holders in the order of `workloads`: each is added while it is the one being read.
  const byLabel = new Map<string, Workload[]>();
  const runtimeKeys = new Set<string>();
  for (const workload of workloads) {
    const labelSets: Labels[] = [workload.podLabels];
    if (isOperatedWorkload(workload)) {
      labelSets.push(...workload.podLabelSets);
      for (const key of workload.runtimeLabels) runtimeKeys.add(key);
    } else {
      for (const member of workload.members) {
        labelSets.push(labelsOf(member.object.get([...member.template, 'metadata', 'labels'])));
        if (member.role === 'controller') for (const key of CONTROLLER_LABELS[member.object.kind] ?? []) runtimeKeys.add(key);
      }
    }
    for (const labels of labelSets) {
      for (const [key, value] of Object.entries(labels)) {
        const entry = `${key}=${value}`;
        const holders = byLabel.get(entry);
        if (!holders) byLabel.set(entry, [workload]);
        else if (holders[holders.length - 1] !== workload) holders.push(workload);
      }
    }
  }
  return (selector) => {
    if (selector.kind !== 'requirements') return [];
    const pinned = selector.requirements.find((requirement) => requirement.operator === 'In' && requirement.values.length === 1 && !runtimeKeys.has(requirement.key));
    const holders = pinned && pinned.operator === 'In' ? byLabel.get(`${pinned.key}=${pinned.values[0]}`) : undefined;
    const candidates = pinned ? (holders ?? []) : workloads;
    return candidates.filter((workload) => couldSelectPodsOf(selector, workload));
  };
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
