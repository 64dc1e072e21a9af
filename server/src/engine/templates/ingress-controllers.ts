import type { Labels } from '../model';

/**
 * An ingress controller recognised by the pod labels of its official manifests and charts, and
 * which of those labels identify its pods in a policy peer: names, instance and component stay
 * through upgrades, while versions and chart labels change with each release.
 */
interface ControllerKind {
  product: string;
  matches(labels: Labels): boolean;
  identifyingKeys: readonly string[];
}

const NAME = 'app.kubernetes.io/name';
const INSTANCE = 'app.kubernetes.io/instance';
const COMPONENT = 'app.kubernetes.io/component';

const CONTROLLERS: readonly ControllerKind[] = [
  {
    product: 'ingress-nginx',
    matches: (labels) =>
      (labels[NAME] === 'ingress-nginx' && isControllerComponent(labels[COMPONENT])) ||
      (labels.app === 'ingress-nginx' && isControllerComponent(labels.component)) ||
      (labels.app === 'nginx-ingress' && labels.component === 'controller'),
    identifyingKeys: [NAME, INSTANCE, COMPONENT, 'app', 'component'],
  },
  {
    product: 'NGINX Ingress Controller',
    matches: (labels) => labels[NAME] === 'nginx-ingress' || (labels.app === 'nginx-ingress' && labels.component === undefined),
    identifyingKeys: [NAME, INSTANCE, 'app'],
  },
  { product: 'Traefik', matches: (labels) => labels[NAME] === 'traefik' || labels.app === 'traefik', identifyingKeys: [NAME, INSTANCE, 'app'] },
  {
    product: 'Istio ingress gateway',
    matches: (labels) => labels.istio === 'ingressgateway' || labels.app === 'istio-ingressgateway',
    identifyingKeys: ['istio', 'app'],
  },
  {
    product: 'HAProxy Ingress',
    matches: (labels) => labels[NAME] === 'haproxy-ingress' || labels[NAME] === 'kubernetes-ingress' || labels.run === 'haproxy-ingress',
    identifyingKeys: [NAME, INSTANCE, 'run'],
  },
  { product: 'Contour (Envoy)', matches: (labels) => labels[NAME] === 'contour' && labels[COMPONENT] === 'envoy', identifyingKeys: [NAME, INSTANCE, COMPONENT] },
  { product: 'Kong', matches: (labels) => labels[NAME] === 'kong' || labels.app === 'kong', identifyingKeys: [NAME, INSTANCE, 'app'] },
];

/** The admission webhook and other helpers of a chart are not the proxy. */
function isControllerComponent(component: string | undefined): boolean {
  return component === undefined || component === 'controller';
}

/** The controller a workload's pod labels belong to, with the labels that select its pods. */
export function ingressControllerOf(podLabels: Labels): { product: string; labels: Labels } | undefined {
  const kind = CONTROLLERS.find((candidate) => candidate.matches(podLabels));
  if (!kind) return undefined;
  const labels = Object.fromEntries(kind.identifyingKeys.filter((key) => podLabels[key] !== undefined).map((key) => [key, podLabels[key]]));
  return { product: kind.product, labels };
}
