import { netpolSelectsNothing } from '../../../server/src/engine/rules/workspace/netpol-selects-nothing';
import { yaml } from '../../support/dedent';
import { testFixes } from '../fix-tester';

/** A Deployment of namespace shop with the given pod labels (flow style). */
function deployment(name: string, labels: string): string {
  return yaml`
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: ${name}, namespace: shop}
    spec:
      selector: {matchLabels: ${labels}}
      template:
        metadata: {labels: ${labels}}
        spec: {containers: [{name: main, image: registry.example.com/${name}:1.0}]}
  `;
}

const WORKLOADS = [deployment('db', '{app: postgres, tier: data}'), deployment('api', '{app: api, tier: backend}')].join('---\n');

testFixes(netpolSelectsNothing, [
  {
    name: 'a misspelled value is respelled in its quotes, its comment kept; the workloads are in another file',
    code: yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata:
        name: db-ingress
        namespace: shop
      spec:
        podSelector:
          matchLabels:
            app: "postgress" # the database
        policyTypes: [Ingress]
    `,
    otherFiles: { 'workloads.yaml': WORKLOADS },
    fixes: [
      {
        title: 'Change app: postgress to postgres (selects 1 workload: db)',
        preferred: false,
        output: yaml`
          apiVersion: networking.k8s.io/v1
          kind: NetworkPolicy
          metadata:
            name: db-ingress
            namespace: shop
          spec:
            podSelector:
              matchLabels:
                app: "postgres" # the database
            policyTypes: [Ingress]
        `,
      },
    ],
  },
  {
    name: 'a misspelled key is renamed; the other label of the selector still applies',
    code: yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata:
        name: backend
        namespace: shop
      spec:
        podSelector:
          matchLabels:
            tier: backend
            'aap': api
        policyTypes: [Ingress]
    `,
    otherFiles: { 'workloads.yaml': WORKLOADS },
    fixes: [
      {
        title: 'Change aap: api to app: api (selects 1 workload: api)',
        output: yaml`
          apiVersion: networking.k8s.io/v1
          kind: NetworkPolicy
          metadata:
            name: backend
            namespace: shop
          spec:
            podSelector:
              matchLabels:
                tier: backend
                'app': api
            policyTypes: [Ingress]
        `,
      },
    ],
  },
  {
    name: 'flow style, CRLF, in the middle of a multi-document file with the workloads',
    code:
      'apiVersion: v1\r\nkind: ConfigMap\r\nmetadata: {name: settings, namespace: shop}\r\n---\r\n' +
      'apiVersion: networking.k8s.io/v1\r\nkind: NetworkPolicy\r\nmetadata: {name: db, namespace: shop}\r\nspec: {podSelector: {matchLabels: {app: postgre}}, policyTypes: [Ingress]}\r\n---\r\n' +
      WORKLOADS.replace(/\n/g, '\r\n'),
    fixes: [
      {
        title: 'Change app: postgre to postgres (selects 1 workload: db)',
        output:
          'apiVersion: v1\r\nkind: ConfigMap\r\nmetadata: {name: settings, namespace: shop}\r\n---\r\n' +
          'apiVersion: networking.k8s.io/v1\r\nkind: NetworkPolicy\r\nmetadata: {name: db, namespace: shop}\r\nspec: {podSelector: {matchLabels: {app: postgres}}, policyTypes: [Ingress]}\r\n---\r\n' +
          WORKLOADS.replace(/\n/g, '\r\n'),
      },
    ],
  },
  {
    name: 'an In expression with one value is a matchLabels entry written longer: its value or key is respelled',
    code: yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: db, namespace: shop}
      spec:
        podSelector:
          matchExpressions:
            - {key: app, operator: In, values: [postgress]}
            - {key: tier, operator: NotIn, values: [backend]}
        policyTypes: [Ingress]
      ---
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: api, namespace: shop}
      spec:
        podSelector:
          matchExpressions:
            - key: teir
              operator: In
              values: [backend]
        policyTypes: [Ingress]
    `,
    otherFiles: { 'workloads.yaml': WORKLOADS },
    fixes: [
      {
        title: 'Change app: postgress to postgres (selects 1 workload: db)',
        output: yaml`
          apiVersion: networking.k8s.io/v1
          kind: NetworkPolicy
          metadata: {name: db, namespace: shop}
          spec:
            podSelector:
              matchExpressions:
                - {key: app, operator: In, values: [postgres]}
                - {key: tier, operator: NotIn, values: [backend]}
            policyTypes: [Ingress]
          ---
          apiVersion: networking.k8s.io/v1
          kind: NetworkPolicy
          metadata: {name: api, namespace: shop}
          spec:
            podSelector:
              matchExpressions:
                - key: teir
                  operator: In
                  values: [backend]
            policyTypes: [Ingress]
        `,
      },
      {
        title: 'Change teir: backend to tier: backend (selects 1 workload: api)',
        output: yaml`
          apiVersion: networking.k8s.io/v1
          kind: NetworkPolicy
          metadata: {name: db, namespace: shop}
          spec:
            podSelector:
              matchExpressions:
                - {key: app, operator: In, values: [postgress]}
                - {key: tier, operator: NotIn, values: [backend]}
            policyTypes: [Ingress]
          ---
          apiVersion: networking.k8s.io/v1
          kind: NetworkPolicy
          metadata: {name: api, namespace: shop}
          spec:
            podSelector:
              matchExpressions:
                - key: tier
                  operator: In
                  values: [backend]
            policyTypes: [Ingress]
        `,
      },
    ],
  },
  {
    name: 'other expressions are not respelled: In with two values, NotIn, Exists',
    code: yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: db, namespace: shop}
      spec:
        podSelector:
          matchExpressions:
            - {key: app, operator: In, values: [postgress, mysql]}
        policyTypes: [Ingress]
      ---
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: any, namespace: shop}
      spec:
        podSelector:
          matchExpressions:
            - {key: tier, operator: NotIn, values: [data, backend]}
            - {key: aap, operator: Exists}
        policyTypes: [Ingress]
    `,
    otherFiles: { 'workloads.yaml': WORKLOADS },
    fixes: [],
  },
  {
    name: 'no fix when two values are equally close, when nothing is close, or when two labels could each be the typo',
    code: yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: web, namespace: shop}
      spec:
        podSelector: {matchLabels: {app: web}}
        policyTypes: [Ingress]
      ---
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: frontend, namespace: shop}
      spec:
        podSelector: {matchLabels: {app: frontend}}
        policyTypes: [Ingress]
      ---
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: worker, namespace: shop}
      spec:
        podSelector: {matchLabels: {app: worker, tier: queue}}
        policyTypes: [Ingress]
    `,
    otherFiles: {
      'workloads.yaml': [
        deployment('web-a', '{app: wbe}'),
        deployment('web-b', '{app: webb}'),
        deployment('worker', '{app: worker, tier: queues}'),
        deployment('queue', '{app: workers, tier: queue}'),
      ].join('---\n'),
    },
    fixes: [],
  },
  {
    name: 'labels through a merge key are shared text: no edit is offered',
    code: yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata:
        name: db
        namespace: shop
        labels: &db {app: postgress}
      spec:
        podSelector:
          matchLabels:
            <<: *db
        policyTypes: [Ingress]
    `,
    otherFiles: { 'workloads.yaml': WORKLOADS },
    fixes: [],
  },
]);
