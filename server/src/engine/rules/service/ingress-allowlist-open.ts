import type { ObjectRule } from '../rule';
import { annotationPath, isIngress, NGINX_ANNOTATION_PREFIX } from '../../ingress/ingress';
import { admitsWholeInternet } from '../../services/load-balancer';

/** The current name and the deprecated one; both are read by ingress-nginx. */
const ALLOWLIST_ANNOTATIONS = ['allowlist-source-range', 'whitelist-source-range'].map((name) => NGINX_ANNOTATION_PREFIX + name);

export const ingressAllowlistOpen: ObjectRule = {
  id: 'ingress-allowlist-open',
  title: 'Ingress source allow-list admits the whole internet',
  severity: 'warning',
  category: 'ingress',
  scope: 'object',
  explanation:
    'ingress-nginx answers only clients whose address is in `nginx.ingress.kubernetes.io/allowlist-source-range` ' +
    '(formerly `whitelist-source-range`), a comma-separated list of CIDRs. An entry `0.0.0.0/0` (every IPv4 ' +
    'address) or `::/0` (every IPv6 address) makes the list admit everyone of that family: the Ingress looks ' +
    'restricted in review, but is not. It is usually a leftover from debugging or a template default.',
  remediation:
    'List only the networks that need access (office, VPN, partner ranges). To make the Ingress public on ' +
    'purpose, remove the annotation instead of allowing everything.',
  references: [
    'https://kubernetes.github.io/ingress-nginx/user-guide/nginx-configuration/annotations/#allowlist-source-range',
  ],
  examples: {
    insecure: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: admin
  annotations:
    nginx.ingress.kubernetes.io/allowlist-source-range: "10.0.0.0/8, 0.0.0.0/0"
spec:
  ingressClassName: nginx
  tls:
    - hosts: [admin.example.com]
      secretName: admin-tls
  rules:
    - host: admin.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service: {name: admin, port: {number: 80}}
`,
    fixed: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: admin
  annotations:
    nginx.ingress.kubernetes.io/allowlist-source-range: "10.0.0.0/8, 203.0.113.0/24"
spec:
  ingressClassName: nginx
  tls:
    - hosts: [admin.example.com]
      secretName: admin-tls
  rules:
    - host: admin.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service: {name: admin, port: {number: 80}}
`,
  },
  *check(object) {
    if (!isIngress(object)) return;
    for (const key of ALLOWLIST_ANNOTATIONS) {
      const value = object.annotations[key];
      if (value === undefined) continue;
      const open = value
        .split(',')
        .map((entry) => entry.trim())
        .filter(admitsWholeInternet);
      if (open.length === 0) continue;
      yield {
        message: `${key} contains ${open.join(' and ')}, so the allow-list admits every ${describeFamilies(open)} address.`,
        range: object.rangeOf(annotationPath(key), 'value'),
      };
    }
  },
};

function describeFamilies(ranges: string[]): string {
  const families = new Set(ranges.map((range) => (range.includes(':') ? 'IPv6' : 'IPv4')));
  return [...families].join(' and ');
}
