import { istioDestinationruleTlsDisabled } from '../../../server/src/engine/rules/platform/istio-destinationrule-tls-disabled';
import { yaml } from '../../support/dedent';
import { testFixes } from '../fix-tester';

const MUTUAL = 'Set tls.mode to ISTIO_MUTUAL';
const REMOVE = "Remove tls (Istio's automatic mutual TLS applies)";

testFixes(istioDestinationruleTlsDisabled, [
  {
    name: 'block style with comments and a quoted mode',
    code: yaml`
      apiVersion: networking.istio.io/v1
      kind: DestinationRule
      metadata:
        name: reviews
      spec:
        host: reviews.bookinfo.svc.cluster.local
        trafficPolicy:
          connectionPool: {tcp: {maxConnections: 100}}
          # debugging with tcpdump
          tls:
            mode: 'DISABLE' # temporary
    `,
    fixes: [
      {
        title: MUTUAL,
        preferred: true,
        output: yaml`
          apiVersion: networking.istio.io/v1
          kind: DestinationRule
          metadata:
            name: reviews
          spec:
            host: reviews.bookinfo.svc.cluster.local
            trafficPolicy:
              connectionPool: {tcp: {maxConnections: 100}}
              # debugging with tcpdump
              tls:
                mode: 'ISTIO_MUTUAL' # temporary
        `,
      },
      {
        title: REMOVE,
        preferred: false,
        output: yaml`
          apiVersion: networking.istio.io/v1
          kind: DestinationRule
          metadata:
            name: reviews
          spec:
            host: reviews.bookinfo.svc.cluster.local
            trafficPolicy:
              connectionPool: {tcp: {maxConnections: 100}}
              # debugging with tcpdump
        `,
      },
    ],
  },
  {
    name: 'CRLF, 4-space indentation and a flush sequence: a port-level setting',
    code: 'apiVersion: networking.istio.io/v1\r\nkind: DestinationRule\r\nmetadata:\r\n    name: db\r\nspec:\r\n    host: db\r\n    trafficPolicy:\r\n        portLevelSettings:\r\n        - port:\r\n              number: 5432\r\n          tls:\r\n              mode: DISABLE\r\n',
    fixes: [
      {
        title: MUTUAL,
        output: 'apiVersion: networking.istio.io/v1\r\nkind: DestinationRule\r\nmetadata:\r\n    name: db\r\nspec:\r\n    host: db\r\n    trafficPolicy:\r\n        portLevelSettings:\r\n        - port:\r\n              number: 5432\r\n          tls:\r\n              mode: ISTIO_MUTUAL\r\n',
      },
      {
        title: REMOVE,
        output: 'apiVersion: networking.istio.io/v1\r\nkind: DestinationRule\r\nmetadata:\r\n    name: db\r\nspec:\r\n    host: db\r\n    trafficPolicy:\r\n        portLevelSettings:\r\n        - port:\r\n              number: 5432\r\n',
      },
    ],
  },
  {
    name: 'a subset, in flow style, in the middle of a multi-document file',
    code: yaml`
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: a}
      ---
      apiVersion: networking.istio.io/v1beta1
      kind: DestinationRule
      metadata: {name: reviews}
      spec: {host: reviews, subsets: [{name: v1, labels: {version: v1}, trafficPolicy: {tls: {mode: DISABLE}, loadBalancer: {simple: ROUND_ROBIN}}}]}
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: c}
    `,
    fixes: [
      {
        title: MUTUAL,
        output: yaml`
          apiVersion: v1
          kind: ConfigMap
          metadata: {name: a}
          ---
          apiVersion: networking.istio.io/v1beta1
          kind: DestinationRule
          metadata: {name: reviews}
          spec: {host: reviews, subsets: [{name: v1, labels: {version: v1}, trafficPolicy: {tls: {mode: ISTIO_MUTUAL}, loadBalancer: {simple: ROUND_ROBIN}}}]}
          ---
          apiVersion: v1
          kind: ConfigMap
          metadata: {name: c}
        `,
      },
      {
        title: REMOVE,
        output: yaml`
          apiVersion: v1
          kind: ConfigMap
          metadata: {name: a}
          ---
          apiVersion: networking.istio.io/v1beta1
          kind: DestinationRule
          metadata: {name: reviews}
          spec: {host: reviews, subsets: [{name: v1, labels: {version: v1}, trafficPolicy: {loadBalancer: {simple: ROUND_ROBIN}}}]}
          ---
          apiVersion: v1
          kind: ConfigMap
          metadata: {name: c}
        `,
      },
    ],
  },
  {
    name: 'certificates of its own mean a destination outside the mesh: Istio\'s mutual TLS is not offered',
    code: yaml`
      apiVersion: networking.istio.io/v1
      kind: DestinationRule
      metadata:
        name: legacy
      spec:
        host: legacy.example.com
        trafficPolicy:
          tls:
            mode: DISABLE
            caCertificates: /etc/certs/legacy-ca.pem
    `,
    fixes: [
      {
        title: REMOVE,
        output: yaml`
          apiVersion: networking.istio.io/v1
          kind: DestinationRule
          metadata:
            name: legacy
          spec:
            host: legacy.example.com
        `,
      },
    ],
    notOffered: [MUTUAL],
  },
  {
    name: 'tls settings merged in from an anchor are shared text: no edit is offered',
    code: yaml`
      apiVersion: networking.istio.io/v1
      kind: DestinationRule
      metadata:
        name: reviews
      spec:
        host: reviews
        trafficPolicy:
          <<: {tls: {mode: DISABLE}}
    `,
    fixes: [],
  },
]);
