import { isPlainObject, type KubeObject, type PlainObject } from '../../manifest/kube-object';

// Istio's default root namespace: a policy there without a selector applies to the whole mesh.
const DEFAULT_ROOT_NAMESPACE = 'istio-system';

/** Which workloads an Istio security policy (PeerAuthentication, AuthorizationPolicy) applies to, for messages. */
export function istioPolicyScope(object: KubeObject, spec: PlainObject): string {
  if (isPlainObject(spec.selector) || spec.targetRef !== undefined || spec.targetRefs !== undefined) return 'the workloads it selects';
  if (object.namespace === DEFAULT_ROOT_NAMESPACE) return `every workload in the mesh (no selector in the root namespace ${DEFAULT_ROOT_NAMESPACE})`;
  if (object.namespace) return `every workload in namespace "${object.namespace}"`;
  return 'every workload in its namespace';
}
