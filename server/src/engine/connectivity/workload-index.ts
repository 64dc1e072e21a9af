import type { ClusterModel, Workload } from '../model/cluster-types';
import type { Labels } from '../model/labels';
import { matchesLabels, type LabelSelector } from './label-selector';

/**
 * The workloads of a model grouped so that a selector is matched once per distinct label set, and
 * only against the label sets that can match: by namespace, then by label class (workloads of one
 * namespace with the same pod labels), with an index from each `key=value` label to its classes.
 * A selector with an `In` requirement (every `matchLabels` entry is one) is tried only on the
 * classes that carry one of its values; the others are tried on every class of the namespace.
 */
export interface WorkloadIndex {
  namespaces: readonly NamespaceGroup[];
  byNamespace: ReadonlyMap<string, NamespaceGroup>;
  /** Every workload, as a set of keys, shared by the rules that admit them all. */
  allKeys: ReadonlySet<string>;
  /** Each workload's position in the model, to give matches in model order. */
  position: ReadonlyMap<Workload, number>;
}

export interface NamespaceGroup {
  name: string;
  labels: Labels;
  workloads: readonly Workload[];
  classes: readonly LabelClass[];
  /** `key=value` → the classes with that label. */
  byLabel: ReadonlyMap<string, readonly LabelClass[]>;
}

export interface LabelClass {
  labels: Labels;
  workloads: readonly Workload[];
}

export function indexWorkloads(model: ClusterModel): WorkloadIndex {
  const groups = new Map<string, { workloads: Workload[]; classes: Map<string, LabelClass & { workloads: Workload[] }> }>();
  for (const workload of model.workloads) {
    let group = groups.get(workload.id.namespace);
    if (!group) groups.set(workload.id.namespace, (group = { workloads: [], classes: new Map() }));
    group.workloads.push(workload);
    const signature = labelSignature(workload.podLabels);
    const existing = group.classes.get(signature);
    if (existing) existing.workloads.push(workload);
    else group.classes.set(signature, { labels: workload.podLabels, workloads: [workload] });
  }
  const namespaces: NamespaceGroup[] = [];
  for (const [name, group] of groups) {
    const classes = [...group.classes.values()];
    const byLabel = new Map<string, LabelClass[]>();
    for (const labelClass of classes) {
      for (const [key, value] of Object.entries(labelClass.labels)) {
        const entry = `${key}=${value}`;
        const list = byLabel.get(entry);
        if (list) list.push(labelClass);
        else byLabel.set(entry, [labelClass]);
      }
    }
    namespaces.push({ name, labels: model.namespaces.get(name)?.labels ?? {}, workloads: group.workloads, classes, byLabel });
  }
  return {
    namespaces,
    byNamespace: new Map(namespaces.map((group) => [group.name, group])),
    allKeys: new Set(model.workloads.map((workload) => workload.key)),
    position: new Map(model.workloads.map((workload, index) => [workload, index])),
  };
}

/** The classes of a namespace `selector` matches (an undefined selector: all of them). */
export function matchingClasses(group: NamespaceGroup, selector: LabelSelector | undefined): readonly LabelClass[] {
  if (selector === undefined) return group.classes;
  if (selector.kind === 'malformed') return [];
  const narrowing = selector.requirements.find((requirement) => requirement.operator === 'In');
  const candidates =
    narrowing && narrowing.operator === 'In'
      ? narrowing.values.length === 1
        ? (group.byLabel.get(`${narrowing.key}=${narrowing.values[0]}`) ?? [])
        : [...new Set(narrowing.values.flatMap((value) => group.byLabel.get(`${narrowing.key}=${value}`) ?? []))]
      : group.classes;
  return candidates.filter((labelClass) => matchesLabels(selector, labelClass.labels));
}

/** The workloads of a namespace `selector` matches, in model order. */
export function matchingWorkloadsIn(index: WorkloadIndex, group: NamespaceGroup, selector: LabelSelector | undefined): Workload[] {
  if (selector === undefined) return [...group.workloads];
  const classes = matchingClasses(group, selector);
  if (classes.length === group.classes.length) return [...group.workloads];
  return inModelOrder(index, classes.flatMap((labelClass) => labelClass.workloads));
}

export function inModelOrder(index: WorkloadIndex, workloads: Workload[]): Workload[] {
  return workloads.sort((a, b) => index.position.get(a)! - index.position.get(b)!);
}

function labelSignature(labels: Labels): string {
  return JSON.stringify(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
