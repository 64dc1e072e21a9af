import { isPlainObject, type KubeObject } from '../manifest/kube-object';
import type { ObjectPath } from '../manifest/yaml-path';
import { adminPolicyPriority, adminPolicyProblems, adminPolicySpecProblems, type AdminPolicyProblem } from '../policy/admin-policy-validation';
import { CLUSTER_NETWORK_POLICY, readClusterNetworkPolicy, type ClusterNetworkPolicyReading } from '../policy/cluster-network-policy';
import type { AdminPolicyInfo, AdminPolicyKind, SkippedAdminPolicy } from './cluster-types';
import { nameOf } from './object-identity';

export function isAdminPolicyKind(kind: string): kind is AdminPolicyKind {
  return kind === 'AdminNetworkPolicy' || kind === 'BaselineAdminNetworkPolicy';
}

/** The network policy API's ClusterNetworkPolicy; Antrea's kind of that name (`crd.antrea.io`) is another one. */
export function isClusterNetworkPolicy(object: KubeObject): boolean {
  return object.kind === CLUSTER_NETWORK_POLICY && object.apiGroup === 'policy.networking.k8s.io';
}

/**
 * An AdminNetworkPolicy or BaselineAdminNetworkPolicy, recognised by its kind whatever its apiVersion
 * and read with the v1alpha1 field names (admin-policy-semantics.md §1): `undefined` for other kinds,
 * a skipped entry when a field has the wrong type (the reference cannot decode it). Both kinds are
 * cluster-scoped: no namespace. The object's problems come along, for the analysis to weigh.
 * A ClusterNetworkPolicy is read onto the kind of its tier (clusterNetworkPolicyOf).
 */
export function adminPolicyOf(object: KubeObject): AdminPolicyInfo | SkippedAdminPolicy | undefined {
  if (isClusterNetworkPolicy(object)) return clusterNetworkPolicyOf(object);
  const { kind } = object;
  if (!isAdminPolicyKind(kind)) return undefined;
  const name = nameOf(object);
  if (name === undefined) return undefined;
  const problems: AdminPolicyProblem[] = adminPolicyProblems(object);
  const typeError = problems.find((problem) => problem.kind === 'type-error');
  if (typeError) return { skipped: true, kind, name, object, path: typeError.path, message: typeError.message };
  const spec = object.get(['spec']);
  const priority = kind === 'AdminNetworkPolicy' ? (adminPolicyPriority(object) ?? 0) : 0;
  return { kind, name, object, spec: isPlainObject(spec) ? spec : {}, priority, problems };
}

/**
 * A ClusterNetworkPolicy as the v1alpha1 kind of its tier, with its mapped spec
 * (docs/cluster-network-policy.md). What the API server refuses (`invalid`) fails the analysis; what
 * the model cannot express (`not-modelled`, say `domainNames`) is a warning. Without a valid tier it
 * belongs to no tier: it is left out, and that is fatal.
 */
function clusterNetworkPolicyOf(object: KubeObject): AdminPolicyInfo | SkippedAdminPolicy | undefined {
  const name = nameOf(object);
  const reading = readClusterNetworkPolicy(object);
  if (name === undefined || reading === undefined) return undefined;
  const problems: AdminPolicyProblem[] = reading.problems.map(({ path, message, kind }) => ({ path, message, kind: kind === 'invalid' ? 'load-fatal' : 'warning' }));
  problems.push(...selectorAndAddressProblems(reading, problems));
  if (reading.tier === undefined) {
    const tierProblem = reading.problems.find((problem) => problem.path.join('.') === 'spec.tier') ?? reading.problems[0];
    return { skipped: true, fatal: true, kind: CLUSTER_NETWORK_POLICY, name, object, path: tierProblem?.path ?? ['spec'], message: tierProblem?.message ?? 'spec needs a tier' };
  }
  const kind: AdminPolicyKind = reading.tier === 'Admin' ? 'AdminNetworkPolicy' : 'BaselineAdminNetworkPolicy';
  return { kind, clusterTier: reading.tier, name, object, spec: reading.spec, priority: reading.priority, problems };
}

/**
 * What the v1alpha1 checks find in the mapped spec's subject and peer contents (label selectors,
 * CIDRs, `nodes` and IPv6 warnings), which the mapping leaves alone. The rest (actions, peer lists,
 * ports) is the mapping's. Those paths are the object's: the mapping renames nothing there. The API
 * server refuses all but the warnings, so they are fatal whatever the workloads.
 */
function selectorAndAddressProblems(reading: ClusterNetworkPolicyReading, mapped: readonly AdminPolicyProblem[]): AdminPolicyProblem[] {
  const kind = reading.tier === 'Admin' ? 'AdminNetworkPolicy' : 'BaselineAdminNetworkPolicy';
  const placed = new Set(mapped.map((problem) => problem.path.join('\0')));
  return adminPolicySpecProblems(kind, reading.spec)
    .filter((problem) => isInSubjectOrPeer(problem.path) && !placed.has(problem.path.join('\0')))
    .map(({ path, message, kind: weight }) => ({ path, message, kind: weight === 'warning' ? 'warning' : 'load-fatal' }));
}

/** Under `spec.subject`, or inside one peer of a rule (not the peer itself, nor the rule). */
function isInSubjectOrPeer(path: ObjectPath): boolean {
  if (path[1] === 'subject') return true;
  const list = path.findIndex((part) => part === 'from' || part === 'to');
  return list !== -1 && path.length > list + 2;
}

/** How messages name the kind of a policy: its own kind, ClusterNetworkPolicy included. */
export function adminPolicyKindName(policy: Pick<AdminPolicyInfo, 'kind' | 'clusterTier'>): string {
  return policy.clusterTier ? CLUSTER_NETWORK_POLICY : policy.kind;
}

/** "priority 5", "Admin tier, priority 5", or "" for the BaselineAdminNetworkPolicy (it has none). */
export function adminPolicyRank(policy: Pick<AdminPolicyInfo, 'kind' | 'clusterTier' | 'priority'>): string {
  if (policy.clusterTier) return `${policy.clusterTier} tier, priority ${policy.priority}`;
  return policy.kind === 'AdminNetworkPolicy' ? `priority ${policy.priority}` : '';
}
