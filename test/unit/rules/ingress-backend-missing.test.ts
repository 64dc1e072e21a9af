import { ingressBackendMissing } from '../../../server/src/engine/rules/workspace/ingress-backend-missing';
import { yaml } from '../../support/dedent';
import { testRule } from '../rule-tester';

const services = yaml`
  apiVersion: v1
  kind: Service
  metadata: {name: web, namespace: shop}
  spec:
    selector: {app: web}
    ports:
      - {name: http, port: 80, targetPort: 8080}
      - {name: https, port: 443, targetPort: 8443}
  ---
  apiVersion: v1
  kind: Service
  metadata: {name: docs, namespace: shop}
  spec:
    type: ExternalName
    externalName: docs.example.com
  ---
  apiVersion: v1
  kind: Service
  metadata: {name: api, namespace: payments}
  spec:
    ports: [{port: 8080}]
`;

testRule(ingressBackendMissing, {
  valid: [
    {
      name: 'Services and ports of other files, by number and by name; an ExternalName Service',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: shop, namespace: shop}
        spec:
          defaultBackend:
            service: {name: web, port: {name: http}}
          rules:
            - host: shop.example.com
              http:
                paths:
                  - path: /
                    pathType: Prefix
                    backend:
                      service: {name: web, port: {number: 443}}
                  - path: /docs
                    pathType: Prefix
                    backend:
                      service: {name: docs, port: {number: 443}}
      `,
      otherFiles: { 'services.yaml': services },
    },
    {
      name: 'no Service of its namespace in the workspace',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: blog, namespace: blog}
        spec:
          defaultBackend:
            service: {name: blog, port: {number: 80}}
      `,
      otherFiles: { 'services.yaml': services },
    },
    {
      name: 'the v1beta1 form; a resource backend; a backend without a port',
      code: yaml`
        apiVersion: extensions/v1beta1
        kind: Ingress
        metadata: {name: shop, namespace: shop}
        spec:
          backend: {serviceName: web, servicePort: https}
          rules:
            - http:
                paths:
                  - path: /
                    backend: {serviceName: web, servicePort: 80}
                  - path: /static
                    backend: {resource: {apiGroup: k8s.example.com, kind: StorageBucket, name: static}}
                  - path: /x
                    backend: {service: {name: web}}
      `,
      otherFiles: { 'services.yaml': services },
    },
    {
      name: 'a Service without a port list; a Gateway API route is not an Ingress',
      code: yaml`
        apiVersion: v1
        kind: Service
        metadata: {name: headless}
        spec:
          clusterIP: None
          selector: {app: db}
        ---
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: db}
        spec:
          defaultBackend:
            service: {name: headless, port: {number: 5432}}
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: web}
        spec:
          rules:
            - backendRefs: [{name: missing, port: 80}]
      `,
    },
    {
      name: 'kube-system holds more Services than the workspace',
      code: yaml`
        apiVersion: v1
        kind: Service
        metadata: {name: oauth2-proxy, namespace: kube-system}
        spec:
          ports: [{port: 4180}]
        ---
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: dashboard, namespace: kube-system}
        spec:
          defaultBackend:
            service: {name: kubernetes-dashboard, port: {number: 443}}
      `,
    },
  ],
  invalid: [
    {
      name: 'a Service name that the namespace does not define',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: shop, namespace: shop}
        spec:
          rules:
            - host: shop.example.com
              http:
                paths:
                  - path: /
                    pathType: Prefix
                    backend:
                      service:
                        name: webb
                        port:
                          number: 80
      `,
      otherFiles: { 'services.yaml': services },
      findings: [
        {
          line: 13,
          column: 23,
          endLine: 13,
          endColumn: 27,
          message: 'Service "webb" is not defined in namespace "shop" in the workspace (it has "docs" and "web"): requests routed to this backend fail.',
        },
      ],
    },
    {
      name: 'ports the Service does not have, by number and by name',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: shop, namespace: shop}
        spec:
          defaultBackend:
            service: {name: web, port: {number: 8080}}
          rules:
            - http:
                paths:
                  - path: /
                    pathType: Prefix
                    backend:
                      service:
                        name: web
                        port:
                          name: htps
      `,
      otherFiles: { 'services.yaml': services },
      findings: [
        {
          line: 6,
          column: 41,
          endLine: 6,
          endColumn: 45,
          message: 'Service "web" has no port 8080 (its ports: 80 "http", 443 "https"): requests routed to this backend fail.',
        },
        { line: 16, column: 25, endLine: 16, endColumn: 29, message: 'Service "web" has no port named "htps" (its ports: 80 "http", 443 "https"): requests routed to this backend fail.' },
      ],
    },
    {
      name: 'the v1beta1 form; a Service of another namespace does not count',
      code: yaml`
        apiVersion: networking.k8s.io/v1beta1
        kind: Ingress
        metadata: {name: shop, namespace: shop}
        spec:
          backend:
            serviceName: api
            servicePort: 8080
          rules:
            - http:
                paths:
                  - backend:
                      serviceName: web
                      servicePort: "8443"
      `,
      otherFiles: { 'services.yaml': services },
      findings: [
        { line: 6, column: 18, endLine: 6, endColumn: 21, message: /^Service "api" is not defined in namespace "shop"/ },
        { line: 13, column: 28, endLine: 13, endColumn: 34, message: /^Service "web" has no port 8443/ },
      ],
    },
  ],
});
