import { istioMtlsPermissive } from '../../../server/src/engine/rules/platform/istio-mtls-permissive';
import { yaml } from '../../support/dedent';
import { testFixes } from '../fix-tester';

testFixes(istioMtlsPermissive, [
  {
    name: 'block style with a comment and a quoted mode',
    code: yaml`
      apiVersion: security.istio.io/v1
      kind: PeerAuthentication
      metadata:
        name: default
        namespace: payments
      spec:
        mtls:
          mode: "PERMISSIVE" # until the batch jobs get sidecars
    `,
    fixes: [
      {
        title: 'Set mtls.mode to STRICT',
        preferred: true,
        output: yaml`
          apiVersion: security.istio.io/v1
          kind: PeerAuthentication
          metadata:
            name: default
            namespace: payments
          spec:
            mtls:
              mode: "STRICT" # until the batch jobs get sidecars
        `,
      },
    ],
  },
  {
    name: 'CRLF and 4-space indentation, a policy and a port both reported: each finding sets its own mode',
    code: 'apiVersion: security.istio.io/v1\r\nkind: PeerAuthentication\r\nmetadata:\r\n    name: default\r\nspec:\r\n    mtls:\r\n        mode: DISABLE\r\n    portLevelMtls:\r\n        8080:\r\n            mode: permissive\r\n',
    fixes: [
      {
        title: 'Set mtls.mode to STRICT',
        output: 'apiVersion: security.istio.io/v1\r\nkind: PeerAuthentication\r\nmetadata:\r\n    name: default\r\nspec:\r\n    mtls:\r\n        mode: STRICT\r\n    portLevelMtls:\r\n        8080:\r\n            mode: permissive\r\n',
      },
      {
        title: 'Set the mTLS mode of port 8080 to STRICT',
        output: 'apiVersion: security.istio.io/v1\r\nkind: PeerAuthentication\r\nmetadata:\r\n    name: default\r\nspec:\r\n    mtls:\r\n        mode: DISABLE\r\n    portLevelMtls:\r\n        8080:\r\n            mode: STRICT\r\n',
      },
    ],
  },
  {
    name: 'flow style in the middle of a multi-document file, with a quoted port key',
    code: yaml`
      apiVersion: v1
      kind: Namespace
      metadata: {name: payments}
      ---
      apiVersion: security.istio.io/v1beta1
      kind: PeerAuthentication
      metadata: {name: api, namespace: payments}
      spec: {selector: {matchLabels: {app: api}}, mtls: {mode: STRICT}, portLevelMtls: {"9090": {mode: 'PERMISSIVE'}}}
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: c, namespace: payments}
    `,
    fixes: [
      {
        title: 'Set the mTLS mode of port 9090 to STRICT',
        output: yaml`
          apiVersion: v1
          kind: Namespace
          metadata: {name: payments}
          ---
          apiVersion: security.istio.io/v1beta1
          kind: PeerAuthentication
          metadata: {name: api, namespace: payments}
          spec: {selector: {matchLabels: {app: api}}, mtls: {mode: STRICT}, portLevelMtls: {"9090": {mode: 'STRICT'}}}
          ---
          apiVersion: v1
          kind: ConfigMap
          metadata: {name: c, namespace: payments}
        `,
      },
    ],
  },
  {
    name: 'a mode taken from an alias is shared text: no edit is offered',
    code: yaml`
      apiVersion: security.istio.io/v1
      kind: PeerAuthentication
      metadata:
        name: default
        annotations:
          example.com/rollout: &mode PERMISSIVE
      spec:
        mtls:
          mode: *mode
    `,
    fixes: [],
  },
]);
