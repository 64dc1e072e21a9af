import { componentInvocationsOf, lastFlag, type ComponentInvocation } from '../../control-plane/component-flags';
import type { ObjectRule } from '../rule';

export const apiserverAuditDisabled: ObjectRule = {
  id: 'apiserver-audit-disabled',
  title: 'kube-apiserver runs without audit logging',
  severity: 'warning',
  category: 'control-plane',
  scope: 'object',
  explanation:
    'kube-apiserver records audit events only when `--audit-policy-file` names a policy, and writes them only to a ' +
    'backend: a log file (`--audit-log-path`) or a webhook (`--audit-webhook-config-file`). Without both, nothing ' +
    'records who read a Secret, opened a NetworkPolicy, exec-ed into a pod or bound cluster-admin, so an intrusion ' +
    'through the network leaves no trace in the control plane. kubeadm and most static-pod installs do not enable ' +
    'auditing by default.',
  remediation:
    'Add `--audit-policy-file` with a policy that logs at least metadata for every request (and request bodies for ' +
    'Secrets, RBAC and policy changes), plus `--audit-log-path` (with `--audit-log-maxage`, `--audit-log-maxbackup`, ' +
    '`--audit-log-maxsize`) or `--audit-webhook-config-file`, and mount the files into the static pod.',
  references: [
    'https://kubernetes.io/docs/tasks/debug/debug-cluster/audit/',
    'https://kubernetes.io/docs/reference/command-line-tools-reference/kube-apiserver/',
    'https://kubernetes.io/docs/setup/production-environment/tools/kubeadm/control-plane-flags/',
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
        - --authorization-mode=Node,RBAC
        - --etcd-servers=https://127.0.0.1:2379
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
        - --authorization-mode=Node,RBAC
        - --etcd-servers=https://127.0.0.1:2379
        - --audit-policy-file=/etc/kubernetes/audit/policy.yaml
        - --audit-log-path=/var/log/kubernetes/audit/audit.log
`,
  },
  *check(object) {
    for (const invocation of componentInvocationsOf(object)) {
      // kubeadm `extraArgs` only override kubeadm's defaults and are often split across files: only
      // complete command lines show that auditing is really off.
      if (invocation.component !== 'kube-apiserver' || !invocation.complete) continue;
      const problem = auditProblem(invocation);
      if (problem) yield { message: `kube-apiserver in ${invocation.source} ${problem}`, range: object.rangeOf(invocation.anchor, 'key') };
    }
  },
};

function auditProblem(invocation: ComponentInvocation): string | undefined {
  const isSet = (name: string) => (lastFlag(invocation, name)?.value ?? '').trim() !== '';
  if (!isSet('audit-policy-file')) return 'has no --audit-policy-file, so no API request is audited.';
  if (!isSet('audit-log-path') && !isSet('audit-webhook-config-file')) {
    return 'has an audit policy but neither --audit-log-path nor --audit-webhook-config-file, so audit events are written nowhere.';
  }
  return undefined;
}
