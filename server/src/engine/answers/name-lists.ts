import type { Workload } from '../model/cluster-types';
import { cappedList as capped } from '../text/name-lists';

// How answers name workloads and cap their lists: a hover stays readable next to the code, and the
// full lists are one command away (the workload connections report).

/** How many names a hover lists before "and N more". */
export const LIST_LIMIT = 8;

/** "a, b, c", or "a, b, c and 5 more" past `limit` (a hover's limit by default). */
export function cappedList(names: readonly string[], limit = LIST_LIMIT): string {
  return capped(names, limit);
}

/** A workload's name, with its namespace when it is not `namespace` (the one the text is about). */
export function workloadLabel(workload: Workload, namespace: string): string {
  return workload.id.namespace === namespace ? workload.id.name : `${workload.id.namespace}/${workload.id.name}`;
}

/** "2 workloads (api, worker)", "1 workload (api)", "no workload of the workspace". */
export function countedWorkloads(workloads: readonly Workload[], namespace: string, limit = LIST_LIMIT): string {
  if (workloads.length === 0) return 'no workload of the workspace';
  return `${plural(workloads.length, 'workload')} (${cappedList(workloads.map((workload) => workloadLabel(workload, namespace)), limit)})`;
}

/** "2 workloads: api, worker", "1 workload: api", "no workload of the workspace". */
export function matchedWorkloads(workloads: readonly Workload[], namespace: string, limit = LIST_LIMIT): string {
  if (workloads.length === 0) return 'no workload of the workspace';
  return `${plural(workloads.length, 'workload')}: ${cappedList(workloads.map((workload) => workloadLabel(workload, namespace)), limit)}`;
}

/** "1 workload", "3 workloads", "2 policies". */
export function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : nouns}`;
}

/** `Deployment default/api`: a workload named in full, as titles name it. */
export function workloadTitle(workload: Workload): string {
  return `${workload.id.kind} ${workload.id.namespace}/${workload.id.name}`;
}
