import { kubeletUnauthenticatedAccess } from '../../../server/src/engine/rules/platform/kubelet-unauthenticated-access';
import { yaml } from '../../support/dedent';
import { testFixes } from '../fix-tester';

testFixes(kubeletUnauthenticatedAccess, [
  {
    name: 'block style with comments: the read-only port and anonymous access are turned off, AlwaysAllow is left to the author',
    code: yaml`
      apiVersion: kubelet.config.k8s.io/v1beta1
      kind: KubeletConfiguration
      readOnlyPort: 10255 # old metrics agent
      authentication:
        x509:
          clientCAFile: /etc/kubernetes/pki/ca.crt
        anonymous:
          enabled: true # health checks
      authorization:
        mode: AlwaysAllow
    `,
    fixes: [
      {
        title: 'Set readOnlyPort: 0',
        preferred: true,
        output: yaml`
          apiVersion: kubelet.config.k8s.io/v1beta1
          kind: KubeletConfiguration
          readOnlyPort: 0 # old metrics agent
          authentication:
            x509:
              clientCAFile: /etc/kubernetes/pki/ca.crt
            anonymous:
              enabled: true # health checks
          authorization:
            mode: AlwaysAllow
        `,
      },
      {
        title: 'Set authentication.anonymous.enabled: false',
        preferred: true,
        output: yaml`
          apiVersion: kubelet.config.k8s.io/v1beta1
          kind: KubeletConfiguration
          readOnlyPort: 10255 # old metrics agent
          authentication:
            x509:
              clientCAFile: /etc/kubernetes/pki/ca.crt
            anonymous:
              enabled: false # health checks
          authorization:
            mode: AlwaysAllow
        `,
      },
    ],
  },
  {
    name: 'CRLF and 4-space indentation; without a client CA anonymous access cannot be turned off safely',
    code: 'apiVersion: kubelet.config.k8s.io/v1beta1\r\nkind: KubeletConfiguration\r\nreadOnlyPort: "10255"\r\nauthentication:\r\n    anonymous:\r\n        enabled: true\r\n',
    fixes: [
      {
        title: 'Set readOnlyPort: 0',
        output: 'apiVersion: kubelet.config.k8s.io/v1beta1\r\nkind: KubeletConfiguration\r\nreadOnlyPort: 0\r\nauthentication:\r\n    anonymous:\r\n        enabled: true\r\n',
      },
    ],
    notOffered: ['Set authentication.anonymous.enabled: false'],
  },
  {
    name: 'flow style in the middle of a kubeadm multi-document file',
    code: yaml`
      apiVersion: kubeadm.k8s.io/v1beta3
      kind: ClusterConfiguration
      kubernetesVersion: v1.29.0
      ---
      apiVersion: kubelet.config.k8s.io/v1beta1
      kind: KubeletConfiguration
      authentication: {x509: {clientCAFile: /etc/kubernetes/pki/ca.crt}, anonymous: {enabled: "true"}}
      ---
      apiVersion: kubeproxy.config.k8s.io/v1alpha1
      kind: KubeProxyConfiguration
      mode: ipvs
    `,
    fixes: [
      {
        title: 'Set authentication.anonymous.enabled: false',
        output: yaml`
          apiVersion: kubeadm.k8s.io/v1beta3
          kind: ClusterConfiguration
          kubernetesVersion: v1.29.0
          ---
          apiVersion: kubelet.config.k8s.io/v1beta1
          kind: KubeletConfiguration
          authentication: {x509: {clientCAFile: /etc/kubernetes/pki/ca.crt}, anonymous: {enabled: false}}
          ---
          apiVersion: kubeproxy.config.k8s.io/v1alpha1
          kind: KubeProxyConfiguration
          mode: ipvs
        `,
      },
    ],
  },
  {
    name: 'settings merged in from an anchor are shared text: no edit is offered',
    code: yaml`
      apiVersion: kubelet.config.k8s.io/v1beta1
      kind: KubeletConfiguration
      <<: {readOnlyPort: 10255}
    `,
    fixes: [],
  },
]);
