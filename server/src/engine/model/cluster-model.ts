import type { ManifestFile } from '../manifest/manifest-file';
import type { KubeObject } from '../manifest/kube-object';
import { isPlainObject } from '../manifest/kube-object';
import { adminPolicyOf } from './admin-policies';
import type { AdminPolicyInfo, ClusterModel, NamespaceInfo, SkippedAdminPolicy, NetworkPolicyInfo, Workload, WorkloadId, WorkloadMember } from './cluster-types';
import { containerPortsOf } from './container-ports';
import { labelsOf } from './labels';
import { implicitNamespace, isNamespaceObject, namespaceFromObject } from './namespaces';
import { nameOf, namespaceOf } from './object-identity';
import { workloadMembershipOf } from './workload-members';
import { effectiveObjects } from './effective-objects';

export interface ClusterModelOptions {
  /** The namespace of namespaced objects without `metadata.namespace` (default "default"). */
  defaultNamespace?: string;
}

/**
 * The workloads, namespaces and NetworkPolicies of a set of parsed files. A pure function of its
 * input, and cheap next to parsing, so the language server can rebuild it after each edit.
 * Objects of documents that did not parse cleanly are left out: their content is a guess. An object
 * defined twice counts once, as its last definition (see `effectiveObjects`).
 */
export function buildClusterModel(files: readonly ManifestFile[], options: ClusterModelOptions = {}): ClusterModel {
  const defaultNamespace = options.defaultNamespace || 'default';
  const members = new Map<string, { id: WorkloadId; members: WorkloadMember[] }>();
  const namespaceObjects = new Map<string, NamespaceInfo>();
  const policies: NetworkPolicyInfo[] = [];
  const adminPolicies: AdminPolicyInfo[] = [];
  const baselinePolicies: AdminPolicyInfo[] = [];
  const skippedAdminPolicies: SkippedAdminPolicy[] = [];

  const effective = effectiveObjects(files, defaultNamespace);
  for (const object of effective.objects) {
    if (isNamespaceObject(object)) {
      const name = object.name;
      if (name && !namespaceObjects.has(name)) namespaceObjects.set(name, namespaceFromObject(object, name));
      continue;
    }
    const policy = networkPolicyOf(object, defaultNamespace);
    if (policy) {
      policies.push(policy);
      continue;
    }
    const admin = adminPolicyOf(object);
    if (admin) {
      if ('skipped' in admin) skippedAdminPolicies.push(admin);
      else (admin.kind === 'AdminNetworkPolicy' ? adminPolicies : baselinePolicies).push(admin);
      continue;
    }
    const membership = workloadMembershipOf(object, defaultNamespace);
    if (!membership) continue;
    const key = workloadKey(membership.id);
    const entry = members.get(key);
    if (entry) entry.members.push(membership.member);
    else members.set(key, { id: membership.id, members: [membership.member] });
  }

  const workloads = [...members].map(([key, { id, members }]) => toWorkload(key, id, members)).sort(compareWorkloads);
  const namespaces = new Map<string, NamespaceInfo>(namespaceObjects);
  for (const workload of workloads) {
    if (!namespaces.has(workload.id.namespace)) namespaces.set(workload.id.namespace, implicitNamespace(workload.id.namespace));
  }
  return {
    defaultNamespace,
    workloads,
    workloadsByKey: new Map(workloads.map((workload) => [workload.key, workload])),
    namespaces,
    policies,
    adminPolicies,
    baselinePolicies,
    skippedAdminPolicies,
    objects: effective.objects,
    duplicates: effective.duplicates,
  };
}

/** "namespace/name[Kind]", the way np-guard's analyzer names peers. */
export function workloadKey(id: WorkloadId): string {
  return `${id.namespace}/${id.name}[${id.kind}]`;
}

/** Namespace, then name, then kind, by code units (the same on every machine and locale). */
export function compareWorkloadIds(a: WorkloadId, b: WorkloadId): number {
  return compareText(a.namespace, b.namespace) || compareText(a.name, b.name) || compareText(a.kind, b.kind);
}

function compareWorkloads(a: Workload, b: Workload): number {
  return compareWorkloadIds(a.id, b.id);
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function toWorkload(key: string, id: WorkloadId, members: WorkloadMember[]): Workload {
  // Any member will do (pods of one owner differ only in ways no selector tells apart): take the first.
  const { object, template } = members[0];
  return {
    key,
    id,
    podLabels: labelsOf(object.get([...template, 'metadata', 'labels'])),
    containerPorts: containerPortsOf(object, [...template, 'spec']),
    members,
  };
}

/** A core NetworkPolicy: `networking.k8s.io/v1` only, as the specification reads. */
function networkPolicyOf(object: KubeObject, defaultNamespace: string): NetworkPolicyInfo | undefined {
  if (object.kind !== 'NetworkPolicy' || object.apiVersion !== 'networking.k8s.io/v1') return undefined;
  const name = nameOf(object);
  if (name === undefined) return undefined;
  const namespace = namespaceOf(object, defaultNamespace);
  const spec = object.get(['spec']);
  return { key: `${namespace}/${name}`, namespace, name, object, spec: isPlainObject(spec) ? spec : {} };
}

export { parsedCleanly } from './parsed-cleanly';
