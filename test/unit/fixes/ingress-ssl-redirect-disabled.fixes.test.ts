import { ingressSslRedirectDisabled } from '../../../server/src/engine/rules/service/ingress-ssl-redirect-disabled';
import { yaml } from '../../support/dedent';
import { testFixes } from '../fix-tester';

const SET_SSL = 'Set nginx.ingress.kubernetes.io/ssl-redirect to "true"';
const REMOVE_SSL = 'Remove nginx.ingress.kubernetes.io/ssl-redirect (ingress-nginx redirects TLS hosts by default)';
const REMOVE_FORCE = 'Remove nginx.ingress.kubernetes.io/force-ssl-redirect (the controller-wide setting applies)';
const SET_FORCE = 'Set nginx.ingress.kubernetes.io/force-ssl-redirect to "true"';

const withTls = (annotations: string) => yaml`
  apiVersion: networking.k8s.io/v1
  kind: Ingress
  metadata:
    name: portal
    annotations:
${annotations}
  spec:
    tls:
      - hosts: [portal.example.com]
        secretName: portal-tls
    rules:
      - host: portal.example.com
`;

testFixes(ingressSslRedirectDisabled, [
  {
    name: 'quoted key and value, with a comment: "true" keeps the quotes, or the line goes',
    code: withTls(`      "nginx.ingress.kubernetes.io/ssl-redirect": "false" # until the cert is renewed\n      nginx.ingress.kubernetes.io/proxy-body-size: 8m`),
    fixes: [
      { title: SET_SSL, preferred: true, output: withTls(`      "nginx.ingress.kubernetes.io/ssl-redirect": "true" # until the cert is renewed\n      nginx.ingress.kubernetes.io/proxy-body-size: 8m`) },
      { title: REMOVE_SSL, preferred: false, output: withTls(`      nginx.ingress.kubernetes.io/proxy-body-size: 8m`) },
    ],
  },
  {
    name: 'CRLF, 4-space indentation and a flush sequence; an unquoted false becomes the string "true"',
    code: 'apiVersion: networking.k8s.io/v1\r\nkind: Ingress\r\nmetadata:\r\n    name: portal\r\n    annotations:\r\n        nginx.ingress.kubernetes.io/ssl-redirect: false\r\nspec:\r\n    tls:\r\n    - secretName: portal-tls\r\n',
    fixes: [
      {
        title: SET_SSL,
        output: 'apiVersion: networking.k8s.io/v1\r\nkind: Ingress\r\nmetadata:\r\n    name: portal\r\n    annotations:\r\n        nginx.ingress.kubernetes.io/ssl-redirect: "true"\r\nspec:\r\n    tls:\r\n    - secretName: portal-tls\r\n',
      },
      {
        title: REMOVE_SSL,
        output: 'apiVersion: networking.k8s.io/v1\r\nkind: Ingress\r\nmetadata:\r\n    name: portal\r\nspec:\r\n    tls:\r\n    - secretName: portal-tls\r\n',
      },
    ],
  },
  {
    name: 'force-ssl-redirect off without TLS, flow style in the middle of a multi-document file: only the removal',
    code: yaml`
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: a}
      ---
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata: {name: web, annotations: {nginx.ingress.kubernetes.io/force-ssl-redirect: 'false', example.com/team: web}}
      spec: {defaultBackend: {service: {name: web, port: {number: 80}}}}
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: c}
    `,
    fixes: [
      {
        title: REMOVE_FORCE,
        preferred: true,
        output: yaml`
          apiVersion: v1
          kind: ConfigMap
          metadata: {name: a}
          ---
          apiVersion: networking.k8s.io/v1
          kind: Ingress
          metadata: {name: web, annotations: {example.com/team: web}}
          spec: {defaultBackend: {service: {name: web, port: {number: 80}}}}
          ---
          apiVersion: v1
          kind: ConfigMap
          metadata: {name: c}
        `,
      },
    ],
    notOffered: [SET_FORCE],
  },
  {
    name: 'both redirects off on an Ingress with TLS: each annotation has its fixes',
    code: withTls(`      nginx.ingress.kubernetes.io/ssl-redirect: "false"\n      nginx.ingress.kubernetes.io/force-ssl-redirect: "false"`),
    fixes: [
      { title: SET_SSL, output: withTls(`      nginx.ingress.kubernetes.io/ssl-redirect: "true"\n      nginx.ingress.kubernetes.io/force-ssl-redirect: "false"`) },
      { title: REMOVE_SSL, output: withTls(`      nginx.ingress.kubernetes.io/force-ssl-redirect: "false"`) },
      { title: REMOVE_FORCE, output: withTls(`      nginx.ingress.kubernetes.io/ssl-redirect: "false"`) },
      { title: SET_FORCE, output: withTls(`      nginx.ingress.kubernetes.io/ssl-redirect: "false"\n      nginx.ingress.kubernetes.io/force-ssl-redirect: "true"`) },
    ],
  },
  {
    name: 'annotations merged in from an anchor are shared text: no edit is offered',
    code: yaml`
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata:
        name: portal
        annotations:
          <<: {nginx.ingress.kubernetes.io/ssl-redirect: "false"}
      spec:
        tls: [{secretName: portal-tls}]
    `,
    fixes: [],
  },
]);
