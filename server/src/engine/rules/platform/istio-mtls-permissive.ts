import { isPlainObject } from '../../manifest/kube-object';
import type { ObjectRule } from '../rule';
import { customResourceSpecOf, upperString } from './custom-resource';
import { istioPolicyScope } from './istio-scope';
import { objectFix } from '../../fixes/object-fix';

// UNSET inherits from the parent policy (namespace, then mesh) and STRICT is the goal: neither is reported.
const CONSEQUENCES: Record<string, string> = {
  PERMISSIVE: 'accepts plaintext connections besides mutual TLS, so any client, in the mesh or not, can connect unauthenticated and unencrypted',
  DISABLE: 'turns mutual TLS off, so connections are plaintext and peers are not authenticated',
};

export const istioMtlsPermissive: ObjectRule = {
  id: 'istio-mtls-permissive',
  title: 'Istio PeerAuthentication accepts plaintext traffic',
  severity: 'warning',
  category: 'service-mesh',
  scope: 'object',
  explanation:
    'A PeerAuthentication sets whether the workloads it applies to require mutual TLS. `PERMISSIVE` accepts both ' +
    'mTLS and plaintext, and `DISABLE` accepts plaintext only, for the whole policy (`mtls.mode`) or for single ports ' +
    '(`portLevelMtls`). Plaintext connections carry no client identity, so anyone who can reach the pod, in the mesh ' +
    'or outside it, can connect without authentication, and the traffic can be read or altered on the network. ' +
    'Principal- and namespace-based AuthorizationPolicy rules cannot match such connections.',
  remediation:
    'Set `mtls.mode: STRICT` (and `STRICT` or `UNSET` per port) once every client has a sidecar or runs in the ambient ' +
    'mesh. Keep `PERMISSIVE` only for a migration period, narrowed with a `selector` and with a dated plan to remove it.',
  references: [
    'https://istio.io/latest/docs/reference/config/security/peer_authentication/',
    'https://istio.io/latest/docs/tasks/security/authentication/mtls-migration/',
    'https://istio.io/latest/docs/concepts/security/#peer-authentication',
  ],
  examples: {
    insecure: `apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata:
  name: default
  namespace: payments
spec:
  mtls:
    mode: PERMISSIVE
`,
    fixed: `apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata:
  name: default
  namespace: payments
spec:
  mtls:
    mode: STRICT
`,
  },
  *check(object) {
    const spec = customResourceSpecOf(object, ['PeerAuthentication'], ['security.istio.io']);
    if (!spec) return;
    const scope = istioPolicyScope(object, spec);
    if (isPlainObject(spec.mtls)) {
      const mode = upperString(spec.mtls.mode);
      if (mode && CONSEQUENCES[mode]) {
        yield {
          path: ['spec', 'mtls', 'mode'],
          message: `mTLS mode ${mode} applies to ${scope}: it ${CONSEQUENCES[mode]}.`,
          range: object.rangeOf(['spec', 'mtls', 'mode']),
        };
      }
    }
    if (!isPlainObject(spec.portLevelMtls)) return;
    for (const [port, setting] of Object.entries(spec.portLevelMtls)) {
      const mode = isPlainObject(setting) ? upperString(setting.mode) : undefined;
      if (!mode || !CONSEQUENCES[mode]) continue;
      yield {
        path: ['spec', 'portLevelMtls', port, 'mode'],
        data: { port },
        message: `mTLS mode ${mode} on port ${port} of ${scope}: the port ${CONSEQUENCES[mode]}.`,
        range: object.rangeOf(['spec', 'portLevelMtls', port, 'mode']),
      };
    }
  },
  *fixes(input) {
    const path = input.report.path;
    if (!path) return;
    const port = input.report.data?.port;
    const title = typeof port === 'string' ? `Set the mTLS mode of port ${port} to STRICT` : 'Set mtls.mode to STRICT';
    yield* objectFix(input, title, (editor) => editor.replaceScalar(path, 'STRICT'), { preferred: true });
  },
};
