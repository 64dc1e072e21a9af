import { serviceLoadbalancerOpen } from '../../../server/src/engine/rules/service/service-loadbalancer-open';
import { yaml } from '../../support/dedent';
import { testFixes } from '../fix-tester';

const RESTRICT = "Restrict the load balancer to 203.0.113.0/24 (placeholder: set your clients' ranges)";

testFixes(serviceLoadbalancerOpen, [
  {
    name: 'no source ranges, block style with comments: the placeholder list is added at the end of spec',
    code: yaml`
      apiVersion: v1
      kind: Service
      metadata:
        name: grafana
      spec:
        type: LoadBalancer # public dashboard
        selector: {app: grafana}
        ports:
          - port: 443
            targetPort: 3000 # grafana
    `,
    fixes: [
      {
        title: RESTRICT,
        preferred: false,
        output: yaml`
          apiVersion: v1
          kind: Service
          metadata:
            name: grafana
          spec:
            type: LoadBalancer # public dashboard
            selector: {app: grafana}
            ports:
              - port: 443
                targetPort: 3000 # grafana
            loadBalancerSourceRanges:
              - 203.0.113.0/24
        `,
      },
    ],
  },
  {
    name: 'CRLF, 4-space indentation and flush sequences',
    code: 'apiVersion: v1\r\nkind: Service\r\nmetadata:\r\n    name: web\r\nspec:\r\n    type: LoadBalancer\r\n    ports:\r\n    - port: 443\r\n    selector:\r\n        app: web\r\n',
    fixes: [
      {
        title: RESTRICT,
        output: 'apiVersion: v1\r\nkind: Service\r\nmetadata:\r\n    name: web\r\nspec:\r\n    type: LoadBalancer\r\n    ports:\r\n    - port: 443\r\n    selector:\r\n        app: web\r\n    loadBalancerSourceRanges:\r\n    - 203.0.113.0/24\r\n',
      },
    ],
  },
  {
    name: 'an empty flow list, in the middle of a multi-document file, is filled',
    code: yaml`
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: a}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: web}
      spec: {type: LoadBalancer, loadBalancerSourceRanges: [], ports: [{port: 443}]}
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: c}
    `,
    fixes: [
      {
        title: RESTRICT,
        output: yaml`
          apiVersion: v1
          kind: ConfigMap
          metadata: {name: a}
          ---
          apiVersion: v1
          kind: Service
          metadata: {name: web}
          spec: {type: LoadBalancer, loadBalancerSourceRanges: [203.0.113.0/24], ports: [{port: 443}]}
          ---
          apiVersion: v1
          kind: ConfigMap
          metadata: {name: c}
        `,
      },
    ],
  },
  {
    name: 'an open range beside real ones can be replaced or dropped; a copy of it goes too',
    code: yaml`
      apiVersion: v1
      kind: Service
      metadata: {name: web}
      spec:
        type: LoadBalancer
        loadBalancerSourceRanges:
          - 10.0.0.0/8 # office VPN
          - '0.0.0.0/0'
          - 0.0.0.0/0
        ports: [{port: 443}]
    `,
    fixes: [
      {
        title: "Replace 0.0.0.0/0 with 203.0.113.0/24 (placeholder: set your clients' ranges)",
        output: yaml`
          apiVersion: v1
          kind: Service
          metadata: {name: web}
          spec:
            type: LoadBalancer
            loadBalancerSourceRanges:
              - 10.0.0.0/8 # office VPN
              - '203.0.113.0/24'
              - 203.0.113.0/24
            ports: [{port: 443}]
        `,
      },
      {
        title: 'Remove 0.0.0.0/0, keeping the other ranges',
        output: yaml`
          apiVersion: v1
          kind: Service
          metadata: {name: web}
          spec:
            type: LoadBalancer
            loadBalancerSourceRanges:
              - 10.0.0.0/8 # office VPN
            ports: [{port: 443}]
        `,
      },
      {
        title: "Replace 0.0.0.0/0 with 203.0.113.0/24 (placeholder: set your clients' ranges)",
        output: yaml`
          apiVersion: v1
          kind: Service
          metadata: {name: web}
          spec:
            type: LoadBalancer
            loadBalancerSourceRanges:
              - 10.0.0.0/8 # office VPN
              - '203.0.113.0/24'
              - 203.0.113.0/24
            ports: [{port: 443}]
        `,
      },
      {
        title: 'Remove 0.0.0.0/0, keeping the other ranges',
        output: yaml`
          apiVersion: v1
          kind: Service
          metadata: {name: web}
          spec:
            type: LoadBalancer
            loadBalancerSourceRanges:
              - 10.0.0.0/8 # office VPN
            ports: [{port: 443}]
        `,
      },
    ],
  },
  {
    name: 'the only range, ::/0, is replaced by the IPv6 documentation range and cannot just be dropped',
    code: yaml`
      apiVersion: v1
      kind: Service
      metadata: {name: web}
      spec:
        type: LoadBalancer
        loadBalancerSourceRanges: ["::/0"]
        ports: [{port: 443}]
    `,
    fixes: [
      {
        title: "Replace ::/0 with 2001:db8::/32 (placeholder: set your clients' ranges)",
        output: yaml`
          apiVersion: v1
          kind: Service
          metadata: {name: web}
          spec:
            type: LoadBalancer
            loadBalancerSourceRanges: ["2001:db8::/32"]
            ports: [{port: 443}]
        `,
      },
    ],
  },
  {
    name: 'the annotation, quoted key and value: the entry is rewritten inside the string',
    code: yaml`
      apiVersion: v1
      kind: Service
      metadata:
        name: web
        annotations:
          "service.beta.kubernetes.io/load-balancer-source-ranges": "0.0.0.0/0, 10.0.0.0/8"
      spec:
        type: LoadBalancer
        ports: [{port: 443}]
    `,
    fixes: [
      {
        title: "Replace 0.0.0.0/0 with 203.0.113.0/24 in service.beta.kubernetes.io/load-balancer-source-ranges (placeholder: set your clients' ranges)",
        output: yaml`
          apiVersion: v1
          kind: Service
          metadata:
            name: web
            annotations:
              "service.beta.kubernetes.io/load-balancer-source-ranges": "203.0.113.0/24, 10.0.0.0/8"
          spec:
            type: LoadBalancer
            ports: [{port: 443}]
        `,
      },
      {
        title: 'Remove 0.0.0.0/0 from service.beta.kubernetes.io/load-balancer-source-ranges, keeping the other ranges',
        output: yaml`
          apiVersion: v1
          kind: Service
          metadata:
            name: web
            annotations:
              "service.beta.kubernetes.io/load-balancer-source-ranges": "10.0.0.0/8"
          spec:
            type: LoadBalancer
            ports: [{port: 443}]
        `,
      },
    ],
  },
  {
    name: 'a range written as an alias is shared text: no edit is offered',
    code: yaml`
      apiVersion: v1
      kind: Service
      metadata:
        name: web
        annotations:
          example.com/allowed: &open 0.0.0.0/0
      spec:
        type: LoadBalancer
        loadBalancerSourceRanges: [10.0.0.0/8, *open]
        ports: [{port: 443}]
    `,
    fixes: [],
  },
  {
    name: 'a spec built with a merge key: the list cannot be added to text other places share',
    code: yaml`
      apiVersion: v1
      kind: Service
      metadata: {name: api}
      spec:
        <<: {type: LoadBalancer, ports: [{port: 443}]}
    `,
    fixes: [],
  },
]);
