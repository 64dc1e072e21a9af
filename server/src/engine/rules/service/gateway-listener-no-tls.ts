import type { ObjectRule } from '../rule';
import { gatewaySpecOf, isInternalGateway, listenersOf, type ListenerRef } from '../../gateway/gateway-api';
import { hostnameCovers } from '../../net/hostname';

const PLAINTEXT_PROTOCOLS: ReadonlySet<string> = new Set(['HTTP', 'TCP']);
const ENCRYPTED_PROTOCOLS: ReadonlySet<string> = new Set(['HTTPS', 'TLS']);

export const gatewayListenerNoTls: ObjectRule = {
  id: 'gateway-listener-no-tls',
  title: 'Gateway listener serves plaintext with no TLS listener beside it',
  severity: 'warning',
  category: 'ingress',
  scope: 'object',
  explanation:
    'A Gateway API listener with `protocol: HTTP` or `TCP` accepts unencrypted connections. Next to an `HTTPS` or ' +
    '`TLS` listener for the same hostname this is the usual redirect-to-HTTPS setup, but a plaintext listener whose ' +
    'hostname no encrypted listener serves (one without `hostname` counts as covered when the Gateway has any ' +
    'encrypted listener; a TCP listener has no hostname) carries credentials and data in clear text. Gateways ' +
    'marked internal are not reported: an internal GatewayClass (GKE `gke-l7-rilb`, ' +
    '`gke-l7-cross-regional-internal-managed`, `amazon-vpc-lattice`, `istio-waypoint`), an internal load balancer ' +
    'annotation in `spec.infrastructure.annotations` or `metadata.annotations`, or only private IP addresses in ' +
    '`spec.addresses`.',
  remediation:
    'Add an `HTTPS` (or `TLS`) listener for the hostname with a certificate in `tls.certificateRefs`, and attach ' +
    'an HTTPRoute with a `RequestRedirect` filter (`scheme: https`) to the HTTP listener. Mark private Gateways ' +
    'with an internal GatewayClass or load balancer annotation.',
  references: [
    'https://gateway-api.sigs.k8s.io/guides/tls/',
    'https://gateway-api.sigs.k8s.io/guides/http-redirect-rewrite/',
    'https://gateway-api.sigs.k8s.io/guides/infrastructure/',
  ],
  examples: {
    insecure: `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: public
spec:
  gatewayClassName: example
  listeners:
    - name: web
      hostname: shop.example.com
      protocol: HTTP
      port: 80
`,
    fixed: `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: public
spec:
  gatewayClassName: example
  listeners:
    - name: web
      hostname: shop.example.com
      protocol: HTTP
      port: 80
    - name: web-tls
      hostname: shop.example.com
      protocol: HTTPS
      port: 443
      tls:
        mode: Terminate
        certificateRefs:
          - name: shop-example-com
`,
  },
  *check(object) {
    const spec = gatewaySpecOf(object);
    if (!spec || isInternalGateway(object, spec)) return;
    const listeners = listenersOf(spec);
    const encrypted = listeners.filter((listener) => ENCRYPTED_PROTOCOLS.has(listener.protocol ?? ''));
    const name = object.name ?? '(unnamed)';
    for (const listener of listeners) {
      const protocol = listener.protocol ?? '';
      if (!PLAINTEXT_PROTOCOLS.has(protocol) || isCovered(listener, encrypted)) continue;
      const port = listener.listener.port === undefined ? '' : `, port ${String(listener.listener.port)}`;
      const reason =
        encrypted.length === 0
          ? `and Gateway "${name}" has no HTTPS or TLS listener at all`
          : `and no HTTPS or TLS listener of Gateway "${name}" serves ${listener.hostname}`;
      yield {
        message: `Listener "${listener.name}" (${protocol}${port}) accepts unencrypted connections, ${reason}.`,
        range: object.rangeOf([...listener.path, 'protocol']),
      };
    }
  },
};

/**
 * A plaintext listener is presumed to redirect when an encrypted listener serves its hostname; one
 * without a hostname (or a TCP listener, whose hostname is ignored) when the Gateway has any.
 */
function isCovered(listener: ListenerRef, encrypted: ListenerRef[]): boolean {
  if (listener.protocol === 'TCP' || listener.hostname === undefined) return encrypted.length > 0;
  return encrypted.some((candidate) => hostnameCovers(candidate.hostname, listener.hostname, 'suffix'));
}
