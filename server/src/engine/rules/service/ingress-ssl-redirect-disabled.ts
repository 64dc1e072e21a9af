import { isPlainObject } from '../../manifest/kube-object';
import type { ObjectRule } from '../rule';
import { annotationPath, isGoFalse, isGoTrue, isIngress, NGINX_ANNOTATION_PREFIX, nginxAnnotation } from '../../ingress/ingress';
import { objectFix } from '../../fixes/object-fix';
import type { YamlEditor } from '../../fixes/yaml-editor';

const SSL_REDIRECT = NGINX_ANNOTATION_PREFIX + 'ssl-redirect';
const FORCE_SSL_REDIRECT = NGINX_ANNOTATION_PREFIX + 'force-ssl-redirect';

export const ingressSslRedirectDisabled: ObjectRule = {
  id: 'ingress-ssl-redirect-disabled',
  title: 'Ingress turns off the HTTP-to-HTTPS redirect',
  severity: 'warning',
  category: 'ingress',
  scope: 'object',
  explanation:
    'ingress-nginx redirects plain HTTP requests to HTTPS for hosts that have TLS (`ssl-redirect`, on by default), ' +
    'and for all hosts when `force-ssl-redirect` is on (globally, or on the Ingress). Setting ' +
    '`nginx.ingress.kubernetes.io/ssl-redirect: "false"` on an Ingress with TLS, or `force-ssl-redirect: "false"` ' +
    'where that leaves no redirect, keeps the application answering over plain HTTP: clients that type the bare ' +
    'name or follow an old link send cookies and credentials in clear text, and an attacker on the path can strip ' +
    'TLS. The annotations are reported only where they actually remove a redirect.',
  remediation:
    'Remove the annotation (or set it to `"true"`). If TLS is terminated before ingress-nginx, use ' +
    '`force-ssl-redirect: "true"` with `use-forwarded-headers` so the redirect follows `X-Forwarded-Proto`.',
  references: [
    'https://kubernetes.github.io/ingress-nginx/user-guide/nginx-configuration/annotations/#server-side-https-enforcement-through-redirect',
    'https://cheatsheetseries.owasp.org/cheatsheets/Transport_Layer_Security_Cheat_Sheet.html',
  ],
  examples: {
    insecure: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: portal
  annotations:
    nginx.ingress.kubernetes.io/ssl-redirect: "false"
spec:
  ingressClassName: nginx
  tls:
    - hosts: [portal.example.com]
      secretName: portal-tls
  rules:
    - host: portal.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service: {name: portal, port: {number: 80}}
`,
    fixed: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: portal
spec:
  ingressClassName: nginx
  tls:
    - hosts: [portal.example.com]
      secretName: portal-tls
  rules:
    - host: portal.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service: {name: portal, port: {number: 80}}
`,
  },
  *check(object) {
    if (!isIngress(object)) return;
    const tls = object.get(['spec', 'tls']);
    const sslRedirect = nginxAnnotation(object, 'ssl-redirect');
    const forceSslRedirect = nginxAnnotation(object, 'force-ssl-redirect');
    const hasTls = Array.isArray(tls) && tls.some(isPlainObject);
    // ingress-nginx redirects when force-ssl-redirect is on, or when the host has TLS and ssl-redirect is on.
    const redirectsThroughTls = hasTls && !isGoFalse(sslRedirect);
    if (isGoFalse(sslRedirect) && hasTls && !isGoTrue(forceSslRedirect)) {
      yield {
        path: annotationPath(SSL_REDIRECT),
        data: { annotation: SSL_REDIRECT, hasTls },
        message: `${NGINX_ANNOTATION_PREFIX}ssl-redirect: "${sslRedirect}" stops the redirect to HTTPS, so the TLS hosts of this Ingress still answer over plain HTTP.`,
        range: object.rangeOf(annotationPath(NGINX_ANNOTATION_PREFIX + 'ssl-redirect')),
      };
    }
    if (isGoFalse(forceSslRedirect) && !redirectsThroughTls) {
      yield {
        path: annotationPath(FORCE_SSL_REDIRECT),
        data: { annotation: FORCE_SSL_REDIRECT, hasTls },
        message: `${NGINX_ANNOTATION_PREFIX}force-ssl-redirect: "${forceSslRedirect}" overrides any controller-wide forced redirect, so this Ingress answers over plain HTTP.`,
        range: object.rangeOf(annotationPath(NGINX_ANNOTATION_PREFIX + 'force-ssl-redirect')),
      };
    }
  },
  *fixes(input) {
    const { path, data } = input.report;
    if (!path || !data) return;
    const set = (editor: YamlEditor) => editor.replaceScalar(path, 'true');
    if (data.annotation === SSL_REDIRECT) {
      // "true" holds even where the controller's ConfigMap turned the redirect off; removing the
      // annotation falls back to that ConfigMap, whose default redirects.
      yield* objectFix(input, `Set ${SSL_REDIRECT} to "true"`, set, { preferred: true });
      yield* objectFix(input, `Remove ${SSL_REDIRECT} (ingress-nginx redirects TLS hosts by default)`, (editor) => editor.remove(path));
      return;
    }
    // Removing the override lets a controller-wide forced redirect apply again. Forcing it here is
    // offered only with TLS on the Ingress: without it the redirect would lead to a host with no certificate.
    yield* objectFix(input, `Remove ${FORCE_SSL_REDIRECT} (the controller-wide setting applies)`, (editor) => editor.remove(path), { preferred: true });
    if (data.hasTls === true) yield* objectFix(input, `Set ${FORCE_SSL_REDIRECT} to "true"`, set);
  },
};
