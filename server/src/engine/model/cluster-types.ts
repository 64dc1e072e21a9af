import type { KubeObject, PlainObject } from '../manifest/kube-object';
import type { ObjectPath } from '../manifest/yaml-path';
import type { Labels } from './labels';
import type { DuplicateGroup } from './effective-objects';
import type { AdminPolicyProblem } from '../policy/admin-policy-validation';

/** How a workload is reported: the controller object's kind, or the pods' owner, or `Pod`. */
export interface WorkloadId {
  kind: string;
  namespace: string;
  name: string;
}

/** A declared container port. `protocol` is as written (default "TCP"), so a typo matches nothing. */
export interface ContainerPort {
  port: number;
  protocol: string;
  name?: string;
  /** Path of the `ports` entry, relative to the member object it was read from. */
  path: ObjectPath;
}

/**
 * An object that makes up a workload: a controller object (`template` is its pod template's path),
 * a pod owned by the workload, or a stand-alone pod (`template` is `[]`: its own metadata and spec).
 */
export interface WorkloadMember {
  object: KubeObject;
  role: 'controller' | 'owned-pod' | 'pod';
  template: ObjectPath;
}

/**
 * One reported peer: all objects with the same (kind, namespace, name). Its pod labels and container
 * ports are those of its first member in input order (the specification allows any member's).
 */
export interface Workload {
  /** "namespace/name[Kind]", unique in a model. */
  key: string;
  id: WorkloadId;
  podLabels: Labels;
  containerPorts: readonly ContainerPort[];
  members: readonly WorkloadMember[];
}

export interface NamespaceInfo {
  name: string;
  /** The Namespace object's labels plus `kubernetes.io/metadata.name`. */
  labels: Labels;
  /** The Namespace object; undefined for a namespace that only workloads imply. */
  object?: KubeObject;
}

export interface NetworkPolicyInfo {
  /** "namespace/name". Two objects may share it (the same policy in two files); both are kept. */
  key: string;
  namespace: string;
  name: string;
  object: KubeObject;
  spec: PlainObject;
}

export type AdminPolicyKind = 'AdminNetworkPolicy' | 'BaselineAdminNetworkPolicy';

/**
 * An AdminNetworkPolicy or BaselineAdminNetworkPolicy (cluster-scoped, read with v1alpha1 fields), or a
 * v1alpha2 ClusterNetworkPolicy read onto the v1alpha1 kind of its tier (docs/cluster-network-policy.md).
 */
export interface AdminPolicyInfo {
  /** The v1alpha1 kind, or for a ClusterNetworkPolicy the kind its tier stands for. */
  kind: AdminPolicyKind;
  /** Set for a ClusterNetworkPolicy: its `spec.tier`. */
  clusterTier?: 'Admin' | 'Baseline';
  name: string;
  object: KubeObject;
  spec: PlainObject;
  /** `spec.priority` of an AdminNetworkPolicy or a ClusterNetworkPolicy (0 when absent); 0 for the BaselineAdminNetworkPolicy. */
  priority: number;
  /** The object's own problems (policy/admin-policy-validation), none of them a type error. */
  problems: readonly AdminPolicyProblem[];
}

/**
 * An admin policy left out because a field has the wrong type (the reference cannot decode it), or a
 * ClusterNetworkPolicy without a valid tier (`fatal`: the API server refuses it, and no tier can hold it).
 */
export interface SkippedAdminPolicy {
  skipped: true;
  kind: AdminPolicyKind | 'ClusterNetworkPolicy';
  fatal?: boolean;
  name: string;
  object: KubeObject;
  /** The field at fault, relative to the object. */
  path: ObjectPath;
  message: string;
}

/** What the connectivity analysis reads: workloads, namespaces and NetworkPolicies, with their objects. */
export interface ClusterModel {
  defaultNamespace: string;
  /** Sorted by namespace, name, kind (code-unit order). */
  workloads: readonly Workload[];
  workloadsByKey: ReadonlyMap<string, Workload>;
  /** Every namespace that has a Namespace object or a workload. */
  namespaces: ReadonlyMap<string, NamespaceInfo>;
  /** In input order (file order, then document order). */
  policies: readonly NetworkPolicyInfo[];
  /** AdminNetworkPolicies and Admin-tier ClusterNetworkPolicies, in input order (duplicates collapsed like any object). */
  adminPolicies: readonly AdminPolicyInfo[];
  /** BaselineAdminNetworkPolicies and Baseline-tier ClusterNetworkPolicies, in input order. */
  baselinePolicies: readonly AdminPolicyInfo[];
  /** Admin policies left out for a field of the wrong type. */
  skippedAdminPolicies: readonly SkippedAdminPolicy[];
  /** Every object that takes effect (parsed cleanly, not replaced by a later definition), in input order. */
  objects: readonly KubeObject[];
  /** Objects defined more than once; only the last definition of each is in `objects`. */
  duplicates: readonly DuplicateGroup[];
}
