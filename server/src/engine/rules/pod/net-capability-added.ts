import type { ObjectRule } from '../rule';
import { containersOf, podSpecOf } from '../../workloads/pod-spec';
import { capabilityEntries, capabilityPath, grantedCapability, isWindowsPod, usesHostNetwork } from './security-context';
import { objectFix } from '../../fixes/object-fix';

/** What each network capability lets a container do, for the message. */
const NETWORK_CAPABILITIES: Readonly<Record<string, string>> = {
  NET_ADMIN: 'rewrite interfaces, routes and iptables rules, escaping traffic redirection and filtering',
  NET_RAW: 'forge and capture packets through raw sockets (ARP and DNS spoofing)',
  NET_BROADCAST: 'send broadcasts and listen to multicast',
  ALL: 'use every capability, NET_ADMIN and NET_RAW included',
};

export const netCapabilityAdded: ObjectRule = {
  id: 'net-capability-added',
  title: 'Container adds a network capability',
  severity: 'warning',
  category: 'pod-networking',
  scope: 'object',
  explanation:
    '`NET_ADMIN` lets a container reconfigure interfaces, routes and iptables rules of its network namespace, ' +
    "which is how it escapes a service mesh's traffic redirection or, with `hostNetwork`, rewrites the node's firewall " +
    'and Service routing. `NET_RAW` allows forged packets (ARP and DNS spoofing against other pods on the node) and ' +
    '`NET_BROADCAST` broadcast and multicast traffic; `ALL` grants them all. A name written with the `CAP_` prefix is ' +
    'reported too: whether a runtime honours it varies, so the grant cannot be assumed harmless.',
  remediation:
    'Remove the capability from `securityContext.capabilities.add`. If a networking component really needs it (a CNI ' +
    'agent, a mesh init container), keep it to that one container, drop `ALL` else, and run it in a dedicated namespace.',
  references: [
    'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/#set-capabilities-for-a-container',
    'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline',
    'https://man7.org/linux/man-pages/man7/capabilities.7.html',
  ],
  examples: {
    insecure: `apiVersion: v1
kind: Pod
metadata:
  name: vpn-client
spec:
  containers:
    - name: vpn
      image: registry.example.com/vpn-client:2.1
      securityContext:
        capabilities:
          add: [NET_ADMIN]
`,
    fixed: `apiVersion: v1
kind: Pod
metadata:
  name: vpn-client
spec:
  containers:
    - name: vpn
      image: registry.example.com/vpn-client:2.1
      securityContext:
        capabilities:
          drop: [ALL]
`,
  },
  *check(object) {
    const pod = podSpecOf(object);
    if (!pod || isWindowsPod(pod)) return;
    const where = usesHostNetwork(pod) ? " in the node's network namespace (hostNetwork)" : '';
    // Reported even on privileged containers: the explicit grant stays when `privileged` is removed.
    for (const container of containersOf(pod)) {
      for (const entry of capabilityEntries(container, 'add')) {
        const capability = grantedCapability(entry);
        const effect = NETWORK_CAPABILITIES[capability];
        if (!effect) continue;
        const path = capabilityPath(container, 'add', entry.index);
        yield {
          path,
          data: { capability: entry.text.trim() },
          message: `Container "${container.name}" adds ${entry.text.trim()}${where}: it can ${effect}.`,
          range: object.rangeOf(path, 'value'),
        };
      }
    }
  },
  *fixes(input) {
    const { path, data } = input.report;
    if (!path || typeof data?.capability !== 'string') return;
    // The editor takes an emptied `add` (and `capabilities`, `securityContext`) with the entry.
    yield* objectFix(input, `Remove capability ${data.capability}`, (editor) => editor.remove(path), { preferred: true });
  },
};
