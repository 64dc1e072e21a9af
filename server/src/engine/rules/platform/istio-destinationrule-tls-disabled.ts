import { isPlainObject, type KubeObject, type PlainObject } from '../../manifest/kube-object';
import type { ObjectPath } from '../../manifest/yaml-path';
import type { ObjectRule, Report } from '../rule';
import { customResourceSpecOf, upperString } from './custom-resource';
import { objectFix } from '../../fixes/object-fix';

// With these the author set up TLS to a destination outside the mesh: Istio's own certificates
// (ISTIO_MUTUAL) would not be what that destination expects.
const OWN_CERTIFICATE_FIELDS = ['clientCertificate', 'privateKey', 'caCertificates', 'credentialName', 'caCrl'];

export const istioDestinationruleTlsDisabled: ObjectRule = {
  id: 'istio-destinationrule-tls-disabled',
  title: 'Istio DestinationRule turns TLS off',
  severity: 'warning',
  category: 'service-mesh',
  scope: 'object',
  explanation:
    "A DestinationRule's `tls.mode: DISABLE` tells client sidecars to send traffic to the host in plaintext. It " +
    "overrides Istio's automatic mutual TLS, so requests to workloads that have a sidecar are no longer encrypted nor " +
    'authenticated: they can be read or altered on the network, and a destination that enforces `STRICT` mTLS rejects ' +
    'them, which often leads to weakening the PeerAuthentication as well. The setting applies per policy, per port ' +
    '(`portLevelSettings`) and per subset.',
  remediation:
    'Use `tls.mode: ISTIO_MUTUAL` for hosts in the mesh, or remove the `tls` block to let automatic mTLS decide. For ' +
    'external services use `SIMPLE` (TLS origination) or `MUTUAL`; keep `DISABLE` only for destinations that cannot ' +
    'speak TLS at all, narrowed to their port.',
  references: [
    'https://istio.io/latest/docs/reference/config/networking/destination-rule/#ClientTLSSettings-TLSmode',
    'https://istio.io/latest/docs/concepts/security/#mutual-tls-authentication',
    'https://istio.io/latest/docs/ops/configuration/traffic-management/tls-configuration/',
  ],
  examples: {
    insecure: `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: reviews
  namespace: bookinfo
spec:
  host: reviews.bookinfo.svc.cluster.local
  trafficPolicy:
    tls:
      mode: DISABLE
`,
    fixed: `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: reviews
  namespace: bookinfo
spec:
  host: reviews.bookinfo.svc.cluster.local
  trafficPolicy:
    tls:
      mode: ISTIO_MUTUAL
`,
  },
  *check(object) {
    const spec = customResourceSpecOf(object, ['DestinationRule'], ['networking.istio.io']);
    if (!spec) return;
    const host = typeof spec.host === 'string' ? `"${spec.host}"` : 'the host';
    const policies: { path: ObjectPath; policy: unknown; subset?: string }[] = [{ path: ['spec', 'trafficPolicy'], policy: spec.trafficPolicy }];
    if (Array.isArray(spec.subsets)) {
      spec.subsets.forEach((subset: unknown, index) => {
        if (!isPlainObject(subset)) return;
        const name = typeof subset.name === 'string' ? `"${subset.name}"` : `#${index}`;
        policies.push({ path: ['spec', 'subsets', index, 'trafficPolicy'], policy: subset.trafficPolicy, subset: name });
      });
    }
    for (const { path, policy, subset } of policies) {
      if (!isPlainObject(policy)) continue;
      const target = subset === undefined ? host : `subset ${subset} of ${host}`;
      if (disablesTls(policy)) yield report(object, [...path, 'tls', 'mode'], target);
      if (!Array.isArray(policy.portLevelSettings)) continue;
      for (const [index, setting] of policy.portLevelSettings.entries()) {
        if (!isPlainObject(setting) || !disablesTls(setting)) continue;
        const port = isPlainObject(setting.port) && setting.port.number !== undefined ? ` on port ${String(setting.port.number)}` : '';
        yield report(object, [...path, 'portLevelSettings', index, 'tls', 'mode'], `${target}${port}`);
      }
    }
  },
  *fixes(input) {
    const path = input.report.path;
    if (!path || !input.object) return;
    const tlsPath = path.slice(0, -1);
    const tls = input.object.get(tlsPath);
    if (isPlainObject(tls) && !OWN_CERTIFICATE_FIELDS.some((field) => tls[field] !== undefined)) {
      yield* objectFix(input, 'Set tls.mode to ISTIO_MUTUAL', (editor) => editor.replaceScalar(path, 'ISTIO_MUTUAL'), { preferred: true });
    }
    yield* objectFix(input, "Remove tls (Istio's automatic mutual TLS applies)", (editor) => editor.remove(tlsPath));
  },
};

function disablesTls(settings: PlainObject): boolean {
  return isPlainObject(settings.tls) && upperString(settings.tls.mode) === 'DISABLE';
}

function report(object: KubeObject, path: ObjectPath, target: string): Report {
  return {
    path,
    message: `tls.mode DISABLE sends traffic to ${target} in plaintext, overriding Istio's automatic mutual TLS: it is neither encrypted nor authenticated.`,
    range: object.rangeOf(path),
  };
}
