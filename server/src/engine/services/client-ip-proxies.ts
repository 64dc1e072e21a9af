import { isPlainObject, type KubeObject, type PlainObject } from '../manifest/kube-object';

/** A reverse proxy whose access rules match the client's IP address, and what those rules are called. */
export interface ClientIpProxy {
  name: string;
  ipRules: string;
}

type Labels = Readonly<Record<string, unknown>>;

/**
 * Ingress proxies recognised by the labels their official manifests and charts put on the controller
 * pods (and so in the Service selector) or on the Service itself.
 */
const PROXIES: readonly (ClientIpProxy & { matches(labels: Labels): boolean })[] = [
  {
    name: 'ingress-nginx',
    ipRules: 'allowlist-source-range/denylist-source-range annotations and per-client rate limits',
    matches: (labels) =>
      (labels['app.kubernetes.io/name'] === 'ingress-nginx' && isController(labels['app.kubernetes.io/component'])) ||
      (labels.app === 'ingress-nginx' && isController(labels.component)) ||
      // The former stable/nginx-ingress chart.
      (labels.app === 'nginx-ingress' && labels.component === 'controller'),
  },
  {
    name: 'NGINX Ingress Controller',
    ipRules: 'access-control policies and per-client rate limits',
    matches: (labels) => labels['app.kubernetes.io/name'] === 'nginx-ingress' || (labels.app === 'nginx-ingress' && labels.component === undefined),
  },
  {
    name: 'the Istio ingress gateway',
    ipRules: 'AuthorizationPolicy ipBlocks',
    matches: (labels) => labels.istio === 'ingressgateway' || labels.app === 'istio-ingressgateway',
  },
  {
    name: 'Traefik',
    ipRules: 'ipAllowList middlewares',
    matches: (labels) => labels['app.kubernetes.io/name'] === 'traefik',
  },
];

function isController(component: unknown): boolean {
  return component === undefined || component === 'controller';
}

/** The client-IP-aware proxy a Service sends traffic to, judged by its selector, else its own labels. */
export function clientIpProxyBehind(object: KubeObject, spec: PlainObject): ClientIpProxy | undefined {
  const selector: Labels = isPlainObject(spec.selector) ? spec.selector : {};
  const proxy = PROXIES.find((candidate) => candidate.matches(selector)) ?? PROXIES.find((candidate) => candidate.matches(object.labels));
  return proxy && { name: proxy.name, ipRules: proxy.ipRules };
}
