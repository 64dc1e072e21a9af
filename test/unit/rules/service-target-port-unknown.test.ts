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

const grpc = yaml`
  apiVersion: apps/v1
  kind: StatefulSet
  metadata: {name: grpc, namespace: shop}
  spec:
    template:
      metadata:
        labels: {app: grpc, tier: any}
      spec:
        containers:
          - name: grpc
            image: grpc:1
            ports:
              - {name: grpc, containerPort: 9090, protocol: ""}
`;

const tiered = `${web.replace('labels: {app: web}', 'labels: {app: web, tier: any}')}---\n${bare.replace('labels: {app: worker}', 'labels: {app: worker, tier: any}')}---\n${grpc}`;

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
      name: 'targetPort 0, absent or empty is the port, which the pods declare; an empty protocol is TCP',
      code: yaml`
        apiVersion: v1
        kind: Service
        metadata: {name: web, namespace: shop}
        spec:
          selector: {app: web}
          ports:
            - {name: zero, port: 8080, targetPort: 0}
            - {name: absent, port: 15001}
            - {name: empty, port: 514, protocol: UDP, targetPort: ""}
            - {name: http, port: 80, protocol: "", targetPort: http}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: grpc, namespace: shop}
        spec:
          selector: {app: grpc}
          ports: [{port: 9090, targetPort: grpc}]
      `,
      otherFiles: { 'web.yaml': web, 'grpc.yaml': grpc },
    },
    {
      name: 'ports the API server refuses are not judged: a protocol in lower case, a quoted number, a number out of range',
      code: yaml`
        apiVersion: v1
        kind: Service
        metadata: {name: web, namespace: shop}
        spec:
          selector: {app: web}
          ports:
            - {name: a, port: 80, protocol: tcp, targetPort: nope}
            - {name: b, port: 81, targetPort: "8000"}
            - {name: c, port: 82, targetPort: 70000}
            - {name: d, port: 0}
      `,
      otherFiles: { 'web.yaml': web },
    },
    {
      name: 'a number one selected workload declares, when the others declare no port of the protocol (UDP)',
      code: yaml`
        apiVersion: v1
        kind: Service
        metadata: {name: all, namespace: shop}
        spec:
          selector: {tier: any}
          ports: [{port: 514, protocol: UDP, targetPort: 514}]
      `,
      otherFiles: { 'workloads.yaml': tiered },
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
        { line: 13, column: 19, endLine: 13, endColumn: 25, message: /named "syslog" with protocol TCP \(only with protocol UDP\): Service port 514 has no endpoints\.$/ },
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
          message: 'The selected workloads (Deployment "web") declare TCP container ports 8080 and 15001 but not 8000: Service port 80 may forward to a port nothing listens on.',
        },
        {
          line: 27,
          column: 69,
          endLine: 27,
          endColumn: 79,
          message: 'The selected workloads (Deployment "web") declare TCP container ports 8080 and 15001 but not 8081 (without targetPort, the target port defaults to the port): Service port 8081 may forward to a port nothing listens on.',
        },
      ],
    },
    {
      name: 'targetPort 0, absent or empty defaults to a port the pods do not declare',
      code: yaml`
        apiVersion: v1
        kind: Service
        metadata: {name: web, namespace: shop}
        spec:
          selector: {app: web}
          ports:
            - name: zero
              port: 80
              targetPort: 0
            - name: absent
              port: 81
            - name: empty
              port: 53
              protocol: UDP
              targetPort: ""
      `,
      otherFiles: { 'web.yaml': web },
      findings: [
        {
          line: 9,
          column: 19,
          endLine: 9,
          endColumn: 20,
          message: 'The selected workloads (Deployment "web") declare TCP container ports 8080 and 15001 but not 80 (with targetPort 0, the target port defaults to the port): Service port 80 may forward to a port nothing listens on.',
          severity: 'info',
        },
        {
          line: 11,
          column: 7,
          endLine: 11,
          endColumn: 15,
          message: 'The selected workloads (Deployment "web") declare TCP container ports 8080 and 15001 but not 81 (without targetPort, the target port defaults to the port): Service port 81 may forward to a port nothing listens on.',
          severity: 'info',
        },
        {
          line: 15,
          column: 19,
          endLine: 15,
          endColumn: 21,
          message: 'The selected workloads (Deployment "web") declare UDP container port 514 but not 53 (with an empty targetPort, the target port defaults to the port): Service port 53 may forward to a port nothing listens on.',
          severity: 'info',
        },
      ],
    },
    {
      name: 'a named targetPort one selected workload declares and others do not: only those are reported',
      code: yaml`
        apiVersion: v1
        kind: Service
        metadata: {name: all, namespace: shop}
        spec:
          selector: {tier: any}
          ports:
            - {name: http, port: 80, targetPort: http}
            - {name: grpc, port: 9090, targetPort: grpc}
      `,
      otherFiles: { 'workloads.yaml': tiered },
      findings: [
        {
          line: 7,
          column: 42,
          endLine: 7,
          endColumn: 46,
          message:
            'StatefulSet "grpc" and Deployment "worker" declare no port named "http" with protocol TCP, unlike Deployment "web": Service port 80 forwards only to the pods of Deployment "web".',
          severity: 'info',
        },
        {
          line: 8,
          column: 44,
          endLine: 8,
          endColumn: 48,
          message:
            'Deployment "web" and Deployment "worker" declare no port named "grpc" with protocol TCP, unlike StatefulSet "grpc": Service port 9090 forwards only to the pods of StatefulSet "grpc".',
          severity: 'info',
        },
      ],
    },
    {
      name: 'a number one selected workload declares and another, which declares ports of the protocol, does not',
      code: yaml`
        apiVersion: v1
        kind: Service
        metadata: {name: all, namespace: shop}
        spec:
          selector: {tier: any}
          ports: [{port: 80, targetPort: 8080}]
      `,
      otherFiles: { 'workloads.yaml': tiered },
      findings: [
        {
          line: 6,
          column: 34,
          endLine: 6,
          endColumn: 38,
          message:
            'StatefulSet "grpc" declares TCP container port 9090 but not 8080, unlike Deployment "web": Service port 80 may forward to a port nothing listens on in its pods.',
          severity: 'info',
        },
      ],
    },
    {
      name: 'an empty protocol is TCP: a name declared only for UDP',
      code: yaml`
        apiVersion: v1
        kind: Service
        metadata: {name: web, namespace: shop}
        spec:
          selector: {app: web}
          ports: [{port: 514, protocol: "", targetPort: syslog}]
      `,
      otherFiles: { 'web.yaml': web },
      findings: [
        {
          line: 6,
          column: 49,
          endLine: 6,
          endColumn: 55,
          message: 'No container of the selected workloads (Deployment "web") declares a port named "syslog" with protocol TCP (only with protocol UDP): Service port 514 has no endpoints.',
          severity: 'warning',
        },
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
