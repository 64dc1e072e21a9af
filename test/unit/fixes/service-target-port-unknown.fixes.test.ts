import { serviceTargetPortUnknown } from '../../../server/src/engine/rules/workspace/service-target-port-unknown';
import { yaml } from '../../support/dedent';
import { testFixes } from '../fix-tester';

/** One TCP port (http, 8080) and one UDP port (syslog, 514). */
const WEB = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: web, namespace: shop}
  spec:
    selector:
      matchLabels: {app: web}
    template:
      metadata:
        labels: {app: web}
      spec:
        containers:
          - name: web
            image: web:1
            ports:
              - {name: http, containerPort: 8080}
              - {name: syslog, containerPort: 514, protocol: UDP}
`;

/** Names one edit from more than one other (`httpx`), a name declared only for UDP (`metric`). */
const EDGE = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: edge, namespace: shop}
  spec:
    selector:
      matchLabels: {app: edge}
    template:
      metadata:
        labels: {app: edge}
      spec:
        containers:
          - name: edge
            image: edge:1
            ports:
              - {name: http, containerPort: 8080}
              - {name: https, containerPort: 8443}
              - {name: metrics, containerPort: 9090}
              - {name: metric, containerPort: 9091, protocol: UDP}
`;

/** Selected with web by `tier: front`: declares no port, so where it listens is unknown. */
const WORKER = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: worker, namespace: shop}
  spec:
    selector:
      matchLabels: {app: worker}
    template:
      metadata:
        labels: {app: worker, tier: front}
      spec:
        containers: [{name: worker, image: worker:1}]
`;

testFixes(serviceTargetPortUnknown, [
  {
    name: 'a misspelled name becomes the declared one of its protocol, in its quoting, its comment kept',
    code: yaml`
      apiVersion: v1
      kind: Service
      metadata:
        name: web
        namespace: shop
      spec:
        selector:
          app: web
        ports:
          - name: web
            port: 80
            targetPort: "htpp" # the web server
          - name: logs
            port: 514
            protocol: UDP
            targetPort: syslgo
    `,
    otherFiles: { 'web.yaml': WEB },
    fixes: [
      {
        title: 'Change targetPort to http',
        preferred: false,
        output: yaml`
          apiVersion: v1
          kind: Service
          metadata:
            name: web
            namespace: shop
          spec:
            selector:
              app: web
            ports:
              - name: web
                port: 80
                targetPort: "http" # the web server
              - name: logs
                port: 514
                protocol: UDP
                targetPort: syslgo
        `,
      },
      {
        title: 'Change targetPort to syslog',
        preferred: false,
        output: yaml`
          apiVersion: v1
          kind: Service
          metadata:
            name: web
            namespace: shop
          spec:
            selector:
              app: web
            ports:
              - name: web
                port: 80
                targetPort: "htpp" # the web server
              - name: logs
                port: 514
                protocol: UDP
                targetPort: syslog
        `,
      },
    ],
  },
  {
    name: 'no name fix when nothing is close, when two names are equally close, or when the name is declared with another protocol; no number fix among several',
    code: yaml`
      apiVersion: v1
      kind: Service
      metadata: {name: edge, namespace: shop}
      spec:
        selector: {app: edge}
        ports:
          - {name: a, port: 80, targetPort: web-http}
          - {name: b, port: 81, targetPort: httpx}
          - {name: c, port: 82, targetPort: metric}
          - {name: d, port: 83, targetPort: 8000}
    `,
    otherFiles: { 'edge.yaml': EDGE },
    fixes: [],
    notOffered: [/^(Change|Set) targetPort/],
  },
  {
    name: 'a CRLF file with 4-space indentation, the Deployment in another file',
    code: 'apiVersion: v1\r\nkind: Service\r\nmetadata:\r\n    name: web\r\n    namespace: shop\r\nspec:\r\n    selector:\r\n        app: web\r\n    ports:\r\n    -   port: 80\r\n        targetPort: htttp\r\n',
    otherFiles: { 'web.yaml': WEB },
    fixes: [
      {
        title: 'Change targetPort to http',
        output: 'apiVersion: v1\r\nkind: Service\r\nmetadata:\r\n    name: web\r\n    namespace: shop\r\nspec:\r\n    selector:\r\n        app: web\r\n    ports:\r\n    -   port: 80\r\n        targetPort: http\r\n',
      },
    ],
  },
  {
    name: 'flow style, the Service in the middle of a multi-document file with its Deployment',
    code: `${yaml`
      apiVersion: v1
      kind: Namespace
      metadata: {name: shop}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: web, namespace: shop}
      spec: {selector: {app: web}, ports: [{port: 80, targetPort: 'htpp'}]}
      ---
    `}${WEB}`,
    fixes: [
      {
        title: 'Change targetPort to http',
        output: `${yaml`
          apiVersion: v1
          kind: Namespace
          metadata: {name: shop}
          ---
          apiVersion: v1
          kind: Service
          metadata: {name: web, namespace: shop}
          spec: {selector: {app: web}, ports: [{port: 80, targetPort: 'http'}]}
          ---
        `}${WEB}`,
      },
    ],
  },
  {
    name: 'an undeclared number becomes the one number the pods declare for its protocol; a port without targetPort gets one',
    code: yaml`
      apiVersion: v1
      kind: Service
      metadata: {name: web, namespace: shop}
      spec:
        selector: {app: web}
        ports: [{name: a, port: 80, targetPort: 8000}, {name: b, port: 8081}]
    `,
    otherFiles: { 'web.yaml': WEB },
    fixes: [
      {
        title: 'Change targetPort to 8080',
        preferred: false,
        output: yaml`
          apiVersion: v1
          kind: Service
          metadata: {name: web, namespace: shop}
          spec:
            selector: {app: web}
            ports: [{name: a, port: 80, targetPort: 8080}, {name: b, port: 8081}]
        `,
      },
      {
        title: 'Set targetPort to 8080',
        preferred: false,
        output: yaml`
          apiVersion: v1
          kind: Service
          metadata: {name: web, namespace: shop}
          spec:
            selector: {app: web}
            ports: [{name: a, port: 80, targetPort: 8000}, {name: b, port: 8081, targetPort: 8080}]
        `,
      },
    ],
  },
  {
    name: 'targetPort 0 or "" (the port, by default) is changed to the one number the pods declare',
    code: yaml`
      apiVersion: v1
      kind: Service
      metadata: {name: web, namespace: shop}
      spec:
        selector: {app: web}
        ports:
          - {name: a, port: 80, targetPort: 0}
          - {name: b, port: 81, targetPort: ""}
    `,
    otherFiles: { 'web.yaml': WEB },
    fixes: [
      {
        title: 'Change targetPort to 8080',
        preferred: false,
        output: yaml`
          apiVersion: v1
          kind: Service
          metadata: {name: web, namespace: shop}
          spec:
            selector: {app: web}
            ports:
              - {name: a, port: 80, targetPort: 8080}
              - {name: b, port: 81, targetPort: ""}
        `,
      },
      {
        title: 'Change targetPort to 8080',
        preferred: false,
        output: yaml`
          apiVersion: v1
          kind: Service
          metadata: {name: web, namespace: shop}
          spec:
            selector: {app: web}
            ports:
              - {name: a, port: 80, targetPort: 0}
              - {name: b, port: 81, targetPort: 8080}
        `,
      },
    ],
  },
  {
    name: 'the number two selected workloads both declare, and only it, is unambiguous',
    code: yaml`
      apiVersion: v1
      kind: Service
      metadata: {name: front, namespace: shop}
      spec:
        selector: {tier: front}
        ports: [{port: 80, targetPort: 8000}]
    `,
    otherFiles: {
      'workloads.yaml': `${WEB.replace('labels: {app: web}', 'labels: {app: web, tier: front}')}---\n${WEB.replace(/web/g, 'api').replace('labels: {app: api}', 'labels: {app: api, tier: front}')}`,
    },
    fixes: [
      {
        title: 'Change targetPort to 8080',
        output: yaml`
          apiVersion: v1
          kind: Service
          metadata: {name: front, namespace: shop}
          spec:
            selector: {tier: front}
            ports: [{port: 80, targetPort: 8080}]
        `,
      },
    ],
  },
  {
    name: 'no number fix when a selected workload declares no port: the number is not known to be unambiguous',
    code: yaml`
      apiVersion: v1
      kind: Service
      metadata: {name: front, namespace: shop}
      spec:
        selector: {tier: front}
        ports: [{port: 80, targetPort: 8000}]
    `,
    otherFiles: { 'workloads.yaml': `${WEB.replace('labels: {app: web}', 'labels: {app: web, tier: front}')}---\n${WORKER}` },
    fixes: [],
  },
  {
    name: 'a targetPort from a merge key is shared text: no edit is offered',
    code: yaml`
      apiVersion: v1
      kind: Service
      metadata: {name: web, namespace: shop}
      spec:
        selector: {app: web}
        ports:
          - <<: {targetPort: htpp}
            port: 80
    `,
    otherFiles: { 'web.yaml': WEB },
    fixes: [],
  },
]);
