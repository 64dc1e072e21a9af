// The cluster model: workloads, namespaces and NetworkPolicies of a set of parsed files.
export { buildClusterModel, workloadKey, type ClusterModelOptions } from './cluster-model';
export type { ClusterModel, ContainerPort, NamespaceInfo, NetworkPolicyInfo, Workload, WorkloadId, WorkloadMember } from './cluster-types';
export { NAMESPACE_NAME_LABEL } from './namespaces';
