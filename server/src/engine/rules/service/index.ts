import type { Rule } from '../rule';
import { gatewayListenerNoTls } from './gateway-listener-no-tls';
import { gatewayRoutesFromAllNamespaces } from './gateway-routes-from-all-namespaces';
import { ingressAllowlistOpen } from './ingress-allowlist-open';
import { ingressBackendTlsUnverified } from './ingress-backend-tls-unverified';
import { ingressNginxSnippet } from './ingress-nginx-snippet';
import { ingressNoTls } from './ingress-no-tls';
import { ingressSslRedirectDisabled } from './ingress-ssl-redirect-disabled';
import { ingressWildcardHost } from './ingress-wildcard-host';
import { istioGatewayNoTls } from './istio-gateway-no-tls';
import { serviceExternalIps } from './service-external-ips';
import { serviceExternalName } from './service-external-name';
import { serviceLoadbalancerOpen } from './service-loadbalancer-open';
import { serviceNodeport } from './service-nodeport';
import { serviceSourceIpLost } from './service-source-ip-lost';

/** Service, Ingress and Gateway API rules. */
export const SERVICE_RULES: readonly Rule[] = [
  // Services
  serviceNodeport,
  serviceLoadbalancerOpen,
  serviceExternalIps,
  serviceExternalName,
  serviceSourceIpLost,
  // Ingress
  ingressNoTls,
  ingressWildcardHost,
  ingressNginxSnippet,
  ingressSslRedirectDisabled,
  ingressAllowlistOpen,
  ingressBackendTlsUnverified,
  // Gateway API and Istio gateways
  gatewayListenerNoTls,
  gatewayRoutesFromAllNamespaces,
  istioGatewayNoTls,
];
