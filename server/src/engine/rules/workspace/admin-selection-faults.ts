import { matchesLabels } from '../../connectivity';
import { selectionMatches, type AdminSelection } from '../../connectivity/admin-policy';
import type { KubeObject } from '../../manifest/kube-object';
import type { ObjectPath } from '../../manifest/yaml-path';
import type { ClusterModel } from '../../model';
import { couldSelectPodsOf } from './pod-selection';
import { definedNamespaceLabels, namespaceMismatchIsJudgeable, namespacesNamedBy, requiredKeys, testsNamespaceName } from './namespace-selectors';
import { namespaceTargets, workloadTargets } from './selection-targets';
import { correctSelector, type SelectorCorrection } from './selector-correction';
import { isSystemNamespace, selectableWorkloadsIn, unknownPodCreatorKindsNear, unknownPodsClause } from './workspace-objects';

// Whether the subject or a `namespaces`/`pods` peer of an AdminNetworkPolicy, BaselineAdminNetworkPolicy
// or ClusterNetworkPolicy selects nothing the workspace can vouch for. Judged as the NetworkPolicy
// rules judge theirs (netpol-selects-nothing, netpol-peer-selects-nothing), with the namespaces of the
// whole workspace, as these policies are cluster-scoped.

/** A selector that matches nothing of the workspace, at the selector at fault. */
export interface SelectionFault {
  /** From the object's root. */
  path: ObjectPath;
  /** "The podSelector matches no workload of namespace "shop" in the workspace". */
  mismatch: string;
  /** Why the pods or namespaces meant may exist after all; set, the finding is informational. */
  doubt?: string;
  correction?: SelectorCorrection;
}

export interface SelectionContext {
  model: ClusterModel;
  /** The policy object, for paths and for the custom resources near it. */
  object: KubeObject;
  /** "The podSelector of AdminNetworkPolicy "guard"", without the selector's name: " of AdminNetworkPolicy "guard"" or "". */
  owner: string;
  /**
   * Whether namespace mismatches the workspace cannot vouch for are reported too, at low confidence
   * (for a subject, which decides whether the policy applies at all): when it defines no Namespace
   * object, or when no near respelling of the selector matches one (namespaces defined elsewhere
   * may carry the value). Without it, the latter are reported as certain, as for NetworkPolicy peers.
   */
  doubtfulNamespaces: boolean;
}

/** What is wrong with `selection`, written at `path` (a subject, or one peer), or undefined. */
export function selectionFault(selection: AdminSelection, path: ObjectPath, context: SelectionContext): SelectionFault | undefined {
  if (selection.kind === 'invalid') return undefined; // admin-policy-invalid reports it.
  const { model, object, owner } = context;
  const namespaceSelector = selection.namespaces;
  const podSelector = selection.kind === 'pods' ? selection.pods : undefined;
  // Selectors the API server would refuse match nothing, but admin-policy-invalid reports them.
  if (namespaceSelector.kind === 'malformed' || podSelector?.kind === 'malformed') return undefined;
  if (model.workloads.some((workload) => selectionMatches(selection, workload, model.namespaces))) return undefined;

  const namespacePath = selection.kind === 'namespaces' ? [...path, 'namespaces'] : [...path, 'pods', 'namespaceSelector'];
  const namespaceNoun = selection.kind === 'namespaces' ? 'namespaces selector' : 'namespaceSelector';
  const matching = [...model.namespaces.values()].filter((namespace) => matchesLabels(namespaceSelector, namespace.labels));
  if (matching.length === 0) {
    if (namespaceMismatchIsJudgeable(namespaceSelector, model)) {
      const written = { path: namespacePath, value: object.get(namespacePath), form: 'label-selector' as const };
      const correction = correctSelector(written, namespaceTargets(model));
      const mismatch = `The ${namespaceNoun}${owner} matches none of the Namespaces defined in the workspace`;
      if (!correction && context.doubtfulNamespaces) return { path: namespacePath, mismatch, doubt: 'but Namespaces defined elsewhere may carry its labels' };
      return { path: namespacePath, mismatch, correction };
    }
    if (context.doubtfulNamespaces && onlyNamesKnown(model) && !testsNamespaceName(namespaceSelector) && requiredKeys(namespaceSelector).length > 0) {
      return {
        path: namespacePath,
        mismatch: `The ${namespaceNoun}${owner} matches none of the namespaces of the workspace`,
        doubt: 'but the workspace defines no Namespace object, so their labels may be set elsewhere',
      };
    }
    return undefined;
  }
  // A namespace selection of namespaces without workloads here is about pods the workspace does not hold.
  if (!podSelector) return undefined;

  // The pod selector is judged only in namespaces it names, when the workspace holds workloads in all of them.
  const named = namespacesNamedBy(namespaceSelector);
  if (!named || named.length === 0 || named.some((name) => selectableWorkloadsIn(model, name).length === 0)) return undefined;
  const candidates = named.flatMap((name) => selectableWorkloadsIn(model, name)).filter((workload) => matchesLabels(namespaceSelector, model.namespaces.get(workload.id.namespace)?.labels ?? {}));
  if (candidates.length === 0 || candidates.some((workload) => couldSelectPodsOf(podSelector, workload))) return undefined;
  const podPath = [...path, 'pods', 'podSelector'];
  const judged = [...new Set(candidates.map((workload) => workload.id.namespace))].sort();
  const where = judged.length === 1 ? `namespace "${judged[0]}"` : `namespaces ${judged.map((name) => `"${name}"`).join(', ')}`;
  const mismatch = `The podSelector${owner} matches no workload of ${where} in the workspace`;
  const creators = [...new Set(judged.flatMap((name) => unknownPodCreatorKindsNear(model, name, object)))].sort();
  if (creators.length > 0) return { path: podPath, mismatch, doubt: unknownPodsClause(creators) };
  const written = { path: podPath, value: object.get(podPath), form: 'label-selector' as const };
  return { path: podPath, mismatch, correction: correctSelector(written, workloadTargets(candidates, judged.length === 1 ? judged[0] : '')) };
}

/**
 * The workspace has workloads outside the system namespaces and no Namespace object: its namespaces
 * are known by their name label only.
 */
function onlyNamesKnown(model: ClusterModel): boolean {
  return definedNamespaceLabels(model).length === 0 && [...model.namespaces.keys()].some((name) => !isSystemNamespace(name) && selectableWorkloadsIn(model, name).length > 0);
}
