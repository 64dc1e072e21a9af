import { isPlainObject, type KubeObject } from '../manifest/kube-object';
import type { AdminPolicyInfo, AdminPolicyKind, SkippedAdminPolicy } from './cluster-types';
import { adminPolicyShapeError } from './admin-policy-shape';
import { nameOf } from './object-identity';

export const ADMIN_POLICY_KINDS: readonly AdminPolicyKind[] = ['AdminNetworkPolicy', 'BaselineAdminNetworkPolicy'];

export function isAdminPolicyKind(kind: string): kind is AdminPolicyKind {
  return kind === 'AdminNetworkPolicy' || kind === 'BaselineAdminNetworkPolicy';
}

/**
 * An AdminNetworkPolicy or BaselineAdminNetworkPolicy, recognised by its kind whatever its apiVersion
 * and read with the v1alpha1 field names (admin-policy-semantics.md §1): `undefined` for other kinds,
 * a skipped entry when a field has the wrong type. Both kinds are cluster-scoped: no namespace.
 */
export function adminPolicyOf(object: KubeObject): AdminPolicyInfo | SkippedAdminPolicy | undefined {
  const { kind } = object;
  if (!isAdminPolicyKind(kind)) return undefined;
  const name = nameOf(object);
  if (name === undefined) return undefined;
  const spec = object.get(['spec']);
  const error = adminPolicyShapeError(kind, spec);
  if (error) return { skipped: true, kind, name, object, path: error.path, message: error.message };
  const fields = isPlainObject(spec) ? spec : {};
  const priority = kind === 'AdminNetworkPolicy' && typeof fields.priority === 'number' ? fields.priority : 0;
  return { kind, name, object, spec: fields, priority };
}
