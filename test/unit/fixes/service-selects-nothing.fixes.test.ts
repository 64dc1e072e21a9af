import { serviceSelectsNothing } from '../../../server/src/engine/rules/workspace/service-selects-nothing';
import { yaml } from '../../support/dedent';
import { testFixes } from '../fix-tester';

const WEB = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: web, namespace: shop}
  spec:
    selector: {matchLabels: {app.kubernetes.io/name: web, tier: frontend}}
    template:
      metadata:
        labels: {app.kubernetes.io/name: web, tier: frontend}
      spec:
        containers:
          - name: web
            image: registry.example.com/shop/web:1.4.2
            ports: [{name: http, containerPort: 8080}]
`;

const WORKER = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: worker, namespace: shop}
  spec:
    selector: {matchLabels: {app.kubernetes.io/name: worker}}
    template:
      metadata:
        labels: {app.kubernetes.io/name: worker}
      spec:
        containers: [{name: worker, image: registry.example.com/shop/worker:2.0.0}]
`;

testFixes(serviceSelectsNothing, [
  {
    name: 'a misspelled value is respelled in its single quotes; the workload is in another file',
    code: yaml`
      apiVersion: v1
      kind: Service
      metadata: {name: web, namespace: shop}
      spec:
        selector:
          app.kubernetes.io/name: 'wbe'
          tier: frontend
        ports:
          - port: 80
            targetPort: http
    `,
    otherFiles: { 'web.yaml': WEB },
    fixes: [
      {
        title: 'Change app.kubernetes.io/name: wbe to web (selects 1 workload: web)',
        preferred: false,
        output: yaml`
          apiVersion: v1
          kind: Service
          metadata: {name: web, namespace: shop}
          spec:
            selector:
              app.kubernetes.io/name: 'web'
              tier: frontend
            ports:
              - port: 80
                targetPort: http
        `,
      },
    ],
  },
  {
    name: 'a misspelled key is renamed, flow style, CRLF, in the middle of a multi-document file',
    code:
      'apiVersion: v1\r\nkind: ConfigMap\r\nmetadata: {name: settings, namespace: shop}\r\n---\r\n' +
      'apiVersion: v1\r\nkind: Service\r\nmetadata: {name: web, namespace: shop}\r\nspec: {selector: {app.kubernetes.io/nam: web}, ports: [{port: 80, targetPort: http}]}\r\n---\r\n' +
      WEB.replace(/\n/g, '\r\n'),
    fixes: [
      {
        title: 'Change app.kubernetes.io/nam: web to app.kubernetes.io/name: web (selects 1 workload: web)',
        output:
          'apiVersion: v1\r\nkind: ConfigMap\r\nmetadata: {name: settings, namespace: shop}\r\n---\r\n' +
          'apiVersion: v1\r\nkind: Service\r\nmetadata: {name: web, namespace: shop}\r\nspec: {selector: {app.kubernetes.io/name: web}, ports: [{port: 80, targetPort: http}]}\r\n---\r\n' +
          WEB.replace(/\n/g, '\r\n'),
      },
    ],
  },
  {
    name: 'a correction that would send traffic to pods without the named targetPort adds a warning: not offered',
    code: yaml`
      apiVersion: v1
      kind: Service
      metadata: {name: worker, namespace: shop}
      spec:
        selector: {app.kubernetes.io/name: wroker}
        ports: [{port: 80, targetPort: http}]
    `,
    otherFiles: { 'web.yaml': WEB, 'worker.yaml': WORKER },
    fixes: [],
    notOffered: [/^Change app\.kubernetes\.io\/name: wroker to worker/],
  },
  {
    name: 'no fix when two values are equally close or nothing is close',
    code: yaml`
      apiVersion: v1
      kind: Service
      metadata: {name: webs, namespace: shop}
      spec:
        selector: {tier: frontend-a}
        ports: [{port: 80}]
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: website, namespace: shop}
      spec:
        selector: {app.kubernetes.io/name: website}
        ports: [{port: 80}]
    `,
    otherFiles: {
      'web.yaml': WEB.replace(/tier: frontend/g, 'tier: frontend-b'),
      'web-2.yaml': WEB.replace(/name: web, namespace/, 'name: web-2, namespace').replace(/tier: frontend/g, 'tier: frontend-c'),
    },
    fixes: [],
  },
  {
    name: 'a selector through a merge key is shared text: no edit is offered',
    code: yaml`
      apiVersion: v1
      kind: Service
      metadata:
        name: web
        namespace: shop
        labels: &web {app.kubernetes.io/name: wbe}
      spec:
        selector:
          <<: *web
        ports: [{port: 80, targetPort: http}]
    `,
    otherFiles: { 'web.yaml': WEB },
    fixes: [],
  },
]);
