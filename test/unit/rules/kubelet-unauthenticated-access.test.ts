import { kubeletUnauthenticatedAccess } from '../../../server/src/engine/rules/platform/kubelet-unauthenticated-access';
import { yaml } from '../../support/dedent';
import { testRule } from '../rule-tester';

testRule(kubeletUnauthenticatedAccess, {
  valid: [
    {
      name: 'secure settings written out',
      code: yaml`
        apiVersion: kubelet.config.k8s.io/v1beta1
        kind: KubeletConfiguration
        readOnlyPort: 0
        authentication:
          anonymous: {enabled: false}
          webhook: {enabled: true}
        authorization:
          mode: Webhook
      `,
    },
    {
      name: 'defaults of the configuration file are secure: nothing written',
      code: yaml`
        apiVersion: kubelet.config.k8s.io/v1beta1
        kind: KubeletConfiguration
        cgroupDriver: systemd
      `,
    },
    {
      name: 'other kinds and groups, unreadable values',
      code: yaml`
        apiVersion: kubeadm.k8s.io/v1beta3
        kind: ClusterConfiguration
        readOnlyPort: 10255
        ---
        apiVersion: example.com/v1
        kind: KubeletConfiguration
        readOnlyPort: 10255
        ---
        apiVersion: kubelet.config.k8s.io/v1beta1
        kind: KubeletConfiguration
        readOnlyPort: [10255]
        authentication: {anonymous: true}
        authorization: {mode: [AlwaysAllow]}
      `,
    },
  ],
  invalid: [
    {
      name: 'read-only port, anonymous access and AlwaysAllow',
      code: yaml`
        apiVersion: kubelet.config.k8s.io/v1beta1
        kind: KubeletConfiguration
        staticPodPath: /etc/kubernetes/manifests
        readOnlyPort: 10255
        authentication:
          webhook:
            enabled: false
          anonymous:
            enabled: true
        authorization:
          mode: AlwaysAllow
      `,
      findings: [
        { line: 4, column: 1, endLine: 4, endColumn: 20, message: 'readOnlyPort: 10255 serves the kubelet\'s read-only API without authentication: anyone who reaches the node can list its pods and their specs.' },
        { line: 9, column: 5, endLine: 9, endColumn: 18, message: 'authentication.anonymous.enabled: true accepts requests to the kubelet API (port 10250) without credentials, as system:anonymous.' },
        { line: 11, column: 3, endLine: 11, endColumn: 20, message: 'authorization.mode: AlwaysAllow lets every request the kubelet accepts run commands in its pods, read their logs and list them.' },
      ],
    },
    {
      name: 'flow style in a kubeadm multi-document configuration, port as a string',
      code: yaml`
        apiVersion: kubeadm.k8s.io/v1beta3
        kind: ClusterConfiguration
        networking: {podSubnet: 10.244.0.0/16}
        ---
        {apiVersion: kubelet.config.k8s.io/v1beta1, kind: KubeletConfiguration, readOnlyPort: "10255", authentication: {anonymous: {enabled: true}}}
      `,
      findings: [
        { line: 5, column: 73, endLine: 5, endColumn: 94, message: 'readOnlyPort: 10255 serves the kubelet\'s read-only API without authentication: anyone who reaches the node can list its pods and their specs.' },
        { line: 5, column: 125, endLine: 5, endColumn: 138, message: 'authentication.anonymous.enabled: true accepts requests to the kubelet API (port 10250) without credentials, as system:anonymous.' },
      ],
    },
  ],
});
