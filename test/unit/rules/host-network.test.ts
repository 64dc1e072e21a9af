import { hostNetwork } from '../../../server/src/engine/rules/pod/host-network';
import { yaml } from '../../support/dedent';
import { testRule } from '../rule-tester';

testRule(hostNetwork, {
  valid: [
    {
      name: 'hostNetwork false',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          hostNetwork: false
          containers: [{name: web, image: nginx}]
      `,
    },
    {
      name: 'hostNetwork absent',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          template:
            spec:
              containers: [{name: web, image: nginx}]
      `,
    },
    {
      name: 'hostNetwork outside a pod spec (ConfigMap data, wrong level)',
      code: yaml`
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: settings}
        data:
          hostNetwork: "true"
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          hostNetwork: true
      `,
    },
    {
      name: 'a custom resource that happens to be called Deployment',
      code: yaml`
        apiVersion: example.com/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          template:
            spec:
              hostNetwork: true
      `,
    },
  ],
  invalid: [
    {
      name: 'Pod',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
        spec:
          hostNetwork: true
          containers:
            - name: web
              image: nginx
      `,
      findings: [{ line: 6, column: 3, endLine: 6, endColumn: 20, message: /hostNetwork: true puts this pod in the node's network namespace/ }],
    },
    {
      name: 'Deployment pod template',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          template:
            spec:
              hostNetwork: true
      `,
      findings: [{ line: 7, column: 7, endLine: 7, endColumn: 24 }],
    },
    {
      name: 'CronJob job template, in flow style',
      code: yaml`
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: backup}
        spec: {schedule: "0 3 * * *", jobTemplate: {spec: {template: {spec: {hostNetwork: true}}}}}
      `,
      findings: [{ line: 4, column: 70, endLine: 4, endColumn: 87 }],
    },
    {
      name: 'every workload kind of a multi-document file',
      code: yaml`
        apiVersion: apps/v1
        kind: StatefulSet
        spec: {template: {spec: {hostNetwork: true}}}
        ---
        apiVersion: apps/v1
        kind: DaemonSet
        spec: {template: {spec: {hostNetwork: true}}}
        ---
        apiVersion: apps/v1
        kind: ReplicaSet
        spec: {template: {spec: {hostNetwork: true}}}
        ---
        apiVersion: v1
        kind: ReplicationController
        spec: {template: {spec: {hostNetwork: true}}}
        ---
        apiVersion: batch/v1
        kind: Job
        spec: {template: {spec: {hostNetwork: true}}}
        ---
        apiVersion: v1
        kind: PodTemplate
        template: {spec: {hostNetwork: true}}
      `,
      findings: [
        { line: 3, column: 26, endLine: 3, endColumn: 43 },
        { line: 7, column: 26, endLine: 7, endColumn: 43 },
        { line: 11, column: 26, endLine: 11, endColumn: 43 },
        { line: 15, column: 26, endLine: 15, endColumn: 43 },
        { line: 19, column: 26, endLine: 19, endColumn: 43 },
        { line: 23, column: 19, endLine: 23, endColumn: 36 },
      ],
    },
    {
      name: 'a Pod inside a List, written as kubectl prints JSON',
      code: yaml`
        {
          "apiVersion": "v1",
          "kind": "List",
          "items": [
            {
              "apiVersion": "v1",
              "kind": "Pod",
              "metadata": {"name": "debug"},
              "spec": {"hostNetwork": true}
            }
          ]
        }
      `,
      findings: [{ line: 9, column: 16, endLine: 9, endColumn: 35 }],
    },
    {
      name: 'value coming from a merge key is reported where it is written',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          <<: {hostNetwork: true}
          containers: []
      `,
      findings: [{ line: 5, column: 8, endLine: 5, endColumn: 25 }],
    },
  ],
});
