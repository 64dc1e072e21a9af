import { serviceNodeport } from '../../../server/src/engine/rules/service/service-nodeport';
import { yaml } from '../../support/dedent';
import { testRule } from '../rule-tester';

testRule(serviceNodeport, {
  valid: [
    {
      name: 'ClusterIP by default',
      code: yaml`
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        spec:
          selector: {app: web}
          ports: [{port: 80}]
      `,
    },
    {
      name: 'a LoadBalancer also allocates node ports, but is service-loadbalancer-open\'s business',
      code: yaml`
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        spec:
          type: LoadBalancer
          ports: [{port: 80, nodePort: 30080}]
      `,
    },
    {
      name: 'a Knative Service of type NodePort-like text is not a core Service',
      code: yaml`
        apiVersion: serving.knative.dev/v1
        kind: Service
        metadata: {name: web}
        spec:
          type: NodePort
      `,
    },
    {
      name: 'type written in lower case is not NodePort (the API refuses it)',
      code: yaml`
        apiVersion: v1
        kind: Service
        spec: {type: nodeport}
      `,
    },
  ],
  invalid: [
    {
      name: 'NodePort with an allocated port',
      code: yaml`
        apiVersion: v1
        kind: Service
        metadata: {name: frontend}
        spec:
          type: NodePort
          ports:
            - port: 80
      `,
      findings: [{ line: 5, column: 3, endLine: 5, endColumn: 17, message: 'Service "frontend" is exposed on a node port of every node, reachable by anyone who can reach a node.' }],
    },
    {
      name: 'fixed node ports are named, flow style, without apiVersion',
      code: yaml`
        kind: Service
        metadata: {name: admin}
        spec: {ports: [{port: 80, nodePort: 30080}, {port: 443, nodePort: "30443"}], type: NodePort}
      `,
      findings: [{ line: 3, column: 78, endLine: 3, endColumn: 92, message: /node ports 30080, 30443 of every node/ }],
    },
    {
      name: 'second document of a file, inside a List',
      code: yaml`
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: settings}
        ---
        apiVersion: v1
        kind: List
        items:
          - apiVersion: v1
            kind: Service
            metadata: {name: debug}
            spec:
              type: NodePort
              ports: [{port: 2345, nodePort: 32345}]
      `,
      findings: [{ line: 12, column: 7, endLine: 12, endColumn: 21, message: /Service "debug" is exposed on node port 32345 / }],
    },
  ],
});
