import { ingressAllowlistOpen } from '../../../server/src/engine/rules/service/ingress-allowlist-open';
import { yaml } from '../../support/dedent';
import { testFixes } from '../fix-tester';

const NOTE = "(placeholder: set your clients' ranges)";

const admin = (annotation: string) => yaml`
  apiVersion: networking.k8s.io/v1
  kind: Ingress
  metadata:
    name: admin
    annotations:
      ${annotation}
  spec:
    tls: [{hosts: [admin.example.com], secretName: admin-tls}]
    rules: [{host: admin.example.com}]
`;

testFixes(ingressAllowlistOpen, [
  {
    name: 'quoted key and value with a comment: the open entry is replaced or dropped inside the string',
    code: admin(`"nginx.ingress.kubernetes.io/allowlist-source-range": "10.0.0.0/8, 0.0.0.0/0" # VPN`),
    fixes: [
      { title: `Replace 0.0.0.0/0 with 203.0.113.0/24 ${NOTE}`, preferred: false, output: admin(`"nginx.ingress.kubernetes.io/allowlist-source-range": "10.0.0.0/8, 203.0.113.0/24" # VPN`) },
      { title: 'Remove 0.0.0.0/0, keeping the other ranges', preferred: false, output: admin(`"nginx.ingress.kubernetes.io/allowlist-source-range": "10.0.0.0/8" # VPN`) },
    ],
  },
  {
    name: 'both families open and nothing else: each gets its family\'s placeholder, and dropping them is not offered',
    code: admin(`nginx.ingress.kubernetes.io/whitelist-source-range: 0.0.0.0/0,::/0`),
    fixes: [{ title: `Replace 0.0.0.0/0 and ::/0 with 203.0.113.0/24 and 2001:db8::/32 ${NOTE}`, output: admin(`nginx.ingress.kubernetes.io/whitelist-source-range: 203.0.113.0/24,2001:db8::/32`) }],
  },
  {
    name: 'CRLF and 4-space indentation, single-quoted value, open entry first',
    code: "apiVersion: networking.k8s.io/v1\r\nkind: Ingress\r\nmetadata:\r\n    name: admin\r\n    annotations:\r\n        nginx.ingress.kubernetes.io/allowlist-source-range: '0.0.0.0/0, 192.0.2.0/24'\r\nspec:\r\n    defaultBackend:\r\n        service: {name: admin, port: {number: 80}}\r\n",
    fixes: [
      {
        title: `Replace 0.0.0.0/0 with 203.0.113.0/24 ${NOTE}`,
        output: "apiVersion: networking.k8s.io/v1\r\nkind: Ingress\r\nmetadata:\r\n    name: admin\r\n    annotations:\r\n        nginx.ingress.kubernetes.io/allowlist-source-range: '203.0.113.0/24, 192.0.2.0/24'\r\nspec:\r\n    defaultBackend:\r\n        service: {name: admin, port: {number: 80}}\r\n",
      },
      {
        title: 'Remove 0.0.0.0/0, keeping the other ranges',
        output: "apiVersion: networking.k8s.io/v1\r\nkind: Ingress\r\nmetadata:\r\n    name: admin\r\n    annotations:\r\n        nginx.ingress.kubernetes.io/allowlist-source-range: '192.0.2.0/24'\r\nspec:\r\n    defaultBackend:\r\n        service: {name: admin, port: {number: 80}}\r\n",
      },
    ],
  },
  {
    name: 'flow style in the middle of a multi-document file',
    code: yaml`
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: a}
      ---
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata: {name: admin, annotations: {nginx.ingress.kubernetes.io/allowlist-source-range: 0.0.0.0/0}}
      spec: {defaultBackend: {service: {name: admin, port: {number: 80}}}}
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: c}
    `,
    fixes: [
      {
        title: `Replace 0.0.0.0/0 with 203.0.113.0/24 ${NOTE}`,
        output: yaml`
          apiVersion: v1
          kind: ConfigMap
          metadata: {name: a}
          ---
          apiVersion: networking.k8s.io/v1
          kind: Ingress
          metadata: {name: admin, annotations: {nginx.ingress.kubernetes.io/allowlist-source-range: 203.0.113.0/24}}
          spec: {defaultBackend: {service: {name: admin, port: {number: 80}}}}
          ---
          apiVersion: v1
          kind: ConfigMap
          metadata: {name: c}
        `,
      },
    ],
  },
  {
    name: 'a value taken from an alias is shared text: no edit is offered',
    code: yaml`
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata:
        name: admin
        annotations:
          example.com/ranges: &open 10.0.0.0/8,0.0.0.0/0
          nginx.ingress.kubernetes.io/allowlist-source-range: *open
      spec:
        defaultBackend: {service: {name: admin, port: {number: 80}}}
    `,
    fixes: [],
  },
]);
