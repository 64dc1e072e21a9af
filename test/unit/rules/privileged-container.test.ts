import { privilegedContainer } from '../../../server/src/engine/rules/pod/privileged-container';
import { yaml } from '../../support/dedent';
import { testRule } from '../rule-tester';

testRule(privilegedContainer, {
  valid: [
    {
      name: 'privileged: false',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - name: web
              securityContext: {privileged: false}
      `,
    },
    {
      name: 'no securityContext',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        spec:
          template:
            spec:
              containers: [{name: web, image: nginx}]
      `,
    },
    {
      name: 'a string "true" is not a boolean (the API rejects it; a schema problem)',
      code: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: web
              securityContext: {privileged: "true"}
      `,
    },
    {
      name: 'privileged at pod level is not a Kubernetes field',
      code: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          securityContext: {privileged: true}
          containers: [{name: web}]
      `,
    },
    {
      name: 'a Deployment CRD of another group',
      code: yaml`
        apiVersion: example.com/v1
        kind: Deployment
        spec:
          template:
            spec:
              containers:
                - name: web
                  securityContext: {privileged: true}
      `,
    },
  ],
  invalid: [
    {
      name: 'regular container of a Pod',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: tuner}
        spec:
          containers:
            - name: tuner
              securityContext:
                privileged: true
      `,
      findings: [
        { line: 8, column: 9, endLine: 8, endColumn: 25, message: 'Container "tuner" is privileged: it has every capability, including NET_ADMIN and NET_RAW, and has the node\'s devices, enough to escape to the node and rewrite its iptables rules and routes.' },
      ],
    },
    {
      name: 'init, regular and ephemeral containers of a hostNetwork DaemonSet, flow style',
      code: yaml`
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: cni}
        spec:
          template:
            spec:
              hostNetwork: true
              initContainers:
                - name: install-cni
                  securityContext: {privileged: true}
              containers:
                - name: agent
                  securityContext:
                    privileged: true
                - name: sidecar
                  securityContext: {privileged: false}
              ephemeralContainers:
                - {name: debugger, securityContext: {privileged: true}}
      `,
      findings: [
        { line: 10, column: 29, endLine: 10, endColumn: 45, message: /"install-cni" is privileged: .*shares the node's network namespace, so it can rewrite the node's iptables rules and routes directly\.$/ },
        { line: 14, column: 13, endLine: 14, endColumn: 29, message: /"agent" is privileged/ },
        { line: 18, column: 46, endLine: 18, endColumn: 62, message: /"debugger" is privileged/ },
      ],
    },
    {
      name: 'CronJob and a second document',
      code: yaml`
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: nightly}
        spec:
          jobTemplate:
            spec:
              template:
                spec:
                  containers:
                    - name: job
                      securityContext: {privileged: true}
        ---
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: second
              securityContext: {privileged: true, capabilities: {drop: [ALL]}}
      `,
      findings: [
        { line: 11, column: 33, endLine: 11, endColumn: 49, message: /"job" is privileged: .*escape to the node/ },
        { line: 18, column: 25, endLine: 18, endColumn: 41, message: /"second" is privileged/ },
      ],
    },
  ],
});
