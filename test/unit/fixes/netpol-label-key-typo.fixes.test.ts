import { netpolLabelKeyTypo } from '../../../server/src/engine/rules/policy/netpol-label-key-typo';
import { yaml } from '../../support/dedent';
import { testFixes } from '../fix-tester';

const DEPLOYMENT = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: postgres
    namespace: data
  spec:
    selector:
      matchLabels: {app.kubernetes.io/nmae: postgres}
    template:
      metadata:
        labels: {app.kubernetes.io/nmae: postgres}
      spec:
        containers: [{name: db, image: postgres}]
`;

testFixes(netpolLabelKeyTypo, [
  {
    name: 'matchLabels keys are renamed in place, plain or quoted, their comments kept; a requirement gets its key value changed',
    code: yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata:
        name: db-ingress
      spec:
        podSelector:
          matchLabels:
            app.kubernetes.io/nmae: postgres # the database
            "K8s-app": db
        policyTypes: [Ingress]
        ingress:
          - from:
              - podSelector:
                  matchExpressions:
                    - {key: 'app.kubernetes.io/instanse', operator: In, values: [api]}
    `,
    fixes: [
      {
        title: 'Change the label key to app.kubernetes.io/name',
        preferred: false,
        output: yaml`
          apiVersion: networking.k8s.io/v1
          kind: NetworkPolicy
          metadata:
            name: db-ingress
          spec:
            podSelector:
              matchLabels:
                app.kubernetes.io/name: postgres # the database
                "K8s-app": db
            policyTypes: [Ingress]
            ingress:
              - from:
                  - podSelector:
                      matchExpressions:
                        - {key: 'app.kubernetes.io/instanse', operator: In, values: [api]}
        `,
      },
      {
        title: 'Change the label key to k8s-app',
        output: yaml`
          apiVersion: networking.k8s.io/v1
          kind: NetworkPolicy
          metadata:
            name: db-ingress
          spec:
            podSelector:
              matchLabels:
                app.kubernetes.io/nmae: postgres # the database
                "k8s-app": db
            policyTypes: [Ingress]
            ingress:
              - from:
                  - podSelector:
                      matchExpressions:
                        - {key: 'app.kubernetes.io/instanse', operator: In, values: [api]}
        `,
      },
      {
        title: 'Change the label key to app.kubernetes.io/instance',
        output: yaml`
          apiVersion: networking.k8s.io/v1
          kind: NetworkPolicy
          metadata:
            name: db-ingress
          spec:
            podSelector:
              matchLabels:
                app.kubernetes.io/nmae: postgres # the database
                "K8s-app": db
            policyTypes: [Ingress]
            ingress:
              - from:
                  - podSelector:
                      matchExpressions:
                        - {key: 'app.kubernetes.io/instance', operator: In, values: [api]}
        `,
      },
    ],
  },
  {
    name: 'a flow selector, 4-space indentation, CRLF, in the middle of a multi-document file',
    code:
      'apiVersion: v1\r\nkind: Namespace\r\nmetadata:\r\n    name: dns\r\n---\r\n' +
      'apiVersion: networking.k8s.io/v1\r\nkind: NetworkPolicy\r\nmetadata:\r\n    name: dns\r\n    namespace: dns\r\nspec:\r\n    podSelector: {matchLabels: {k8s-ap: coredns}}\r\n    ingress:\r\n    -   ports: [{port: 53, protocol: UDP}]\r\n---\r\n' +
      'apiVersion: v1\r\nkind: ConfigMap\r\nmetadata:\r\n    name: coredns\r\n    namespace: dns\r\n',
    fixes: [
      {
        title: 'Change the label key to k8s-app',
        output:
          'apiVersion: v1\r\nkind: Namespace\r\nmetadata:\r\n    name: dns\r\n---\r\n' +
          'apiVersion: networking.k8s.io/v1\r\nkind: NetworkPolicy\r\nmetadata:\r\n    name: dns\r\n    namespace: dns\r\nspec:\r\n    podSelector: {matchLabels: {k8s-app: coredns}}\r\n    ingress:\r\n    -   ports: [{port: 53, protocol: UDP}]\r\n---\r\n' +
          'apiVersion: v1\r\nkind: ConfigMap\r\nmetadata:\r\n    name: coredns\r\n    namespace: dns\r\n',
      },
    ],
  },
  {
    name: 'pods of the workspace carry the misspelled key: renaming it would select none of them, so it is not offered',
    code: yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata:
        name: db-deny-all
        namespace: data
      spec:
        podSelector:
          matchLabels:
            app.kubernetes.io/nmae: postgres
        policyTypes: [Ingress]
    `,
    otherFiles: { 'deployment.yaml': DEPLOYMENT },
    fixes: [],
    notOffered: ['Change the label key to app.kubernetes.io/name'],
  },
  {
    name: 'a namespace label in a podSelector has no rename: which selector was meant is not known',
    code: yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: from-web}
      spec:
        podSelector: {}
        ingress:
          - from:
              - podSelector:
                  matchLabels: {kubernetes.io/metadata.name: web}
    `,
    fixes: [],
  },
  {
    name: 'labels from an alias or a merge key are shared text: no edit is offered',
    code: yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata:
        name: shared
        labels: &db {k8s-ap: db}
      spec:
        podSelector:
          matchLabels: *db
        ingress:
          - from:
              - podSelector:
                  matchLabels:
                    <<: *db
    `,
    fixes: [],
  },
]);
