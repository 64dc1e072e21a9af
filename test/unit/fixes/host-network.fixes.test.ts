import { hostNetwork } from '../../../server/src/engine/rules/pod/host-network';
import { yaml } from '../../support/dedent';
import { testFixes } from '../fix-tester';

testFixes(hostNetwork, [
  {
    name: 'block style, with a comment on the line and a CRLF file',
    code: 'apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  name: web\r\nspec:\r\n  hostNetwork: true # for the agent\r\n  containers:\r\n    - name: web\r\n      image: nginx\r\n',
    fixes: [
      { title: 'Remove hostNetwork: true', preferred: true, output: 'apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  name: web\r\nspec:\r\n  containers:\r\n    - name: web\r\n      image: nginx\r\n' },
      { title: 'Set hostNetwork: false', preferred: false, output: 'apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  name: web\r\nspec:\r\n  hostNetwork: false # for the agent\r\n  containers:\r\n    - name: web\r\n      image: nginx\r\n' },
    ],
  },
  {
    name: 'flow style, in the middle of a multi-document file',
    code: yaml`
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: a}
      ---
      apiVersion: batch/v1
      kind: CronJob
      metadata: {name: backup}
      spec: {schedule: "0 3 * * *", jobTemplate: {spec: {template: {spec: {hostNetwork: true, containers: [{name: b, image: busybox}]}}}}}
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: c}
    `,
    fixes: [
      {
        title: 'Remove hostNetwork: true',
        output: yaml`
          apiVersion: v1
          kind: ConfigMap
          metadata: {name: a}
          ---
          apiVersion: batch/v1
          kind: CronJob
          metadata: {name: backup}
          spec: {schedule: "0 3 * * *", jobTemplate: {spec: {template: {spec: {containers: [{name: b, image: busybox}]}}}}}
          ---
          apiVersion: v1
          kind: ConfigMap
          metadata: {name: c}
        `,
      },
      {
        title: 'Set hostNetwork: false',
        output: yaml`
          apiVersion: v1
          kind: ConfigMap
          metadata: {name: a}
          ---
          apiVersion: batch/v1
          kind: CronJob
          metadata: {name: backup}
          spec: {schedule: "0 3 * * *", jobTemplate: {spec: {template: {spec: {hostNetwork: false, containers: [{name: b, image: busybox}]}}}}}
          ---
          apiVersion: v1
          kind: ConfigMap
          metadata: {name: c}
        `,
      },
    ],
  },
  {
    name: 'a finding of another rule that only changes its wording (privileged, now off the host network) is not new',
    code: yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: agent}
      spec:
        hostNetwork: true
        containers:
          - name: agent
            image: agent:1
            securityContext: {privileged: true}
    `,
    fixes: [
      {
        title: 'Remove hostNetwork: true',
        output: yaml`
          apiVersion: v1
          kind: Pod
          metadata: {name: agent}
          spec:
            containers:
              - name: agent
                image: agent:1
                securityContext: {privileged: true}
        `,
      },
      {
        title: 'Set hostNetwork: false',
        output: yaml`
          apiVersion: v1
          kind: Pod
          metadata: {name: agent}
          spec:
            hostNetwork: false
            containers:
              - name: agent
                image: agent:1
                securityContext: {privileged: true}
        `,
      },
    ],
  },
  {
    name: 'a value from a merge key is shared text: no edit is offered',
    code: yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: web}
      spec:
        <<: {hostNetwork: true}
        containers: []
    `,
    fixes: [],
  },
]);
