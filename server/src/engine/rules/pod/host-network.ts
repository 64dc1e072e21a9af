import type { ObjectRule } from '../rule';
import { podSpecOf } from '../../workloads/pod-spec';
import { objectFix } from '../../fixes/object-fix';

export const hostNetwork: ObjectRule = {
  id: 'host-network',
  title: 'Pod uses the host network namespace',
  severity: 'warning',
  category: 'pod-networking',
  scope: 'object',
  explanation:
    "With `hostNetwork: true` the pod shares the node's network namespace: it sees every interface of the node, " +
    'can bind any node port, can reach services listening on the node\'s loopback (the kubelet, metadata agents), ' +
    'and NetworkPolicies do not reliably apply to it because its traffic carries the node\'s IP address.',
  remediation:
    'Remove `hostNetwork: true` (or set it to `false`) and expose the pod through a Service. Keep host networking ' +
    'for node-level agents (CNI, node exporters) only, in a dedicated namespace with restricted access.',
  references: [
    'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline',
    'https://kubernetes.io/docs/concepts/services-networking/network-policies/',
  ],
  examples: {
    insecure: `apiVersion: v1
kind: Pod
metadata:
  name: debug
spec:
  hostNetwork: true
  containers:
    - name: shell
      image: nicolaka/netshoot:v0.13
`,
    fixed: `apiVersion: v1
kind: Pod
metadata:
  name: debug
spec:
  containers:
    - name: shell
      image: nicolaka/netshoot:v0.13
`,
  },
  *check(object) {
    const pod = podSpecOf(object);
    if (pod?.spec.hostNetwork !== true) return;
    const path = [...pod.path, 'hostNetwork'];
    yield {
      path,
      message:
        "hostNetwork: true puts this pod in the node's network namespace: it can reach node-local services and " +
        'bind node ports, and NetworkPolicies do not isolate it.',
      range: object.rangeOf(path),
    };
  },
  *fixes(input) {
    const path = input.report.path;
    if (!path) return;
    // Off the host network, the pod is subject to NetworkPolicies: isolation findings about it are revealed, not caused.
    const reveals = ['namespace-no-default-deny', 'workload-not-isolated'];
    yield* objectFix(input, 'Remove hostNetwork: true', (editor) => editor.remove(path), { preferred: true, reveals });
    yield* objectFix(input, 'Set hostNetwork: false', (editor) => editor.replaceScalar(path, false), { reveals });
  },
};
