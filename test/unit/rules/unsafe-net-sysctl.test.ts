import { unsafeNetSysctl } from '../../../server/src/engine/rules/pod/unsafe-net-sysctl';
import { yaml } from '../../support/dedent';
import { testRule } from '../rule-tester';

testRule(unsafeNetSysctl, {
  valid: [
    {
      name: 'every safe network sysctl, with dots or slashes',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: tuned}
        spec:
          securityContext:
            sysctls:
              - {name: net.ipv4.ip_local_port_range, value: "1024 65535"}
              - {name: net.ipv4.tcp_syncookies, value: "1"}
              - {name: net.ipv4.ping_group_range, value: "0 2147483647"}
              - {name: net.ipv4.ip_unprivileged_port_start, value: "80"}
              - {name: net.ipv4.ip_local_reserved_ports, value: "30000-32767"}
              - {name: net.ipv4.tcp_keepalive_time, value: "600"}
              - {name: net.ipv4.tcp_fin_timeout, value: "30"}
              - {name: net.ipv4.tcp_keepalive_intvl, value: "60"}
              - {name: net.ipv4.tcp_keepalive_probes, value: "5"}
              - {name: net.ipv4.tcp_rmem, value: "4096 87380 6291456"}
              - {name: net.ipv4.tcp_wmem, value: "4096 16384 4194304"}
              - {name: net/ipv4/tcp_syncookies, value: "1"}
          containers: [{name: app}]
      `,
    },
    {
      name: 'unsafe sysctls outside net.* are not this rule\'s business',
      code: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          securityContext:
            sysctls:
              - {name: kernel.msgmax, value: "65536"}
              - {name: vm.max_map_count, value: "262144"}
          containers: [{name: app}]
      `,
    },
    {
      name: 'sysctls under a container securityContext are not a Kubernetes field; a Deployment CRD of another group',
      code: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: app
              securityContext:
                sysctls: [{name: net.ipv4.ip_forward, value: "1"}]
        ---
        apiVersion: example.com/v1
        kind: Deployment
        spec:
          template:
            spec:
              securityContext:
                sysctls: [{name: net.ipv4.ip_forward, value: "1"}]
      `,
    },
    {
      name: 'a look-alike: net in the middle of a name; malformed entries',
      code: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          securityContext:
            sysctls:
              - {name: kernel.net.ipv4, value: "1"}
              - net.ipv4.ip_forward=1
              - {name: 42}
          containers: [{name: app}]
      `,
    },
  ],
  invalid: [
    {
      name: 'IP forwarding on a Pod',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: gateway}
        spec:
          securityContext:
            sysctls:
              - name: net.ipv4.ip_forward
                value: "1"
          containers: [{name: gateway}]
      `,
      findings: [
        { line: 7, column: 9, endLine: 7, endColumn: 34, message: 'Sysctl "net.ipv4.ip_forward" is not in Kubernetes\' safe set: it is not known to be isolated from the node and other pods, and it makes the pod route packets between networks.' },
      ],
    },
    {
      name: 'several unsafe sysctls in a Deployment, slashes, flow style',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: redis}
        spec:
          template:
            spec:
              securityContext:
                runAsNonRoot: true
                sysctls:
                  - {name: net.core.somaxconn, value: "1024"}
                  - {name: net/ipv4/conf/all/rp_filter, value: "0"}
                  - {name: net.ipv4.tcp_syncookies, value: "1"}
                  - {name: net.ipv6.conf.all.accept_redirects, value: "1"}
                  - {name: net.netfilter.nf_conntrack_max, value: "1048576"}
      `,
      findings: [
        { line: 10, column: 14, endLine: 10, endColumn: 38, message: 'Sysctl "net.core.somaxconn" is not in Kubernetes\' safe set: it is not known to be isolated from the node and other pods.' },
        { line: 11, column: 14, endLine: 11, endColumn: 47, message: /^Sysctl "net\/ipv4\/conf\/all\/rp_filter" .*, and turning reverse-path filtering off lets spoofed source addresses through\.$/ },
        { line: 13, column: 14, endLine: 13, endColumn: 54, message: /^Sysctl "net.ipv6.conf.all.accept_redirects" .*, and ICMP redirects and source routing let others steer the pod's traffic\.$/ },
        { line: 14, column: 14, endLine: 14, endColumn: 50, message: /^Sysctl "net.netfilter.nf_conntrack_max" .*, and connection tracking limits are shared with the node's own traffic\.$/ },
      ],
    },
    {
      name: 'CronJob in a second document, IPv6 forwarding',
      code: yaml`
        apiVersion: v1
        kind: ConfigMap
        data: {sysctl: net.ipv4.ip_forward}
        ---
        apiVersion: batch/v1
        kind: CronJob
        spec:
          jobTemplate:
            spec:
              template:
                spec:
                  securityContext: {sysctls: [{name: net.ipv6.conf.all.forwarding, value: "1"}]}
      `,
      findings: [
        { line: 12, column: 40, endLine: 12, endColumn: 74, message: /^Sysctl "net.ipv6.conf.all.forwarding" .*route packets between networks\.$/ },
      ],
    },
  ],
});
