import type { ObjectRule } from '../rule';
import { defaultBackendKeyOf, hostlessRuleLocation, ingressRulesOf, ingressSpecOf } from '../../ingress/ingress';
import { isWildcardHostname } from '../../net/hostname';

export const ingressWildcardHost: ObjectRule = {
  id: 'ingress-wildcard-host',
  title: 'Ingress answers for any hostname',
  severity: 'info',
  category: 'ingress',
  scope: 'object',
  explanation:
    'An Ingress rule without `host` matches requests for every hostname, including the bare IP address of the ' +
    'load balancer that scanners probe, and a `defaultBackend` receives every request no rule matches. A wildcard ' +
    'host (`*.example.com`) answers for every subdomain, including ones nobody meant to publish. The backend becomes ' +
    'reachable under names that bypass DNS-based access decisions and can capture traffic meant for other hosts of ' +
    'a shared controller. Often intentional for single-application clusters, hence informational.',
  remediation:
    'Give every rule the exact `host` it serves, and drop `defaultBackend` unless the application is meant to be ' +
    'the catch-all of the controller.',
  references: [
    'https://kubernetes.io/docs/concepts/services-networking/ingress/#hostname-wildcards',
    'https://kubernetes.io/docs/concepts/services-networking/ingress/#default-backend',
  ],
  examples: {
    insecure: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: api
spec:
  tls:
    - secretName: api-tls
  rules:
    - http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service: {name: api, port: {number: 8080}}
`,
    fixed: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: api
spec:
  tls:
    - hosts: [api.example.com]
      secretName: api-tls
  rules:
    - host: api.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service: {name: api, port: {number: 8080}}
`,
  },
  *check(object) {
    const spec = ingressSpecOf(object);
    if (!spec) return;
    const name = object.name ?? '(unnamed)';
    const backendKey = defaultBackendKeyOf(spec);
    if (backendKey) {
      yield {
        message: `Ingress "${name}" sends requests for any hostname that no rule matches to its ${backendKey}.`,
        range: object.rangeOf(['spec', backendKey], 'key'),
      };
    }
    for (const rule of ingressRulesOf(spec)) {
      if (rule.host === undefined) {
        const location = hostlessRuleLocation(rule);
        if (!location) continue;
        yield {
          message: `This rule of Ingress "${name}" has no host, so it answers requests for every hostname and for the bare load balancer address.`,
          range: object.rangeOf(location.path, location.part),
        };
      } else if (isWildcardHostname(rule.host)) {
        yield {
          message: `Host ${rule.host} makes Ingress "${name}" answer for every matching subdomain, including unpublished ones.`,
          range: object.rangeOf([...rule.path, 'host'], 'value'),
        };
      }
    }
  },
};
