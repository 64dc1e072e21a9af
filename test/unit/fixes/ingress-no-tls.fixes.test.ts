import { ingressNoTls } from '../../../server/src/engine/rules/service/ingress-no-tls';
import { yaml } from '../../support/dedent';
import { testFixes } from '../fix-tester';

const NOTE = '(placeholder: create the certificate Secret)';

testFixes(ingressNoTls, [
  {
    name: 'no spec.tls, block style with comments: one entry lists every rule host once',
    code: yaml`
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata:
        name: shop
      spec:
        ingressClassName: nginx # public controller
        rules:
          - host: shop.example.com
            http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: shop, port: {number: 80}}}}]}
          - host: api.example.com # mobile clients
          - host: shop.example.com
    `,
    fixes: [
      {
        title: `Add spec.tls for shop.example.com, api.example.com with Secret shop-tls ${NOTE}`,
        preferred: false,
        output: yaml`
          apiVersion: networking.k8s.io/v1
          kind: Ingress
          metadata:
            name: shop
          spec:
            ingressClassName: nginx # public controller
            rules:
              - host: shop.example.com
                http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: shop, port: {number: 80}}}}]}
              - host: api.example.com # mobile clients
              - host: shop.example.com
            tls:
              - hosts:
                  - shop.example.com
                  - api.example.com
                secretName: shop-tls
        `,
      },
    ],
  },
  {
    name: 'CRLF, 4-space indentation and flush sequences',
    code: 'apiVersion: networking.k8s.io/v1\r\nkind: Ingress\r\nmetadata:\r\n    name: shop\r\nspec:\r\n    rules:\r\n    - host: shop.example.com\r\n',
    fixes: [
      {
        title: `Add spec.tls for shop.example.com with Secret shop-tls ${NOTE}`,
        output: 'apiVersion: networking.k8s.io/v1\r\nkind: Ingress\r\nmetadata:\r\n    name: shop\r\nspec:\r\n    rules:\r\n    - host: shop.example.com\r\n    tls:\r\n    - hosts:\r\n      - shop.example.com\r\n      secretName: shop-tls\r\n',
      },
    ],
  },
  {
    name: 'an empty flow list in the middle of a multi-document file; a wildcard host is quoted',
    code: yaml`
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: a}
      ---
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata: {name: tenants}
      spec: {tls: [], rules: [{host: "*.example.com"}]}
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: c}
    `,
    fixes: [
      {
        title: `Add spec.tls for *.example.com with Secret tenants-tls ${NOTE}`,
        output: yaml`
          apiVersion: v1
          kind: ConfigMap
          metadata: {name: a}
          ---
          apiVersion: networking.k8s.io/v1
          kind: Ingress
          metadata: {name: tenants}
          spec: {tls: [{hosts: ["*.example.com"], secretName: tenants-tls}], rules: [{host: "*.example.com"}]}
          ---
          apiVersion: v1
          kind: ConfigMap
          metadata: {name: c}
        `,
      },
    ],
  },
  {
    name: 'a host no entry covers gets an entry of its own, after the existing ones',
    code: yaml`
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata:
        name: shop
      spec:
        tls:
          - hosts: [shop.example.com]
            secretName: shop-tls # issued by cert-manager
        rules:
          - host: shop.example.com
          - host: admin.shop.example.com
    `,
    fixes: [
      {
        title: `Add a spec.tls entry for admin.shop.example.com with Secret admin-shop-example-com-tls ${NOTE}`,
        output: yaml`
          apiVersion: networking.k8s.io/v1
          kind: Ingress
          metadata:
            name: shop
          spec:
            tls:
              - hosts: [shop.example.com]
                secretName: shop-tls # issued by cert-manager
              - hosts:
                  - admin.shop.example.com
                secretName: admin-shop-example-com-tls
            rules:
              - host: shop.example.com
              - host: admin.shop.example.com
        `,
      },
    ],
  },
  {
    name: 'only a default backend: the entry has no hosts, for the catch-all server',
    code: yaml`
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata:
        name: web
      spec:
        defaultBackend:
          service: {name: web, port: {number: 80}}
    `,
    fixes: [
      {
        title: `Add spec.tls with Secret web-tls ${NOTE}`,
        output: yaml`
          apiVersion: networking.k8s.io/v1
          kind: Ingress
          metadata:
            name: web
          spec:
            defaultBackend:
              service: {name: web, port: {number: 80}}
            tls:
              - secretName: web-tls
        `,
      },
    ],
  },
  {
    name: 'named hosts beside a host-less rule: TLS for the hosts would leave the rule in plaintext, so nothing is offered',
    code: yaml`
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata:
        name: shop
      spec:
        rules:
          - host: shop.example.com
          - http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: shop, port: {number: 80}}}}]}
    `,
    fixes: [],
  },
  {
    name: 'a spec merged in from an anchor is shared text: no edit is offered',
    code: yaml`
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata:
        name: shop
      spec:
        <<: {rules: [{host: shop.example.com}]}
    `,
    fixes: [],
  },
]);
