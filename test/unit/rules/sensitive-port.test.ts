import { sensitivePort } from '../../../server/src/engine/rules/pod/sensitive-port';
import { yaml } from '../../support/dedent';
import { testRule } from '../rule-tester';

testRule(sensitivePort, {
  valid: [
    {
      name: 'a PostgreSQL StatefulSet behind a ClusterIP Service is normal',
      code: yaml`
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: postgres}
        spec:
          template:
            spec:
              containers:
                - name: postgres
                  ports: [{containerPort: 5432, name: postgres}]
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: postgres}
        spec:
          selector: {app: postgres}
          ports: [{port: 5432, targetPort: postgres}]
      `,
    },
    {
      name: 'a LoadBalancer Service on ordinary ports, a named targetPort',
      code: yaml`
        apiVersion: v1
        kind: Service
        spec:
          type: LoadBalancer
          ports:
            - {port: 443, targetPort: 8443}
            - {port: 80, targetPort: redis}
      `,
    },
    {
      name: 'hostPort 0 means no host port; a hostPort on an ordinary port',
      code: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: redis
              ports:
                - {containerPort: 6379, hostPort: 0}
                - {containerPort: 8080, hostPort: 8080}
      `,
    },
    {
      name: 'SSH (22) is not in the default list: ssh-port reports it',
      code: yaml`
        apiVersion: v1
        kind: Service
        spec:
          type: NodePort
          ports: [{port: 22}]
      `,
    },
    {
      name: 'an empty sensitivePorts list turns the check off',
      config: { sensitivePorts: [] },
      code: yaml`
        apiVersion: v1
        kind: Service
        spec:
          type: NodePort
          ports: [{port: 6379}]
      `,
    },
    {
      name: 'a port removed from the configured list',
      config: { sensitivePorts: [5432] },
      code: yaml`
        apiVersion: v1
        kind: Service
        spec:
          type: LoadBalancer
          ports: [{port: 6379}]
      `,
    },
    {
      name: 'a Knative Service is not a core Service',
      code: yaml`
        apiVersion: serving.knative.dev/v1
        kind: Service
        spec:
          type: LoadBalancer
          ports: [{port: 6379}]
      `,
    },
    {
      name: 'an ExternalName Service has no exposure',
      code: yaml`
        apiVersion: v1
        kind: Service
        spec:
          type: ExternalName
          externalName: db.example.com
          ports: [{port: 5432}]
      `,
    },
  ],
  invalid: [
    {
      name: 'a LoadBalancer Service on the Redis port',
      code: yaml`
        apiVersion: v1
        kind: Service
        metadata: {name: redis}
        spec:
          type: LoadBalancer
          ports:
            - port: 6379
      `,
      findings: [
        { line: 7, column: 7, endLine: 7, endColumn: 17, message: 'Service port 6379 (Redis) is exposed outside the cluster through its load balancer.' },
      ],
    },
    {
      name: 'NodePort with a sensitive targetPort, externalIPs on a ClusterIP Service',
      code: yaml`
        apiVersion: v1
        kind: Service
        metadata: {name: db}
        spec:
          type: NodePort
          ports:
            - {name: sql, port: 80, targetPort: 3306, nodePort: 30306}
            - {name: mongo, port: 27017, targetPort: "27017"}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: kubelet-proxy}
        spec:
          externalIPs: [198.51.100.7, 198.51.100.8]
          ports:
            - port: 10250
      `,
      findings: [
        { line: 7, column: 29, endLine: 7, endColumn: 45, message: 'Service port 80 forwards to port 3306 (MySQL) and is exposed outside the cluster on a port of every node\'s address.' },
        { line: 8, column: 21, endLine: 8, endColumn: 32, message: /^Service port 27017 \(MongoDB\) is exposed/ },
        { line: 16, column: 7, endLine: 16, endColumn: 18, message: 'Service port 10250 (kubelet API) is exposed outside the cluster on the external IPs 198.51.100.7, 198.51.100.8.' },
      ],
    },
    {
      name: 'containers on the node: hostNetwork and hostPort, init containers too',
      code: yaml`
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: etcd}
        spec:
          template:
            spec:
              hostNetwork: true
              initContainers:
                - name: restore
                  ports: [{containerPort: 2380}]
              containers:
                - name: etcd
                  ports:
                    - containerPort: 2379
                    - containerPort: 9100
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: cache}
        spec:
          containers:
            - name: memcached
              ports:
                - containerPort: 11211
                  hostPort: 11211
            - name: redis
              ports:
                - {containerPort: 7000, hostPort: 6379}
      `,
      findings: [
        { line: 10, column: 20, endLine: 10, endColumn: 39, message: 'Container "restore" listens on port 2380 (etcd peer API) in the node\'s network namespace (hostNetwork), reachable at every address of the node.' },
        { line: 14, column: 15, endLine: 14, endColumn: 34, message: /^Container "etcd" listens on port 2379 \(etcd client API\)/ },
        { line: 24, column: 11, endLine: 24, endColumn: 31, message: 'Container "memcached" publishes port 11211 (memcached) on every node it runs on, as host port 11211.' },
        { line: 28, column: 33, endLine: 28, endColumn: 47, message: 'Container "redis" publishes host port 6379 (Redis) on every node it runs on.' },
      ],
    },
    {
      name: 'an internal load balancer is still reachable from the private network',
      code: yaml`
        apiVersion: v1
        kind: Service
        metadata:
          name: es
          annotations:
            networking.gke.io/load-balancer-type: Internal
        spec:
          type: LoadBalancer
          ports: [{port: 9200}]
      `,
      findings: [
        { line: 9, column: 12, endLine: 9, endColumn: 22, message: 'Service port 9200 (Elasticsearch) is exposed outside the cluster through its internal load balancer.' },
      ],
    },
    {
      name: 'a configured list: 22 and an unnamed port',
      config: { sensitivePorts: [22, 8081] },
      code: yaml`
        apiVersion: v1
        kind: Service
        spec:
          type: LoadBalancer
          ports:
            - {port: 22, targetPort: 2222}
            - {port: 8081}
            - {port: 6379}
      `,
      findings: [
        { line: 6, column: 8, endLine: 6, endColumn: 16, message: 'Service port 22 (SSH) is exposed outside the cluster through its load balancer.' },
        { line: 7, column: 8, endLine: 7, endColumn: 18, message: 'Service port 8081 is exposed outside the cluster through its load balancer.' },
      ],
    },
  ],
});
