import { matchesLabels } from '../connectivity';
import type { Labels, Workload } from '../model';
import { isControllerAddedLabel } from '../model/controller-labels';

/** A podSelector's `matchLabels` for one workload, and whether it selects that workload alone. */
export interface WorkloadSelector {
  matchLabels: Labels;
  /** False when no subset of the labels tells the workload apart: all its labels are used. */
  unique: boolean;
}

/** Keys that name an application: among selectors of equal size, those using them read best. */
const PREFERRED_KEYS: readonly string[] = ['app.kubernetes.io/name', 'app', 'k8s-app', 'name', 'app.kubernetes.io/instance', 'app.kubernetes.io/component', 'component', 'tier'];

// Selectors of more labels than this are not searched for (2^n subsets): all labels are used.
const MAX_SEARCHED_LABELS = 16;

/**
 * The smallest subset of a workload's pod labels (controller-added ones aside) that no other
 * workload of its namespace carries entirely, so that a podSelector made of it selects exactly
 * this workload. Ties go to the labels that name an application, then to the order written.
 */
export function minimalSelectorOf(workload: Workload, neighbours: readonly Workload[]): WorkloadSelector {
  const keys = Object.keys(workload.podLabels).filter((key) => !isControllerAddedLabel(key));
  const ordered = [...keys].sort((a, b) => rank(a) - rank(b) || keys.indexOf(a) - keys.indexOf(b));
  const others = neighbours.filter((other) => other.key !== workload.key);
  const pick = (chosen: readonly string[]): Labels => Object.fromEntries(chosen.map((key) => [key, workload.podLabels[key]]));
  const selectsOthers = (labels: Labels) => others.some((other) => matchesLabels({ kind: 'requirements', requirements: requirementsOf(labels) }, other.podLabels));
  if (ordered.length <= MAX_SEARCHED_LABELS) {
    for (let size = 1; size <= ordered.length; size++) {
      for (const subset of combinations(ordered, size)) {
        const labels = pick(subset);
        if (!selectsOthers(labels)) return { matchLabels: labels, unique: true };
      }
    }
  }
  const all = pick(keys);
  return { matchLabels: all, unique: keys.length > 0 && !selectsOthers(all) };
}

function rank(key: string): number {
  const index = PREFERRED_KEYS.indexOf(key);
  return index === -1 ? PREFERRED_KEYS.length : index;
}

function requirementsOf(labels: Labels) {
  return Object.entries(labels).map(([key, value]) => ({ key, operator: 'In' as const, values: [value] }));
}

/** The subsets of `items` of `size` elements, in lexicographic order of positions. */
function* combinations<T>(items: readonly T[], size: number, start = 0): Iterable<T[]> {
  if (size === 0) {
    yield [];
    return;
  }
  for (let index = start; index <= items.length - size; index++) {
    for (const rest of combinations(items, size - 1, index + 1)) yield [items[index], ...rest];
  }
}
