import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lintManifest, mergeConfigs, parseManifest } from '../../../server/src/engine';
import { privilegedContainer } from '../../../server/src/engine/rules/pod/privileged-container';
import { yaml } from '../../support/dedent';
import { testFixes } from '../fix-tester';

const SHARED_THROUGH_ALIAS_AND_MERGE = yaml`
  apiVersion: v1
  kind: List
  items:
    - apiVersion: v1
      kind: Pod
      metadata: {name: a}
      spec:
        containers:
          - name: a
            securityContext: &privileged {privileged: true}
    - apiVersion: v1
      kind: Pod
      metadata: {name: b}
      spec:
        containers:
          - name: b
            securityContext: *privileged
          - name: c
            securityContext:
              <<: *privileged
              runAsUser: 0
`;

testFixes(privilegedContainer, [
  {
    name: 'a DaemonSet in block style: false keeps the comment, removal takes the emptied securityContext',
    code: yaml`
      apiVersion: apps/v1
      kind: DaemonSet
      metadata:
        name: cni
      spec:
        template:
          spec:
            containers:
              - name: agent
                image: cni:1.0
                securityContext:
                  privileged: true # needs iptables
                # probes follow
                livenessProbe: {tcpSocket: {port: 9099}}
    `,
    fixes: [
      {
        title: 'Set privileged: false',
        preferred: true,
        output: yaml`
          apiVersion: apps/v1
          kind: DaemonSet
          metadata:
            name: cni
          spec:
            template:
              spec:
                containers:
                  - name: agent
                    image: cni:1.0
                    securityContext:
                      privileged: false # needs iptables
                    # probes follow
                    livenessProbe: {tcpSocket: {port: 9099}}
        `,
      },
      {
        title: 'Remove privileged: true',
        preferred: false,
        output: yaml`
          apiVersion: apps/v1
          kind: DaemonSet
          metadata:
            name: cni
          spec:
            template:
              spec:
                containers:
                  - name: agent
                    image: cni:1.0
                    # probes follow
                    livenessProbe: {tcpSocket: {port: 9099}}
        `,
      },
    ],
  },
  {
    name: 'a quoted key among others, in a CRLF file indented by 4 with flush sequences',
    code: 'apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n    name: tuner\r\nspec:\r\n    containers:\r\n    - name: tuner\r\n      securityContext:\r\n          runAsUser: 0\r\n          "privileged": true\r\n          readOnlyRootFilesystem: true\r\n',
    fixes: [
      {
        title: 'Set privileged: false',
        output: 'apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n    name: tuner\r\nspec:\r\n    containers:\r\n    - name: tuner\r\n      securityContext:\r\n          runAsUser: 0\r\n          "privileged": false\r\n          readOnlyRootFilesystem: true\r\n',
      },
      {
        title: 'Remove privileged: true',
        output: 'apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n    name: tuner\r\nspec:\r\n    containers:\r\n    - name: tuner\r\n      securityContext:\r\n          runAsUser: 0\r\n          readOnlyRootFilesystem: true\r\n',
      },
    ],
  },
  {
    name: 'flow style, an ephemeral container of a Pod in the middle of a multi-document file',
    code: yaml`
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: a}
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: web}
      spec:
        containers: [{name: web, image: nginx}]
        ephemeralContainers: [{name: debug, image: busybox, securityContext: {privileged: true}}]
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: c}
    `,
    fixes: [
      {
        title: 'Set privileged: false',
        output: yaml`
          apiVersion: v1
          kind: ConfigMap
          metadata: {name: a}
          ---
          apiVersion: v1
          kind: Pod
          metadata: {name: web}
          spec:
            containers: [{name: web, image: nginx}]
            ephemeralContainers: [{name: debug, image: busybox, securityContext: {privileged: false}}]
          ---
          apiVersion: v1
          kind: ConfigMap
          metadata: {name: c}
        `,
      },
      {
        title: 'Remove privileged: true',
        output: yaml`
          apiVersion: v1
          kind: ConfigMap
          metadata: {name: a}
          ---
          apiVersion: v1
          kind: Pod
          metadata: {name: web}
          spec:
            containers: [{name: web, image: nginx}]
            ephemeralContainers: [{name: debug, image: busybox}]
          ---
          apiVersion: v1
          kind: ConfigMap
          metadata: {name: c}
        `,
      },
    ],
  },
  {
    name: 'nothing is edited through an alias or a merge key; the anchored original is set, not removed (its aliases would dangle)',
    code: SHARED_THROUGH_ALIAS_AND_MERGE,
    fixes: [
      {
        title: 'Set privileged: false',
        output: yaml`
          apiVersion: v1
          kind: List
          items:
            - apiVersion: v1
              kind: Pod
              metadata: {name: a}
              spec:
                containers:
                  - name: a
                    securityContext: &privileged {privileged: false}
            - apiVersion: v1
              kind: Pod
              metadata: {name: b}
              spec:
                containers:
                  - name: b
                    securityContext: *privileged
                  - name: c
                    securityContext:
                      <<: *privileged
                      runAsUser: 0
        `,
      },
    ],
    notOffered: ['Remove privileged: true'],
  },
]);

describe('privileged-container through an alias or a merge key', () => {
  it('still reports every container', () => {
    const findings = lintManifest(parseManifest('test.yaml', SHARED_THROUGH_ALIAS_AND_MERGE), { config: mergeConfigs({}) });
    assert.equal(findings.filter((finding) => finding.ruleId === privilegedContainer.id).length, 3);
  });
});
