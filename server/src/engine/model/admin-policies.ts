import { isPlainObject, type KubeObject } from '../manifest/kube-object';
import { adminPolicyPriority, adminPolicyProblems, type AdminPolicyProblem } from '../policy/admin-policy-validation';
import type { AdminPolicyInfo, AdminPolicyKind, SkippedAdminPolicy } from './cluster-types';
import { nameOf } from './object-identity';

export function isAdminPolicyKind(kind: string): kind is AdminPolicyKind {
  return kind === 'AdminNetworkPolicy' || kind === 'BaselineAdminNetworkPolicy';
}

/**
 * An AdminNetworkPolicy or BaselineAdminNetworkPolicy, recognised by its kind whatever its apiVersion
 * and read with the v1alpha1 field names (admin-policy-semantics.md §1): `undefined` for other kinds,
 * a skipped entry when a field has the wrong type (the reference cannot decode it). Both kinds are
 * cluster-scoped: no namespace. The object's problems come along, for the analysis to weigh.
 */
export function adminPolicyOf(object: KubeObject): AdminPolicyInfo | SkippedAdminPolicy | undefined {
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
