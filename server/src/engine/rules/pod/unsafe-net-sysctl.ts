import { isPlainObject } from '../../manifest/kube-object';
import type { ObjectRule } from '../rule';
import { podSpecOf } from '../../workloads/pod-spec';
import { objectFix } from '../../fixes/object-fix';

/**
 * The `net.*` sysctls Kubernetes treats as safe (namespaced and isolated from other pods), as listed
 * in "Using sysctls in a Kubernetes Cluster" (Kubernetes 1.32) and allowed by the Baseline Pod
 * Security Standard. The kubelet refuses every other one unless it is in --allowed-unsafe-sysctls.
 */
export const SAFE_NET_SYSCTLS: ReadonlySet<string> = new Set([
  'net.ipv4.ip_local_port_range',
  'net.ipv4.tcp_syncookies',
  'net.ipv4.ping_group_range',
  'net.ipv4.ip_unprivileged_port_start',
  'net.ipv4.ip_local_reserved_ports',
  'net.ipv4.tcp_keepalive_time',
  'net.ipv4.tcp_fin_timeout',
  'net.ipv4.tcp_keepalive_intvl',
  'net.ipv4.tcp_keepalive_probes',
  'net.ipv4.tcp_rmem',
  'net.ipv4.tcp_wmem',
]);

/** Unsafe sysctls whose effect is worth naming in the message. */
const KNOWN_EFFECTS: readonly { pattern: RegExp; effect: string }[] = [
  { pattern: /\.(ip_forward|forwarding)$/, effect: 'it makes the pod route packets between networks' },
  { pattern: /\.rp_filter$/, effect: 'turning reverse-path filtering off lets spoofed source addresses through' },
  { pattern: /\.(accept_redirects|secure_redirects|send_redirects|accept_source_route)$/, effect: "ICMP redirects and source routing let others steer the pod's traffic" },
  { pattern: /^net\.(netfilter|nf_conntrack)/, effect: "connection tracking limits are shared with the node's own traffic" },
];

export const unsafeNetSysctl: ObjectRule = {
  id: 'unsafe-net-sysctl',
  title: 'Pod sets an unsafe network sysctl',
  severity: 'warning',
  category: 'pod-networking',
  scope: 'object',
  explanation:
    'Kubernetes lets a pod set only a small "safe" set of network sysctls (`net.ipv4.ip_local_port_range`, ' +
    '`net.ipv4.tcp_syncookies`, `net.ipv4.ping_group_range`, `net.ipv4.ip_unprivileged_port_start`, ' +
    '`net.ipv4.ip_local_reserved_ports`, the TCP keepalive, `tcp_fin_timeout`, `tcp_rmem` and `tcp_wmem` settings): ' +
    'the others are not known to be isolated from the node and its other pods, or they weaken the network stack ' +
    '(IP forwarding, reverse-path filtering, ICMP redirects). The Baseline Pod Security Standard forbids them, and a ' +
    "pod that sets one only starts on nodes whose kubelet allows it with `--allowed-unsafe-sysctls`.",
  remediation:
    'Remove the sysctl, or tune it on the nodes themselves (node configuration, not a pod). If a workload truly needs ' +
    'it, allow that one sysctl on a dedicated node pool with `--allowed-unsafe-sysctls`, and schedule only that ' +
    'workload there.',
  references: [
    'https://kubernetes.io/docs/tasks/administer-cluster/sysctl-cluster/',
    'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline',
  ],
  examples: {
    insecure: `apiVersion: v1
kind: Pod
metadata:
  name: gateway
spec:
  securityContext:
    sysctls:
      - name: net.ipv4.ip_forward
        value: "1"
  containers:
    - name: gateway
      image: registry.example.com/gateway:1.8
`,
    fixed: `apiVersion: v1
kind: Pod
metadata:
  name: gateway
spec:
  securityContext:
    sysctls:
      - name: net.ipv4.ip_local_port_range
        value: "1024 65535"
  containers:
    - name: gateway
      image: registry.example.com/gateway:1.8
`,
  },
  *check(object) {
    const pod = podSpecOf(object);
    const context = pod?.spec.securityContext;
    if (!pod || !isPlainObject(context) || !Array.isArray(context.sysctls)) return;
    for (const [index, sysctl] of context.sysctls.entries()) {
      if (!isPlainObject(sysctl) || typeof sysctl.name !== 'string') continue;
      const name = canonicalSysctlName(sysctl.name.trim());
      if (!name.startsWith('net.') || SAFE_NET_SYSCTLS.has(name)) continue;
      const effect = knownSysctlEffect(name);
      const path = [...pod.path, 'securityContext', 'sysctls', index];
      yield {
        path,
        data: { sysctl: sysctl.name.trim() },
        message:
          `Sysctl "${sysctl.name}" is not in Kubernetes' safe set: it is not known to be isolated from the node and ` +
          `other pods${effect ? `, and ${effect}` : ''}.`,
        range: object.rangeOf([...path, 'name']),
      };
    }
  },
  *fixes(input) {
    const { path, data } = input.report;
    if (!path || typeof data?.sysctl !== 'string') return;
    // The whole item goes (name and value); an emptied `sysctls` goes with it.
    yield* objectFix(input, `Remove sysctl ${data.sysctl}`, (editor) => editor.remove(path), { preferred: true });
  },
};

/** What an unsafe network sysctl is known to do (for the message and for hovers), if anything. */
export function knownSysctlEffect(name: string): string | undefined {
  return KNOWN_EFFECTS.find((known) => known.pattern.test(name))?.effect;
}

/**
 * Kubernetes accepts `/` as the separator ("net/ipv4/ip_forward"); as in sysctl.d(5), a name that
 * starts with a slash-separated component uses `/` between components and `.` inside them, so the
 * two characters swap roles.
 */
export function canonicalSysctlName(name: string): string {
  const slash = name.indexOf('/');
  const dot = name.indexOf('.');
  if (slash === -1 || (dot !== -1 && dot < slash)) return name;
  return name.replace(/[./]/g, (character) => (character === '/' ? '.' : '/'));
}
