import { netCapabilityAdded } from '../../../server/src/engine/rules/pod/net-capability-added';
import { yaml } from '../../support/dedent';
import { testRule } from '../rule-tester';

testRule(netCapabilityAdded, {
  valid: [
    {
      name: 'only NET_BIND_SERVICE added, ALL dropped',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          template:
            spec:
              containers:
                - name: web
                  securityContext:
                    capabilities:
                      add: [NET_BIND_SERVICE]
                      drop: [ALL]
      `,
    },
    {
      name: 'network capabilities in drop are not grants',
      code: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: web
              securityContext: {capabilities: {drop: [NET_RAW, NET_ADMIN]}}
      `,
    },
    {
      name: 'look-alikes: NET_BIND_SERVICE, SYS_ADMIN, NET_ADMINX are not network capabilities of this rule',
      code: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: web
              securityContext: {capabilities: {add: [NET_BIND_SERVICE, SYS_ADMIN, NET_ADMINX, 42, null]}}
      `,
    },
    {
      name: 'capabilities at pod level are not a Kubernetes field',
      code: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          securityContext: {capabilities: {add: [NET_ADMIN]}}
          containers: [{name: web}]
      `,
    },
    {
      name: 'Windows pods have no Linux capabilities',
      code: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          os: {name: windows}
          containers:
            - name: iis
              securityContext: {capabilities: {add: [NET_ADMIN]}}
        ---
        apiVersion: apps/v1
        kind: Deployment
        spec:
          template:
            spec:
              nodeSelector: {beta.kubernetes.io/os: Windows}
              containers:
                - name: iis
                  securityContext: {capabilities: {add: [NET_ADMIN]}}
      `,
    },
    {
      name: 'add is not a list',
      code: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: web
              securityContext: {capabilities: {add: NET_ADMIN}}
      `,
    },
  ],
  invalid: [
    {
      name: 'NET_ADMIN on a Pod',
      code: yaml`
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
      `,
      findings: [
        { line: 10, column: 15, endLine: 10, endColumn: 24, message: 'Container "vpn" adds NET_ADMIN: it can rewrite interfaces, routes and iptables rules, escaping traffic redirection and filtering.' },
      ],
    },
    {
      name: 'every network capability, any case, CAP_ prefix, in init, regular and ephemeral containers',
      code: yaml`
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: mesh}
        spec:
          template:
            spec:
              initContainers:
                - name: mesh-init
                  securityContext:
                    capabilities: {add: [NET_ADMIN, net_raw], drop: [ALL]}
              containers:
                - name: app
                  securityContext:
                    capabilities:
                      add: [CHOWN, CAP_NET_BROADCAST]
              ephemeralContainers:
                - name: debugger
                  securityContext: {capabilities: {add: ["all"]}}
      `,
      findings: [
        { line: 10, column: 34, endLine: 10, endColumn: 43, message: /"mesh-init" adds NET_ADMIN: / },
        { line: 10, column: 45, endLine: 10, endColumn: 52, message: 'Container "mesh-init" adds net_raw: it can forge and capture packets through raw sockets (ARP and DNS spoofing).' },
        { line: 15, column: 28, endLine: 15, endColumn: 45, message: 'Container "app" adds CAP_NET_BROADCAST: it can send broadcasts and listen to multicast.' },
        { line: 18, column: 50, endLine: 18, endColumn: 55, message: 'Container "debugger" adds all: it can use every capability, NET_ADMIN and NET_RAW included.' },
      ],
    },
    {
      name: 'hostNetwork Job, privileged container still reported, and a second document',
      code: yaml`
        apiVersion: batch/v1
        kind: Job
        metadata: {name: route-setup}
        spec:
          template:
            spec:
              hostNetwork: true
              containers:
                - name: routes
                  securityContext:
                    privileged: true
                    capabilities: {add: [NET_ADMIN]}
        ---
        apiVersion: v1
        kind: ReplicationController
        spec:
          template:
            spec:
              containers:
                - name: sniffer
                  securityContext: {capabilities: {add: [ NET_RAW ]}}
      `,
      findings: [
        { line: 12, column: 34, endLine: 12, endColumn: 43, message: /^Container "routes" adds NET_ADMIN in the node's network namespace \(hostNetwork\): / },
        { line: 21, column: 51, endLine: 21, endColumn: 58, message: /"sniffer" adds NET_RAW: / },
      ],
    },
  ],
});
