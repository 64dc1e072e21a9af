import { netpolInvalid } from '../../../server/src/engine/rules/policy/netpol-invalid';
import { yaml } from '../../support/dedent';
import { testRule } from '../rule-tester';

testRule(netpolInvalid, {
  valid: [
    {
      name: 'the documentation example',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: test-network-policy
          namespace: default
          labels: {enabled: "true", port: "8080"}
        spec:
          podSelector:
            matchLabels:
              role: db
          policyTypes:
            - Ingress
            - Egress
          ingress:
            - from:
                - ipBlock:
                    cidr: 172.17.0.0/16
                    except:
                      - 172.17.1.0/24
                - namespaceSelector:
                    matchLabels:
                      project: myproject
                  podSelector:
                    matchExpressions:
                      - {key: role, operator: In, values: [frontend]}
                      - {key: legacy, operator: DoesNotExist}
              ports:
                - protocol: TCP
                  port: 6379
                - port: metrics
          egress:
            - to:
                - ipBlock:
                    cidr: 10.0.0.0/24
              ports:
                - protocol: TCP
                  port: 32000
                  endPort: 32768
      `,
    },
    {
      name: 'no podSelector (the API server defaults it to every pod), null values it accepts, exported status fields',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: only-hbone
          creationTimestamp: null
          resourceVersion: "42"
        spec:
          policyTypes: [Ingress]
          ingress:
            -
            - from:
              ports:
                - port: 15008
        status: {}
      `,
    },
    {
      name: 'a null podSelector in the spec means every pod of the namespace',
      code: yaml`
        kind: NetworkPolicy
        apiVersion: networking.k8s.io/v1
        metadata:
          name: deny-from-other-namespaces
        spec:
          podSelector:
            matchLabels:
          ingress:
            - from:
                - podSelector: {}
      `,
    },
    {
      name: 'values of the right type but wrong are other rules: ports, protocols, CIDRs',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        spec:
          podSelector: {}
          ingress:
            - from: [{ipBlock: {cidr: 10.1.2.3/8, except: [11.0.0.0/8]}}]
              ports: [{protocol: tcp, port: 0, endPort: 90000}, {port: 4294967296}]
      `,
    },
    {
      name: 'empty values the API server takes as empty: a label value, a protocol (TCP), a port entry',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: empty-values
          labels: {team: }
        spec:
          podSelector:
            matchLabels: {app: }
          egress:
            - ports:
                - protocol:
                  port: 53
                -
      `,
    },
    {
      name: 'a Calico NetworkPolicy, a Cilium policy and a NetworkPolicyList whose items inherit the apiVersion',
      code: yaml`
        apiVersion: projectcalico.org/v3
        kind: NetworkPolicy
        metadata: {name: allow-web}
        spec:
          selector: app == 'web'
          types: [Ingress]
          ingress: [{action: Allow, protocol: TCP}]
        ---
        apiVersion: cilium.io/v2
        kind: CiliumNetworkPolicy
        metadata: {name: l3}
        spec:
          endpointSelector: {matchLabels: {app: web}}
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicyList
        items:
          - metadata: {name: deny}
            spec: {podSelector: {}}
      `,
    },
  ],
  invalid: [
    {
      name: 'a policy pasted from a blog, without apiVersion',
      code: yaml`
        kind: NetworkPolicy
        metadata:
          name: api-allow
        spec:
          podSelector:
            matchLabels: {app: api}
          ingress:
            - from:
                - podSelector:
                    matchLabels: {app: web}
      `,
      findings: [
        {
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 20,
          message: 'This NetworkPolicy has no `apiVersion`, so kubectl rejects it: add `apiVersion: networking.k8s.io/v1`.',
        },
      ],
    },
    {
      name: 'a Calico policy without apiVersion: one finding, not one per Calico field',
      code: yaml`
        kind: NetworkPolicy
        metadata: {name: allow-web}
        spec:
          selector: app == 'web'
          types: [Ingress]
          ingress:
            - action: Allow
              protocol: TCP
      `,
      findings: [{ line: 1, column: 1, endLine: 1, endColumn: 20, message: /no `apiVersion`.*Calico policy, which is `apiVersion: projectcalico.org\/v3`/ }],
    },
    {
      name: 'port as a list, endPort as text, a fraction of a port',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: db}
        spec:
          podSelector: {}
          ingress:
            - ports:
                - port: [5432, 5433]
                - port: 8000
                  endPort: "8080"
                - {port: 1.5}
      `,
      findings: [
        { line: 8, column: 11, endLine: 8, endColumn: 15, message: '`port` must be a number or a port name, not a list.' },
        { line: 10, column: 11, endLine: 10, endColumn: 26, message: '`endPort` must be a whole number, not the text "8080".' },
        { line: 11, column: 12, endLine: 11, endColumn: 21, message: '`port` must be a number or a port name, not the number 1.5.' },
      ],
    },
    {
      name: 'label values YAML reads as booleans and numbers, in selectors and metadata',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: web
          labels:
            version: 1.10
        spec:
          podSelector:
            matchLabels:
              app: web
              canary: true
          egress:
            - to:
                - namespaceSelector:
                    matchLabels: {port: 8080}
      `,
      findings: [
        { line: 6, column: 14, endLine: 6, endColumn: 18, message: 'Label `version` is the number 1.10, but label values must be strings: quote it ("1.10").' },
        { line: 11, column: 15, endLine: 11, endColumn: 19, message: 'Label `canary` is the boolean true, but label values must be strings: quote it ("true").' },
        { line: 15, column: 33, endLine: 15, endColumn: 37, message: 'Label `port` is the number 8080, but label values must be strings: quote it ("8080").' },
      ],
    },
    {
      name: 'misspelled fields in metadata and spec, with a suggestion; nothing under a misspelled field is checked',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: db
          namepsace: shop
        spec:
          podSelecter:
            matchLabels: {app: db}
          polcyTypes: [Ingress]
          ingres:
            - from:
                - namespaceSelecter: {}
                - podSelector:
                    matchlabels: {app: api}
                - ipBlock: {cidr: 203.0.113.0/24, exept: [203.0.113.8/29]}
              ports:
                - {protocl: UDP, port: 53}
      `,
      findings: [
        { line: 5, column: 3, endLine: 5, endColumn: 12, message: /^`namepsace` is not a field of `metadata`: did you mean `namespace`\? kubectl rejects unknown fields/ },
        { line: 7, column: 3, endLine: 7, endColumn: 14, message: /^`podSelecter` is not a field of the policy spec: did you mean `podSelector`\?/ },
        { line: 9, column: 3, endLine: 9, endColumn: 13, message: /^`polcyTypes` is not a field of the policy spec: did you mean `policyTypes`\?/ },
        { line: 10, column: 3, endLine: 10, endColumn: 9, message: /^`ingres` is not a field of the policy spec: did you mean `ingress`\?/ },
      ],
    },
    {
      name: 'misspelled fields inside rules, peers, selectors, ipBlocks and ports',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: db}
        spec:
          podSelector: {}
          ingress:
            - from:
                - namespaceSelecter: {}
                - podSelector:
                    matchlabels: {app: api}
                - ipBlock: {cidr: 203.0.113.0/24, exept: [203.0.113.8/29]}
              port:
                - {protocl: UDP, port: 53}
      `,
      findings: [
        { line: 8, column: 11, endLine: 8, endColumn: 28, message: /^`namespaceSelecter` is not a field of a peer: did you mean `namespaceSelector`\?/ },
        { line: 10, column: 13, endLine: 10, endColumn: 24, message: /^`matchlabels` is not a field of a label selector: did you mean `matchLabels`\?/ },
        { line: 11, column: 43, endLine: 11, endColumn: 48, message: /^`exept` is not a field of an ipBlock: did you mean `except`\?/ },
        { line: 12, column: 7, endLine: 12, endColumn: 11, message: /^`port` is not a field of an ingress rule: did you mean `ports`\?/ },
      ],
    },
    {
      name: 'fields indented one level too deep: one finding for the mistake',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: same-namespace}
        spec:
          podSelector:
            policyTypes: [Ingress]
            ingress:
              - from:
                  - podSelector: {}
                    ports:
                      - port: 80
      `,
      findings: [
        {
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 16,
          message: '`policyTypes` and `ingress` are not fields of a label selector: they are indented one level too deep and belong to the policy spec.',
        },
      ],
    },
    {
      name: 'a misplaced ports list inside a peer',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: web}
        spec:
          podSelector: {}
          ingress:
            - from:
                - podSelector: {matchLabels: {app: gateway}}
                  ports:
                    - port: 8080
      `,
      findings: [
        { line: 9, column: 11, endLine: 9, endColumn: 16, message: '`ports` is not a field of a peer: it is indented one level too deep and belongs to the ingress rule.' },
      ],
    },
    {
      name: 'labels written straight under podSelector, and an unknown field with no near name',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: db}
        spec:
          podSelector:
            app: db
            tier: backend
          egress:
            - to:
                - service: {name: api}
      `,
      findings: [
        {
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 8,
          message:
            '`app` and `tier` are not fields of a label selector: labels go under `matchLabels`. kubectl rejects the policy, and tools that drop unknown fields leave an empty selector, which matches everything.',
        },
        {
          line: 10,
          column: 11,
          endLine: 10,
          endColumn: 18,
          message: /^`service` is not a field of a peer, which takes `podSelector`, `namespaceSelector` and `ipBlock`: kubectl rejects unknown fields/,
        },
      ],
    },
    {
      name: 'the removed extensions/v1beta1 API, and a NetworkPolicy in the core group',
      code: yaml`
        apiVersion: extensions/v1beta1
        kind: NetworkPolicy
        metadata: {name: old}
        spec:
          podSelector: {}
        ---
        apiVersion: v1
        kind: NetworkPolicy
        metadata: {name: core}
        spec:
          podSelector: {}
      `,
      findings: [
        { line: 1, column: 1, endLine: 1, endColumn: 31, message: /^`extensions\/v1beta1` no longer serves NetworkPolicy \(removed in Kubernetes 1\.16\)/ },
        { line: 7, column: 1, endLine: 7, endColumn: 15, message: '`apiVersion: v1` does not serve NetworkPolicy, so the API server rejects this policy: use `networking.k8s.io/v1`.' },
      ],
    },
    {
      name: 'peers the API server refuses: empty, a selector without value, ipBlock with a selector, ipBlock without cidr',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: peers}
        spec:
          podSelector: {}
          policyTypes: [Egress]
          egress:
            - to:
                - {}
                - namespaceSelector:
                - ipBlock: {cidr: 203.0.113.0/24}
                  podSelector: {matchLabels: {app: proxy}}
                - ipBlock: {}
      `,
      findings: [
        { line: 9, column: 11, endLine: 9, endColumn: 13, message: 'This peer is empty: a peer needs a `podSelector`, `namespaceSelector` or `ipBlock`, so the API server rejects the policy.' },
        {
          line: 10,
          column: 11,
          endLine: 10,
          endColumn: 28,
          message: '`namespaceSelector` has no value, so this peer names nothing and the API server rejects the policy (`namespaceSelector: {}` selects every namespace).',
        },
        { line: 11, column: 11, endLine: 11, endColumn: 18, message: '`ipBlock` cannot share a peer with `podSelector`, so the API server rejects the policy.' },
        { line: 13, column: 11, endLine: 13, endColumn: 18, message: '`ipBlock` has no `cidr`, so the API server rejects the policy.' },
      ],
    },
    {
      name: 'selector requirements and policy types the API server refuses',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: selectors}
        spec:
          podSelector:
            matchExpressions:
              - {key: tier, operator: in, values: [web]}
              - {key: app, operator: NotIn}
              - key: canary
                operator: Exists
                values: ["true"]
              - {key: team}
          policyTypes: [ingress, Egress]
      `,
      findings: [
        { line: 7, column: 21, endLine: 7, endColumn: 33, message: '`operator: in` is not a selector operator: operators are case-sensitive, so write `In`.' },
        { line: 8, column: 9, endLine: 8, endColumn: 36, message: '`operator: NotIn` needs at least one entry in `values`, so the API server rejects the selector.' },
        { line: 11, column: 9, endLine: 11, endColumn: 15, message: '`values` must be empty with `operator: Exists`, so the API server rejects the selector.' },
        { line: 12, column: 9, endLine: 12, endColumn: 20, message: 'This selector requirement has no `operator`, so the API server rejects the policy.' },
        { line: 13, column: 17, endLine: 13, endColumn: 24, message: '`ingress` is not a policy type: policy types are case-sensitive, so write `Ingress`.' },
      ],
    },
    {
      name: 'three policy types; wrong types for lists and selectors',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: types}
        spec:
          podSelector: app=web
          policyTypes: [Ingress, Egress, Ingress]
          ingress:
            from: []
          egress:
            - to: db
      `,
      findings: [
        { line: 5, column: 3, endLine: 5, endColumn: 23, message: '`podSelector` must be a label selector (a map), not the text "app=web".' },
        { line: 6, column: 3, endLine: 6, endColumn: 14, message: '`policyTypes` lists 3 entries, but the API server accepts at most two (Ingress and Egress).' },
        { line: 7, column: 3, endLine: 7, endColumn: 10, message: '`ingress` must be a list of ingress rules, not a map.' },
        { line: 10, column: 7, endLine: 10, endColumn: 13, message: '`to` must be a list of peers, not the text "db".' },
      ],
    },
    {
      name: 'metadata the API server cannot decode, a protocol that is not text, an operator that does not exist, a peer left empty',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: decode
          creationTimestamp: yesterday
          generation: "2"
        spec:
          podSelector:
            matchExpressions:
              - {key: tier, operator: Matches, values: [web]}
          ingress:
            - from:
                -
              ports:
                - protocol: 6
      `,
      findings: [
        {
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 31,
          message: '`creationTimestamp` must be an RFC 3339 date and time (like 2025-01-31T12:00:00Z), not the text "yesterday".',
        },
        { line: 6, column: 3, endLine: 6, endColumn: 18, message: '`generation` must be a whole number, not the text "2".' },
        {
          line: 10,
          column: 21,
          endLine: 10,
          endColumn: 38,
          message: '`operator: Matches` is not a selector operator: the API server takes In, NotIn, Exists and DoesNotExist.',
        },
        { line: 13, column: 10, endLine: 13, endColumn: 10, message: /^This peer is empty/ },
        { line: 15, column: 11, endLine: 15, endColumn: 22, message: '`protocol` must be a string, not the number 6.' },
      ],
    },
    {
      name: 'a policy in a NetworkPolicyList and one in flow style (KYAML)',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicyList
        items:
          - metadata: {name: a}
            spec:
              podSelecter: {}
        ---
        {
          apiVersion: "networking.k8s.io/v1",
          kind: "NetworkPolicy",
          metadata: {name: "b"},
          spec: {podSelector: {}, ingress: [{from: [{podSelector: {matchLabels: {tier: 2}}}]}]},
        }
      `,
      findings: [
        { line: 6, column: 7, endLine: 6, endColumn: 18, message: /^`podSelecter` is not a field of the policy spec: did you mean `podSelector`\?/ },
        { line: 12, column: 80, endLine: 12, endColumn: 81, message: 'Label `tier` is the number 2, but label values must be strings: quote it ("2").' },
      ],
    },
  ],
});
