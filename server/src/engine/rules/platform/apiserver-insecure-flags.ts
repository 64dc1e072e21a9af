import { componentInvocationsOf, lastFlag, type ComponentFlag, type ControlPlaneComponent } from '../../control-plane/component-flags';
import type { ObjectRule } from '../rule';
import { flagRange } from './flag-range';
import { objectFix } from '../../fixes/object-fix';
import { setFlagValue } from './flag-edit';

interface FlagCheck {
  flag: string;
  components: readonly ControlPlaneComponent[];
  /** Whether the value (undefined: the flag written alone) is insecure. */
  insecure(value: string | undefined): boolean;
  consequence(component: ControlPlaneComponent): string;
}

// Go's strconv.ParseBool, which the components use for boolean flags.
const isTrue = (value: string | undefined) => value === undefined || ['1', 't', 'true'].includes(value.trim().toLowerCase());
const isFalse = (value: string | undefined) => value !== undefined && ['0', 'f', 'false'].includes(value.trim().toLowerCase());
const isOpenPort = (value: string | undefined) => value !== undefined && /^\d+$/.test(value.trim()) && Number(value) !== 0;

/**
 * Only flags that are written are checked. Defaults are not reported: `--anonymous-auth` and
 * `--profiling` default to true on kube-apiserver (and profiling on the controller manager and the
 * scheduler), which would flag every control plane; RBAC and authorization on the secure port
 * already limit what those defaults expose.
 */
const CHECKS: readonly FlagCheck[] = [
  {
    flag: 'anonymous-auth',
    components: ['kube-apiserver', 'kubelet'],
    insecure: isTrue,
    consequence: (component) =>
      component === 'kubelet'
        ? 'accepts unauthenticated requests to the kubelet API (port 10250) as system:anonymous'
        : 'accepts unauthenticated requests as system:anonymous, so every RBAC grant to system:unauthenticated is public',
  },
  {
    flag: 'authorization-mode',
    components: ['kube-apiserver', 'kubelet'],
    insecure: (value) => value !== undefined && value.split(',').some((mode) => mode.trim().toLowerCase() === 'alwaysallow'),
    consequence: (component) =>
      component === 'kubelet'
        ? 'lets every client the kubelet authenticates run commands in its pods and read their logs'
        : 'authorizes every authenticated request, so every user and service account is effectively cluster-admin',
  },
  {
    flag: 'insecure-port',
    components: ['kube-apiserver'],
    insecure: isOpenPort,
    consequence: () => 'serves the Kubernetes API over plain HTTP without authentication or authorization: whoever reaches the port controls the cluster',
  },
  {
    flag: 'port',
    components: ['kube-controller-manager', 'kube-scheduler'],
    insecure: isOpenPort,
    consequence: (component) => `serves ${component}'s HTTP endpoints (metrics, profiling, configuration) without TLS, authentication or authorization`,
  },
  {
    flag: 'read-only-port',
    components: ['kubelet'],
    insecure: isOpenPort,
    consequence: () => "serves the kubelet's read-only API without authentication: anyone who reaches the node can list its pods and their specs",
  },
  {
    flag: 'kubelet-https',
    components: ['kube-apiserver'],
    insecure: isFalse,
    consequence: () => 'makes kube-apiserver call kubelets over plain HTTP: exec sessions, logs and credentials cross the network unencrypted',
  },
  {
    flag: 'profiling',
    components: ['kube-apiserver', 'kube-controller-manager', 'kube-scheduler'],
    insecure: isTrue,
    consequence: (component) => `exposes ${component}'s Go profiling endpoints (/debug/pprof), which reveal internals and can be used to slow the component down`,
  },
];

export const apiserverInsecureFlags: ObjectRule = {
  id: 'apiserver-insecure-flags',
  title: 'Control-plane component started with an insecure flag',
  severity: 'warning',
  category: 'control-plane',
  scope: 'object',
  explanation:
    'Some command-line flags of kube-apiserver, kube-controller-manager, kube-scheduler and the kubelet open ' +
    'unauthenticated or unencrypted access over the network: `--insecure-port` (plain-HTTP API without any ' +
    'authorization), `--authorization-mode=AlwaysAllow`, `--anonymous-auth=true`, the kubelet `--read-only-port`, ' +
    'the old insecure `--port` of the controller manager and scheduler, `--kubelet-https=false`, and ' +
    '`--profiling=true`. Anyone who reaches these ports can read cluster state or take control of it. Flags are read ' +
    'from static pod commands and from kubeadm `extraArgs` (also in Cluster API objects).',
  remediation:
    'Remove the flag or set the secure value: `--insecure-port=0` (or upgrade: the flag is gone since 1.24), ' +
    '`--authorization-mode=Node,RBAC`, `--anonymous-auth=false` where anonymous health checks are not needed, ' +
    '`--read-only-port=0`, `--port=0`, `--profiling=false`.',
  references: [
    'https://kubernetes.io/docs/reference/command-line-tools-reference/kube-apiserver/',
    'https://kubernetes.io/docs/reference/access-authn-authz/kubelet-authn-authz/',
    'https://kubernetes.io/docs/concepts/security/controlling-access/',
    'https://kubernetes.io/docs/reference/access-authn-authz/authentication/#anonymous-requests',
  ],
  examples: {
    insecure: `apiVersion: v1
kind: Pod
metadata:
  name: kube-apiserver
  namespace: kube-system
spec:
  hostNetwork: true
  containers:
    - name: kube-apiserver
      image: registry.k8s.io/kube-apiserver:v1.31.0
      command:
        - kube-apiserver
        - --anonymous-auth=true
        - --authorization-mode=AlwaysAllow
`,
    fixed: `apiVersion: v1
kind: Pod
metadata:
  name: kube-apiserver
  namespace: kube-system
spec:
  hostNetwork: true
  containers:
    - name: kube-apiserver
      image: registry.k8s.io/kube-apiserver:v1.31.0
      command:
        - kube-apiserver
        - --anonymous-auth=false
        - --authorization-mode=Node,RBAC
`,
  },
  *check(object) {
    for (const invocation of componentInvocationsOf(object)) {
      for (const [index, flag] of invocation.flags.entries()) {
        // A repeated flag takes its last value.
        if (invocation.flags.slice(index + 1).some((later) => later.name === flag.name)) continue;
        const check = CHECKS.find((candidate) => candidate.flag === flag.name && candidate.components.includes(invocation.component));
        if (!check || !check.insecure(flag.value)) continue;
        yield {
          path: flag.path,
          data: { flag, component: invocation.component, clientCa: (lastFlag(invocation, 'client-ca-file')?.value ?? '').trim() !== '' },
          message: `${written(flag)} on ${invocation.component} (${invocation.source}) ${check.consequence(invocation.component)}.`,
          range: flagRange(object, flag),
        };
      }
    }
  },
  // Only values that switch off what nothing else relies on are offered. Not the others:
  // --insecure-port and --port served the health checks of older control planes, the API server's
  // anonymous access serves kubeadm's liveness probes, and another --authorization-mode needs RBAC
  // rights only the author can grant.
  *fixes(input) {
    const data = input.report.data;
    const flag = data?.flag as ComponentFlag | undefined;
    const object = input.object;
    if (!flag || !object) return;
    const secure = secureValueOf(flag.name, data?.component as ControlPlaneComponent, data?.clientCa === true);
    if (secure === undefined) return;
    yield* objectFix(input, `Set --${flag.name}=${secure}`, (editor) => setFlagValue(editor, object, flag, secure), { preferred: true });
  },
};

/** The value a fix may set, or undefined when changing the flag could lock something out. */
function secureValueOf(flag: string, component: ControlPlaneComponent, clientCa: boolean): string | undefined {
  if (flag === 'profiling') return 'false';
  if (flag === 'read-only-port') return '0';
  // The kubelet API on its port is always served over TLS: only the API server's side was plain.
  if (flag === 'kubelet-https') return 'true';
  // The API server reaches the kubelet with a client certificate: without a CA to check it, it would be locked out.
  if (flag === 'anonymous-auth' && component === 'kubelet' && clientCa) return 'false';
  return undefined;
}

function written(flag: ComponentFlag): string {
  return flag.value === undefined ? `--${flag.name}` : `--${flag.name}=${flag.value}`;
}
