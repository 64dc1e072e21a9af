import { isPlainObject, type KubeObject } from '../../manifest/kube-object';
import type { ObjectRule } from '../rule';
import { defaultBackendKeyOf, hostlessRuleLocation, ingressRulesOf, ingressSpecOf, isGoTrue } from '../../ingress/ingress';
import { hostnameCovers } from '../../net/hostname';
import { objectFix } from '../../fixes/object-fix';

const SECRET_NOTE = '(placeholder: create the certificate Secret)';

export const ingressNoTls: ObjectRule = {
  id: 'ingress-no-tls',
  title: 'Ingress serves hosts without TLS',
  severity: 'warning',
  category: 'ingress',
  scope: 'object',
  explanation:
    'An Ingress terminates TLS only for the hosts listed in its `spec.tls` entries (a wildcard such as ' +
    '`*.example.com` covers exactly one label, as a certificate does). Without `spec.tls`, or for a rule host that no ' +
    'entry covers, the controller serves the host over plain HTTP: credentials, session cookies and data cross the ' +
    'network readable and modifiable by anyone on the path. TLS configured on the cloud load balancer instead (AWS ALB ' +
    '`certificate-arn` or HTTPS `listen-ports`, GKE pre-shared or managed certificates, Azure Application Gateway ' +
    'certificates, Traefik `router.tls`) or passed through to the backend (ingress-nginx `ssl-passthrough`) is ' +
    'recognised. Controllers such as ingress-nginx merge the Ingresses of a host, so TLS set up by another Ingress ' +
    'for the same host also applies.',
  remediation:
    'Add a `spec.tls` entry listing every rule host with the Secret holding its certificate (cert-manager can ' +
    'issue and renew it), and keep the HTTP-to-HTTPS redirect of the controller enabled.',
  references: [
    'https://kubernetes.io/docs/concepts/services-networking/ingress/#tls',
    'https://cert-manager.io/docs/usage/ingress/',
  ],
  examples: {
    insecure: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
spec:
  ingressClassName: nginx
  rules:
    - host: shop.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service: {name: shop, port: {number: 80}}
`,
    fixed: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
spec:
  ingressClassName: nginx
  tls:
    - hosts: [shop.example.com]
      secretName: shop-tls
  rules:
    - host: shop.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service: {name: shop, port: {number: 80}}
`,
  },
  *check(object) {
    const spec = ingressSpecOf(object);
    if (!spec || hasControllerTls(object)) return;
    const name = object.name ?? '(unnamed)';
    const entries = Array.isArray(spec.tls) ? spec.tls.filter(isPlainObject) : [];
    if (entries.length === 0) {
      // The whole Ingress is plaintext: one finding where its routing starts.
      const key = Array.isArray(spec.rules) && spec.rules.length > 0 ? 'rules' : defaultBackendKeyOf(spec);
      if (!key) return;
      const rules = ingressRulesOf(spec);
      const hosts = [...new Set(rules.flatMap((rule) => (rule.host === undefined ? [] : [rule.host])))];
      yield {
        path: ['spec', 'tls'],
        data: { hosts, hostless: rules.some((rule) => rule.host === undefined) },
        message: `Ingress "${name}" has no spec.tls, so its traffic is served over plain HTTP unless another Ingress sets up TLS for the same hosts.`,
        range: object.rangeOf(['spec', key], 'key'),
      };
      return;
    }
    // A TLS entry without hosts applies to the controller's default (wildcard) host: it covers everything.
    if (entries.some((entry) => !Array.isArray(entry.hosts) || entry.hosts.length === 0)) return;
    const tlsHosts = entries.flatMap((entry) => (entry.hosts as unknown[]).filter((host): host is string => typeof host === 'string'));
    for (const rule of ingressRulesOf(spec)) {
      if (rule.host === undefined) {
        // TLS entries with hosts do not apply to the controller's catch-all server, where host-less rules go.
        const location = hostlessRuleLocation(rule);
        if (!location) continue;
        yield {
          message: `This rule of Ingress "${name}" has no host, and TLS is configured only for named hosts, so it is served over plain HTTP.`,
          range: object.rangeOf(location.path, location.part),
        };
        continue;
      }
      if (tlsHosts.some((pattern) => hostnameCovers(pattern, rule.host, 'one-label'))) continue;
      yield {
        path: ['spec', 'tls'],
        data: { host: rule.host },
        message: `Host ${rule.host} is not listed in any spec.tls entry of Ingress "${name}", so it is served over plain HTTP unless another Ingress sets up TLS for it.`,
        range: object.rangeOf([...rule.path, 'host'], 'value'),
      };
    }
  },
  // Not preferred: until the Secret exists the controller serves its default certificate, and the
  // redirect it turns on for TLS hosts then sends every client to it.
  *fixes(input) {
    const { path, data } = input.report;
    if (!path || !data) return;
    const ingressName = input.object?.name ?? 'ingress';
    if (typeof data.host === 'string') {
      const secretName = `${secretNameOf(data.host)}-tls`;
      yield* objectFix(input, `Add a spec.tls entry for ${data.host} with Secret ${secretName} ${SECRET_NOTE}`, (editor) => editor.append(path, { hosts: [data.host], secretName }));
      return;
    }
    const hosts = Array.isArray(data.hosts) ? (data.hosts as string[]) : [];
    const secretName = `${ingressName}-tls`;
    if (hosts.length === 0) {
      // No rule names a host: an entry without hosts is the one for the controller's catch-all server.
      yield* objectFix(input, `Add spec.tls with Secret ${secretName} ${SECRET_NOTE}`, (editor) => editor.append(path, { secretName }));
      return;
    }
    // Host-less rules beside named hosts would stay plaintext behind a TLS entry that lists hosts.
    if (data.hostless === true) return;
    yield* objectFix(input, `Add spec.tls for ${hosts.join(', ')} with Secret ${secretName} ${SECRET_NOTE}`, (editor) => editor.append(path, { hosts, secretName }));
  },
};

/** A Secret name from a host name: `*.shop.example.com` gives `wildcard-shop-example-com`. */
function secretNameOf(host: string): string {
  return host
    .toLowerCase()
    .replace(/^\*\./, 'wildcard.')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** TLS set up by the controller or cloud load balancer from annotations, without `spec.tls`. */
function hasControllerTls(object: KubeObject): boolean {
  const annotation = (key: string): string => object.annotations[key]?.trim() ?? '';
  return (
    annotation('alb.ingress.kubernetes.io/certificate-arn') !== '' ||
    /https/i.test(annotation('alb.ingress.kubernetes.io/listen-ports')) ||
    annotation('ingress.gcp.kubernetes.io/pre-shared-cert') !== '' ||
    annotation('networking.gke.io/managed-certificates') !== '' ||
    annotation('appgw.ingress.kubernetes.io/appgw-ssl-certificate') !== '' ||
    isGoTrue(annotation('traefik.ingress.kubernetes.io/router.tls')) ||
    isGoTrue(annotation('nginx.ingress.kubernetes.io/ssl-passthrough'))
  );
}
