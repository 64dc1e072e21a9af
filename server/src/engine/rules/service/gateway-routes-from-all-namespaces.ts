import { isPlainObject } from '../../manifest/kube-object';
import type { ObjectRule } from '../rule';
import { gatewaySpecOf, listenersOf } from '../../gateway/gateway-api';

export const gatewayRoutesFromAllNamespaces: ObjectRule = {
  id: 'gateway-routes-from-all-namespaces',
  title: 'Gateway listener accepts routes from every namespace',
  severity: 'warning',
  category: 'ingress',
  scope: 'object',
  explanation:
    "A listener's `allowedRoutes.namespaces` decides which namespaces may attach routes to it (only the Gateway's " +
    'own by default). With `from: All`, or `from: Selector` with an empty selector, any namespace can attach an ' +
    'HTTPRoute or TCPRoute and receive the traffic of every hostname and path it claims on the listener, including ' +
    "hostnames and paths that belong to other teams: whoever can create a route anywhere can take over another " +
    "application's traffic or publish an internal service.",
  remediation:
    'Use `from: Same`, or `from: Selector` with a `selector` that matches only the namespaces allowed to publish ' +
    'on this listener (for example a label the platform team sets), and give the listener a `hostname` so routes ' +
    'cannot claim other names.',
  references: [
    'https://gateway-api.sigs.k8s.io/guides/multiple-ns/',
    'https://gateway-api.sigs.k8s.io/concepts/security-model/',
    'https://gateway-api.sigs.k8s.io/reference/spec/#allowedroutes',
  ],
  examples: {
    insecure: `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: shared
  namespace: infra
spec:
  gatewayClassName: example
  listeners:
    - name: https
      protocol: HTTPS
      port: 443
      tls:
        certificateRefs:
          - name: wildcard-example-com
      allowedRoutes:
        namespaces:
          from: All
`,
    fixed: `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: shared
  namespace: infra
spec:
  gatewayClassName: example
  listeners:
    - name: https
      protocol: HTTPS
      port: 443
      tls:
        certificateRefs:
          - name: wildcard-example-com
      allowedRoutes:
        namespaces:
          from: Selector
          selector:
            matchLabels:
              shared-gateway-access: "true"
`,
  },
  *check(object) {
    const spec = gatewaySpecOf(object);
    if (!spec) return;
    for (const listener of listenersOf(spec)) {
      const allowedRoutes = isPlainObject(listener.listener.allowedRoutes) ? listener.listener.allowedRoutes : {};
      const namespaces = isPlainObject(allowedRoutes.namespaces) ? allowedRoutes.namespaces : {};
      const path = [...listener.path, 'allowedRoutes', 'namespaces'];
      if (namespaces.from === 'All') {
        yield {
          message: `Listener "${listener.name}" accepts routes from every namespace, so any namespace can take over its traffic.`,
          range: object.rangeOf([...path, 'from']),
        };
      } else if (namespaces.from === 'Selector' && isEmptySelector(namespaces.selector)) {
        yield {
          message: `The empty namespace selector of listener "${listener.name}" matches every namespace, so any namespace can take over its traffic.`,
          range: object.rangeOf([...path, 'selector']),
        };
      }
    }
  },
};

/** An empty label selector matches everything (a missing one is rejected by the API, so not reported). */
function isEmptySelector(selector: unknown): boolean {
  if (!isPlainObject(selector)) return false;
  const labels = selector.matchLabels;
  const expressions = selector.matchExpressions;
  const noLabels = labels === undefined || labels === null || (isPlainObject(labels) && Object.keys(labels).length === 0);
  const noExpressions = expressions === undefined || expressions === null || (Array.isArray(expressions) && expressions.length === 0);
  return noLabels && noExpressions;
}
