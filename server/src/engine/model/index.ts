// The cluster model: workloads, namespaces and NetworkPolicies of a set of parsed files.
export { buildClusterModel, parsedCleanly, workloadKey, type ClusterModelOptions } from './cluster-model';
export { containerPortsOf } from './container-ports';
export { labelsOf, type Labels } from './labels';
export { adminPolicyOf, isAdminPolicyKind } from './admin-policies';
export type { AdminPolicyInfo, AdminPolicyKind, SkippedAdminPolicy } from './cluster-types';
export type { ClusterModel, ContainerPort, NamespaceInfo, NetworkPolicyInfo, Workload, WorkloadId, WorkloadMember } from './cluster-types';
export { NAMESPACE_NAME_LABEL } from './namespaces';
export { effectiveObjects, identityOf, replacingDefinition, type DuplicateGroup, type EffectiveObjects } from './effective-objects';
export { unevaluatedPolicies, unevaluatedPolicyOf, type UnevaluatedPolicy } from './unevaluated-policies';
export { POD_CREATING_KINDS, podCreatingKindOf, type PodCreatingKind } from './pod-creating-kinds';
export { mayCreateUnknownPods } from './possible-pod-creators';
export { isOperatedWorkload, operatedPodsOf, type OperatedPods, type OperatedWorkload } from './operated-workloads';
