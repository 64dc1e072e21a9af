import type { KubeObject } from '../../manifest/kube-object';
import type { ObjectPath } from '../../manifest/yaml-path';
import { operatedPodsOf, type ClusterModel, type OperatedWorkload, type Workload, type WorkloadMember } from '../../model';
import { listNames } from '../../text/name-lists';
import type { SourceRange } from '../../text/range';
import type { Workspace } from '../../workspace/workspace';

// Small facts about the objects of a workspace that several cross-object rules need.

/** The namespace an object is in: `metadata.namespace`, or the configured default ("" means the default). */
export function namespaceOfObject(workspace: Workspace, object: KubeObject): string {
  return object.namespace ? object.namespace : workspace.model.defaultNamespace;
}

const byNamespaceCache = new WeakMap<ClusterModel, ReadonlyMap<string, readonly Workload[]>>();

/** The workloads of the model by namespace (computed once per model). */
export function workloadsByNamespace(model: ClusterModel): ReadonlyMap<string, readonly Workload[]> {
  let result = byNamespaceCache.get(model);
  if (!result) {
    const map = new Map<string, Workload[]>();
    for (const workload of model.workloads) {
      const list = map.get(workload.id.namespace);
      if (list) list.push(workload);
      else map.set(workload.id.namespace, [workload]);
    }
    byNamespaceCache.set(model, map);
    result = map;
  }
  return result;
}

/** The workloads of one namespace ([] when the workspace has none there). */
export function workloadsIn(model: ClusterModel, namespace: string): readonly Workload[] {
  return workloadsByNamespace(model).get(namespace) ?? [];
}

export { parsedCleanly } from '../../model';

/** `Deployment "web"`: how messages name a workload (its namespace is said where it matters). */
export function workloadName(workload: Workload): string {
  return `${workload.id.kind} "${workload.id.name}"`;
}

export { listNames } from '../../text/name-lists';

/** The `metadata.name` pair of an object (or `generateName`, or its `kind` when it has neither). */
export function nameRange(object: KubeObject): SourceRange {
  if (object.get(['metadata', 'name']) !== undefined) return object.rangeOf(['metadata', 'name'], 'pair');
  if (object.get(['metadata', 'generateName']) !== undefined) return object.rangeOf(['metadata', 'generateName'], 'pair');
  return object.rangeOf(['kind'], 'pair');
}

/** The pod labels key of a workload member (its template's, or a pod's own), else its name. */
export function podLabelsRange(member: WorkloadMember): SourceRange {
  const path: ObjectPath = [...member.template, 'metadata', 'labels'];
  return member.object.get(path) !== undefined ? member.object.rangeOf(path, 'key') : nameRange(member.object);
}

/**
 * Whether the workload's pods use the node's network namespace. NetworkPolicies are not meant for
 * such pods (Kubernetes leaves their behaviour undefined and most CNIs do not enforce them), so the
 * rules that ask for more isolation leave them out.
 */
export function usesHostNetwork(workload: Workload): boolean {
  return workload.members.every((member) => member.object.get([...member.template, 'spec', 'hostNetwork']) === true);
}

/**
 * Namespaces the cluster itself populates (kube-system, kube-public, kube-node-lease, OpenShift's):
 * a repository that deploys something there rarely holds everything that runs there, so the rules
 * never conclude that something is missing from them.
 */
export function isSystemNamespace(name: string): boolean {
  return name.startsWith('kube-') || name === 'openshift' || name.startsWith('openshift-');
}

/**
 * The workloads a "matches nothing" rule may judge a namespace by: those of the workspace, or none
 * for a system namespace (the workspace then says nothing about what runs there).
 */
export function judgeableWorkloadsIn(model: ClusterModel, namespace: string): readonly Workload[] {
  return isSystemNamespace(namespace) ? [] : workloadsIn(model, namespace);
}

const operatedByNamespaceCache = new WeakMap<ClusterModel, ReadonlyMap<string, readonly OperatedWorkload[]>>();

/** The pods operators create from the custom resources of one namespace, as workloads (computed once per model). */
export function operatedWorkloadsIn(model: ClusterModel, namespace: string): readonly OperatedWorkload[] {
  let byNamespace = operatedByNamespaceCache.get(model);
  if (!byNamespace) {
    const map = new Map<string, OperatedWorkload[]>();
    for (const workload of operatedPodsOf(model).workloads) map.set(workload.id.namespace, [...(map.get(workload.id.namespace) ?? []), workload]);
    operatedByNamespaceCache.set(model, map);
    byNamespace = map;
  }
  return byNamespace.get(namespace) ?? [];
}

/**
 * What a selector that matches nothing is judged against in a namespace: its workloads and the pods
 * operators create there from custom resources (a Prometheus object, a Rollout), or nothing for a
 * system namespace, like `judgeableWorkloadsIn`. The connectivity analysis does not see the latter.
 */
export function selectableWorkloadsIn(model: ClusterModel, namespace: string): readonly Workload[] {
  if (isSystemNamespace(namespace)) return [];
  const operated = operatedWorkloadsIn(model, namespace);
  return operated.length === 0 ? workloadsIn(model, namespace) : [...workloadsIn(model, namespace), ...operated];
}

/**
 * The kinds of the custom resources of `namespace` that may create pods the workspace does not
 * describe (see `operatedPodsOf`), kept to those in the folder of `near` or below it: a resource
 * defined with the policy or Service is likely what it was written for, one elsewhere is not.
 */
export function unknownPodCreatorKindsNear(model: ClusterModel, namespace: string, near: KubeObject): string[] {
  const folder = folderOf(near.document.uri);
  const kinds = operatedPodsOf(model)
    .unknownCreators.filter((object) => (object.namespace || model.defaultNamespace) === namespace && object.document.uri.startsWith(folder))
    .map((object) => object.kind);
  return [...new Set(kinds)].sort();
}

/** "but it may select pods created by a controller of kind RedisCluster in this folder": the lower-confidence clause. */
export function unknownPodsClause(kinds: readonly string[]): string {
  const controllers = kinds.length === 1 ? `a controller of kind ${kinds[0]}` : `the controllers of kinds ${listNames(kinds)}`;
  return `but it may select pods created by ${controllers} in this folder`;
}

/** The folder part of a URI or path, with its trailing slash ("" for a bare file name). */
function folderOf(uri: string): string {
  return uri.slice(0, uri.lastIndexOf('/') + 1);
}
