import { hostPort } from '../../../server/src/engine/rules/pod/host-port';
import { yaml } from '../../support/dedent';
import { testRule } from '../rule-tester';

testRule(hostPort, {
  valid: [
    {
      name: 'container ports without hostPort',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          template:
            spec:
              containers:
                - name: web
                  ports:
                    - containerPort: 8080
      `,
    },
    {
      name: 'hostPort 0 means no host port',
      code: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: web
              ports: [{containerPort: 8080, hostPort: 0}]
      `,
    },
    {
      name: 'a Service port is not a host port',
      code: yaml`
        apiVersion: v1
        kind: Service
        spec:
          ports: [{port: 80, targetPort: 8080, hostPort: 80}]
      `,
    },
  ],
  invalid: [
    {
      name: 'regular container',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - name: web
              ports:
                - containerPort: 8080
                  hostPort: 80
      `,
      findings: [{ line: 9, column: 11, endLine: 9, endColumn: 23, message: 'Container "web" binds host port 80 on every node it runs on, outside any Service.' }],
    },
    {
      name: 'init and ephemeral containers, several ports',
      code: yaml`
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: agent}
        spec:
          template:
            spec:
              initContainers:
                - name: setup
                  ports: [{containerPort: 53, hostPort: 53, protocol: UDP}]
              containers:
                - name: agent
                  ports:
                    - {containerPort: 9100}
                    - {containerPort: 9101, hostPort: 9101}
              ephemeralContainers:
                - name: debugger
                  ports:
                    - hostPort: 2345
      `,
      findings: [
        { line: 9, column: 39, endLine: 9, endColumn: 51, message: /"setup" binds host port 53/ },
        { line: 14, column: 37, endLine: 14, endColumn: 51, message: /"agent" binds host port 9101/ },
        { line: 18, column: 15, endLine: 18, endColumn: 29, message: /"debugger" binds host port 2345/ },
      ],
    },
  ],
});
