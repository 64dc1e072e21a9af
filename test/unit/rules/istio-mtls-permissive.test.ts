import { istioMtlsPermissive } from '../../../server/src/engine/rules/platform/istio-mtls-permissive';
import { yaml } from '../../support/dedent';
import { testRule } from '../rule-tester';

testRule(istioMtlsPermissive, {
  valid: [
    {
      name: 'STRICT mesh-wide policy',
      code: yaml`
        apiVersion: security.istio.io/v1
        kind: PeerAuthentication
        metadata: {name: default, namespace: istio-system}
        spec:
          mtls:
            mode: STRICT
      `,
    },
    {
      name: 'UNSET inherits and absent mode is UNSET; per-port STRICT and UNSET',
      code: yaml`
        apiVersion: security.istio.io/v1beta1
        kind: PeerAuthentication
        metadata: {name: api, namespace: shop}
        spec:
          selector:
            matchLabels: {app: api}
          mtls: {mode: UNSET}
          portLevelMtls:
            8080: {mode: STRICT}
            9090: {mode: UNSET}
            9091: {}
      `,
    },
    {
      name: 'no spec at all',
      code: yaml`
        apiVersion: security.istio.io/v1
        kind: PeerAuthentication
        metadata: {name: empty}
      `,
    },
    {
      name: 'a look-alike kind from another group is not a PeerAuthentication',
      code: yaml`
        apiVersion: example.com/v1
        kind: PeerAuthentication
        spec:
          mtls: {mode: PERMISSIVE}
      `,
    },
    {
      name: 'DestinationRule TLS mode is another rule',
      code: yaml`
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        spec:
          host: reviews
          trafficPolicy:
            tls: {mode: DISABLE}
      `,
    },
    {
      name: 'unexpected types are skipped',
      code: yaml`
        apiVersion: security.istio.io/v1
        kind: PeerAuthentication
        spec:
          mtls: PERMISSIVE
          portLevelMtls: [8080]
      `,
    },
  ],
  invalid: [
    {
      name: 'namespace-wide PERMISSIVE',
      code: yaml`
        apiVersion: security.istio.io/v1
        kind: PeerAuthentication
        metadata:
          name: default
          namespace: payments
        spec:
          mtls:
            mode: PERMISSIVE
      `,
      findings: [
        { line: 8, column: 5, endLine: 8, endColumn: 21, message: 'mTLS mode PERMISSIVE applies to every workload in namespace "payments": it accepts plaintext connections besides mutual TLS, so any client, in the mesh or not, can connect unauthenticated and unencrypted.' },
      ],
    },
    {
      name: 'mesh-wide DISABLE in the root namespace, flow style',
      code: yaml`
        {apiVersion: security.istio.io/v1, kind: PeerAuthentication, metadata: {name: default, namespace: istio-system}, spec: {mtls: {mode: DISABLE}}}
      `,
      findings: [
        { line: 1, column: 128, endLine: 1, endColumn: 141, message: 'mTLS mode DISABLE applies to every workload in the mesh (no selector in the root namespace istio-system): it turns mutual TLS off, so connections are plaintext and peers are not authenticated.' },
      ],
    },
    {
      name: 'per-port modes with a selector, v1beta1, quoted and numeric port keys',
      code: yaml`
        apiVersion: security.istio.io/v1beta1
        kind: PeerAuthentication
        metadata: {name: legacy-ports}
        spec:
          selector:
            matchLabels: {app: legacy}
          mtls:
            mode: STRICT
          portLevelMtls:
            8080:
              mode: DISABLE
            "9090":
              mode: permissive
            9443:
              mode: STRICT
      `,
      findings: [
        { line: 11, column: 7, endLine: 11, endColumn: 20, message: 'mTLS mode DISABLE on port 8080 of the workloads it selects: the port turns mutual TLS off, so connections are plaintext and peers are not authenticated.' },
        { line: 13, column: 7, endLine: 13, endColumn: 23, message: 'mTLS mode PERMISSIVE on port 9090 of the workloads it selects: the port accepts plaintext connections besides mutual TLS, so any client, in the mesh or not, can connect unauthenticated and unencrypted.' },
      ],
    },
    {
      name: 'several documents, missing apiVersion read leniently',
      code: yaml`
        kind: PeerAuthentication
        metadata: {name: a, namespace: one}
        spec: {mtls: {mode: PERMISSIVE}}
        ---
        apiVersion: security.istio.io/v1
        kind: PeerAuthentication
        metadata: {name: b, namespace: two}
        spec: {mtls: {mode: STRICT}}
      `,
      findings: [
        { line: 3, column: 15, endLine: 3, endColumn: 31, message: 'mTLS mode PERMISSIVE applies to every workload in namespace "one": it accepts plaintext connections besides mutual TLS, so any client, in the mesh or not, can connect unauthenticated and unencrypted.' },
      ],
    },
  ],
});
