import { serviceSourceIpLost } from '../../../server/src/engine/rules/service/service-source-ip-lost';
import { yaml } from '../../support/dedent';
import { testFixes } from '../fix-tester';

testFixes(serviceSourceIpLost, [
  {
    name: 'a LoadBalancer without a policy, block style with comments: Local is added at the end of spec',
    code: yaml`
      apiVersion: v1
      kind: Service
      metadata:
        name: ingress-nginx-controller
      spec:
        type: LoadBalancer # public entry point
        selector:
          app.kubernetes.io/name: ingress-nginx
          app.kubernetes.io/component: controller
        ports:
          - name: https
            port: 443 # TLS passthrough
    `,
    fixes: [
      {
        title: 'Set externalTrafficPolicy: Local',
        preferred: false,
        output: yaml`
          apiVersion: v1
          kind: Service
          metadata:
            name: ingress-nginx-controller
          spec:
            type: LoadBalancer # public entry point
            selector:
              app.kubernetes.io/name: ingress-nginx
              app.kubernetes.io/component: controller
            ports:
              - name: https
                port: 443 # TLS passthrough
            externalTrafficPolicy: Local
        `,
      },
    ],
  },
  {
    name: 'CRLF, 4-space indentation and a flush sequence, a quoted Cluster policy',
    code: 'apiVersion: v1\r\nkind: Service\r\nmetadata:\r\n    name: ingress-nginx-controller\r\nspec:\r\n    type: LoadBalancer\r\n    externalTrafficPolicy: "Cluster"\r\n    selector:\r\n        app.kubernetes.io/name: ingress-nginx\r\n        app.kubernetes.io/component: controller\r\n    ports:\r\n    - port: 443\r\n',
    fixes: [
      {
        title: 'Set externalTrafficPolicy: Local',
        output: 'apiVersion: v1\r\nkind: Service\r\nmetadata:\r\n    name: ingress-nginx-controller\r\nspec:\r\n    type: LoadBalancer\r\n    externalTrafficPolicy: "Local"\r\n    selector:\r\n        app.kubernetes.io/name: ingress-nginx\r\n        app.kubernetes.io/component: controller\r\n    ports:\r\n    - port: 443\r\n',
      },
    ],
  },
  {
    name: 'a NodePort in flow style, in the middle of a multi-document file: the title says what Local costs there',
    code: yaml`
      apiVersion: v1
      kind: Namespace
      metadata: {name: ingress-nginx}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: ingress-nginx-controller, namespace: ingress-nginx}
      spec: {type: NodePort, selector: {app.kubernetes.io/name: ingress-nginx, app.kubernetes.io/component: controller}, ports: [{port: 80, nodePort: 30080}]}
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: c, namespace: ingress-nginx}
    `,
    fixes: [
      {
        title: 'Set externalTrafficPolicy: Local (nodes without a proxy pod stop answering on the node port)',
        output: yaml`
          apiVersion: v1
          kind: Namespace
          metadata: {name: ingress-nginx}
          ---
          apiVersion: v1
          kind: Service
          metadata: {name: ingress-nginx-controller, namespace: ingress-nginx}
          spec: {type: NodePort, selector: {app.kubernetes.io/name: ingress-nginx, app.kubernetes.io/component: controller}, ports: [{port: 80, nodePort: 30080}], externalTrafficPolicy: Local}
          ---
          apiVersion: v1
          kind: ConfigMap
          metadata: {name: c, namespace: ingress-nginx}
        `,
      },
    ],
  },
  {
    name: 'a spec built with a merge key is shared text: no edit is offered',
    code: yaml`
      apiVersion: v1
      kind: Service
      metadata: {name: ingress-nginx-controller}
      spec:
        <<: {type: LoadBalancer, selector: {app.kubernetes.io/name: ingress-nginx, app.kubernetes.io/component: controller}}
    `,
    fixes: [],
  },
]);
