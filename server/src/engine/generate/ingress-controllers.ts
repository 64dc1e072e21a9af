import type { Labels, Workload } from '../model';

/**
 * Pod labels of the ingress controllers whose official manifests and charts are common: ingress-nginx,
 * F5's NGINX Ingress Controller, Traefik and the Istio ingress gateway.
 */
const CONTROLLER_LABELS: readonly ((labels: Labels) => boolean)[] = [
  (labels) => labels['app.kubernetes.io/name'] === 'ingress-nginx' && (labels['app.kubernetes.io/component'] ?? 'controller') === 'controller',
  (labels) => labels.app === 'ingress-nginx' || labels.app === 'nginx-ingress' || labels['app.kubernetes.io/name'] === 'nginx-ingress',
  (labels) => labels['app.kubernetes.io/name'] === 'traefik',
  (labels) => labels.istio === 'ingressgateway' || labels.app === 'istio-ingressgateway',
];

/** The workloads of the workspace that are Ingress controllers, by their pod labels. */
export function ingressControllersOf(workloads: readonly Workload[]): Workload[] {
  return workloads.filter((workload) => CONTROLLER_LABELS.some((matches) => matches(workload.podLabels)));
}
