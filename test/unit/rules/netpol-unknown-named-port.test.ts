import { netpolUnknownNamedPort } from '../../../server/src/engine/rules/workspace/netpol-unknown-named-port';
import { yaml } from '../../support/dedent';
import { testRule } from '../rule-tester';

const operatedStack = yaml`
  apiVersion: monitoring.coreos.com/v1
  kind: Prometheus
  metadata: {name: main, namespace: shop}
  spec:
    podMetadata:
      labels: {team: ops}
`;

const rollout = yaml`
  apiVersion: argoproj.io/v1alpha1
  kind: Rollout
  metadata: {name: canary, namespace: shop}
  spec:
    template:
      metadata:
        labels: {app: canary}
      spec:
        containers:
          - name: canary
            image: canary:1
            ports:
              - {name: http, containerPort: 8080}
`;

const workloads = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: api, namespace: shop}
  spec:
    template:
      metadata:
        labels: {app: api}
      spec:
        containers:
          - name: api
            image: api:1
            ports:
              - {name: http, containerPort: 8080}
              - {name: metrics, containerPort: 9090}
  ---
  apiVersion: apps/v1
  kind: StatefulSet
  metadata: {name: db, namespace: data}
  spec:
    template:
      metadata:
        labels: {app: db}
      spec:
        initContainers:
          - name: init
            image: db:1
            ports: [{name: setup, containerPort: 7000}]
        containers:
          - name: db
            image: db:1
            ports: [{name: sql, containerPort: 5432}, {name: gossip, containerPort: 7946, protocol: UDP}]
`;

const dns = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: dns, namespace: infra}
  spec:
    template:
      metadata:
        labels: {app: dns}
      spec:
        containers:
          - name: dns
            image: dns:1
            ports:
              - {name: dns, containerPort: 53, protocol: UDP}
              - {name: dns-tcp, containerPort: 53}
              - {name: metrics, containerPort: 9153, protocol: ""}
`;

testRule(netpolUnknownNamedPort, {
  valid: [
    {
      name: 'named ports the destinations declare, ingress and egress, with their protocol',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: api, namespace: shop}
        spec:
          podSelector: {matchLabels: {app: api}}
          policyTypes: [Ingress, Egress]
          ingress:
            - ports: [{port: http}, {port: metrics, protocol: TCP}, {port: 8443}]
          egress:
            - to:
                - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: data}}
              ports: [{port: sql}, {port: gossip, protocol: UDP}]
      `,
      otherFiles: { 'workloads.yaml': workloads },
    },
    {
      name: 'destinations the workspace cannot know: a lone policy, any namespace, addresses, every peer',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: web, namespace: web}
        spec:
          podSelector: {matchLabels: {app: web}}
          policyTypes: [Ingress, Egress]
          ingress:
            - ports: [{port: https}]
          egress:
            - to: [{namespaceSelector: {}}]
              ports: [{port: dns, protocol: UDP}]
            - to: [{ipBlock: {cidr: 10.0.0.0/8}}]
              ports: [{port: https}]
            - ports: [{port: grpc}]
            - to:
                - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: payments}}
              ports: [{port: grpc}]
      `,
      otherFiles: { 'workloads.yaml': workloads },
    },
    {
      name: 'one of several destinations declares the port',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: all, namespace: shop}
        spec:
          podSelector: {}
          ingress:
            - ports: [{port: metrics}]
      `,
      otherFiles: {
        'workloads.yaml': `${workloads}---\n${yaml`
          apiVersion: v1
          kind: Pod
          metadata: {name: debug, namespace: shop}
        `}`,
      },
    },
    {
      name: 'a workload defined in two files: either declaration counts',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: api, namespace: shop}
        spec:
          podSelector: {matchLabels: {app: api}}
          ingress:
            - ports: [{port: grpc}]
      `,
      otherFiles: { 'a.yaml': workloads, 'b.yaml': workloads.replace('name: metrics', 'name: grpc') },
    },
    {
      name: 'rules of a direction the policy does not affect',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: api, namespace: shop}
        spec:
          podSelector: {matchLabels: {app: api}}
          policyTypes: [Egress]
          ingress:
            - ports: [{port: nope}]
      `,
      otherFiles: { 'workloads.yaml': workloads },
    },
    {
      name: 'egress toward kube-system, where the workspace deploys an add-on but not the cluster DNS',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: oauth2-proxy, namespace: kube-system}
        spec:
          template:
            metadata:
              labels: {k8s-app: oauth2-proxy}
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: allow-dns, namespace: shop}
        spec:
          podSelector: {}
          policyTypes: [Egress]
          egress:
            - to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}}]
              ports: [{port: dns, protocol: UDP}, {port: dns-tcp}]
      `,
      otherFiles: { 'workloads.yaml': workloads },
    },
    {
      name: 'protocols with their defaults: absent or empty on a container port and absent on the entry are TCP',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: dns, namespace: infra}
        spec:
          podSelector: {matchLabels: {app: dns}}
          ingress:
            - ports: [{port: dns, protocol: UDP}, {port: dns-tcp}, {port: metrics}, {port: dns-tcp, protocol: TCP}]
      `,
      otherFiles: { 'dns.yaml': dns },
    },
    {
      name: 'names the API server refuses are netpol-invalid-port\'s: a quoted number, capitals, too long',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: api, namespace: shop}
        spec:
          podSelector: {matchLabels: {app: api}}
          ingress:
            - ports: [{port: "8080"}, {port: HTTP}, {port: a-very-long-port-name}]
      `,
      otherFiles: { 'workloads.yaml': workloads },
    },
    {
      name: 'pods an operator creates may declare the name (Prometheus serves "web" from a container no manifest shows)',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: monitoring, namespace: shop}
        spec:
          podSelector: {}
          ingress:
            - ports: [{port: web}]
      `,
      otherFiles: { 'workloads.yaml': workloads, 'prometheus.yaml': operatedStack },
    },
  ],
  invalid: [
    {
      name: 'a Rollout declares its pod template ports: a name neither it nor the Deployment declares',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: all, namespace: shop}
        spec:
          podSelector: {}
          ingress:
            - ports: [{port: grpc}]
      `,
      otherFiles: { 'workloads.yaml': workloads, 'rollout.yaml': rollout },
      findings: [
        {
          line: 7,
          column: 22,
          endLine: 7,
          endColumn: 26,
          message: 'No selected workload (Deployment "api" and Rollout "canary") declares a container port named "grpc" with protocol TCP: this entry allows no traffic.',
        },
      ],
    },
    {
      name: 'an ingress port name no selected workload declares',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: api, namespace: shop}
        spec:
          podSelector: {matchLabels: {app: api}}
          ingress:
            - from: [{podSelector: {}}]
              ports:
                - port: http
                - port: htpp
      `,
      otherFiles: { 'workloads.yaml': workloads },
      findings: [
        {
          line: 10,
          column: 17,
          endLine: 10,
          endColumn: 21,
          message: 'No selected workload (Deployment "api") declares a container port named "htpp" with protocol TCP: this entry allows no traffic.',
        },
      ],
    },
    {
      name: 'declared with another protocol; init container ports do not count',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: db, namespace: data}
        spec:
          podSelector: {}
          ingress:
            - ports: [{port: gossip}, {port: setup}]
      `,
      otherFiles: { 'workloads.yaml': workloads },
      findings: [
        {
          line: 7,
          column: 22,
          endLine: 7,
          endColumn: 28,
          message: 'No selected workload (StatefulSet "db") declares a container port named "gossip" with protocol TCP (only with protocol UDP): this entry allows no traffic.',
        },
        { line: 7, column: 38, endLine: 7, endColumn: 43, message: /named "setup" with protocol TCP: / },
      ],
    },
    {
      name: 'egress toward pods of the namespace, and toward pods of a namespace named by the selector',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: api-egress, namespace: shop}
        spec:
          podSelector: {}
          policyTypes: [Egress]
          egress:
            - to: [{podSelector: {matchLabels: {app: api}}}]
              ports: [{port: sql}]
            - to:
                - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: data}}
                  podSelector: {matchLabels: {app: db}}
              ports:
                - port: postgres
                  protocol: TCP
      `,
      otherFiles: { 'workloads.yaml': workloads },
      findings: [
        { line: 9, column: 22, endLine: 9, endColumn: 25, message: 'No destination (Deployment "api") declares a container port named "sql" with protocol TCP: this entry allows no traffic.' },
        { line: 14, column: 17, endLine: 14, endColumn: 25, message: /^No destination \(StatefulSet "db"\) declares a container port named "postgres"/ },
      ],
    },
    {
      name: 'an entry without protocol is TCP: a UDP-only port of that name does not match, nor a TCP one a UDP entry',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: dns, namespace: infra}
        spec:
          podSelector: {matchLabels: {app: dns}}
          ingress:
            - ports:
                - port: dns
                - port: dns-tcp
                  protocol: UDP
                - port: metrics
                  protocol: UDP
      `,
      otherFiles: { 'dns.yaml': dns },
      findings: [
        {
          line: 8,
          column: 17,
          endLine: 8,
          endColumn: 20,
          message: 'No selected workload (Deployment "dns") declares a container port named "dns" with protocol TCP (only with protocol UDP): this entry allows no traffic.',
        },
        {
          line: 9,
          column: 17,
          endLine: 9,
          endColumn: 24,
          message: 'No selected workload (Deployment "dns") declares a container port named "dns-tcp" with protocol UDP (only with protocol TCP): this entry allows no traffic.',
        },
        {
          line: 11,
          column: 17,
          endLine: 11,
          endColumn: 24,
          message: 'No selected workload (Deployment "dns") declares a container port named "metrics" with protocol UDP (only with protocol TCP): this entry allows no traffic.',
        },
      ],
    },
    {
      name: 'a container port protocol the API server refuses is named as written',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: dns, namespace: infra}
        spec:
          podSelector: {matchLabels: {app: dns}}
          ingress:
            - ports: [{port: dns-tcp}]
      `,
      otherFiles: { 'dns.yaml': dns.replace('{name: dns-tcp, containerPort: 53}', '{name: dns-tcp, containerPort: 53, protocol: tcp}') },
      findings: [
        {
          line: 7,
          column: 22,
          endLine: 7,
          endColumn: 29,
          message: 'No selected workload (Deployment "dns") declares a container port named "dns-tcp" with protocol TCP (only with protocol tcp): this entry allows no traffic.',
        },
      ],
    },
  ],
});
