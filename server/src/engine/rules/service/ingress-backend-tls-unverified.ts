import type { ObjectRule } from '../rule';
import { annotationPath, isIngress, NGINX_ANNOTATION_PREFIX, nginxAnnotation } from '../../ingress/ingress';

const BACKEND_PROTOCOL = NGINX_ANNOTATION_PREFIX + 'backend-protocol';
const TLS_BACKEND_PROTOCOLS: ReadonlySet<string> = new Set(['HTTPS', 'GRPCS']);

export const ingressBackendTlsUnverified: ObjectRule = {
  id: 'ingress-backend-tls-unverified',
  title: "Ingress talks TLS to its backend without verifying the backend's certificate",
  severity: 'info',
  category: 'ingress',
  scope: 'object',
  explanation:
    'With `nginx.ingress.kubernetes.io/backend-protocol: HTTPS` (or `GRPCS`), ingress-nginx encrypts the hop to ' +
    "the pods, but it checks the pods' certificate only when `proxy-ssl-verify` is `\"on\"` (default `\"off\"`). " +
    'Without it the connection is encrypted but not authenticated: anything that can intercept pod traffic (a ' +
    'compromised node, a spoofed endpoint, ARP or DNS tricks inside the cluster) can present any certificate and ' +
    'read or alter the traffic that the configuration suggests is protected.',
  remediation:
    'Set `nginx.ingress.kubernetes.io/proxy-ssl-verify: "on"` and `proxy-ssl-secret: <namespace>/<secret>` with the ' +
    "CA that signs the backend's certificate (and `proxy-ssl-name` when the certificate is not issued for the " +
    'Service name), or use a service mesh that authenticates workloads with mTLS.',
  references: [
    'https://kubernetes.github.io/ingress-nginx/user-guide/nginx-configuration/annotations/#backend-certificate-authentication',
    'https://kubernetes.github.io/ingress-nginx/user-guide/nginx-configuration/annotations/#backend-protocol',
  ],
  examples: {
    insecure: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: vault
  annotations:
    nginx.ingress.kubernetes.io/backend-protocol: HTTPS
spec:
  ingressClassName: nginx
  tls:
    - hosts: [vault.example.com]
      secretName: vault-tls
  rules:
    - host: vault.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service: {name: vault, port: {number: 8200}}
`,
    fixed: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: vault
  annotations:
    nginx.ingress.kubernetes.io/backend-protocol: HTTPS
    nginx.ingress.kubernetes.io/proxy-ssl-verify: "on"
    nginx.ingress.kubernetes.io/proxy-ssl-secret: vault/vault-backend-ca
    nginx.ingress.kubernetes.io/proxy-ssl-name: vault.vault.svc
spec:
  ingressClassName: nginx
  tls:
    - hosts: [vault.example.com]
      secretName: vault-tls
  rules:
    - host: vault.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service: {name: vault, port: {number: 8200}}
`,
  },
  *check(object) {
    if (!isIngress(object)) return;
    const protocol = nginxAnnotation(object, 'backend-protocol')?.trim().toUpperCase();
    if (protocol === undefined || !TLS_BACKEND_PROTOCOLS.has(protocol)) return;
    const verify = nginxAnnotation(object, 'proxy-ssl-verify')?.trim().toLowerCase();
    if (verify === 'on') return;
    yield {
      message: `The ${protocol} connection from ingress-nginx to the backend pods is not authenticated: proxy-ssl-verify is ${verify === undefined ? 'not set (off by default)' : `"${verify}"`}, so any certificate is accepted.`,
      range: object.rangeOf(annotationPath(BACKEND_PROTOCOL)),
    };
  },
};
