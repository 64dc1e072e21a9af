import { isPlainObject, type KubeObject, type PlainObject } from '../manifest/kube-object';

/** The spec of a core `v1` Service, else undefined (a Knative or other CRD `Service` is not one). */
export function serviceSpecOf(object: KubeObject): PlainObject | undefined {
  if (object.kind !== 'Service') return undefined;
  if (object.apiGroup !== undefined && object.apiGroup !== '') return undefined;
  const spec = object.get(['spec']);
  return isPlainObject(spec) ? spec : undefined;
}

/** The Service type as the API server defaults it: `ClusterIP` when absent. */
export function serviceTypeOf(spec: PlainObject): string {
  return typeof spec.type === 'string' ? spec.type : 'ClusterIP';
}

/** Whether the Service is reachable from outside the cluster through node ports or a load balancer. */
export function isNodeExposed(type: string): boolean {
  return type === 'NodePort' || type === 'LoadBalancer';
}
