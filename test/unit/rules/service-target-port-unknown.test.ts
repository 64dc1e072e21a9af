import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildWorkspace, lintWorkspace, mergeConfigs, parseManifest } from '../../../server/src/engine';
import { serviceTargetPortUnknown } from '../../../server/src/engine/rules/workspace/service-target-port-unknown';
import { yaml } from '../../support/dedent';
import { testRule } from '../rule-tester';

const web = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: web, namespace: shop}
  spec:
    template:
      metadata:
        labels: {app: web}
      spec:
        initContainers:
          - name: proxy
            image: proxy:1
            restartPolicy: Always
            ports: [{name: proxy, containerPort: 15001}]
          - name: migrate
            image: web:1
            ports: [{name: migrate, containerPort: 9000}]
        containers:
          - name: web
            image: web:1
            ports:
              - {name: http, containerPort: 8080}
              - {name: syslog, containerPort: 514, protocol: UDP}
`;

const bare = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: worker, namespace: shop}
  spec:
    template:
      metadata:
        labels: {app: worker}
      spec:
        containers: [{name: worker, image: worker:1}]
`;

testRule(serviceTargetPortUnknown, {
  valid: [
    {
      name: 'declared names and numbers, with their protocol; a native sidecar port; port as target',
      code: yaml`
        apiVersion: v1
        kind: Service
        metadata: {name: web, namespace: shop}
        spec:
          selector: {app: web}
          ports:
            - {name: http, port: 80, targetPort: http}
            - {name: alt, port: 81, targetPort: 8080}
            - {name: syslog, port: 514, protocol: UDP, targetPort: syslog}
            - {name: proxy, port: 15001, targetPort: proxy}
            - {name: direct, port: 8080}
      `,
      otherFiles: { 'web.yaml': web },
    },
    {
      name: 'no declared port: a number is not judged; a string of digits is another rule',
      code: yaml`
        apiVersion: v1
        kind: Service
        metadata: {name: worker, namespace: shop}
        spec:
          selector: {app: worker}
          ports:
            - {port: 80, targetPort: 8080}
            - {port: 81}
      `,
      otherFiles: { 'worker.yaml': bare, 'web.yaml': web },
    },
    {
      name: 'Services that select nothing, or no pods',
      code: yaml`
        apiVersion: v1
        kind: Service
        metadata: {name: api, namespace: shop}
        spec:
          selector: {app: api}
          ports: [{port: 80, targetPort: grpc}]
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: db, namespace: shop}
        spec:
          type: ExternalName
          externalName: db.example.com
          ports: [{port: 5432, targetPort: sql}]
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: legacy, namespace: shop}
        spec:
          ports: [{port: 80, targetPort: web}]
      `,
      otherFiles: { 'web.yaml': web },
    },
    {
      name: 'one of the selected workloads declares the port',
      code: yaml`
        apiVersion: v1
        kind: Service
        metadata: {name: all, namespace: shop}
        spec:
          selector: {tier: any}
          ports: [{port: 80, targetPort: http}, {port: 81, targetPort: 8080}]
      `,
      otherFiles: {
        'workloads.yaml': `${web.replace('labels: {app: web}', 'labels: {app: web, tier: any}')}---\n${bare.replace('labels: {app: worker}', 'labels: {app: worker, tier: any}')}`,
      },
    },
  ],
  invalid: [
    {
      name: 'a port name no selected container declares, also not with the protocol of the Service port',
      code: yaml`
        apiVersion: v1
        kind: Service
        metadata: {name: web, namespace: shop}
        spec:
          selector:
            app: web
          ports:
            - name: http
              port: 80
              targetPort: web-http
            - name: syslog
              port: 514
              targetPort: syslog
            - name: migrate
              port: 9000
              targetPort: migrate
      `,
      otherFiles: { 'web.yaml': web },
      findings: [
        {
          line: 10,
          column: 19,
          endLine: 10,
          endColumn: 27,
          message: 'No container of the selected workloads (Deployment "web") declares a port named "web-http" with protocol TCP: Service port 80 has no endpoints.',
        },
        { line: 13, column: 19, endLine: 13, endColumn: 25, message: /named "syslog" with protocol TCP \(only with another protocol\): Service port 514 has no endpoints\.$/ },
        { line: 16, column: 19, endLine: 16, endColumn: 26, message: /named "migrate"/ },
      ],
    },
    {
      name: 'numbers the selected containers do not declare, with and without targetPort; flow style',
      code: `${web}---\n${yaml`
        apiVersion: v1
        kind: Service
        metadata: {name: web, namespace: shop}
        spec: {selector: {app: web}, ports: [{port: 80, targetPort: 8000}, {port: 8081}]}
      `}`,
      findings: [
        {
          line: 27,
          column: 61,
          endLine: 27,
          endColumn: 65,
          message: 'The selected workloads (Deployment "web") declare container ports 514, 8080 and 15001 but not 8000: Service port 80 may forward to a port nothing listens on.',
        },
        { line: 27, column: 69, endLine: 27, endColumn: 79, message: /but not 8081: Service port 8081 may forward/ },
      ],
    },
  ],
});

describe('rule service-target-port-unknown: severities', () => {
  it('reports an unknown name as a warning and an undeclared number as info', () => {
    const file = parseManifest(
      'test.yaml',
      `${web}---\n${yaml`
        apiVersion: v1
        kind: Service
        metadata: {name: web, namespace: shop}
        spec:
          selector: {app: web}
          ports: [{name: a, port: 80, targetPort: nope}, {name: b, port: 81, targetPort: 8000}]
      `}`,
    );
    const config = mergeConfigs({});
    const findings = lintWorkspace(buildWorkspace([file], config), { rules: [serviceTargetPortUnknown], config }).get('test.yaml') ?? [];
    assert.deepEqual(
      findings.map((finding) => finding.severity),
      ['warning', 'info'],
    );
  });
});
