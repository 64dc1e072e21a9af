import { calicoAllowAll } from '../../../server/src/engine/rules/platform/calico-allow-all';
import { yaml } from '../../support/dedent';
import { testRule } from '../rule-tester';

testRule(calicoAllowAll, {
  valid: [
    {
      name: 'allow rules that name their peers',
      code: yaml`
        apiVersion: projectcalico.org/v3
        kind: NetworkPolicy
        metadata: {name: api, namespace: shop}
        spec:
          selector: app == 'api'
          ingress:
            - action: Allow
              source: {selector: app == 'frontend'}
            - action: Allow
              source: {namespaceSelector: team == 'ops'}
            - action: Allow
              source:
                serviceAccounts: {names: [summary]}
            - action: Allow
              source: {nets: [203.0.113.0/24]}
            - action: Allow
              source: {notNets: [10.0.0.0/8]}
            - action: Allow
              source: {services: {name: frontend, namespace: shop}}
          egress:
            - action: Allow
              destination: {selector: k8s-app == 'kube-dns', namespaceSelector: projectcalico.org/name == 'kube-system'}
      `,
    },
    {
      name: 'Deny, Pass and Log rules without peers',
      code: yaml`
        apiVersion: projectcalico.org/v3
        kind: GlobalNetworkPolicy
        metadata: {name: default-deny}
        spec:
          selector: all()
          ingress:
            - action: Log
            - action: Deny
          egress:
            - action: Pass
      `,
    },
    {
      name: 'ingress is judged on the source: a destination restriction does not open it, and vice versa for egress',
      code: yaml`
        apiVersion: crd.projectcalico.org/v1
        kind: GlobalNetworkPolicy
        metadata: {name: directional}
        spec:
          ingress:
            - action: Allow
              source: {selector: role == 'client'}
              destination: {}
          egress:
            - action: Allow
              source: {}
              destination: {nets: [192.0.2.0/24]}
      `,
    },
    {
      name: '0.0.0.0/0 narrowed by a selector or notNets is restricted',
      code: yaml`
        apiVersion: projectcalico.org/v3
        kind: GlobalNetworkPolicy
        spec:
          ingress:
            - action: Allow
              source:
                nets: [0.0.0.0/0]
                selector: role == 'lb'
            - action: Allow
              source:
                nets: [0.0.0.0/0]
                notNets: [10.0.0.0/8]
      `,
    },
    {
      name: 'rules of a direction excluded by types are ignored',
      code: yaml`
        apiVersion: projectcalico.org/v3
        kind: NetworkPolicy
        spec:
          types: [Egress]
          ingress: [{action: Allow}]
          egress: [{action: Allow, destination: {selector: app == 'db'}}]
      `,
    },
    {
      name: 'a core NetworkPolicy, a Tier and a NetworkSet are not Calico policy rules',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        spec:
          podSelector: {}
          ingress: [{action: Allow}]
        ---
        apiVersion: projectcalico.org/v3
        kind: Tier
        metadata: {name: security}
        spec: {order: 200}
        ---
        apiVersion: projectcalico.org/v3
        kind: GlobalNetworkSet
        metadata: {name: everything}
        spec:
          nets: [0.0.0.0/0]
      `,
    },
  ],
  invalid: [
    {
      name: 'ingress allow without source, with protocol and ports',
      code: yaml`
        apiVersion: projectcalico.org/v3
        kind: NetworkPolicy
        metadata:
          name: test-allow-web
          namespace: migration-test
        spec:
          selector: app == 'web'
          types: [Ingress]
          ingress:
            - action: Allow
              protocol: TCP
              destination:
                ports: [80, 443]
      `,
      findings: [
        { line: 10, column: 7, endLine: 10, endColumn: 20, message: 'Ingress rule 0 has no source restriction, so it allows every workload, host and external address to connect (TCP ports 80, 443).' },
      ],
    },
    {
      name: 'egress allow-all and ingress with an http match, GlobalNetworkPolicy',
      code: yaml`
        apiVersion: projectcalico.org/v3
        kind: GlobalNetworkPolicy
        metadata: {name: customer}
        spec:
          selector: app == 'customer'
          ingress:
            - action: Allow
              http:
                methods: ["GET"]
          egress:
            - action: Allow
            - action: Allow
              protocol: UDP
              destination:
                ports: [53]
      `,
      findings: [
        { line: 7, column: 7, endLine: 7, endColumn: 20, message: 'Ingress rule 0 has no source restriction, so it allows every workload, host and external address to connect (all ports).' },
        { line: 11, column: 7, endLine: 11, endColumn: 20, message: 'Egress rule 0 has no destination restriction, so it allows connections to every workload, host and external address (all ports).' },
        { line: 12, column: 7, endLine: 12, endColumn: 20, message: 'Egress rule 1 has no destination restriction, so it allows connections to every workload, host and external address (UDP port 53).' },
      ],
    },
    {
      name: 'nets 0.0.0.0/0 and ::/0, empty restrictions, crd.projectcalico.org and flow style',
      code: yaml`
        apiVersion: crd.projectcalico.org/v1
        kind: NetworkPolicy
        metadata: {name: open, namespace: edge}
        spec:
          ingress:
            - action: Allow
              source:
                nets:
                  - 198.51.100.0/24
                  - 0.0.0.0/0
            - {action: Allow, source: {selector: "", nets: [], serviceAccounts: {}}}
          egress:
            - {action: Allow, destination: {nets: ["::/0"], ports: [443]}, protocol: TCP}
      `,
      findings: [
        { line: 10, column: 13, endLine: 10, endColumn: 22, message: 'Ingress rule 0 allows source nets 0.0.0.0/0, which covers every IPv4 address inside or outside the cluster (all ports).' },
        { line: 11, column: 8, endLine: 11, endColumn: 21, message: 'Ingress rule 1 has no source restriction, so it allows every workload, host and external address to connect (all ports).' },
        { line: 13, column: 44, endLine: 13, endColumn: 50, message: 'Egress rule 0 allows destination nets ::/0, which covers every IPv6 address inside or outside the cluster (TCP port 443).' },
      ],
    },
  ],
});
