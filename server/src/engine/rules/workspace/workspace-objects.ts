import type { KubeObject } from '../../manifest/kube-object';
import type { ObjectPath } from '../../manifest/yaml-path';
import type { ClusterModel, Workload, WorkloadMember } from '../../model';
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
