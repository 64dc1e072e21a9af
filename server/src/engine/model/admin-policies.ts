import { isPlainObject, type KubeObject } from '../manifest/kube-object';
import { adminPolicyPriority, adminPolicyProblems, type AdminPolicyProblem } from '../policy/admin-policy-validation';
import { CLUSTER_NETWORK_POLICY, readClusterNetworkPolicy } from '../policy/cluster-network-policy';
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
  if (reading.tier === undefined) {
    const tierProblem = reading.problems.find((problem) => problem.path.join('.') === 'spec.tier') ?? reading.problems[0];
    return { skipped: true, fatal: true, kind: CLUSTER_NETWORK_POLICY, name, object, path: tierProblem?.path ?? ['spec'], message: tierProblem?.message ?? 'spec needs a tier' };
  }
  const kind: AdminPolicyKind = reading.tier === 'Admin' ? 'AdminNetworkPolicy' : 'BaselineAdminNetworkPolicy';
  return { kind, clusterTier: reading.tier, name, object, spec: reading.spec, priority: reading.priority, problems };
}

/** How messages name the kind of a policy: its own kind, ClusterNetworkPolicy included. */
export function adminPolicyKindName(policy: Pick<AdminPolicyInfo, 'kind' | 'clusterTier'>): string {
  return policy.clusterTier ? CLUSTER_NETWORK_POLICY : policy.kind;
}
