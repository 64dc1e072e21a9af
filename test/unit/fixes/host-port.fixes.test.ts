import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lintManifest, mergeConfigs, parseManifest } from '../../../server/src/engine';
import { hostPort } from '../../../server/src/engine/rules/pod/host-port';
import { yaml } from '../../support/dedent';
import { testFixes } from '../fix-tester';

const IN_THE_HOST_NETWORK = yaml`
  apiVersion: v1
  kind: Pod
  metadata: {name: agent}
  spec:
    hostNetwork: true
    containers:
      - name: agent
        ports:
          - {containerPort: 9100, hostPort: 9100}
`;

const SHARED_THROUGH_ALIAS_AND_MERGE = yaml`
  apiVersion: v1
  kind: Pod
  metadata: {name: web}
  spec:
    containers:
      - name: web
        ports: &ports
          - containerPort: 8080
            hostPort: 80
      - name: copy
        ports: *ports
      - name: merged
        ports:
          - <<: {hostPort: 81}
            containerPort: 8081
`;

const WITHOUT_CONTAINER_PORT = yaml`
  apiVersion: v1
  kind: Pod
  metadata: {name: web}
  spec:
    containers:
      - name: web
        ports:
          - hostPort: 80
`;

testFixes(hostPort, [
  {
    name: 'a Deployment with flush sequences: the line goes with its comment, others and hostPort 0 stay',
    code: yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        template:
          spec:
            containers:
            - name: web
              image: nginx
              ports:
              # the public port
              - containerPort: 8080
                hostPort: 80 # bound on the node
                protocol: TCP
              - containerPort: 9090
                hostPort: 0
    `,
    fixes: [
      {
        title: 'Remove hostPort',
        preferred: true,
        output: yaml`
          apiVersion: apps/v1
          kind: Deployment
          metadata:
            name: web
          spec:
            template:
              spec:
                containers:
                - name: web
                  image: nginx
                  ports:
                  # the public port
                  - containerPort: 8080
                    protocol: TCP
                  - containerPort: 9090
                    hostPort: 0
        `,
      },
    ],
  },
  {
    name: 'hostPort first in its item, quoted, in a CRLF file indented by 4',
    code: 'apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n    name: web\r\nspec:\r\n    containers:\r\n        -   name: web\r\n            ports:\r\n                - "hostPort": "8443"\r\n                  containerPort: 8443\r\n',
    fixes: [
      {
        title: 'Remove hostPort',
        output: 'apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n    name: web\r\nspec:\r\n    containers:\r\n        -   name: web\r\n            ports:\r\n                - containerPort: 8443\r\n',
      },
    ],
  },
  {
    name: 'flow style, in an init container of a CronJob in the middle of a multi-document file',
    code: yaml`
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: a}
      ---
      apiVersion: batch/v1
      kind: CronJob
      metadata: {name: sync}
      spec:
        jobTemplate:
          spec:
            template:
              spec:
                initContainers: [{name: init, ports: [{containerPort: 53, hostPort: 53, protocol: UDP}]}]
                containers: [{name: sync, image: busybox}]
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: c}
    `,
    fixes: [
      {
        title: 'Remove hostPort',
        output: yaml`
          apiVersion: v1
          kind: ConfigMap
          metadata: {name: a}
          ---
          apiVersion: batch/v1
          kind: CronJob
          metadata: {name: sync}
          spec:
            jobTemplate:
              spec:
                template:
                  spec:
                    initContainers: [{name: init, ports: [{containerPort: 53, protocol: UDP}]}]
                    containers: [{name: sync, image: busybox}]
          ---
          apiVersion: v1
          kind: ConfigMap
          metadata: {name: c}
        `,
      },
    ],
  },
  {
    name: 'in the host network the port is bound on the node anyway: no fix',
    code: IN_THE_HOST_NETWORK,
    fixes: [],
    notOffered: ['Remove hostPort'],
  },
  {
    name: 'an entry without a containerPort would be left meaningless: no fix',
    code: WITHOUT_CONTAINER_PORT,
    fixes: [],
  },
  {
    name: 'nothing is edited through an alias or a merge key; the anchored original is, for every copy',
    code: SHARED_THROUGH_ALIAS_AND_MERGE,
    fixes: [
      {
        title: 'Remove hostPort',
        output: yaml`
          apiVersion: v1
          kind: Pod
          metadata: {name: web}
          spec:
            containers:
              - name: web
                ports: &ports
                  - containerPort: 8080
              - name: copy
                ports: *ports
              - name: merged
                ports:
                  - <<: {hostPort: 81}
                    containerPort: 8081
        `,
      },
    ],
  },
]);

describe('host-port without a fix', () => {
  it('still reports the host ports', () => {
    const count = (code: string) => lintManifest(parseManifest('test.yaml', code), { config: mergeConfigs({}) }).filter((finding) => finding.ruleId === hostPort.id).length;
    assert.equal(count(IN_THE_HOST_NETWORK), 1);
    assert.equal(count(WITHOUT_CONTAINER_PORT), 1);
    assert.equal(count(SHARED_THROUGH_ALIAS_AND_MERGE), 3);
  });
});
