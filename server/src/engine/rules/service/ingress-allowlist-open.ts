import type { ObjectRule } from '../rule';
import { annotationPath, isIngress, NGINX_ANNOTATION_PREFIX } from '../../ingress/ingress';
import { admitsWholeInternet } from '../../services/load-balancer';
import { objectFix } from '../../fixes/object-fix';
import { rewriteCommaList } from './comma-list';
import { PLACEHOLDER_NOTE, placeholderRangeFor } from './source-range-placeholder';

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
        path: annotationPath(key),
        data: { annotation: key, open },
        message: `${key} contains ${open.join(' and ')}, so the allow-list admits every ${describeFamilies(open)} address.`,
        range: object.rangeOf(annotationPath(key), 'value'),
      };
    }
  },
  // Removing the annotation would only make the Ingress openly public (and open it to the family the
  // list did not cover), so it is not offered; neither fix is preferred: who may connect is the author's call.
  *fixes(input) {
    const { path, data } = input.report;
    const key = data?.annotation;
    const value = typeof key === 'string' ? input.object?.annotations[key] : undefined;
    if (!path || value === undefined || !Array.isArray(data?.open)) return;
    const open = new Set(data.open as string[]);
    const placeholders = [...new Set([...open].map((range) => placeholderRangeFor(range)))];
    const replaced = rewriteCommaList(value, (entry) => (open.has(entry) ? placeholderRangeFor(entry) : undefined));
    yield* objectFix(input, `Replace ${[...open].join(' and ')} with ${placeholders.join(' and ')} ${PLACEHOLDER_NOTE}`, (editor) => editor.replaceScalar(path, replaced));
    const remaining = rewriteCommaList(value, (entry) => (open.has(entry) ? null : undefined));
    if (remaining.trim() !== '') yield* objectFix(input, `Remove ${[...open].join(' and ')}, keeping the other ranges`, (editor) => editor.replaceScalar(path, remaining));
  },
};

function describeFamilies(ranges: string[]): string {
  const families = new Set(ranges.map((range) => (range.includes(':') ? 'IPv6' : 'IPv4')));
  return [...families].join(' and ');
}
