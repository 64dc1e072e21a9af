import { ciliumAllowWorld } from '../../../server/src/engine/rules/platform/cilium-allow-world';
import { yaml } from '../../support/dedent';
import { testRule } from '../rule-tester';

testRule(ciliumAllowWorld, {
  valid: [
    {
      name: 'peers are endpoints, cluster entities and narrow CIDRs',
      code: yaml`
        apiVersion: cilium.io/v2
        kind: CiliumNetworkPolicy
        metadata: {name: api}
        spec:
          endpointSelector: {matchLabels: {app: api}}
          ingress:
            - fromEndpoints: [{matchLabels: {app: frontend}}]
            - fromEntities: [cluster, host, remote-node]
            - fromCIDRSet: [{cidr: 203.0.113.0/24}]
          egress:
            - toCIDR: [10.0.0.0/8]
            - toFQDNs: [{matchName: api.example.com}, {matchPattern: "*.example.com"}]
      `,
    },
    {
      name: 'world in deny rules is the safe side',
      code: yaml`
        apiVersion: cilium.io/v2
        kind: CiliumClusterwideNetworkPolicy
        metadata: {name: deny-world}
        spec:
          endpointSelector: {}
          ingressDeny:
            - fromEntities: [world]
          egressDeny:
            - toCIDR: [0.0.0.0/0]
      `,
    },
    {
      name: '"all" allowed while world is denied on every port is cluster-only',
      code: yaml`
        apiVersion: cilium.io/v2
        kind: CiliumNetworkPolicy
        metadata: {name: from-world-deny}
        spec:
          endpointSelector: {}
          ingressDeny:
            - fromEntities:
              - "world"
          ingress:
            - fromEntities:
              - "all"
      `,
    },
    {
      name: 'a DNS proxy rule matching every name is not toFQDNs',
      code: yaml`
        apiVersion: cilium.io/v2
        kind: CiliumNetworkPolicy
        spec:
          endpointSelector: {}
          egress:
            - toEndpoints: [{matchLabels: {k8s:io.kubernetes.pod.namespace: kube-system, k8s-app: kube-dns}}]
              toPorts:
                - ports: [{port: "53", protocol: ANY}]
                  rules:
                    dns:
                      - matchPattern: "*"
      `,
    },
    {
      name: 'other kinds and groups, ingress from-fields in an egress rule, unreadable values',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        spec:
          ingress: [{fromEntities: [world]}]
        ---
        apiVersion: example.com/v1
        kind: CiliumNetworkPolicy
        spec:
          ingress: [{fromEntities: [world]}]
        ---
        apiVersion: cilium.io/v2
        kind: CiliumNetworkPolicy
        spec:
          egress:
            - fromEntities: [world]
            - toEntities: world
            - toCIDR: [not-a-cidr, 0.0.0.0]
          ingress: [null, {fromCIDRSet: [0.0.0.0/0]}]
        specs: {ingress: [{fromEntities: [world]}]}
      `,
    },
  ],
  invalid: [
    {
      name: 'ingress from the world entity',
      code: yaml`
        apiVersion: cilium.io/v2
        kind: CiliumNetworkPolicy
        metadata: {name: from-world}
        spec:
          endpointSelector:
            matchLabels: {role: public}
          ingress:
            - fromEntities:
                - world
              toPorts:
                - ports:
                    - port: "443"
                      protocol: TCP
                    - port: "8000"
                      endPort: 8010
      `,
      findings: [
        { line: 9, column: 11, endLine: 9, endColumn: 16, message: 'Ingress rule 0 allows the "world" entity: any address outside the cluster can connect to the selected endpoints (TCP 443, ANY 8000-8010).' },
      ],
    },
    {
      name: 'egress to all, 0.0.0.0/0, ::/0 with except, and any FQDN, in a clusterwide policy',
      code: yaml`
        apiVersion: cilium.io/v2
        kind: CiliumClusterwideNetworkPolicy
        metadata: {name: open-egress}
        spec:
          endpointSelector: {}
          egress:
            - toEntities: [all]
            - toCIDR:
                - 10.0.0.0/8
                - 0.0.0.0/0
            - toCIDRSet:
                - cidr: ::/0
                  except: [fd00::/8]
              toPorts: [{ports: [{port: "443", protocol: TCP}]}]
            - toFQDNs:
                - matchPattern: "*"
      `,
      findings: [
        { line: 7, column: 20, endLine: 7, endColumn: 23, message: 'Egress rule 0 allows the "all" entity: the selected endpoints can connect to every endpoint of the cluster and any address outside it (all ports).' },
        { line: 10, column: 11, endLine: 10, endColumn: 20, message: 'Egress rule 1 allows 0.0.0.0/0: the selected endpoints can connect to any IPv4 address (all ports).' },
        { line: 12, column: 11, endLine: 12, endColumn: 21, message: 'Egress rule 2 allows ::/0 (except 1 range): the selected endpoints can connect to any IPv6 address (TCP 443).' },
        { line: 16, column: 11, endLine: 16, endColumn: 28, message: 'Egress rule 3 allows toFQDNs matchPattern "*": the selected endpoints can connect to any host name they resolve (all ports).' },
      ],
    },
    {
      name: 'specs list, ingress CIDRs, world-ipv4, second document',
      code: yaml`
        apiVersion: v1
        kind: Namespace
        metadata: {name: edge}
        ---
        apiVersion: cilium.io/v2
        kind: CiliumNetworkPolicy
        metadata: {name: edge, namespace: edge}
        specs:
          - endpointSelector: {matchLabels: {app: lb}}
            ingress:
              - fromCIDR: ["0.0.0.0/0"]
          - endpointSelector: {matchLabels: {app: api}}
            ingress:
              - fromEntities: [world-ipv4]
              - fromCIDRSet: [{cidr: 0.0.0.0/0, except: [10.0.0.0/8, 192.168.0.0/16]}]
      `,
      findings: [
        { line: 11, column: 20, endLine: 11, endColumn: 31, message: 'Ingress rule 0 of specs[0] allows 0.0.0.0/0: any IPv4 address can connect to the selected endpoints (all ports).' },
        { line: 14, column: 24, endLine: 14, endColumn: 34, message: 'Ingress rule 0 of specs[1] allows the "world-ipv4" entity: any IPv4 address outside the cluster can connect to the selected endpoints (all ports).' },
        { line: 15, column: 24, endLine: 15, endColumn: 39, message: 'Ingress rule 1 of specs[1] allows 0.0.0.0/0 (except 2 ranges): any IPv4 address can connect to the selected endpoints (all ports).' },
      ],
    },
    {
      name: 'world allowed: a deny rule restricted to some ports does not deny the world',
      code: yaml`
        apiVersion: cilium.io/v2
        kind: CiliumNetworkPolicy
        metadata: {name: partly-denied}
        spec:
          endpointSelector: {}
          ingressDeny:
            - fromEntities: [world]
              toPorts: [{ports: [{port: "22"}]}]
          ingress:
            - fromEntities: [world]
      `,
      findings: [
        { line: 10, column: 22, endLine: 10, endColumn: 27, message: 'Ingress rule 0 allows the "world" entity: any address outside the cluster can connect to the selected endpoints (all ports).' },
      ],
    },
  ],
});
