import { serviceNodeport } from '../../../server/src/engine/rules/service/service-nodeport';
import { yaml } from '../../support/dedent';
import { testFixes } from '../fix-tester';

testFixes(serviceNodeport, [
  {
    name: 'block style with comments and a quoted type: every node port and externalTrafficPolicy go',
    code: yaml`
      apiVersion: v1
      kind: Service
      metadata:
        name: admin # the admin UI
      spec:
        type: "NodePort" # reachable from the office
        externalTrafficPolicy: Local
        selector:
          app: admin
        ports:
          - nodePort: 30080
            port: 80
            targetPort: 8080
          # metrics
          - name: metrics
            port: 9090
            nodePort: 30090 # scraped from outside
    `,
    fixes: [
      {
        title: 'Change type to ClusterIP',
        preferred: true,
        output: yaml`
          apiVersion: v1
          kind: Service
          metadata:
            name: admin # the admin UI
          spec:
            type: "ClusterIP" # reachable from the office
            selector:
              app: admin
            ports:
              - port: 80
                targetPort: 8080
              # metrics
              - name: metrics
                port: 9090
        `,
      },
    ],
  },
  {
    name: 'CRLF, 4-space indentation and a flush sequence',
    code: 'apiVersion: v1\r\nkind: Service\r\nmetadata:\r\n    name: web\r\nspec:\r\n    type: NodePort\r\n    ports:\r\n    - port: 80\r\n      nodePort: 30080\r\n    selector:\r\n        app: web\r\n',
    fixes: [
      {
        title: 'Change type to ClusterIP',
        output: 'apiVersion: v1\r\nkind: Service\r\nmetadata:\r\n    name: web\r\nspec:\r\n    type: ClusterIP\r\n    ports:\r\n    - port: 80\r\n    selector:\r\n        app: web\r\n',
      },
    ],
  },
  {
    name: 'flow style, in the middle of a multi-document file, with fields only a load balancer may have',
    code: yaml`
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: a}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: web}
      spec: {type: NodePort, allocateLoadBalancerNodePorts: false, ports: [{port: 80, nodePort: 30080}, {port: 443}], selector: {app: web}}
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: c}
    `,
    fixes: [
      {
        title: 'Change type to ClusterIP',
        output: yaml`
          apiVersion: v1
          kind: ConfigMap
          metadata: {name: a}
          ---
          apiVersion: v1
          kind: Service
          metadata: {name: web}
          spec: {type: ClusterIP, ports: [{port: 80}, {port: 443}], selector: {app: web}}
          ---
          apiVersion: v1
          kind: ConfigMap
          metadata: {name: c}
        `,
      },
    ],
  },
  {
    name: 'externalIPs keep the Service externally accessible, so externalTrafficPolicy stays valid and stays',
    code: yaml`
      apiVersion: v1
      kind: Service
      metadata:
        name: web
      spec:
        type: NodePort
        externalTrafficPolicy: Local
        externalIPs:
          - 192.0.2.10
        ports:
          - port: 80
    `,
    fixes: [
      {
        title: 'Change type to ClusterIP',
        output: yaml`
          apiVersion: v1
          kind: Service
          metadata:
            name: web
          spec:
            type: ClusterIP
            externalTrafficPolicy: Local
            externalIPs:
              - 192.0.2.10
            ports:
              - port: 80
        `,
      },
    ],
  },
  {
    name: 'a node port merged in from an anchor is shared text: no edit is offered',
    code: yaml`
      apiVersion: v1
      kind: Service
      metadata:
        name: web
      spec:
        type: NodePort
        ports:
          - &http {port: 80, nodePort: 30080}
          - <<: *http
            port: 8080
    `,
    fixes: [],
  },
]);
