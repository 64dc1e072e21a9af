import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lintManifest, mergeConfigs, parseManifest } from '../../../server/src/engine';
import { netCapabilityAdded } from '../../../server/src/engine/rules/pod/net-capability-added';
import { yaml } from '../../support/dedent';
import { testFixes } from '../fix-tester';

const SHARED_THROUGH_ALIAS_AND_MERGE = yaml`
  apiVersion: v1
  kind: List
  items:
    - apiVersion: v1
      kind: ConfigMap
      metadata: {name: shared}
      data:
        capabilities: &capabilities {add: [NET_ADMIN]}
    - apiVersion: v1
      kind: Pod
      metadata: {name: b}
      spec:
        containers:
          - name: aliased
            securityContext: {capabilities: *capabilities}
          - name: merged
            securityContext:
              capabilities:
                <<: *capabilities
                drop: [ALL]
`;

testFixes(netCapabilityAdded, [
  {
    name: 'a Deployment in block style: the entry goes with its comment, the other entries stay',
    code: yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: vpn
      spec:
        template:
          spec:
            containers:
              - name: vpn
                securityContext:
                  capabilities:
                    add:
                      - NET_ADMIN # routes
                      # ports below 1024
                      - NET_BIND_SERVICE
                    drop: [ALL]
    `,
    fixes: [
      {
        title: 'Remove capability NET_ADMIN',
        preferred: true,
        output: yaml`
          apiVersion: apps/v1
          kind: Deployment
          metadata:
            name: vpn
          spec:
            template:
              spec:
                containers:
                  - name: vpn
                    securityContext:
                      capabilities:
                        add:
                          # ports below 1024
                          - NET_BIND_SERVICE
                        drop: [ALL]
        `,
      },
    ],
  },
  {
    name: 'the last entry takes the emptied add and capabilities with it, in a CRLF file indented by 4 with flush sequences',
    code: 'apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n    name: vpn\r\nspec:\r\n    containers:\r\n    - name: vpn\r\n      securityContext:\r\n          capabilities:\r\n              add:\r\n              - NET_ADMIN\r\n          runAsUser: 0\r\n',
    fixes: [
      {
        title: 'Remove capability NET_ADMIN',
        output: 'apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n    name: vpn\r\nspec:\r\n    containers:\r\n    - name: vpn\r\n      securityContext:\r\n          runAsUser: 0\r\n',
      },
    ],
  },
  {
    name: 'flow style with a quoted, prefixed name, in a CronJob in the middle of a multi-document file',
    code: yaml`
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: a}
      ---
      apiVersion: batch/v1
      kind: CronJob
      metadata: {name: probe}
      spec: {jobTemplate: {spec: {template: {spec: {containers: [{name: probe, securityContext: {capabilities: {add: [CHOWN, "CAP_NET_RAW"], drop: [ALL]}}}]}}}}}
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: c}
    `,
    fixes: [
      {
        title: 'Remove capability CAP_NET_RAW',
        output: yaml`
          apiVersion: v1
          kind: ConfigMap
          metadata: {name: a}
          ---
          apiVersion: batch/v1
          kind: CronJob
          metadata: {name: probe}
          spec: {jobTemplate: {spec: {template: {spec: {containers: [{name: probe, securityContext: {capabilities: {add: [CHOWN], drop: [ALL]}}}]}}}}}
          ---
          apiVersion: v1
          kind: ConfigMap
          metadata: {name: c}
        `,
      },
    ],
  },
  {
    name: 'an init container whose only capability goes: its whole securityContext goes (flow)',
    code: yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: mesh}
      spec:
        initContainers:
          - name: init-iptables
            image: proxy-init
            securityContext: {capabilities: {add: [NET_ADMIN]}}
        containers:
          - name: app
            securityContext: {capabilities: {drop: [ALL]}}
    `,
    fixes: [
      {
        title: 'Remove capability NET_ADMIN',
        output: yaml`
          apiVersion: v1
          kind: Pod
          metadata: {name: mesh}
          spec:
            initContainers:
              - name: init-iptables
                image: proxy-init
            containers:
              - name: app
                securityContext: {capabilities: {drop: [ALL]}}
        `,
      },
    ],
  },
  {
    name: 'capabilities from an alias or a merge key are shared text: no edit is offered',
    code: SHARED_THROUGH_ALIAS_AND_MERGE,
    fixes: [],
  },
]);

describe('net-capability-added without a fix', () => {
  it('still reports the shared capabilities', () => {
    const findings = lintManifest(parseManifest('test.yaml', SHARED_THROUGH_ALIAS_AND_MERGE), { config: mergeConfigs({}) });
    assert.equal(findings.filter((finding) => finding.ruleId === netCapabilityAdded.id).length, 2);
  });
});
