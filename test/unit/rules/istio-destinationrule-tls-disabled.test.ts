import { istioDestinationruleTlsDisabled } from '../../../server/src/engine/rules/platform/istio-destinationrule-tls-disabled';
import { yaml } from '../../support/dedent';
import { testRule } from '../rule-tester';

testRule(istioDestinationruleTlsDisabled, {
  valid: [
    {
      name: 'ISTIO_MUTUAL, SIMPLE and MUTUAL everywhere',
      code: yaml`
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata: {name: reviews}
        spec:
          host: reviews
          trafficPolicy:
            tls: {mode: ISTIO_MUTUAL}
            portLevelSettings:
              - port: {number: 443}
                tls: {mode: SIMPLE}
          subsets:
            - name: v1
              labels: {version: v1}
              trafficPolicy:
                tls: {mode: MUTUAL, credentialName: client-cert}
      `,
    },
    {
      name: 'no TLS settings: automatic mTLS decides',
      code: yaml`
        apiVersion: networking.istio.io/v1beta1
        kind: DestinationRule
        spec:
          host: ratings
          trafficPolicy:
            loadBalancer: {simple: ROUND_ROBIN}
          subsets:
            - name: v2
      `,
    },
    {
      name: 'a DestinationRule of another group',
      code: yaml`
        apiVersion: example.com/v1
        kind: DestinationRule
        spec:
          trafficPolicy:
            tls: {mode: DISABLE}
      `,
    },
    {
      name: 'DISABLE outside tls (a load balancer setting) is not a TLS mode',
      code: yaml`
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        spec:
          host: reviews
          trafficPolicy:
            mode: DISABLE
            connectionPool: {tcp: {maxConnections: 10}}
            portLevelSettings: {tls: {mode: DISABLE}}
          subsets: [null, reviews]
      `,
    },
  ],
  invalid: [
    {
      name: 'policy-wide DISABLE',
      code: yaml`
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata:
          name: reviews
        spec:
          host: reviews.bookinfo.svc.cluster.local
          trafficPolicy:
            tls:
              mode: DISABLE
      `,
      findings: [
        { line: 9, column: 7, endLine: 9, endColumn: 20, message: 'tls.mode DISABLE sends traffic to "reviews.bookinfo.svc.cluster.local" in plaintext, overriding Istio\'s automatic mutual TLS: it is neither encrypted nor authenticated.' },
      ],
    },
    {
      name: 'port-level settings, subsets and their port-level settings',
      code: yaml`
        apiVersion: networking.istio.io/v1alpha3
        kind: DestinationRule
        metadata: {name: multiversion}
        spec:
          host: multiversion
          trafficPolicy:
            portLevelSettings:
              - port:
                  number: 8080
                tls:
                  mode: DISABLE
              - port: {number: 8443}
                tls: {mode: ISTIO_MUTUAL}
          subsets:
            - name: vlegacy
              labels: {version: legacy}
              trafficPolicy:
                tls: {mode: DISABLE}
            - labels: {version: old}
              trafficPolicy:
                portLevelSettings:
                  - tls:
                      mode: DISABLE
      `,
      findings: [
        { line: 11, column: 11, endLine: 11, endColumn: 24, message: 'tls.mode DISABLE sends traffic to "multiversion" on port 8080 in plaintext, overriding Istio\'s automatic mutual TLS: it is neither encrypted nor authenticated.' },
        { line: 18, column: 15, endLine: 18, endColumn: 28, message: 'tls.mode DISABLE sends traffic to subset "vlegacy" of "multiversion" in plaintext, overriding Istio\'s automatic mutual TLS: it is neither encrypted nor authenticated.' },
        { line: 23, column: 15, endLine: 23, endColumn: 28, message: 'tls.mode DISABLE sends traffic to subset #1 of "multiversion" in plaintext, overriding Istio\'s automatic mutual TLS: it is neither encrypted nor authenticated.' },
      ],
    },
    {
      name: 'flow style, second document',
      code: yaml`
        apiVersion: v1
        kind: Service
        metadata: {name: db}
        ---
        {apiVersion: networking.istio.io/v1, kind: DestinationRule, spec: {host: db, trafficPolicy: {tls: {mode: DISABLE}}}}
      `,
      findings: [
        { line: 5, column: 100, endLine: 5, endColumn: 113, message: 'tls.mode DISABLE sends traffic to "db" in plaintext, overriding Istio\'s automatic mutual TLS: it is neither encrypted nor authenticated.' },
      ],
    },
  ],
});
