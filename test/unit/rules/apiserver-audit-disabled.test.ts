import { apiserverAuditDisabled } from '../../../server/src/engine/rules/platform/apiserver-audit-disabled';
import { yaml } from '../../support/dedent';
import { testRule } from '../rule-tester';

testRule(apiserverAuditDisabled, {
  valid: [
    {
      name: 'policy file and log backend',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: kube-apiserver, namespace: kube-system}
        spec:
          containers:
            - name: kube-apiserver
              command:
                - kube-apiserver
                - --audit-policy-file=/etc/kubernetes/audit/policy.yaml
                - --audit-log-path=/var/log/kubernetes/audit.log
      `,
    },
    {
      name: 'policy file and webhook backend, as separate items in args',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: tenant-apiserver}
        spec:
          template:
            spec:
              containers:
                - name: apiserver
                  command: [/usr/local/bin/kube-apiserver]
                  args: [--audit-policy-file, /etc/audit/policy.yaml, --audit-webhook-config-file, /etc/audit/webhook.yaml]
      `,
    },
    {
      name: 'other components, other binaries, and kubeadm extraArgs (only overrides)',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: kube-controller-manager}
        spec:
          containers:
            - name: kube-controller-manager
              command: [kube-controller-manager, --profiling=false]
            - name: sidecar
              image: registry.k8s.io/kube-apiserver:v1.31.0
              command: [sh, -c, "echo kube-apiserver && sleep infinity"]
        ---
        apiVersion: kubeadm.k8s.io/v1beta3
        kind: ClusterConfiguration
        apiServer:
          extraArgs:
            authorization-mode: Node,RBAC
      `,
    },
    {
      name: 'a script that passes more flags through variables may set the audit flags',
      code: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: kube-apiserver
              command: [sh, -c, 'exec kube-apiserver --secure-port=6443 "$@"', --]
              args: [--audit-policy-file=/etc/audit/policy.yaml, --audit-log-path=-]
      `,
    },
    {
      name: 'a look-alike: kube-apiserver as an argument of another program',
      code: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: probe
              command: [/bin/check, kube-apiserver]
      `,
    },
  ],
  invalid: [
    {
      name: 'kubeadm static pod without any audit flag',
      code: yaml`
        apiVersion: v1
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
                - --advertise-address=192.168.0.10
                - --authorization-mode=Node,RBAC
      `,
      findings: [
        { line: 11, column: 7, endLine: 11, endColumn: 14, message: 'kube-apiserver in container "kube-apiserver" has no --audit-policy-file, so no API request is audited.' },
      ],
    },
    {
      name: 'policy without backend; empty policy value; hyperkube',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: apiservers}
        spec:
          containers:
            - name: with-policy
              command: [/usr/local/bin/kube-apiserver]
              args:
                - --audit-policy-file=/etc/audit/policy.yaml
            - name: empty-policy
              command: [kube-apiserver, --audit-policy-file=, --audit-log-path=-]
          initContainers:
            - name: legacy
              command: [/hyperkube, apiserver, --v=2]
      `,
      findings: [
        { line: 7, column: 7, endLine: 7, endColumn: 14, message: 'kube-apiserver in container "with-policy" has an audit policy but neither --audit-log-path nor --audit-webhook-config-file, so audit events are written nowhere.' },
        { line: 11, column: 7, endLine: 11, endColumn: 14, message: 'kube-apiserver in container "empty-policy" has no --audit-policy-file, so no API request is audited.' },
        { line: 14, column: 7, endLine: 14, endColumn: 14, message: 'kube-apiserver in container "legacy" has no --audit-policy-file, so no API request is audited.' },
      ],
    },
    {
      name: 'shell script that execs the API server, in a StatefulSet',
      code: yaml`
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: vcluster}
        spec:
          template:
            spec:
              containers:
                - name: syncer
                  command:
                    - /bin/sh
                    - -c
                    - exec /binaries/kube-apiserver --bind-address=0.0.0.0 --secure-port=6443
      `,
      findings: [
        { line: 9, column: 11, endLine: 9, endColumn: 18, message: 'kube-apiserver in container "syncer" has no --audit-policy-file, so no API request is audited.' },
      ],
    },
  ],
});
