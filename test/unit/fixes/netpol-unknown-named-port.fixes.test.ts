import { netpolUnknownNamedPort } from '../../../server/src/engine/rules/workspace/netpol-unknown-named-port';
import { yaml } from '../../support/dedent';
import { testFixes } from '../fix-tester';

/** The api pods (http, https: `httpx` is one edit from both) and the db pods (sql, gossip on UDP). */
const WORKLOADS = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: api, namespace: shop}
  spec:
    selector:
      matchLabels: {app: api}
    template:
      metadata:
        labels: {app: api}
      spec:
        containers:
          - name: api
            image: api:1
            ports:
              - {name: http, containerPort: 8080}
              - {name: https, containerPort: 8443}
  ---
  apiVersion: apps/v1
  kind: StatefulSet
  metadata: {name: db, namespace: data}
  spec:
    selector:
      matchLabels: {app: db}
    template:
      metadata:
        labels: {app: db}
      spec:
        containers:
          - name: db
            image: db:1
            ports: [{name: sql, containerPort: 5432}, {name: gossip, containerPort: 7946, protocol: UDP}]
`;

const TO_DB = '- namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: data}}';

testFixes(netpolUnknownNamedPort, [
  {
    name: 'ingress names resolve on the selected pods, egress names on the destinations; quoting and comments are kept',
    code: yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata:
        name: api
        namespace: shop
      spec:
        podSelector:
          matchLabels: {app: api}
        policyTypes: [Ingress, Egress]
        ingress:
          - ports:
              - port: 'htpp' # the API
        egress:
          - to:
              ${TO_DB}
            ports:
              - port: slq
              - port: gosip
                protocol: UDP
    `,
    otherFiles: { 'workloads.yaml': WORKLOADS },
    fixes: [
      {
        title: 'Change port to http',
        preferred: false,
        output: yaml`
          apiVersion: networking.k8s.io/v1
          kind: NetworkPolicy
          metadata:
            name: api
            namespace: shop
          spec:
            podSelector:
              matchLabels: {app: api}
            policyTypes: [Ingress, Egress]
            ingress:
              - ports:
                  - port: 'http' # the API
            egress:
              - to:
                  ${TO_DB}
                ports:
                  - port: slq
                  - port: gosip
                    protocol: UDP
        `,
      },
      {
        title: 'Change port to sql',
        preferred: false,
        output: yaml`
          apiVersion: networking.k8s.io/v1
          kind: NetworkPolicy
          metadata:
            name: api
            namespace: shop
          spec:
            podSelector:
              matchLabels: {app: api}
            policyTypes: [Ingress, Egress]
            ingress:
              - ports:
                  - port: 'htpp' # the API
            egress:
              - to:
                  ${TO_DB}
                ports:
                  - port: sql
                  - port: gosip
                    protocol: UDP
        `,
      },
      {
        title: 'Change port to gossip',
        output: yaml`
          apiVersion: networking.k8s.io/v1
          kind: NetworkPolicy
          metadata:
            name: api
            namespace: shop
          spec:
            podSelector:
              matchLabels: {app: api}
            policyTypes: [Ingress, Egress]
            ingress:
              - ports:
                  - port: 'htpp' # the API
            egress:
              - to:
                  ${TO_DB}
                ports:
                  - port: slq
                  - port: gossip
                    protocol: UDP
        `,
      },
    ],
  },
  {
    name: 'no fix when nothing is close, when two names are equally close, or when only pods that are not the destination declare the name',
    code: yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: api, namespace: shop}
      spec:
        podSelector: {matchLabels: {app: api}}
        policyTypes: [Ingress, Egress]
        ingress:
          - ports: [{port: web}, {port: httpx}, {port: sql}]
        egress:
          - to:
              ${TO_DB}
            ports: [{port: htpp}]
    `,
    otherFiles: { 'workloads.yaml': WORKLOADS },
    fixes: [],
    notOffered: [/^Change port/],
  },
  {
    name: 'a CRLF file with 4-space indentation, the workloads in another file',
    code:
      'apiVersion: networking.k8s.io/v1\r\nkind: NetworkPolicy\r\nmetadata:\r\n    name: db\r\n    namespace: data\r\nspec:\r\n    podSelector: {}\r\n' +
      '    ingress:\r\n    -   ports:\r\n        -   port: sqll\r\n',
    otherFiles: { 'workloads.yaml': WORKLOADS },
    fixes: [
      {
        title: 'Change port to sql',
        output:
          'apiVersion: networking.k8s.io/v1\r\nkind: NetworkPolicy\r\nmetadata:\r\n    name: db\r\n    namespace: data\r\nspec:\r\n    podSelector: {}\r\n' +
          '    ingress:\r\n    -   ports:\r\n        -   port: sql\r\n',
      },
    ],
  },
  {
    name: 'flow style, the policy in the middle of a multi-document file with the workloads',
    code: `${yaml`
      apiVersion: v1
      kind: Namespace
      metadata: {name: shop}
      ---
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: api, namespace: shop}
      spec: {podSelector: {matchLabels: {app: api}}, ingress: [{ports: [{port: "htps", protocol: TCP}]}]}
      ---
    `}${WORKLOADS}`,
    fixes: [
      {
        title: 'Change port to https',
        output: `${yaml`
          apiVersion: v1
          kind: Namespace
          metadata: {name: shop}
          ---
          apiVersion: networking.k8s.io/v1
          kind: NetworkPolicy
          metadata: {name: api, namespace: shop}
          spec: {podSelector: {matchLabels: {app: api}}, ingress: [{ports: [{port: "https", protocol: TCP}]}]}
          ---
        `}${WORKLOADS}`,
      },
    ],
  },
  {
    name: 'a port from a merge key is shared text: no edit is offered',
    code: yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: api, namespace: shop}
      spec:
        podSelector: {matchLabels: {app: api}}
        ingress:
          - ports:
              - <<: {port: htpp}
                protocol: TCP
    `,
    otherFiles: { 'workloads.yaml': WORKLOADS },
    fixes: [],
  },
]);
