import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixAllOfFile, FixChecker, lintManifest, lintWorkspaceLocated, mergeConfigs, parseManifest } from '../../../server/src/engine';
import { netCapabilityAdded } from '../../../server/src/engine/rules/pod/net-capability-added';
import { netRawNotDropped } from '../../../server/src/engine/rules/pod/net-raw-not-dropped';
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
        context: &context {runAsUser: 0}
        container: &container {image: api, securityContext: {runAsUser: 0}}
    - apiVersion: v1
      kind: Pod
      metadata: {name: api}
      spec:
        containers:
          - name: aliased
            securityContext: *context
          - <<: *container
            name: merged
`;

testFixes(netRawNotDropped, [
  {
    name: 'a Deployment container without a securityContext gets the whole path, block style, comments kept',
    code: yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: api
      spec:
        template:
          spec:
            containers:
              - name: api # the server
                image: api:3.2
                # its port
                ports:
                  - containerPort: 8080
    `,
    fixes: [
      {
        title: 'Drop NET_RAW',
        preferred: true,
        output: yaml`
          apiVersion: apps/v1
          kind: Deployment
          metadata:
            name: api
          spec:
            template:
              spec:
                containers:
                  - name: api # the server
                    image: api:3.2
                    # its port
                    ports:
                      - containerPort: 8080
                    securityContext:
                      capabilities:
                        drop:
                          - NET_RAW
        `,
      },
    ],
  },
  {
    name: 'CRLF, 4-space indentation and flush sequences: an init container with a securityContext gets capabilities',
    code: 'apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n    name: api\r\nspec:\r\n    initContainers:\r\n    - name: init\r\n      securityContext:\r\n          runAsUser: 0 # root for chown\r\n    containers:\r\n    - name: api\r\n      securityContext: {capabilities: {drop: [ALL]}}\r\n',
    fixes: [
      {
        title: 'Drop NET_RAW',
        output:
          'apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n    name: api\r\nspec:\r\n    initContainers:\r\n    - name: init\r\n      securityContext:\r\n          runAsUser: 0 # root for chown\r\n          capabilities:\r\n              drop:\r\n              - NET_RAW\r\n    containers:\r\n    - name: api\r\n      securityContext: {capabilities: {drop: [ALL]}}\r\n',
      },
    ],
  },
  {
    name: 'an existing block drop list gets one more item, a capabilities map with add only gets a drop list',
    code: yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: api}
      spec:
        containers:
          - name: api
            securityContext:
              capabilities:
                drop:
                  - CHOWN # not needed
          - name: web
            securityContext:
              capabilities:
                add:
                  - NET_BIND_SERVICE
    `,
    fixes: [
      {
        title: 'Drop NET_RAW',
        output: yaml`
          apiVersion: v1
          kind: Pod
          metadata: {name: api}
          spec:
            containers:
              - name: api
                securityContext:
                  capabilities:
                    drop:
                      - CHOWN # not needed
                      - NET_RAW
              - name: web
                securityContext:
                  capabilities:
                    add:
                      - NET_BIND_SERVICE
        `,
      },
      {
        title: 'Drop NET_RAW',
        output: yaml`
          apiVersion: v1
          kind: Pod
          metadata: {name: api}
          spec:
            containers:
              - name: api
                securityContext:
                  capabilities:
                    drop:
                      - CHOWN # not needed
              - name: web
                securityContext:
                  capabilities:
                    add:
                      - NET_BIND_SERVICE
                    drop:
                      - NET_RAW
        `,
      },
    ],
  },
  {
    name: 'flow style in a CronJob in the middle of a multi-document file: a flow list, an empty map, a flow container',
    code: yaml`
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: a}
      ---
      apiVersion: batch/v1
      kind: CronJob
      metadata: {name: report}
      spec:
        jobTemplate:
          spec:
            template:
              spec:
                containers:
                  - {name: report, image: report, securityContext: {capabilities: {drop: [CHOWN]}}}
                  - {name: upload, securityContext: {}}
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: c}
    `,
    fixes: [
      {
        title: 'Drop NET_RAW',
        output: yaml`
          apiVersion: v1
          kind: ConfigMap
          metadata: {name: a}
          ---
          apiVersion: batch/v1
          kind: CronJob
          metadata: {name: report}
          spec:
            jobTemplate:
              spec:
                template:
                  spec:
                    containers:
                      - {name: report, image: report, securityContext: {capabilities: {drop: [CHOWN, NET_RAW]}}}
                      - {name: upload, securityContext: {}}
          ---
          apiVersion: v1
          kind: ConfigMap
          metadata: {name: c}
        `,
      },
      {
        title: 'Drop NET_RAW',
        output: yaml`
          apiVersion: v1
          kind: ConfigMap
          metadata: {name: a}
          ---
          apiVersion: batch/v1
          kind: CronJob
          metadata: {name: report}
          spec:
            jobTemplate:
              spec:
                template:
                  spec:
                    containers:
                      - {name: report, image: report, securityContext: {capabilities: {drop: [CHOWN]}}}
                      - {name: upload, securityContext: {capabilities: {drop: [NET_RAW]}}}
          ---
          apiVersion: v1
          kind: ConfigMap
          metadata: {name: c}
        `,
      },
    ],
  },
  {
    name: 'an ephemeral container whose securityContext is written empty',
    code: yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: web}
      spec:
        containers: [{name: web, securityContext: {capabilities: {drop: [ALL]}}}]
        ephemeralContainers:
          - name: debug
            securityContext:
    `,
    fixes: [
      {
        title: 'Drop NET_RAW',
        output: yaml`
          apiVersion: v1
          kind: Pod
          metadata: {name: web}
          spec:
            containers: [{name: web, securityContext: {capabilities: {drop: [ALL]}}}]
            ephemeralContainers:
              - name: debug
                securityContext:
                  capabilities:
                    drop:
                      - NET_RAW
        `,
      },
    ],
  },
  {
    name: 'a quoted CAP_NET_RAW is spelled right in its quotes',
    code: yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: api}
      spec:
        containers:
          - name: api
            securityContext:
              capabilities:
                drop: ["CAP_NET_RAW", 'CHOWN']
    `,
    fixes: [
      {
        title: 'Replace CAP_NET_RAW with NET_RAW',
        preferred: true,
        output: yaml`
          apiVersion: v1
          kind: Pod
          metadata: {name: api}
          spec:
            containers:
              - name: api
                securityContext:
                  capabilities:
                    drop: ["NET_RAW", 'CHOWN']
        `,
      },
    ],
  },
  {
    name: 'a misspelled cap_all: NET_RAW is added by default, correcting to ALL (which drops the defaults too) is the other fix',
    code: yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: api}
      spec:
        containers:
          - name: api
            securityContext:
              capabilities:
                drop:
                  - cap_all
    `,
    fixes: [
      {
        title: 'Drop NET_RAW',
        preferred: true,
        output: yaml`
          apiVersion: v1
          kind: Pod
          metadata: {name: api}
          spec:
            containers:
              - name: api
                securityContext:
                  capabilities:
                    drop:
                      - cap_all
                      - NET_RAW
        `,
      },
      {
        title: 'Replace cap_all with ALL',
        preferred: false,
        output: yaml`
          apiVersion: v1
          kind: Pod
          metadata: {name: api}
          spec:
            containers:
              - name: api
                securityContext:
                  capabilities:
                    drop:
                      - ALL
        `,
      },
    ],
  },
  {
    name: 'a securityContext from an alias, a container from a merge key: shared text, no edit is offered',
    code: SHARED_THROUGH_ALIAS_AND_MERGE,
    fixes: [],
  },
]);

describe('net-raw-not-dropped without a fix', () => {
  it('still reports the shared containers', () => {
    const findings = lintManifest(parseManifest('test.yaml', SHARED_THROUGH_ALIAS_AND_MERGE), { config: mergeConfigs({}) });
    assert.equal(findings.filter((finding) => finding.ruleId === netRawNotDropped.id).length, 2);
  });
});

const CONTAINER_RULES: readonly string[] = [netRawNotDropped.id, netCapabilityAdded.id];

/** Fixes the container findings of test.yaml with their preferred fixes, as the editor's "fix all" does. */
function fixAll(code: string): { text?: string; fixed: string[] } {
  const config = mergeConfigs({});
  const checker = new FixChecker({ files: [parseManifest('test.yaml', code)], textOf: (uri) => (uri === 'test.yaml' ? code : undefined), config });
  const located = (lintWorkspaceLocated(checker.workspace, { config }).get('test.yaml') ?? []).filter(({ finding }) => CONTAINER_RULES.includes(finding.ruleId));
  const result = fixAllOfFile('test.yaml', located, checker);
  return { text: result.text, fixed: result.fixed.map((finding) => finding.ruleId).sort() };
}

describe('fixing all of a container that adds NET_ADMIN and keeps NET_RAW', () => {
  it('removes the capability and drops NET_RAW in one go when the edits are apart', () => {
    const result = fixAll(yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: vpn}
      spec:
        containers:
          - name: vpn
            securityContext:
              capabilities:
                add:
                  - NET_ADMIN
                  - SYS_TIME
                drop:
                  - MKNOD
    `);
    assert.deepEqual(result.fixed, ['net-capability-added', 'net-raw-not-dropped']);
    assert.equal(
      result.text,
      yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: vpn}
        spec:
          containers:
            - name: vpn
              securityContext:
                capabilities:
                  add:
                    - SYS_TIME
                  drop:
                    - MKNOD
                    - NET_RAW
      `,
    );
  });

  it('leaves the overlapping fix to the next run when removing add would take the map NET_RAW goes into', () => {
    const code = yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: vpn}
      spec:
        containers:
          - name: vpn
            securityContext:
              capabilities:
                add: [NET_ADMIN]
    `;
    const first = fixAll(code);
    assert.deepEqual(first.fixed, ['net-raw-not-dropped']);
    const second = fixAll(first.text!);
    assert.deepEqual(second.fixed, ['net-capability-added']);
    assert.equal(
      second.text,
      yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: vpn}
        spec:
          containers:
            - name: vpn
              securityContext:
                capabilities:
                  drop:
                    - NET_RAW
      `,
    );
    assert.deepEqual(fixAll(second.text!).fixed, []);
  });
});
