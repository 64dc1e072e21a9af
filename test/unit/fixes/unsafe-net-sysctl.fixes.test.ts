import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lintManifest, mergeConfigs, parseManifest } from '../../../server/src/engine';
import { unsafeNetSysctl } from '../../../server/src/engine/rules/pod/unsafe-net-sysctl';
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
        sysctls: &sysctls [{name: net.ipv4.ip_forward, value: "1"}]
        context: &context {sysctls: [{name: net.ipv4.conf.all.send_redirects, value: "1"}]}
        sysctl: &sysctl {name: net.ipv4.conf.all.rp_filter, value: "0"}
    - apiVersion: v1
      kind: Pod
      metadata: {name: aliased}
      spec:
        securityContext: {sysctls: *sysctls}
        containers: [{name: a}]
    - apiVersion: v1
      kind: Pod
      metadata: {name: merged}
      spec:
        securityContext:
          <<: *context
          runAsNonRoot: true
        containers: [{name: b}]
    - apiVersion: v1
      kind: Pod
      metadata: {name: item}
      spec:
        securityContext:
          sysctls:
            - <<: *sysctl
        containers: [{name: c}]
`;

testFixes(unsafeNetSysctl, [
  {
    name: 'a Pod in block style: the item goes whole with its comment, the safe sysctl stays',
    code: yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: gateway
      spec:
        securityContext:
          sysctls:
            # routing between the two networks
            - name: net.ipv4.ip_forward
              value: "1" # on
            - name: net.ipv4.ip_local_port_range
              value: "1024 65535"
        containers:
          - name: gateway
            image: gateway:1.8
    `,
    fixes: [
      {
        title: 'Remove sysctl net.ipv4.ip_forward',
        preferred: true,
        output: yaml`
          apiVersion: v1
          kind: Pod
          metadata:
            name: gateway
          spec:
            securityContext:
              sysctls:
                # routing between the two networks
                - name: net.ipv4.ip_local_port_range
                  value: "1024 65535"
            containers:
              - name: gateway
                image: gateway:1.8
        `,
      },
    ],
  },
  {
    name: 'the only sysctl takes the emptied list with it, quoted, in a CRLF file indented by 4 with flush sequences',
    code: 'apiVersion: apps/v1\r\nkind: Deployment\r\nmetadata:\r\n    name: lb\r\nspec:\r\n    template:\r\n        spec:\r\n            securityContext:\r\n                runAsNonRoot: true\r\n                sysctls:\r\n                - name: "net.ipv4.conf.all.rp_filter"\r\n                  \'value\': \'0\'\r\n            containers:\r\n            - name: lb\r\n',
    fixes: [
      {
        title: 'Remove sysctl net.ipv4.conf.all.rp_filter',
        output: 'apiVersion: apps/v1\r\nkind: Deployment\r\nmetadata:\r\n    name: lb\r\nspec:\r\n    template:\r\n        spec:\r\n            securityContext:\r\n                runAsNonRoot: true\r\n            containers:\r\n            - name: lb\r\n',
      },
    ],
  },
  {
    name: 'flow style in a CronJob in the middle of a multi-document file, the slash spelling named as written',
    code: yaml`
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: a}
      ---
      apiVersion: batch/v1
      kind: CronJob
      metadata: {name: tune}
      spec: {jobTemplate: {spec: {template: {spec: {securityContext: {sysctls: [{name: net.ipv4.tcp_syncookies, value: "1"}, {name: net/ipv4/conf/eth0/accept_redirects, value: "1"}]}, containers: [{name: t}]}}}}}
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: c}
    `,
    fixes: [
      {
        title: 'Remove sysctl net/ipv4/conf/eth0/accept_redirects',
        output: yaml`
          apiVersion: v1
          kind: ConfigMap
          metadata: {name: a}
          ---
          apiVersion: batch/v1
          kind: CronJob
          metadata: {name: tune}
          spec: {jobTemplate: {spec: {template: {spec: {securityContext: {sysctls: [{name: net.ipv4.tcp_syncookies, value: "1"}]}, containers: [{name: t}]}}}}}
          ---
          apiVersion: v1
          kind: ConfigMap
          metadata: {name: c}
        `,
      },
    ],
  },
  {
    name: 'a securityContext left empty goes whole (flow)',
    code: yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: conntrack}
      spec:
        securityContext: {sysctls: [{name: net.netfilter.nf_conntrack_max, value: "1000000"}]}
        containers: [{name: c}]
    `,
    fixes: [
      {
        title: 'Remove sysctl net.netfilter.nf_conntrack_max',
        output: yaml`
          apiVersion: v1
          kind: Pod
          metadata: {name: conntrack}
          spec:
            containers: [{name: c}]
        `,
      },
    ],
  },
  {
    name: 'nothing is edited through an alias or a merge key; an item of its own that merges a map is removed, not the map',
    code: SHARED_THROUGH_ALIAS_AND_MERGE,
    fixes: [
      {
        title: 'Remove sysctl net.ipv4.conf.all.rp_filter',
        output: SHARED_THROUGH_ALIAS_AND_MERGE.replace('      securityContext:\n        sysctls:\n          - <<: *sysctl\n', ''),
      },
    ],
  },
]);

describe('unsafe-net-sysctl through an alias or a merge key', () => {
  it('still reports every shared sysctl', () => {
    const findings = lintManifest(parseManifest('test.yaml', SHARED_THROUGH_ALIAS_AND_MERGE), { config: mergeConfigs({}) });
    assert.equal(findings.filter((finding) => finding.ruleId === unsafeNetSysctl.id).length, 3);
  });
});
