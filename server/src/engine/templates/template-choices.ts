import type { Labels, Workload, WorkloadId } from '../model';
import type { Workspace } from '../workspace/workspace';
import { isControllerAddedLabel } from '../model/controller-labels';
import { ingressControllerOf } from './ingress-controllers';

/** A pod label of a namespace, with the workloads whose pod template carries it. */
export interface LabelChoice {
  key: string;
  value: string;
  workloads: WorkloadId[];
}

export interface NamespaceChoice {
  name: string;
  /** Sorted by key, then value. */
  podLabels: LabelChoice[];
}

/** An ingress controller of the workspace: what it is, where it runs, and labels that select its pods. */
export interface IngressControllerChoice {
  product: string;
  workload: WorkloadId;
  namespace: string;
  labels: Labels;
}

/** What the editor can offer for a template's parameters, from the workspace. */
export interface TemplateChoices {
  /** Every namespace of the workspace (Namespace objects and those of workloads), sorted by name. */
  namespaces: NamespaceChoice[];
  /** In the order of the workloads (namespace, name, kind). */
  ingressControllers: IngressControllerChoice[];
}

/** The namespaces, pod labels and ingress controllers of a workspace, as plain data for quick picks. */
export function templateChoices(workspace: Workspace): TemplateChoices {
  const { model } = workspace;
  const names = [...model.namespaces.keys()].sort(compare);
  const namespaces = names.map((name) => ({ name, podLabels: labelChoices(model.workloads.filter((workload) => workload.id.namespace === name)) }));
  const ingressControllers = model.workloads.flatMap((workload): IngressControllerChoice[] => {
    const controller = ingressControllerOf(workload.podLabels);
    return controller ? [{ product: controller.product, workload: { ...workload.id }, namespace: workload.id.namespace, labels: controller.labels }] : [];
  });
  return { namespaces, ingressControllers };
}

function labelChoices(workloads: readonly Workload[]): LabelChoice[] {
  const byPair = new Map<string, LabelChoice>();
  for (const workload of workloads) {
    for (const [key, value] of Object.entries(workload.podLabels)) {
      if (isControllerAddedLabel(key)) continue;
      const pair = `${key}=${value}`;
      const choice = byPair.get(pair);
      if (choice) choice.workloads.push({ ...workload.id });
      else byPair.set(pair, { key, value, workloads: [{ ...workload.id }] });
    }
  }
  return [...byPair.values()].sort((a, b) => compare(a.key, b.key) || compare(a.value, b.value));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
