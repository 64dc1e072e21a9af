import { apiserverInsecureFlags } from '../../../server/src/engine/rules/platform/apiserver-insecure-flags';
import { yaml } from '../../support/dedent';
import { testRule } from '../rule-tester';

testRule(apiserverInsecureFlags, {
  valid: [
    {
      name: 'secure values on every component',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: control-plane, namespace: kube-system}
        spec:
          containers:
            - name: kube-apiserver
              command:
                - kube-apiserver
                - --anonymous-auth=false
                - --authorization-mode=Node,RBAC
                - --insecure-port=0
                - --profiling=false
                - --kubelet-https=true
            - name: kube-scheduler
              command: [kube-scheduler, --port=0, --profiling=false]
            - name: kubelet
              command: [kubelet, --read-only-port, "0", --authorization-mode=Webhook]
      `,
    },
    {
      name: 'defaults are not reported: absent --anonymous-auth and --profiling',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: kube-apiserver}
        spec:
          containers:
            - name: kube-apiserver
              command: [kube-apiserver, --authorization-mode=Node,RBAC]
      `,
    },
    {
      name: 'a repeated flag takes its last value',
      code: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: kube-apiserver
              command: [kube-apiserver, --anonymous-auth=true, --anonymous-auth=false]
      `,
    },
    {
      name: "flags of another component, or another program's flags",
      code: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: kube-apiserver
              command: [kube-apiserver, --read-only-port=10255, --port=8080]
            - name: proxy
              image: registry.k8s.io/kube-apiserver:v1.31.0
              command: [envoy, --insecure-port=8080, --anonymous-auth=true]
      `,
    },
    {
      name: 'kubeadm configuration with secure overrides',
      code: yaml`
        apiVersion: kubeadm.k8s.io/v1beta3
        kind: ClusterConfiguration
        apiServer:
          extraArgs:
            anonymous-auth: "false"
            profiling: "false"
        scheduler:
          extraArgs: {profiling: "false"}
      `,
    },
  ],
  invalid: [
    {
      name: 'insecure kube-apiserver static pod',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: kube-apiserver
          namespace: kube-system
        spec:
          containers:
            - name: kube-apiserver
              command:
                - kube-apiserver
                - --anonymous-auth=true
                - --insecure-port=8080
                - --authorization-mode=AlwaysAllow
                - --profiling
                - --kubelet-https=false
      `,
      findings: [
        { line: 11, column: 11, endLine: 11, endColumn: 32, message: '--anonymous-auth=true on kube-apiserver (container "kube-apiserver") accepts unauthenticated requests as system:anonymous, so every RBAC grant to system:unauthenticated is public.' },
        { line: 12, column: 11, endLine: 12, endColumn: 31, message: '--insecure-port=8080 on kube-apiserver (container "kube-apiserver") serves the Kubernetes API over plain HTTP without authentication or authorization: whoever reaches the port controls the cluster.' },
        { line: 13, column: 11, endLine: 13, endColumn: 43, message: '--authorization-mode=AlwaysAllow on kube-apiserver (container "kube-apiserver") authorizes every authenticated request, so every user and service account is effectively cluster-admin.' },
        { line: 14, column: 11, endLine: 14, endColumn: 22, message: '--profiling on kube-apiserver (container "kube-apiserver") exposes kube-apiserver\'s Go profiling endpoints (/debug/pprof), which reveal internals and can be used to slow the component down.' },
        { line: 15, column: 11, endLine: 15, endColumn: 32, message: '--kubelet-https=false on kube-apiserver (container "kube-apiserver") makes kube-apiserver call kubelets over plain HTTP: exec sessions, logs and credentials cross the network unencrypted.' },
      ],
    },
    {
      name: 'controller manager and scheduler, two-item flag values, kubelet in a container',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: components}
        spec:
          containers:
            - name: kube-controller-manager
              command: [/usr/local/bin/kube-controller-manager]
              args: [--port, "10252", --profiling=true]
            - name: kube-scheduler
              command: [/bin/sh, -c, "exec kube-scheduler --port=10251 --v=2"]
          initContainers:
            - name: kubelet
              command: [kubelet, --read-only-port=10255, --anonymous-auth, --authorization-mode=AlwaysAllow]
      `,
      findings: [
        { line: 8, column: 14, endLine: 8, endColumn: 20, message: '--port=10252 on kube-controller-manager (container "kube-controller-manager") serves kube-controller-manager\'s HTTP endpoints (metrics, profiling, configuration) without TLS, authentication or authorization.' },
        { line: 8, column: 31, endLine: 8, endColumn: 47, message: '--profiling=true on kube-controller-manager (container "kube-controller-manager") exposes kube-controller-manager\'s Go profiling endpoints (/debug/pprof), which reveal internals and can be used to slow the component down.' },
        { line: 10, column: 51, endLine: 10, endColumn: 63, message: '--port=10251 on kube-scheduler (container "kube-scheduler") serves kube-scheduler\'s HTTP endpoints (metrics, profiling, configuration) without TLS, authentication or authorization.' },
        { line: 13, column: 26, endLine: 13, endColumn: 48, message: '--read-only-port=10255 on kubelet (container "kubelet") serves the kubelet\'s read-only API without authentication: anyone who reaches the node can list its pods and their specs.' },
        { line: 13, column: 50, endLine: 13, endColumn: 66, message: '--anonymous-auth on kubelet (container "kubelet") accepts unauthenticated requests to the kubelet API (port 10250) as system:anonymous.' },
        { line: 13, column: 68, endLine: 13, endColumn: 100, message: '--authorization-mode=AlwaysAllow on kubelet (container "kubelet") lets every client the kubelet authenticates run commands in its pods and read their logs.' },
      ],
    },
    {
      name: 'kubeadm extraArgs: v1beta3 map and v1beta4 list',
      code: yaml`
        apiVersion: kubeadm.k8s.io/v1beta3
        kind: ClusterConfiguration
        apiServer:
          extraArgs:
            anonymous-auth: "true"
            audit-log-path: /var/log/audit.log
        scheduler:
          extraArgs:
            profiling: true
        ---
        apiVersion: kubeadm.k8s.io/v1beta4
        kind: InitConfiguration
        nodeRegistration:
          kubeletExtraArgs:
            - name: read-only-port
              value: "10255"
        ---
        apiVersion: kubeadm.k8s.io/v1beta4
        kind: ClusterConfiguration
        apiServer:
          extraArgs:
            - {name: authorization-mode, value: "AlwaysAllow"}
      `,
      findings: [
        { line: 5, column: 5, endLine: 5, endColumn: 27, message: '--anonymous-auth=true on kube-apiserver (apiServer.extraArgs) accepts unauthenticated requests as system:anonymous, so every RBAC grant to system:unauthenticated is public.' },
        { line: 9, column: 5, endLine: 9, endColumn: 20, message: '--profiling=true on kube-scheduler (scheduler.extraArgs) exposes kube-scheduler\'s Go profiling endpoints (/debug/pprof), which reveal internals and can be used to slow the component down.' },
        { line: 15, column: 7, endLine: 16, endColumn: 21, message: '--read-only-port=10255 on kubelet (nodeRegistration.kubeletExtraArgs) serves the kubelet\'s read-only API without authentication: anyone who reaches the node can list its pods and their specs.' },
        { line: 22, column: 8, endLine: 22, endColumn: 54, message: '--authorization-mode=AlwaysAllow on kube-apiserver (apiServer.extraArgs) authorizes every authenticated request, so every user and service account is effectively cluster-admin.' },
      ],
    },
    {
      name: 'Cluster API KubeadmControlPlane',
      code: yaml`
        apiVersion: controlplane.cluster.x-k8s.io/v1beta1
        kind: KubeadmControlPlane
        metadata: {name: prod-control-plane}
        spec:
          kubeadmConfigSpec:
            clusterConfiguration:
              apiServer:
                extraArgs:
                  anonymous-auth: "true"
            joinConfiguration:
              nodeRegistration:
                kubeletExtraArgs:
                  anonymous-auth: "true"
      `,
      findings: [
        { line: 9, column: 11, endLine: 9, endColumn: 33, message: '--anonymous-auth=true on kube-apiserver (apiServer.extraArgs) accepts unauthenticated requests as system:anonymous, so every RBAC grant to system:unauthenticated is public.' },
        { line: 13, column: 11, endLine: 13, endColumn: 33, message: '--anonymous-auth=true on kubelet (nodeRegistration.kubeletExtraArgs) accepts unauthenticated requests to the kubelet API (port 10250) as system:anonymous.' },
      ],
    },
    {
      name: 'multi-line shell script: the flag word is reported, not an echoed copy',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: kube-apiserver}
        spec:
          containers:
            - name: kube-apiserver
              command:
                - /bin/bash
                - -ec
                - |
                  echo starting kube-apiserver --anonymous-auth=true
                  GODEBUG=x509sha1=1 exec /usr/local/bin/kube-apiserver \\
                    --anonymous-auth=true \\
                    --profiling=false; echo --insecure-port=8080
      `,
      findings: [
        { line: 13, column: 13, endLine: 13, endColumn: 34, message: '--anonymous-auth=true on kube-apiserver (container "kube-apiserver") accepts unauthenticated requests as system:anonymous, so every RBAC grant to system:unauthenticated is public.' },
      ],
    },
  ],
});
