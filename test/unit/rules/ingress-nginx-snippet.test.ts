import { ingressNginxSnippet } from '../../../server/src/engine/rules/service/ingress-nginx-snippet';
import { yaml } from '../../support/dedent';
import { testRule } from '../rule-tester';

testRule(ingressNginxSnippet, {
  valid: [
    {
      name: 'dedicated annotations instead of snippets',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          annotations:
            nginx.ingress.kubernetes.io/custom-headers: ingress-nginx/web-headers
            nginx.ingress.kubernetes.io/permanent-redirect: https://example.com
        spec: {rules: [{host: a.example.com}]}
      `,
    },
    {
      name: 'look-alikes: a snippet-named label, an unrelated prefix, a ConfigMap setting',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          labels: {nginx.ingress.kubernetes.io/server-snippet: "x"}
          annotations:
            example.com/server-snippet: "return 200;"
            nginx.ingress.kubernetes.io/snippet-notes: "none"
        spec: {rules: [{host: a.example.com}]}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: ingress-nginx-controller
          annotations: {nginx.ingress.kubernetes.io/server-snippet: "on a ConfigMap it is inert"}
        data:
          allow-snippet-annotations: "false"
      `,
    },
  ],
  invalid: [
    {
      name: 'configuration and server snippets',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: web
          annotations:
            nginx.ingress.kubernetes.io/configuration-snippet: |
              more_set_headers "X-Frame-Options: DENY";
            nginx.ingress.kubernetes.io/ssl-redirect: "true"
            nginx.ingress.kubernetes.io/server-snippet: "location /admin { return 403; }"
        spec: {rules: [{host: a.example.com}]}
      `,
      findings: [
        {
          line: 6,
          column: 5,
          endLine: 7,
          endColumn: 48,
          message:
            'nginx.ingress.kubernetes.io/configuration-snippet injects raw NGINX configuration into the shared ingress controller, ' +
            'which can read the Secrets of every namespace (CVE-2021-25742).',
        },
        { line: 9, column: 5, endLine: 9, endColumn: 82, message: /^nginx\.ingress\.kubernetes\.io\/server-snippet injects raw NGINX configuration/ },
      ],
    },
    {
      name: 'stream, auth and modsecurity snippets on an old Ingress, NGINX Inc. plural snippets',
      code: yaml`
        apiVersion: extensions/v1beta1
        kind: Ingress
        metadata:
          annotations: {nginx.ingress.kubernetes.io/stream-snippet: "server { listen 8000; }", nginx.ingress.kubernetes.io/auth-snippet: "x", nginx.ingress.kubernetes.io/modsecurity-snippet: "SecRuleEngine Off"}
        spec: {backend: {serviceName: web, servicePort: 80}}
        ---
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          annotations:
            nginx.org/location-snippets: |
              add_header my-test-header test-value;
        spec: {rules: [{host: a.example.com}]}
      `,
      findings: [
        { line: 4, column: 17, endLine: 4, endColumn: 86, message: /^nginx\.ingress\.kubernetes\.io\/stream-snippet injects/ },
        { line: 4, column: 88, endLine: 4, endColumn: 133, message: /^nginx\.ingress\.kubernetes\.io\/auth-snippet injects/ },
        { line: 4, column: 135, endLine: 4, endColumn: 203, message: /^nginx\.ingress\.kubernetes\.io\/modsecurity-snippet injects/ },
        {
          line: 11,
          column: 5,
          endLine: 12,
          endColumn: 44,
          message:
            "nginx.org/location-snippets injects raw NGINX configuration into the shared ingress controller, which holds the controller's " +
            'credentials and every TLS Secret it serves.',
        },
      ],
    },
    {
      name: 'an Ingress fragment without spec, as in documentation',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          annotations:
            nginx.ingress.kubernetes.io/server-snippet: "return 301 https://m.example.com;"
      `,
      findings: [{ line: 5, column: 5, endLine: 5, endColumn: 84, message: /^nginx\.ingress\.kubernetes\.io\/server-snippet injects raw NGINX configuration/ }],
    },
  ],
});
