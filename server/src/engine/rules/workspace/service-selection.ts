import { compileLabelSelector } from '../../connectivity';
import { isPlainObject, type KubeObject, type PlainObject } from '../../manifest/kube-object';
import type { Workload } from '../../model';
import { serviceSpecOf, serviceTypeOf } from '../../services/service';
import type { Workspace } from '../../workspace/workspace';
import { podSelectionIndex } from './pod-selection';
import { namespaceOfObject, operatedWorkloadsIn, parsedCleanly, selectableWorkloadsIn, workloadsIn } from './workspace-objects';

/** A Service that routes to pods by label, with the workloads of its namespace it selects. */
export interface SelectingService {
  object: KubeObject;
  spec: PlainObject;
  namespace: string;
  /**
   * The workloads of its namespace in the workspace and the pods operators create there from custom
   * resources ([] for a system namespace: not judged).
   */
  candidates: readonly Workload[];
  /** The workloads and operated pods the selector matches (labels their controller adds included). */
  selected: readonly Workload[];
}

/**
 * The core Services with a non-empty `selector` (ExternalName Services and Services without a
 * selector have no pods: their endpoints are managed by hand), read like a policy's `matchLabels`.
 * A selector Kubernetes would refuse (a value that is not a string) is left out.
 */
export function selectingServices(workspace: Workspace): readonly SelectingService[] {
  // Two rules read the same selections: computed once per workspace.
  let services = selectionsCache.get(workspace);
  if (!services) selectionsCache.set(workspace, (services = computeSelectingServices(workspace)));
  return services;
}

const selectionsCache = new WeakMap<Workspace, readonly SelectingService[]>();

function computeSelectingServices(workspace: Workspace): SelectingService[] {
  const indexes = new Map<string, ReturnType<typeof podSelectionIndex>>();
  const selectionIn = (namespace: string) => {
    let index = indexes.get(namespace);
    if (!index) indexes.set(namespace, (index = podSelectionIndex([...workloadsIn(workspace.model, namespace), ...operatedWorkloadsIn(workspace.model, namespace)])));
    return index;
  };
  return workspace.objectsOfKind('Service').flatMap((object) => {
    const spec = serviceSpecOf(object);
    if (!spec || !parsedCleanly(object) || serviceTypeOf(spec) === 'ExternalName') return [];
    if (!isPlainObject(spec.selector) || Object.keys(spec.selector).length === 0) return [];
    const selector = compileLabelSelector({ matchLabels: spec.selector });
    if (selector.kind === 'malformed') return [];
    const namespace = namespaceOfObject(workspace, object);
    const selected = selectionIn(namespace)(selector);
    return [{ object, spec, namespace, candidates: selectableWorkloadsIn(workspace.model, namespace), selected }];
  });
}
