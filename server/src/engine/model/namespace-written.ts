import type { ClusterModel } from './cluster-types';

/**
 * Whether objects generated for a namespace should name it: always, except the default namespace
 * when none of its workloads or policies names it. Such manifests are applied with `kubectl -n`,
 * which refuses an object of another namespace, so a policy naming "default" would not go with them.
 */
export function namespaceIsWritten(model: ClusterModel, namespace: string): boolean {
  if (namespace !== model.defaultNamespace || model.namespaces.get(namespace)?.object) return true;
  const objects = [
    ...model.workloads.filter((workload) => workload.id.namespace === namespace).flatMap((workload) => workload.members.map((member) => member.object)),
    ...model.policies.filter((policy) => policy.namespace === namespace).map((policy) => policy.object),
  ];
  return objects.some((object) => object.namespace !== undefined && object.namespace !== '');
}
