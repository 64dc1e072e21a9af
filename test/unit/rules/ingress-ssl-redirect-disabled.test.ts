import { ingressSslRedirectDisabled } from '../../../server/src/engine/rules/service/ingress-ssl-redirect-disabled';
import { yaml } from '../../support/dedent';
import { testRule } from '../rule-tester';

testRule(ingressSslRedirectDisabled, {
  valid: [
    {
      name: 'redirect left on (default), or set to true',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          annotations: {nginx.ingress.kubernetes.io/ssl-redirect: "true"}
        spec:
          tls: [{hosts: [a.example.com], secretName: a-tls}]
          rules: [{host: a.example.com}]
      `,
    },
    {
      name: 'ssl-redirect false on an Ingress without TLS removes nothing (ingress-no-tls reports the Ingress)',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          annotations: {nginx.ingress.kubernetes.io/ssl-redirect: "false"}
        spec:
          rules: [{host: a.example.com}]
      `,
    },
    {
      name: 'force-ssl-redirect true wins over ssl-redirect false',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          annotations:
            nginx.ingress.kubernetes.io/ssl-redirect: "false"
            nginx.ingress.kubernetes.io/force-ssl-redirect: "true"
        spec:
          tls: [{hosts: [a.example.com], secretName: a-tls}]
          rules: [{host: a.example.com}]
      `,
    },
    {
      name: 'force-ssl-redirect false changes nothing when the TLS redirect applies',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          annotations: {nginx.ingress.kubernetes.io/force-ssl-redirect: "false"}
        spec:
          tls: [{hosts: [a.example.com], secretName: a-tls}]
          rules: [{host: a.example.com}]
      `,
    },
    {
      name: 'annotations of other controllers, and other kinds',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          annotations: {alb.ingress.kubernetes.io/ssl-redirect: "false", ingress.kubernetes.io/ssl-redirect: "false"}
        spec:
          tls: [{hosts: [a.example.com]}]
        ---
        apiVersion: v1
        kind: Service
        metadata:
          annotations: {nginx.ingress.kubernetes.io/ssl-redirect: "false"}
      `,
    },
  ],
  invalid: [
    {
      name: 'ssl-redirect false on an Ingress with TLS',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: portal
          annotations:
            nginx.ingress.kubernetes.io/ssl-redirect: "false"
        spec:
          tls: [{hosts: [portal.example.com], secretName: portal-tls}]
          rules: [{host: portal.example.com}]
      `,
      findings: [
        {
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 54,
          message:
            'nginx.ingress.kubernetes.io/ssl-redirect: "false" stops the redirect to HTTPS, so the TLS hosts of this Ingress still answer over plain HTTP.',
        },
      ],
    },
    {
      name: 'Go boolean spellings, both annotations, flow style',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: x, annotations: {nginx.ingress.kubernetes.io/ssl-redirect: "False", nginx.ingress.kubernetes.io/force-ssl-redirect: "0"}}
        spec: {tls: [{secretName: x-tls}], rules: [{host: x.example.com}]}
      `,
      findings: [
        { line: 3, column: 35, endLine: 3, endColumn: 84, message: /ssl-redirect: "False" stops the redirect/ },
        { line: 3, column: 86, endLine: 3, endColumn: 137, message: /force-ssl-redirect: "0" overrides any controller-wide forced redirect/ },
      ],
    },
    {
      name: 'force-ssl-redirect false where nothing else redirects',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: behind-alb
          annotations:
            nginx.ingress.kubernetes.io/force-ssl-redirect: "false"
        spec:
          rules: [{host: b.example.com}]
      `,
      findings: [
        {
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 60,
          message:
            'nginx.ingress.kubernetes.io/force-ssl-redirect: "false" overrides any controller-wide forced redirect, so this Ingress answers over plain HTTP.',
        },
      ],
    },
  ],
});
