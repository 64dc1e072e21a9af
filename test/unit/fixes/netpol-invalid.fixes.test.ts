import { netpolInvalid } from '../../../server/src/engine/rules/policy/netpol-invalid';
import { yaml } from '../../support/dedent';
import { testFixes } from '../fix-tester';

const SHOP_DEPLOYMENTS = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: db, namespace: shop}
  spec:
    selector: {matchLabels: {app: db}}
    template:
      metadata: {labels: {app: db}}
      spec: {containers: [{name: db, image: postgres}]}
  ---
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: web, namespace: shop}
  spec:
    selector: {matchLabels: {app: web}}
    template:
      metadata: {labels: {app: web}}
      spec: {containers: [{name: web, image: nginx}]}
`;

testFixes(netpolInvalid, [
  {
    name: 'a misspelled field is renamed, its comment kept; the mistakes under it are revealed, not caused',
    code: yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata:
        name: db-ingress
      spec:
        podSelecter: # the database pods
          matchLabels:
            app: db
            tier: 1
        ingress:
          - from:
              - podSelector:
                  matchLabels: {app: api}
    `,
    fixes: [
      {
        title: 'Rename podSelecter to podSelector',
        preferred: true,
        output: yaml`
          apiVersion: networking.k8s.io/v1
          kind: NetworkPolicy
          metadata:
            name: db-ingress
          spec:
            podSelector: # the database pods
              matchLabels:
                app: db
                tier: 1
            ingress:
              - from:
                  - podSelector:
                      matchLabels: {app: api}
        `,
      },
    ],
  },
  {
    name: 'label values quoted as written, operators in their case; 4-space indentation, flush sequences',
    code: yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata:
          name: db-ingress
      spec:
          podSelector:
              matchLabels:
                  app: db
                  version: 1.10 # not 1.1
          ingress:
          - from:
            - podSelector:
                  matchExpressions:
                  - key: app
                    operator: in
                    values: [api]
    `,
    fixes: [
      {
        title: 'Quote the value: "1.10"',
        preferred: true,
        output: yaml`
          apiVersion: networking.k8s.io/v1
          kind: NetworkPolicy
          metadata:
              name: db-ingress
          spec:
              podSelector:
                  matchLabels:
                      app: db
                      version: "1.10" # not 1.1
              ingress:
              - from:
                - podSelector:
                      matchExpressions:
                      - key: app
                        operator: in
                        values: [api]
        `,
      },
      {
        title: 'Change operator to In',
        preferred: true,
        output: yaml`
          apiVersion: networking.k8s.io/v1
          kind: NetworkPolicy
          metadata:
              name: db-ingress
          spec:
              podSelector:
                  matchLabels:
                      app: db
                      version: 1.10 # not 1.1
              ingress:
              - from:
                - podSelector:
                      matchExpressions:
                      - key: app
                        operator: In
                        values: [api]
        `,
      },
    ],
  },
  {
    name: 'a removed apiVersion and a policy type in the wrong case, CRLF, in the middle of a multi-document file',
    code:
      'apiVersion: v1\r\nkind: Namespace\r\nmetadata:\r\n  name: shop\r\n---\r\n' +
      'apiVersion: extensions/v1beta1\r\nkind: NetworkPolicy\r\nmetadata:\r\n  name: api\r\n  namespace: shop\r\nspec:\r\n  podSelector: {}\r\n  policyTypes: [ingress]\r\n  ingress:\r\n  - from:\r\n    - podSelector: {}\r\n---\r\n' +
      'apiVersion: v1\r\nkind: ConfigMap\r\nmetadata:\r\n  name: settings\r\n  namespace: shop\r\n',
    fixes: [
      {
        title: 'Change apiVersion to networking.k8s.io/v1',
        output:
          'apiVersion: v1\r\nkind: Namespace\r\nmetadata:\r\n  name: shop\r\n---\r\n' +
          'apiVersion: networking.k8s.io/v1\r\nkind: NetworkPolicy\r\nmetadata:\r\n  name: api\r\n  namespace: shop\r\nspec:\r\n  podSelector: {}\r\n  policyTypes: [ingress]\r\n  ingress:\r\n  - from:\r\n    - podSelector: {}\r\n---\r\n' +
          'apiVersion: v1\r\nkind: ConfigMap\r\nmetadata:\r\n  name: settings\r\n  namespace: shop\r\n',
      },
      {
        title: 'Change to Ingress',
        output:
          'apiVersion: v1\r\nkind: Namespace\r\nmetadata:\r\n  name: shop\r\n---\r\n' +
          'apiVersion: extensions/v1beta1\r\nkind: NetworkPolicy\r\nmetadata:\r\n  name: api\r\n  namespace: shop\r\nspec:\r\n  podSelector: {}\r\n  policyTypes: [Ingress]\r\n  ingress:\r\n  - from:\r\n    - podSelector: {}\r\n---\r\n' +
          'apiVersion: v1\r\nkind: ConfigMap\r\nmetadata:\r\n  name: settings\r\n  namespace: shop\r\n',
      },
    ],
  },
  {
    name: 'a quoted key in a flow map keeps its quotes',
    code: yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: flow}
      spec: {podSelector: {}, "ingres": [{from: [{podSelector: {}}]}]}
    `,
    fixes: [
      {
        title: 'Rename ingres to ingress',
        output: yaml`
          apiVersion: networking.k8s.io/v1
          kind: NetworkPolicy
          metadata: {name: flow}
          spec: {podSelector: {}, "ingress": [{from: [{podSelector: {}}]}]}
        `,
      },
    ],
  },
  {
    name: 'a rename onto a field the map already has is not offered',
    code: yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: twice}
      spec:
        podSelector: {}
        podSelecter: {matchLabels: {app: db}}
    `,
    fixes: [],
  },
  {
    name: 'a rename that would leave pods the misspelled policy isolates open is not offered',
    code: yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata:
        name: db-ingress
        namespace: shop
      spec:
        podSelecter:
          matchLabels: {app: db}
        ingress:
          - from:
              - podSelector:
                  matchLabels: {app: api}
    `,
    otherFiles: { 'deployments.yaml': SHOP_DEPLOYMENTS },
    fixes: [],
    notOffered: ['Rename podSelecter to podSelector'],
  },
  {
    name: 'keys and values from an alias or a merge key are shared text: no edit is offered',
    code: yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata:
        name: shared
        annotations: {note: &op in}
      spec:
        podSelector:
          matchExpressions:
            - {key: app, operator: *op, values: [db]}
        ingress:
          - <<: {form: [{podSelector: {}}]}
    `,
    fixes: [],
  },
]);
