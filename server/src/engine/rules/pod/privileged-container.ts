import type { ObjectRule } from '../rule';
import { containersOf, podSpecOf } from '../../workloads/pod-spec';
import { isPrivileged, usesHostNetwork } from './security-context';
import { objectFix } from '../../fixes/object-fix';

export const privilegedContainer: ObjectRule = {
  id: 'privileged-container',
  title: 'Container runs privileged',
  severity: 'error',
  category: 'pod-networking',
  scope: 'object',
  explanation:
    'A container with `securityContext.privileged: true` gets every Linux capability, including `NET_ADMIN` and ' +
    "`NET_RAW`, and access to the node's devices. In the host network it can rewrite the node's iptables rules, " +
    'routes and interfaces directly, disabling Service routing and NetworkPolicy enforcement for every pod on the ' +
    'node; in its own network namespace it has enough power to escape to the node and do the same. Dropping ' +
    'capabilities has no effect on a privileged container.',
  remediation:
    'Remove `privileged: true` and add back only the capabilities the container needs (for example `NET_ADMIN` for ' +
    'a CNI agent), with `drop: [ALL]` for the rest. Keep the few node agents that really need privilege in a ' +
    'dedicated namespace enforced at the Privileged Pod Security level, and every other namespace at Baseline or Restricted.',
  references: [
    'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline',
    'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/',
    'https://kubernetes.io/docs/concepts/workloads/pods/#privileged-mode-for-containers',
  ],
  examples: {
    insecure: `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: net-tuner
spec:
  selector:
    matchLabels: {app: net-tuner}
  template:
    metadata:
      labels: {app: net-tuner}
    spec:
      containers:
        - name: tuner
          image: registry.example.com/net-tuner:1.4
          securityContext:
            privileged: true
`,
    fixed: `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: net-tuner
spec:
  selector:
    matchLabels: {app: net-tuner}
  template:
    metadata:
      labels: {app: net-tuner}
    spec:
      containers:
        - name: tuner
          image: registry.example.com/net-tuner:1.4
          securityContext:
            allowPrivilegeEscalation: false
            capabilities:
              drop: [ALL]
`,
  },
  *check(object) {
    const pod = podSpecOf(object);
    if (!pod) return;
    for (const container of containersOf(pod)) {
      if (!isPrivileged(container)) continue;
      const reach = usesHostNetwork(pod)
        ? "shares the node's network namespace, so it can rewrite the node's iptables rules and routes directly"
        : "has the node's devices, enough to escape to the node and rewrite its iptables rules and routes";
      const path = [...container.path, 'securityContext', 'privileged'];
      yield {
        path,
        message: `Container "${container.name}" is privileged: it has every capability, including NET_ADMIN and NET_RAW, and ${reach}.`,
        range: object.rangeOf(path),
      };
    }
  },
  *fixes(input) {
    const path = input.report.path;
    if (!path) return;
    // Setting false keeps the line (and any comment on it) as a visible record of the decision.
    yield* objectFix(input, 'Set privileged: false', (editor) => editor.replaceScalar(path, false), { preferred: true });
    yield* objectFix(input, 'Remove privileged: true', (editor) => editor.remove(path));
  },
};
