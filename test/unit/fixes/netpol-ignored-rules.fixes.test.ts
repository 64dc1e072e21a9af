import { netpolIgnoredRules } from '../../../server/src/engine/rules/policy/netpol-ignored-rules';
import { yaml } from '../../support/dedent';
import { testFixes } from '../fix-tester';

testFixes(netpolIgnoredRules, [
  {
    name: 'flow policyTypes: removing the egress section takes its comment; adding Egress keeps the line comment',
    code: yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata:
        name: payments
      spec:
        podSelector:
          matchLabels: {app: payments}
        policyTypes: [Ingress] # egress comes later
        ingress:
          - from:
              - podSelector:
                  matchLabels: {app: checkout}
        egress:
          # the database and the cluster DNS
          - to:
              - podSelector:
                  matchLabels: {app: db}
          - to:
              - namespaceSelector:
                  matchLabels: {kubernetes.io/metadata.name: kube-system}
                podSelector:
                  matchLabels: {k8s-app: kube-dns}
            ports:
              - {protocol: UDP, port: 53}
              - {protocol: TCP, port: 53}
        # end of the policy
    `,
    fixes: [
      {
        title: 'Remove the ignored egress section',
        preferred: true,
        output: yaml`
          apiVersion: networking.k8s.io/v1
          kind: NetworkPolicy
          metadata:
            name: payments
          spec:
            podSelector:
              matchLabels: {app: payments}
            policyTypes: [Ingress] # egress comes later
            ingress:
              - from:
                  - podSelector:
                      matchLabels: {app: checkout}
            # end of the policy
        `,
      },
      {
        title: 'Add Egress to policyTypes',
        preferred: false,
        output: yaml`
          apiVersion: networking.k8s.io/v1
          kind: NetworkPolicy
          metadata:
            name: payments
          spec:
            podSelector:
              matchLabels: {app: payments}
            policyTypes: [Ingress, Egress] # egress comes later
            ingress:
              - from:
                  - podSelector:
                      matchLabels: {app: checkout}
            egress:
              # the database and the cluster DNS
              - to:
                  - podSelector:
                      matchLabels: {app: db}
              - to:
                  - namespaceSelector:
                      matchLabels: {kubernetes.io/metadata.name: kube-system}
                    podSelector:
                      matchLabels: {k8s-app: kube-dns}
                ports:
                  - {protocol: UDP, port: 53}
                  - {protocol: TCP, port: 53}
            # end of the policy
        `,
      },
    ],
  },
  {
    name: 'adding Egress would block DNS: only the removal is offered',
    code: yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata:
        name: payments
      spec:
        podSelector:
          matchLabels: {app: payments}
        policyTypes: [Ingress]
        ingress:
          - from:
              - podSelector:
                  matchLabels: {app: checkout}
        egress:
          - to:
              - ipBlock:
                  cidr: 198.51.100.0/24
            ports:
              - port: 443
    `,
    fixes: [
      {
        title: 'Remove the ignored egress section',
        output: yaml`
          apiVersion: networking.k8s.io/v1
          kind: NetworkPolicy
          metadata:
            name: payments
          spec:
            podSelector:
              matchLabels: {app: payments}
            policyTypes: [Ingress]
            ingress:
              - from:
                  - podSelector:
                      matchLabels: {app: checkout}
        `,
      },
    ],
    notOffered: ['Add Egress to policyTypes'],
  },
  {
    name: 'flush block sequences, 4-space indentation, CRLF, in the middle of a multi-document file',
    code:
      'apiVersion: v1\r\nkind: ServiceAccount\r\nmetadata:\r\n    name: api\r\n---\r\n' +
      'apiVersion: networking.k8s.io/v1\r\nkind: NetworkPolicy\r\nmetadata:\r\n    name: api-egress\r\nspec:\r\n    podSelector:\r\n        matchLabels:\r\n            app: api\r\n    policyTypes:\r\n    - Egress\r\n' +
      '    ingress:\r\n    - from:\r\n        - podSelector:\r\n              matchLabels:\r\n                  app: gateway # the only client\r\n    egress:\r\n    - {}\r\n---\r\n' +
      'apiVersion: v1\r\nkind: Service\r\nmetadata:\r\n    name: api\r\nspec:\r\n    selector:\r\n        app: api\r\n    ports:\r\n    - port: 80\r\n',
    fixes: [
      {
        title: 'Remove the ignored ingress section',
        preferred: true,
        output:
          'apiVersion: v1\r\nkind: ServiceAccount\r\nmetadata:\r\n    name: api\r\n---\r\n' +
          'apiVersion: networking.k8s.io/v1\r\nkind: NetworkPolicy\r\nmetadata:\r\n    name: api-egress\r\nspec:\r\n    podSelector:\r\n        matchLabels:\r\n            app: api\r\n    policyTypes:\r\n    - Egress\r\n' +
          '    egress:\r\n    - {}\r\n---\r\n' +
          'apiVersion: v1\r\nkind: Service\r\nmetadata:\r\n    name: api\r\nspec:\r\n    selector:\r\n        app: api\r\n    ports:\r\n    - port: 80\r\n',
      },
      {
        title: 'Add Ingress to policyTypes',
        output:
          'apiVersion: v1\r\nkind: ServiceAccount\r\nmetadata:\r\n    name: api\r\n---\r\n' +
          'apiVersion: networking.k8s.io/v1\r\nkind: NetworkPolicy\r\nmetadata:\r\n    name: api-egress\r\nspec:\r\n    podSelector:\r\n        matchLabels:\r\n            app: api\r\n    policyTypes:\r\n    - Egress\r\n    - Ingress\r\n' +
          '    ingress:\r\n    - from:\r\n        - podSelector:\r\n              matchLabels:\r\n                  app: gateway # the only client\r\n    egress:\r\n    - {}\r\n---\r\n' +
          'apiVersion: v1\r\nkind: Service\r\nmetadata:\r\n    name: api\r\nspec:\r\n    selector:\r\n        app: api\r\n    ports:\r\n    - port: 80\r\n',
      },
    ],
  },
  {
    name: 'a flow spec with quoted keys and values',
    code: yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: "flow"}
      spec: {podSelector: {}, "policyTypes": [Egress], 'ingress': [{from: [{podSelector: {}}]}], egress: [{to: [{ipBlock: {cidr: "10.0.0.0/8"}}], ports: [{port: 53, protocol: UDP}, {port: 53, protocol: TCP}]}]}
    `,
    fixes: [
      {
        title: 'Remove the ignored ingress section',
        output: yaml`
          apiVersion: networking.k8s.io/v1
          kind: NetworkPolicy
          metadata: {name: "flow"}
          spec: {podSelector: {}, "policyTypes": [Egress], egress: [{to: [{ipBlock: {cidr: "10.0.0.0/8"}}], ports: [{port: 53, protocol: UDP}, {port: 53, protocol: TCP}]}]}
        `,
      },
      {
        title: 'Add Ingress to policyTypes',
        output: yaml`
          apiVersion: networking.k8s.io/v1
          kind: NetworkPolicy
          metadata: {name: "flow"}
          spec: {podSelector: {}, "policyTypes": [Egress, Ingress], 'ingress': [{from: [{podSelector: {}}]}], egress: [{to: [{ipBlock: {cidr: "10.0.0.0/8"}}], ports: [{port: 53, protocol: UDP}, {port: 53, protocol: TCP}]}]}
        `,
      },
    ],
  },
  {
    name: 'adding a direction reveals what its rules allow: an egress rule without peers was ignored, now it is reported',
    code: yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: open-egress}
      spec:
        podSelector: {}
        policyTypes: [Ingress]
        egress:
          - ports: [{port: 53, protocol: UDP}, {port: 53, protocol: TCP}, {port: 443}]
    `,
    fixes: [
      {
        title: 'Remove the ignored egress section',
        output: yaml`
          apiVersion: networking.k8s.io/v1
          kind: NetworkPolicy
          metadata: {name: open-egress}
          spec:
            podSelector: {}
            policyTypes: [Ingress]
        `,
      },
      {
        title: 'Add Egress to policyTypes',
        output: yaml`
          apiVersion: networking.k8s.io/v1
          kind: NetworkPolicy
          metadata: {name: open-egress}
          spec:
            podSelector: {}
            policyTypes: [Ingress, Egress]
            egress:
              - ports: [{port: 53, protocol: UDP}, {port: 53, protocol: TCP}, {port: 443}]
        `,
      },
    ],
  },
  {
    name: 'policyTypes and egress from a merge key are shared text: no edit is offered',
    code: yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: merged}
      spec:
        <<: {policyTypes: [Ingress], egress: [{to: [{podSelector: {}}]}]}
        podSelector: {}
    `,
    fixes: [],
  },
]);
