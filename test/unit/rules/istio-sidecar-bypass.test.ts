import { istioSidecarBypass } from '../../../server/src/engine/rules/platform/istio-sidecar-bypass';
import { yaml } from '../../support/dedent';
import { testRule } from '../rule-tester';

testRule(istioSidecarBypass, {
  valid: [
    {
      name: 'include annotations set to "*" capture everything (the default)',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          template:
            metadata:
              annotations:
                traffic.sidecar.istio.io/includeInboundPorts: "*"
                traffic.sidecar.istio.io/includeOutboundIPRanges: "*"
            spec:
              containers: [{name: web, image: nginx}]
      `,
    },
    {
      name: 'empty exclusion lists exclude nothing',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          annotations:
            traffic.sidecar.istio.io/excludeInboundPorts: ""
            traffic.sidecar.istio.io/excludeOutboundIPRanges: ""
        spec:
          containers: [{name: web, image: nginx}]
      `,
    },
    {
      name: 'Istio reads these annotations from pods only: not from a Namespace or the workload metadata',
      code: yaml`
        apiVersion: v1
        kind: Namespace
        metadata:
          name: shop
          annotations: {traffic.sidecar.istio.io/excludeOutboundPorts: "25"}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          annotations: {traffic.sidecar.istio.io/excludeInboundPorts: "8080"}
        spec:
          template:
            spec:
              containers: [{name: web, image: nginx}]
      `,
    },
  ],
  invalid: [
    {
      name: 'excluded inbound port on a Deployment',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: ledger}
        spec:
          template:
            metadata:
              annotations:
                traffic.sidecar.istio.io/excludeInboundPorts: "8080"
            spec:
              containers: [{name: ledger, image: ledger}]
      `,
      findings: [
        { line: 8, column: 9, endLine: 8, endColumn: 61, message: 'Annotation traffic.sidecar.istio.io/excludeInboundPorts: inbound traffic to port(s) 8080 bypasses the sidecar, unprotected by PeerAuthentication and AuthorizationPolicy.' },
      ],
    },
    {
      name: 'outbound ports and ranges excluded, narrow includes, on a Pod',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: worker
          annotations:
            traffic.sidecar.istio.io/excludeOutboundPorts: "5432,6379"
            traffic.sidecar.istio.io/excludeOutboundIPRanges: 169.254.169.254/32
            traffic.sidecar.istio.io/includeInboundPorts: "8080"
            traffic.sidecar.istio.io/includeOutboundIPRanges: 10.0.0.0/8,172.16.0.0/12
        spec:
          containers: [{name: worker, image: worker}]
      `,
      findings: [
        { line: 6, column: 5, endLine: 6, endColumn: 63, message: 'Annotation traffic.sidecar.istio.io/excludeOutboundPorts: outbound traffic to port(s) 5432 and 6379 bypasses the sidecar, without mesh mTLS (even to meshed services) and outside the mesh\'s egress controls.' },
        { line: 7, column: 5, endLine: 7, endColumn: 73, message: 'Annotation traffic.sidecar.istio.io/excludeOutboundIPRanges: outbound traffic to 169.254.169.254/32 bypasses the sidecar, without mesh mTLS (even to meshed services) and outside the mesh\'s egress controls.' },
        { line: 8, column: 5, endLine: 8, endColumn: 57, message: 'Annotation traffic.sidecar.istio.io/includeInboundPorts: only inbound traffic to port(s) 8080 goes through the sidecar: other ports bypass it, unprotected by PeerAuthentication and AuthorizationPolicy.' },
        { line: 9, column: 5, endLine: 9, endColumn: 79, message: 'Annotation traffic.sidecar.istio.io/includeOutboundIPRanges: only outbound traffic to 10.0.0.0/8 and 172.16.0.0/12 goes through the sidecar: traffic to other addresses bypasses it, without mesh mTLS (even to meshed services) and outside the mesh\'s egress controls.' },
      ],
    },
    {
      name: 'empty include lists capture nothing, flow style in a StatefulSet',
      code: yaml`
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: cache}
        spec:
          template:
            metadata: {annotations: {traffic.sidecar.istio.io/includeInboundPorts: "", traffic.sidecar.istio.io/includeOutboundIPRanges: ""}}
            spec:
              containers: [{name: cache, image: redis}]
      `,
      findings: [
        { line: 6, column: 30, endLine: 6, endColumn: 78, message: 'Annotation traffic.sidecar.istio.io/includeInboundPorts: no inbound traffic goes through the sidecar: it all bypasses it, unprotected by PeerAuthentication and AuthorizationPolicy.' },
        { line: 6, column: 80, endLine: 6, endColumn: 132, message: 'Annotation traffic.sidecar.istio.io/includeOutboundIPRanges: no outbound traffic goes through the sidecar: it all bypasses it, without mesh mTLS (even to meshed services) and outside the mesh\'s egress controls.' },
      ],
    },
  ],
});
