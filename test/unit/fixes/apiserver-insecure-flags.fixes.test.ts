import { apiserverInsecureFlags } from '../../../server/src/engine/rules/platform/apiserver-insecure-flags';
import { yaml } from '../../support/dedent';
import { testFixes } from '../fix-tester';

testFixes(apiserverInsecureFlags, [
  {
    name: 'a static pod in block style with comments: profiling is turned off and kubelets called over HTTPS, the API server\'s anonymous access is left alone',
    code: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: kube-apiserver
        namespace: kube-system
      spec:
        containers:
          - name: kube-apiserver
            image: registry.k8s.io/kube-apiserver:v1.29.0
            command:
              - kube-apiserver
              - "--profiling=true" # chasing a leak
              - --anonymous-auth=true
              - --kubelet-https=false
    `,
    fixes: [
      {
        title: 'Set --profiling=false',
        preferred: true,
        output: yaml`
          apiVersion: v1
          kind: Pod
          metadata:
            name: kube-apiserver
            namespace: kube-system
          spec:
            containers:
              - name: kube-apiserver
                image: registry.k8s.io/kube-apiserver:v1.29.0
                command:
                  - kube-apiserver
                  - "--profiling=false" # chasing a leak
                  - --anonymous-auth=true
                  - --kubelet-https=false
        `,
      },
      {
        title: 'Set --kubelet-https=true',
        preferred: true,
        output: yaml`
          apiVersion: v1
          kind: Pod
          metadata:
            name: kube-apiserver
            namespace: kube-system
          spec:
            containers:
              - name: kube-apiserver
                image: registry.k8s.io/kube-apiserver:v1.29.0
                command:
                  - kube-apiserver
                  - "--profiling=true" # chasing a leak
                  - --anonymous-auth=true
                  - --kubelet-https=true
        `,
      },
    ],
  },
  {
    name: 'CRLF, 4-space indentation and flush sequences: a kubelet with a client CA; a value in the next item is not edited',
    code: 'apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n    name: kubelet\r\nspec:\r\n    containers:\r\n    - name: kubelet\r\n      image: kubelet\r\n      command:\r\n      - kubelet\r\n      - --anonymous-auth\r\n      - --client-ca-file=/etc/kubernetes/pki/ca.crt\r\n      - --read-only-port\r\n      - "10255"\r\n',
    fixes: [
      {
        title: 'Set --anonymous-auth=false',
        output: 'apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n    name: kubelet\r\nspec:\r\n    containers:\r\n    - name: kubelet\r\n      image: kubelet\r\n      command:\r\n      - kubelet\r\n      - --anonymous-auth=false\r\n      - --client-ca-file=/etc/kubernetes/pki/ca.crt\r\n      - --read-only-port\r\n      - "10255"\r\n',
      },
    ],
    notOffered: ['Set --read-only-port=0'],
  },
  {
    name: 'a kubelet without a client CA keeps anonymous access: turning it off would lock the API server out',
    code: yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: kubelet}
      spec:
        containers:
          - {name: kubelet, image: kubelet, command: [kubelet, --anonymous-auth=true]}
    `,
    fixes: [],
  },
  {
    name: 'kubeadm extraArgs in flow style, a map and a v1beta4 list, in the middle of a multi-document file',
    code: yaml`
      apiVersion: kubeadm.k8s.io/v1beta4
      kind: InitConfiguration
      nodeRegistration: {kubeletExtraArgs: [{name: read-only-port, value: "10255"}]}
      ---
      apiVersion: kubeadm.k8s.io/v1beta3
      kind: ClusterConfiguration
      apiServer: {extraArgs: {profiling: 'true', audit-log-path: /var/log/audit.log}}
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: c}
    `,
    fixes: [
      {
        title: 'Set --read-only-port=0',
        output: yaml`
          apiVersion: kubeadm.k8s.io/v1beta4
          kind: InitConfiguration
          nodeRegistration: {kubeletExtraArgs: [{name: read-only-port, value: "0"}]}
          ---
          apiVersion: kubeadm.k8s.io/v1beta3
          kind: ClusterConfiguration
          apiServer: {extraArgs: {profiling: 'true', audit-log-path: /var/log/audit.log}}
          ---
          apiVersion: v1
          kind: ConfigMap
          metadata: {name: c}
        `,
      },
      {
        title: 'Set --profiling=false',
        output: yaml`
          apiVersion: kubeadm.k8s.io/v1beta4
          kind: InitConfiguration
          nodeRegistration: {kubeletExtraArgs: [{name: read-only-port, value: "10255"}]}
          ---
          apiVersion: kubeadm.k8s.io/v1beta3
          kind: ClusterConfiguration
          apiServer: {extraArgs: {profiling: 'false', audit-log-path: /var/log/audit.log}}
          ---
          apiVersion: v1
          kind: ConfigMap
          metadata: {name: c}
        `,
      },
    ],
  },
  {
    name: 'a flag inside a shell script is not edited',
    code: yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: kube-apiserver}
      spec:
        containers:
          - name: kube-apiserver
            image: registry.k8s.io/kube-apiserver:v1.29.0
            command: [sh, -c, "exec kube-apiserver --profiling=true"]
    `,
    fixes: [],
  },
  {
    name: 'extraArgs merged in from an anchor are shared text: no edit is offered',
    code: yaml`
      apiVersion: kubeadm.k8s.io/v1beta3
      kind: ClusterConfiguration
      apiServer:
        extraArgs:
          <<: {profiling: "true"}
    `,
    fixes: [],
  },
]);
