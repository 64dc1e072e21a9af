import { isPlainObject, type KubeObject } from '../../manifest/kube-object';
import type { Fix, FixInput } from '../../fixes/fix';
import { objectFix } from '../../fixes/object-fix';
import type { ObjectPath } from '../../manifest/yaml-path';
import type { ObjectRule } from '../rule';
import { containersOf, podSpecOf, type ContainerRef, type PodSpecRef } from '../../workloads/pod-spec';
import type { SourceRange } from '../../text/range';
import {
  capabilityEntries,
  cannotGainCapabilities,
  capabilityPath,
  containerAnchor,
  grantedCapability,
  isPrivileged,
  isWindowsPod,
  usesHostNetwork,
} from './security-context';

export const netRawNotDropped: ObjectRule = {
  id: 'net-raw-not-dropped',
  title: 'Container keeps the NET_RAW capability',
  // Info: most containers in the world keep NET_RAW (containerd and Docker grant it by default), and
  // it is a hardening gap rather than an exposure; warning-level findings would drown the real ones.
  severity: 'info',
  category: 'pod-networking',
  scope: 'object',
  explanation:
    'Container runtimes such as containerd grant `NET_RAW` by default. With it a compromised container can open raw ' +
    'sockets and forge packets: ARP and DNS spoofing against other pods on the same node, rogue IPv6 router ' +
    'advertisements (CVE-2020-10749), kernel exploits reachable only through raw sockets (CVE-2020-14386), or, with ' +
    '`hostNetwork`, capturing and forging the node\'s traffic. Only a container\'s own ' +
    '`securityContext.capabilities.drop` removes it: the pod-level `securityContext` has no `capabilities` field. The ' +
    'names are written without the `CAP_` prefix: containerd turns `CAP_NET_RAW` into `CAP_CAP_NET_RAW`, which drops ' +
    'nothing, so that spelling is reported. Not reported: privileged containers (`privileged-container`\'s finding; ' +
    'dropping does not affect them), and containers that run as a non-root user with `allowPrivilegeEscalation: ' +
    'false`, whose processes can never hold a capability.',
  remediation:
    'Add `drop: [ALL]` (or at least `NET_RAW`) to each container\'s `securityContext.capabilities`, and add back only ' +
    'what the container needs (`NET_BIND_SERVICE` to bind ports below 1024). `ping` works without `NET_RAW` through ' +
    'the safe sysctl `net.ipv4.ping_group_range`.',
  references: [
    'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/#set-capabilities-for-a-container',
    'https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted',
    'https://nvd.nist.gov/vuln/detail/CVE-2020-14386',
    'https://nvd.nist.gov/vuln/detail/CVE-2020-10749',
  ],
  examples: {
    insecure: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  selector:
    matchLabels: {app: api}
  template:
    metadata:
      labels: {app: api}
    spec:
      securityContext:
        runAsNonRoot: true
      containers:
        - name: api
          image: registry.example.com/api:3.2
`,
    fixed: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  selector:
    matchLabels: {app: api}
  template:
    metadata:
      labels: {app: api}
    spec:
      securityContext:
        runAsNonRoot: true
      containers:
        - name: api
          image: registry.example.com/api:3.2
          securityContext:
            allowPrivilegeEscalation: false
            capabilities:
              drop: [ALL]
`,
  },
  *check(object) {
    const pod = podSpecOf(object);
    if (!pod || isWindowsPod(pod)) return;
    const podLevelNote = hasPodLevelCapabilities(pod)
      ? ' The pod-level securityContext.capabilities is not a Kubernetes field and drops nothing.'
      : '';
    const risk = usesHostNetwork(pod)
      ? "so it can capture and forge the node's traffic (hostNetwork)."
      : 'so it can forge raw packets for ARP or DNS spoofing against other pods on the node.';
    for (const container of containersOf(pod)) {
      // Skipped: privileged containers (every capability whatever they drop; privileged-container reports
      // them), containers adding NET_RAW back (net-capability-added), and those that cannot hold it.
      if (isPrivileged(container) || addsNetRaw(container) || cannotGainCapabilities(pod, container)) continue;
      const drops = capabilityEntries(container, 'drop');
      if (drops.some((entry) => entry.upper === 'NET_RAW' || entry.upper === 'ALL')) continue;
      const misspelled = drops.find((entry) => entry.upper === 'CAP_NET_RAW' || entry.upper === 'CAP_ALL');
      if (misspelled) {
        const path = capabilityPath(container, 'drop', misspelled.index);
        yield {
          path,
          data: { misspelled: misspelled.text.trim(), correct: misspelled.upper.slice('CAP_'.length) },
          message:
            `Container "${container.name}" drops "${misspelled.text.trim()}", which containerd reads as CAP_${misspelled.upper} ` +
            `(Kubernetes names have no CAP_ prefix): NET_RAW is kept, ${risk}${podLevelNote}`,
          range: object.rangeOf(path, 'value'),
        };
        continue;
      }
      yield {
        path: capabilityPath(container, 'drop'),
        message: `Container "${container.name}" does not drop NET_RAW (securityContext.capabilities.drop), ${risk}${podLevelNote}`,
        range: rangeFor(object, container),
      };
    }
  },
  fixes: netRawFixes,
};

/**
 * Without a misspelling, NET_RAW joins the drop list, which is created as needed. A misspelled
 * CAP_NET_RAW is corrected in place; a misspelled CAP_ALL is not corrected by default, since dropping
 * every capability at last may stop a container that ran with the default ones (CHOWN, SETUID...):
 * adding NET_RAW is the change the finding asks for, correcting to ALL the one the author meant.
 */
function* netRawFixes(input: FixInput): Iterable<Fix> {
  const { path, data } = input.report;
  if (!path) return;
  const { misspelled, correct } = data ?? {};
  if (typeof misspelled !== 'string' || typeof correct !== 'string') {
    yield* dropNetRaw(input, path);
  } else if (correct === 'NET_RAW') {
    yield* respell(input, path, misspelled, correct, true);
  } else {
    yield* dropNetRaw(input, path.slice(0, -1));
    yield* respell(input, path, misspelled, correct, false);
  }
}

function dropNetRaw(input: FixInput, dropList: ObjectPath): Iterable<Fix> {
  return objectFix(input, 'Drop NET_RAW', (editor) => editor.append(dropList, 'NET_RAW'), { preferred: true });
}

function respell(input: FixInput, entry: ObjectPath, misspelled: string, correct: string, preferred: boolean): Iterable<Fix> {
  return objectFix(input, `Replace ${misspelled} with ${correct}`, (editor) => editor.replaceScalar(entry, correct), { preferred });
}

/**
 * The `drop` key when the container has a drop list (that is where the fix goes); otherwise, with no
 * securityContext or one without a drop list, the container's `name` pair (its `image` pair, or the
 * whole item, for a container without a name).
 */
function rangeFor(object: KubeObject, container: ContainerRef): SourceRange {
  if (object.get(capabilityPath(container, 'drop')) !== undefined) return object.rangeOf(capabilityPath(container, 'drop'), 'key');
  const anchor = containerAnchor(container);
  return object.rangeOf(anchor.path, anchor.part);
}

// A container that adds NET_RAW (or ALL) back is net-capability-added's finding, at a higher severity.
function addsNetRaw(container: ContainerRef): boolean {
  return capabilityEntries(container, 'add').some((entry) => ['NET_RAW', 'ALL'].includes(grantedCapability(entry)));
}

function hasPodLevelCapabilities(pod: PodSpecRef): boolean {
  const context = pod.spec.securityContext;
  return isPlainObject(context) && context.capabilities !== undefined;
}
