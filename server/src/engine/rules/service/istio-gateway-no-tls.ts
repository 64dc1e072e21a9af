import type { ObjectRule } from '../rule';
import { istioGatewaySpecOf, istioServersOf, type IstioServerRef } from '../../gateway/istio-gateway';
import { hostnameCovers } from '../../net/hostname';

/** Server protocols that carry plaintext unless a `tls` mode is set. */
const PLAINTEXT_PROTOCOLS: ReadonlySet<string> = new Set(['HTTP', 'HTTP2', 'GRPC', 'GRPC-WEB']);
const ENCRYPTED_PROTOCOLS: ReadonlySet<string> = new Set(['HTTPS', 'TLS']);

export const istioGatewayNoTls: ObjectRule = {
  id: 'istio-gateway-no-tls',
  title: 'Istio Gateway serves plain HTTP without redirecting to HTTPS',
  severity: 'warning',
  category: 'ingress',
  scope: 'object',
  explanation:
    'An Istio `Gateway` (networking.istio.io) server with `port.protocol: HTTP` (or HTTP2, GRPC, GRPC-WEB) accepts ' +
    'unencrypted requests on the ingress gateway. Istio redirects them to HTTPS only with `tls.httpsRedirect: ' +
    'true`. A plaintext server without it, whose hosts no HTTPS or TLS server of the same Gateway serves, exposes ' +
    'credentials and data in clear text to anyone on the path. (A plaintext server next to HTTPS servers for the ' +
    'same hosts is presumed to redirect through its VirtualService and is not reported.) This is the Istio API; ' +
    'Gateway API Gateways are checked by `gateway-listener-no-tls`.',
  remediation:
    'Add an HTTPS server for the hosts (`tls.mode: SIMPLE` with a `credentialName`) and set ' +
    '`tls: {httpsRedirect: true}` on the HTTP server.',
  references: [
    'https://istio.io/latest/docs/reference/config/networking/gateway/#ServerTLSSettings',
    'https://istio.io/latest/docs/tasks/traffic-management/ingress/secure-ingress/',
  ],
  examples: {
    insecure: `apiVersion: networking.istio.io/v1
kind: Gateway
metadata:
  name: shop-gateway
spec:
  selector:
    istio: ingressgateway
  servers:
    - port: {number: 80, name: http, protocol: HTTP}
      hosts: [shop.example.com]
`,
    fixed: `apiVersion: networking.istio.io/v1
kind: Gateway
metadata:
  name: shop-gateway
spec:
  selector:
    istio: ingressgateway
  servers:
    - port: {number: 80, name: http, protocol: HTTP}
      hosts: [shop.example.com]
      tls:
        httpsRedirect: true
    - port: {number: 443, name: https, protocol: HTTPS}
      hosts: [shop.example.com]
      tls:
        mode: SIMPLE
        credentialName: shop-example-com
`,
  },
  *check(object) {
    const spec = istioGatewaySpecOf(object);
    if (!spec) return;
    const servers = istioServersOf(spec);
    const encrypted = servers.filter((server) => ENCRYPTED_PROTOCOLS.has(server.protocol ?? ''));
    const name = object.name ?? '(unnamed)';
    for (const server of servers) {
      if (!PLAINTEXT_PROTOCOLS.has(server.protocol ?? '') || server.tls?.httpsRedirect === true) continue;
      if (typeof server.tls?.mode === 'string') continue; // TLS settings on the server: not plaintext.
      const uncovered = uncoveredHosts(server, encrypted);
      if (uncovered.length === 0) continue;
      const hosts = uncovered.map((host) => (host.trim() === '*' ? 'any host' : host)).join(', ');
      yield {
        message: `This ${server.protocol} server of Gateway "${name}" accepts unencrypted requests for ${hosts} and does not redirect them to HTTPS (tls.httpsRedirect).`,
        range: object.rangeOf([...server.path, 'port', 'protocol']),
      };
    }
  },
};

/** The hosts of a plaintext server that no encrypted server of the Gateway also serves. */
function uncoveredHosts(server: IstioServerRef, encrypted: IstioServerRef[]): string[] {
  const encryptedHosts = encrypted.flatMap((candidate) => candidate.hosts);
  if (server.hosts.length === 0) return encrypted.length > 0 ? [] : ['*'];
  return server.hosts.filter((host) => {
    // A "*" server next to any encrypted server: presumed to be the redirect catch-all.
    if (host.trim() === '*') return encrypted.length === 0;
    return !encryptedHosts.some((pattern) => hostnameCovers(pattern, host, 'suffix'));
  });
}
