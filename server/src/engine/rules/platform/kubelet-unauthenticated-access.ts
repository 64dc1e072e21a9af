import { isPlainObject } from '../../manifest/kube-object';
import type { ObjectRule } from '../rule';
import { objectFix } from '../../fixes/object-fix';

export const kubeletUnauthenticatedAccess: ObjectRule = {
  id: 'kubelet-unauthenticated-access',
  title: 'KubeletConfiguration opens the kubelet API without authentication',
  severity: 'error',
  category: 'control-plane',
  scope: 'object',
  explanation:
    'Every node runs the kubelet API on port 10250: it lists pods, streams logs and runs commands in containers. In ' +
    'a KubeletConfiguration, `authentication.anonymous.enabled: true` accepts requests without credentials, ' +
    '`authorization.mode: AlwaysAllow` lets every accepted request do anything (together: remote command execution ' +
    'in every pod of the node for anyone who reaches it), and a non-zero `readOnlyPort` (historically 10255) serves ' +
    'pod specs and node data with no authentication at all. Pods, not only outsiders, can usually reach their node.',
  remediation:
    'Set `authentication.anonymous.enabled: false`, `authentication.webhook.enabled: true`, ' +
    '`authorization.mode: Webhook` and `readOnlyPort: 0` (the configuration-file defaults), and scrape metrics ' +
    'through the authenticated port.',
  references: [
    'https://kubernetes.io/docs/reference/access-authn-authz/kubelet-authn-authz/',
    'https://kubernetes.io/docs/reference/config-api/kubelet-config.v1beta1/',
    'https://kubernetes.io/docs/tasks/administer-cluster/kubelet-config-file/',
  ],
  examples: {
    insecure: `apiVersion: kubelet.config.k8s.io/v1beta1
kind: KubeletConfiguration
readOnlyPort: 10255
authentication:
  anonymous:
    enabled: true
authorization:
  mode: AlwaysAllow
`,
    fixed: `apiVersion: kubelet.config.k8s.io/v1beta1
kind: KubeletConfiguration
readOnlyPort: 0
authentication:
  anonymous:
    enabled: false
  webhook:
    enabled: true
authorization:
  mode: Webhook
`,
  },
  *check(object) {
    if (object.kind !== 'KubeletConfiguration') return;
    if (object.apiGroup !== undefined && object.apiGroup !== 'kubelet.config.k8s.io') return;
    // Only written settings count: the configuration-file defaults are the secure values.
    const readOnlyPort = object.get(['readOnlyPort']);
    if ((typeof readOnlyPort === 'number' || typeof readOnlyPort === 'string') && /^\d+$/.test(String(readOnlyPort).trim()) && Number(readOnlyPort) !== 0) {
      yield {
        path: ['readOnlyPort'],
        message: `readOnlyPort: ${String(readOnlyPort)} serves the kubelet's read-only API without authentication: anyone who reaches the node can list its pods and their specs.`,
        range: object.rangeOf(['readOnlyPort']),
      };
    }
    const anonymous = object.get(['authentication', 'anonymous']);
    if (isPlainObject(anonymous) && (anonymous.enabled === true || String(anonymous.enabled).toLowerCase() === 'true')) {
      yield {
        path: ['authentication', 'anonymous', 'enabled'],
        message: 'authentication.anonymous.enabled: true accepts requests to the kubelet API (port 10250) without credentials, as system:anonymous.',
        range: object.rangeOf(['authentication', 'anonymous', 'enabled']),
      };
    }
    const mode = object.get(['authorization', 'mode']);
    if (typeof mode === 'string' && mode.trim().toLowerCase() === 'alwaysallow') {
      yield {
        message: 'authorization.mode: AlwaysAllow lets every request the kubelet accepts run commands in its pods, read their logs and list them.',
        range: object.rangeOf(['authorization', 'mode']),
      };
    }
  },
  // authorization.mode gets no fix: Webhook authorization asks the API server about every request,
  // and the API server's own user (logs, exec) then needs RBAC rights not every cluster grants it.
  *fixes(input) {
    const path = input.report.path;
    if (!path || !input.object) return;
    if (path[0] === 'readOnlyPort') {
      yield* objectFix(input, 'Set readOnlyPort: 0', (editor) => editor.replaceScalar(path, 0), { preferred: true });
      return;
    }
    // The API server reaches the kubelet with a client certificate: without a CA to check it, turning
    // anonymous access off would lock it out (no more logs, exec or port-forward).
    const clientCaFile = input.object.get(['authentication', 'x509', 'clientCAFile']);
    if (typeof clientCaFile !== 'string' || clientCaFile.trim() === '') return;
    yield* objectFix(input, 'Set authentication.anonymous.enabled: false', (editor) => editor.replaceScalar(path, false), { preferred: true });
  },
};
