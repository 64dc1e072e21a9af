import { ingressBackendTlsUnverified } from '../../../server/src/engine/rules/service/ingress-backend-tls-unverified';
import { yaml } from '../../support/dedent';
import { testRule } from '../rule-tester';

testRule(ingressBackendTlsUnverified, {
  valid: [
    {
      name: 'verification on',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          annotations:
            nginx.ingress.kubernetes.io/backend-protocol: HTTPS
            nginx.ingress.kubernetes.io/proxy-ssl-verify: "on"
            nginx.ingress.kubernetes.io/proxy-ssl-secret: app/backend-ca
        spec: {rules: [{host: a.example.com}]}
      `,
    },
    {
      name: 'plaintext backend protocols are not this rule',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          annotations: {nginx.ingress.kubernetes.io/backend-protocol: GRPC}
        spec: {rules: [{host: a.example.com}]}
        ---
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          annotations: {nginx.ingress.kubernetes.io/proxy-ssl-verify: "off"}
        spec: {rules: [{host: b.example.com}]}
      `,
    },
    {
      name: 'another kind carrying the annotation',
      code: yaml`
        apiVersion: v1
        kind: Service
        metadata:
          annotations: {nginx.ingress.kubernetes.io/backend-protocol: HTTPS}
      `,
    },
  ],
  invalid: [
    {
      name: 'HTTPS backend without proxy-ssl-verify',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: vault
          annotations:
            nginx.ingress.kubernetes.io/backend-protocol: HTTPS
        spec: {rules: [{host: vault.example.com}]}
      `,
      findings: [
        {
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 56,
          message:
            'The HTTPS connection from ingress-nginx to the backend pods is not authenticated: proxy-ssl-verify is not set (off by default), so any certificate is accepted.',
        },
      ],
    },
    {
      name: 'GRPCS backend, verification explicitly off, lower-case protocol',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          annotations: {nginx.ingress.kubernetes.io/proxy-ssl-verify: "off", nginx.ingress.kubernetes.io/backend-protocol: grpcs}
        spec: {rules: [{host: grpc.example.com}]}
      `,
      findings: [{ line: 4, column: 70, endLine: 4, endColumn: 121, message: /^The GRPCS connection .* proxy-ssl-verify is "off", so any certificate is accepted\.$/ }],
    },
  ],
});
