import type { ObjectRule } from '../rule';
import { annotationPath, isIngress, NGINX_ANNOTATION_PREFIX } from '../../ingress/ingress';

/**
 * ingress-nginx's `*-snippet` annotations (configuration, server, stream, auth, modsecurity...) and the
 * plural `nginx.org/*-snippets` of the NGINX Inc. controller: raw NGINX configuration.
 */
function isSnippetAnnotation(key: string): boolean {
  if (key.startsWith(NGINX_ANNOTATION_PREFIX)) return /^[a-z0-9-]+-snippets?$/.test(key.slice(NGINX_ANNOTATION_PREFIX.length));
  return /^nginx\.org\/[a-z0-9-]+-snippets$/.test(key);
}

export const ingressNginxSnippet: ObjectRule = {
  id: 'ingress-nginx-snippet',
  title: 'Ingress injects raw NGINX configuration with a snippet annotation',
  severity: 'warning',
  category: 'ingress',
  scope: 'object',
  explanation:
    'Snippet annotations (`nginx.ingress.kubernetes.io/server-snippet`, `configuration-snippet`, `stream-snippet`, ' +
    '`auth-snippet`, `modsecurity-snippet`, and NGINX Inc.\'s `nginx.org/server-snippets` / `location-snippets`) ' +
    'copy their text verbatim into the configuration of the shared ingress controller. Whoever can write an ' +
    'Ingress can then run arbitrary NGINX directives in a process that holds the controller\'s service account ' +
    'token and every TLS Secret it serves: read Secrets of all namespaces (CVE-2021-25742), proxy to internal ' +
    'endpoints, or disable the protections of other Ingresses. The IngressNightmare vulnerabilities ' +
    '(CVE-2025-1974 and related) showed how much damage configuration injection into ingress-nginx can do. Their ' +
    'presence also means the controller runs with `allow-snippet-annotations` enabled, for every Ingress author.',
  remediation:
    'Replace the snippet with the dedicated annotation or controller setting for what it does (headers, redirects, ' +
    'rate limits, auth), then turn snippets off in the controller (`allow-snippet-annotations: "false"`, the default ' +
    'since ingress-nginx 1.9, or `annotations-risk-level` below Critical).',
  references: [
    'https://github.com/kubernetes/ingress-nginx/issues/7837',
    'https://kubernetes.io/blog/2025/03/24/ingress-nginx-cve-2025-1974/',
    'https://kubernetes.github.io/ingress-nginx/user-guide/nginx-configuration/annotations/#configuration-snippet',
    'https://kubernetes.github.io/ingress-nginx/user-guide/nginx-configuration/configmap/#allow-snippet-annotations',
  ],
  examples: {
    insecure: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
  annotations:
    nginx.ingress.kubernetes.io/configuration-snippet: |
      more_set_headers "X-Frame-Options: DENY";
spec:
  ingressClassName: nginx
  tls:
    - hosts: [web.example.com]
      secretName: web-tls
  rules:
    - host: web.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service: {name: web, port: {number: 80}}
`,
    fixed: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
  annotations:
    nginx.ingress.kubernetes.io/custom-headers: ingress-nginx/web-headers
spec:
  ingressClassName: nginx
  tls:
    - hosts: [web.example.com]
      secretName: web-tls
  rules:
    - host: web.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service: {name: web, port: {number: 80}}
`,
  },
  *check(object) {
    if (!isIngress(object)) return;
    for (const key of Object.keys(object.annotations)) {
      if (!isSnippetAnnotation(key)) continue;
      const reach = key.startsWith(NGINX_ANNOTATION_PREFIX)
        ? 'which can read the Secrets of every namespace (CVE-2021-25742)'
        : "which holds the controller's credentials and every TLS Secret it serves";
      yield {
        message: `${key} injects raw NGINX configuration into the shared ingress controller, ${reach}.`,
        range: object.rangeOf(annotationPath(key)),
      };
    }
  },
};
