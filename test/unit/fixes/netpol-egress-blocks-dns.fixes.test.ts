import { netpolEgressBlocksDns } from '../../../server/src/engine/rules/workspace/netpol-egress-blocks-dns';
import { withDnsDefaults } from '../../../server/src/engine/config/lint-config';
import { yaml } from '../../support/dedent';
import { testFixes } from '../fix-tester';

const TITLE = 'Allow DNS to kube-dns in kube-system';

const WEB_DEPLOYMENT = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: web, namespace: shop}
  spec:
    selector: {matchLabels: {app: web}}
    template:
      metadata: {labels: {app: web}}
      spec: {containers: [{name: web, image: nginx}]}
`;

testFixes(netpolEgressBlocksDns, [
  {
    name: 'a block egress list gets the DNS rule after its last rule, whose comment stays',
    code: yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata:
        name: deny-backend-egress
        namespace: shop
      spec:
        podSelector:
          matchLabels: {tier: backend}
        policyTypes:
          - Egress
        egress:
          - to:
              - podSelector:
                  matchLabels: {tier: backend} # only the backend
    `,
    fixes: [
      {
        title: TITLE,
        preferred: true,
        output: yaml`
          apiVersion: networking.k8s.io/v1
          kind: NetworkPolicy
          metadata:
            name: deny-backend-egress
            namespace: shop
          spec:
            podSelector:
              matchLabels: {tier: backend}
            policyTypes:
              - Egress
            egress:
              - to:
                  - podSelector:
                      matchLabels: {tier: backend} # only the backend
              - to:
                  - namespaceSelector:
                      matchLabels:
                        kubernetes.io/metadata.name: kube-system
                    podSelector:
                      matchLabels:
                        k8s-app: kube-dns
                ports:
                  - protocol: UDP
                    port: 53
                  - protocol: TCP
                    port: 53
        `,
      },
    ],
  },
  {
    name: 'an egress-deny-all policy without egress gets its first rule: 4-space indentation, CRLF, flow policyTypes, in the middle of a multi-document file',
    code:
      'apiVersion: v1\r\nkind: Namespace\r\nmetadata:\r\n    name: shop\r\n---\r\n' +
      'apiVersion: networking.k8s.io/v1\r\nkind: NetworkPolicy\r\nmetadata:\r\n    name: default-deny-egress\r\n    namespace: shop\r\nspec:\r\n    podSelector: {}\r\n    policyTypes: [Egress] # deny all\r\n---\r\n' +
      'apiVersion: v1\r\nkind: ConfigMap\r\nmetadata:\r\n    name: settings\r\n    namespace: shop\r\n',
    fixes: [
      {
        title: TITLE,
        output:
          'apiVersion: v1\r\nkind: Namespace\r\nmetadata:\r\n    name: shop\r\n---\r\n' +
          'apiVersion: networking.k8s.io/v1\r\nkind: NetworkPolicy\r\nmetadata:\r\n    name: default-deny-egress\r\n    namespace: shop\r\nspec:\r\n    podSelector: {}\r\n    policyTypes: [Egress] # deny all\r\n' +
          '    egress:\r\n      - to:\r\n          - namespaceSelector:\r\n                matchLabels:\r\n                    kubernetes.io/metadata.name: kube-system\r\n            podSelector:\r\n                matchLabels:\r\n                    k8s-app: kube-dns\r\n' +
          '        ports:\r\n          - protocol: UDP\r\n            port: 53\r\n          - protocol: TCP\r\n            port: 53\r\n---\r\n' +
          'apiVersion: v1\r\nkind: ConfigMap\r\nmetadata:\r\n    name: settings\r\n    namespace: shop\r\n',
      },
    ],
  },
  {
    name: 'flush sequences stay flush',
    code: yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata:
        name: backend-egress
        namespace: shop
      spec:
        podSelector:
          matchLabels:
            tier: backend
        policyTypes:
        - Egress
        egress:
        - to:
          - podSelector: {}
          ports:
          - port: 8080
    `,
    fixes: [
      {
        title: TITLE,
        output: yaml`
          apiVersion: networking.k8s.io/v1
          kind: NetworkPolicy
          metadata:
            name: backend-egress
            namespace: shop
          spec:
            podSelector:
              matchLabels:
                tier: backend
            policyTypes:
            - Egress
            egress:
            - to:
              - podSelector: {}
              ports:
              - port: 8080
            - to:
              - namespaceSelector:
                  matchLabels:
                    kubernetes.io/metadata.name: kube-system
                podSelector:
                  matchLabels:
                    k8s-app: kube-dns
              ports:
              - protocol: UDP
                port: 53
              - protocol: TCP
                port: 53
        `,
      },
    ],
  },
  {
    name: 'a flow spec with a quoted egress key gets the rule in flow style',
    code: yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: api-egress, namespace: shop}
      spec: {podSelector: {matchLabels: {app: api}}, policyTypes: [Egress], "egress": [{to: [{podSelector: {matchLabels: {app: db}}}], ports: [{port: 5432}]}]}
    `,
    fixes: [
      {
        title: TITLE,
        output: yaml`
          apiVersion: networking.k8s.io/v1
          kind: NetworkPolicy
          metadata: {name: api-egress, namespace: shop}
          spec: {podSelector: {matchLabels: {app: api}}, policyTypes: [Egress], "egress": [{to: [{podSelector: {matchLabels: {app: db}}}], ports: [{port: 5432}]}, {to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}, podSelector: {matchLabels: {k8s-app: kube-dns}}}], ports: [{protocol: UDP, port: 53}, {protocol: TCP, port: 53}]}]}
        `,
      },
    ],
  },
  {
    name: 'an empty egress list of a policy that selects a workload of another file',
    code: yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata:
        name: web-egress
        namespace: shop
      spec:
        podSelector:
          matchLabels: {app: web}
        policyTypes: [Egress]
        egress: []
    `,
    otherFiles: { 'deployment.yaml': WEB_DEPLOYMENT },
    fixes: [
      {
        title: TITLE,
        output: yaml`
          apiVersion: networking.k8s.io/v1
          kind: NetworkPolicy
          metadata:
            name: web-egress
            namespace: shop
          spec:
            podSelector:
              matchLabels: {app: web}
            policyTypes: [Egress]
            egress: [{to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}, podSelector: {matchLabels: {k8s-app: kube-dns}}}], ports: [{protocol: UDP, port: 53}, {protocol: TCP, port: 53}]}]
        `,
      },
    ],
  },
  {
    name: 'only TCP blocked (info): the rule for both protocols is added all the same',
    code: yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: udp-only, namespace: shop}
      spec:
        podSelector: {}
        policyTypes: [Egress]
        egress:
          - to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}}]
            ports: [{port: 53, protocol: UDP}]
    `,
    fixes: [
      {
        title: TITLE,
        output: yaml`
          apiVersion: networking.k8s.io/v1
          kind: NetworkPolicy
          metadata: {name: udp-only, namespace: shop}
          spec:
            podSelector: {}
            policyTypes: [Egress]
            egress:
              - to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}}]
                ports: [{port: 53, protocol: UDP}]
              - to:
                  - namespaceSelector:
                      matchLabels:
                        kubernetes.io/metadata.name: kube-system
                    podSelector:
                      matchLabels:
                        k8s-app: kube-dns
                ports:
                  - protocol: UDP
                    port: 53
                  - protocol: TCP
                    port: 53
        `,
      },
    ],
  },
  {
    name: 'the DNS configured in .kube-netsec.yaml: its namespace, pod labels and ports',
    code: yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: web-egress, namespace: shop}
      spec:
        podSelector: {matchLabels: {app: web}}
        policyTypes: [Egress]
        egress:
          - to: [{podSelector: {matchLabels: {app: api}}}]
    `,
    otherFiles: { 'web.yaml': WEB_DEPLOYMENT },
    config: { dns: withDnsDefaults({ namespace: 'dns-system', podLabels: { 'app.kubernetes.io/name': 'coredns' }, ports: [{ port: 5353, protocol: 'UDP' }, { port: 5353, protocol: 'TCP' }] }) },
    fixes: [
      {
        title: 'Allow DNS to app.kubernetes.io/name=coredns in dns-system',
        preferred: true,
        output: yaml`
          apiVersion: networking.k8s.io/v1
          kind: NetworkPolicy
          metadata: {name: web-egress, namespace: shop}
          spec:
            podSelector: {matchLabels: {app: web}}
            policyTypes: [Egress]
            egress:
              - to: [{podSelector: {matchLabels: {app: api}}}]
              - to:
                  - namespaceSelector:
                      matchLabels:
                        kubernetes.io/metadata.name: dns-system
                    podSelector:
                      matchLabels:
                        app.kubernetes.io/name: coredns
                ports:
                  - protocol: UDP
                    port: 5353
                  - protocol: TCP
                    port: 5353
        `,
      },
    ],
  },
  {
    name: 'egress rules from a merge key or an alias are shared text: no edit is offered',
    code: yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: merged, namespace: shop}
      spec:
        <<: {podSelector: {}, policyTypes: [Egress], egress: [{to: [{podSelector: {}}]}]}
      ---
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: borrowing, namespace: other}
      x-shared-rules: &rules
        - to: [{podSelector: {}}]
      spec:
        podSelector: {}
        policyTypes: [Egress]
        egress: *rules
    `,
    fixes: [],
  },
]);
