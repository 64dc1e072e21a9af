import { sshPort } from '../../../server/src/engine/rules/pod/ssh-port';
import { yaml } from '../../support/dedent';
import { testRule } from '../rule-tester';

testRule(sshPort, {
  valid: [
    {
      name: 'other ports',
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
                      name: http
                    - {containerPort: 2222, name: sftp-data}
      `,
    },
    {
      name: 'UDP port 22 is not SSH',
      code: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: odd
              ports: [{containerPort: 22, protocol: UDP}]
      `,
    },
    {
      name: 'look-alikes: a port named ssh-known-hosts, hostPort 22 (host-port reports it), port 2200',
      code: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: git
              ports:
                - {containerPort: 8443, name: ssh-known-hosts}
                - {containerPort: 2200, hostPort: 22}
      `,
    },
    {
      name: 'a Service port 22 is not a container port',
      code: yaml`
        apiVersion: v1
        kind: Service
        spec:
          ports: [{port: 22, targetPort: 22, name: ssh}]
      `,
    },
  ],
  invalid: [
    {
      name: 'containerPort 22',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: toolbox}
        spec:
          containers:
            - name: toolbox
              ports:
                - containerPort: 22
      `,
      findings: [
        { line: 8, column: 11, endLine: 8, endColumn: 28, message: 'Container "toolbox" declares SSH port 22, a remote login path around kubectl\'s access control and audit log.' },
      ],
    },
    {
      name: 'TCP in any case, a string number, a port named ssh, init and ephemeral containers, flow style',
      code: yaml`
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: git}
        spec:
          template:
            spec:
              initContainers:
                - name: seed
                  ports: [{containerPort: 22, protocol: tcp}]
              containers:
                - name: gitea
                  ports:
                    - name: http
                      containerPort: 3000
                    - name: SSH
                      containerPort: 2222
                    - containerPort: "22"
                      protocol: TCP
              ephemeralContainers:
                - name: debug
                  ports: [{name: ssh, containerPort: 22}]
      `,
      findings: [
        { line: 9, column: 20, endLine: 9, endColumn: 37, message: /^Container "seed" declares SSH port 22/ },
        { line: 15, column: 15, endLine: 15, endColumn: 24, message: 'Container "gitea" declares a port named "SSH" (2222), a remote login path around kubectl\'s access control and audit log.' },
        { line: 17, column: 15, endLine: 17, endColumn: 34, message: /^Container "gitea" declares SSH port 22/ },
        { line: 21, column: 31, endLine: 21, endColumn: 48, message: /^Container "debug" declares SSH port 22/ },
      ],
    },
    {
      name: 'ReplicaSet in a second document',
      code: yaml`
        apiVersion: v1
        kind: Service
        spec:
          ports: [{port: 22}]
        ---
        apiVersion: apps/v1
        kind: ReplicaSet
        spec:
          template:
            spec:
              containers: [{name: bastion, ports: [{containerPort: 22}]}]
      `,
      findings: [
        { line: 11, column: 45, endLine: 11, endColumn: 62, message: /^Container "bastion" declares SSH port 22/ },
      ],
    },
    {
      name: 'an empty protocol is TCP, the default',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: toolbox}
        spec:
          containers:
            - name: toolbox
              ports:
                - {containerPort: 22, protocol: ""}
      `,
      findings: [
        { line: 8, column: 12, endLine: 8, endColumn: 29, message: 'Container "toolbox" declares SSH port 22, a remote login path around kubectl\'s access control and audit log.' },
      ],
    },
  ],
});
