import { netRawNotDropped } from '../../../server/src/engine/rules/pod/net-raw-not-dropped';
import { yaml } from '../../support/dedent';
import { testRule } from '../rule-tester';

testRule(netRawNotDropped, {
  valid: [
    {
      name: 'drop ALL, NET_RAW, lower case all and net_raw',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          template:
            spec:
              initContainers:
                - name: init
                  securityContext: {capabilities: {drop: [all]}}
              containers:
                - name: web
                  securityContext:
                    capabilities:
                      drop: [ALL]
                      add: [NET_BIND_SERVICE]
                - name: metrics
                  securityContext: {capabilities: {drop: [CHOWN, NET_RAW]}}
                - name: lower
                  securityContext: {capabilities: {drop: [" net_raw "]}}
      `,
    },
    {
      name: 'privileged containers are privileged-container\'s finding (drop has no effect on them)',
      code: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: agent
              securityContext: {privileged: true}
      `,
    },
    {
      name: 'a container that adds NET_RAW or ALL back is net-capability-added\'s finding',
      code: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: pinger
              securityContext: {capabilities: {add: [NET_RAW]}}
            - name: everything
              securityContext: {capabilities: {add: [CAP_ALL]}}
      `,
    },
    {
      name: 'non-root without privilege escalation can never hold NET_RAW (user from the container or the pod)',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        spec:
          template:
            spec:
              securityContext: {runAsNonRoot: true}
              containers:
                - name: api
                  securityContext: {allowPrivilegeEscalation: false}
                - name: worker
                  securityContext: {allowPrivilegeEscalation: false, runAsUser: 1000, runAsNonRoot: false}
      `,
    },
    {
      name: 'Windows pods have no Linux capabilities',
      code: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          os: {name: windows}
          containers: [{name: iis, image: mcr.microsoft.com/windows/servercore/iis}]
      `,
    },
    {
      name: 'a pod scheduled on Windows nodes by its node selector (calico winfv-felix/infra/porter.yaml)',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: porter, namespace: demo}
        spec:
          containers:
            - name: porter
              image: registry.k8s.io/e2e-test-images/agnhost:2.40
          nodeSelector:
            kubernetes.io/os: windows
      `,
    },
    {
      name: 'not a workload: a Service, a ConfigMap, a CRD named Pod',
      code: yaml`
        apiVersion: v1
        kind: Service
        spec:
          ports: [{port: 80}]
        ---
        apiVersion: v1
        kind: ConfigMap
        data: {containers: "- name: web"}
        ---
        apiVersion: example.com/v1
        kind: Pod
        spec:
          containers: [{name: web}]
      `,
    },
  ],
  invalid: [
    {
      name: 'no securityContext: the container name',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - name: web
              image: nginx:1.27
      `,
      findings: [
        { line: 6, column: 7, endLine: 6, endColumn: 16, message: 'Container "web" does not drop NET_RAW (securityContext.capabilities.drop), so it can forge raw packets for ARP or DNS spoofing against other pods on the node.' },
      ],
    },
    {
      name: 'a drop list without NET_RAW: the drop key; a securityContext without capabilities: the name',
      code: yaml`
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: db}
        spec:
          template:
            spec:
              containers:
                - name: db
                  securityContext:
                    capabilities:
                      drop:
                        - CHOWN
                - image: busybox
                  securityContext: {runAsNonRoot: true}
              ephemeralContainers:
                - {name: debugger, securityContext: {capabilities: {drop: []}}}
      `,
      findings: [
        { line: 11, column: 15, endLine: 11, endColumn: 19, message: /^Container "db" does not drop NET_RAW/ },
        { line: 13, column: 11, endLine: 13, endColumn: 25, message: /^Container "containers\[1\]" does not drop NET_RAW/ },
        { line: 16, column: 61, endLine: 16, endColumn: 65, message: /^Container "debugger" does not drop NET_RAW/ },
      ],
    },
    {
      name: 'a Linux node selector, or os.name linux winning over a Windows node selector',
      code: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: nginx
          nodeSelector: {kubernetes.io/os: linux}
        ---
        apiVersion: v1
        kind: Pod
        spec:
          os: {name: linux}
          nodeSelector: {kubernetes.io/os: windows}
          containers:
            - name: odd
      `,
      findings: [
        { line: 5, column: 7, endLine: 5, endColumn: 18, message: /^Container "nginx" does not drop NET_RAW/ },
        { line: 14, column: 7, endLine: 14, endColumn: 16, message: /^Container "odd" does not drop NET_RAW/ },
      ],
    },
    {
      name: 'non-root alone (setuid and file capabilities still work), or root despite a non-root pod default',
      code: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          securityContext: {runAsNonRoot: true, runAsUser: 1000}
          containers:
            - name: escalating
            - name: root
              securityContext: {allowPrivilegeEscalation: false, runAsUser: 0}
      `,
      findings: [
        { line: 6, column: 7, endLine: 6, endColumn: 23, message: /^Container "escalating" does not drop NET_RAW/ },
        { line: 7, column: 7, endLine: 7, endColumn: 17, message: /^Container "root" does not drop NET_RAW/ },
      ],
    },
    {
      name: 'CAP_NET_RAW is not the Kubernetes spelling',
      code: yaml`
        apiVersion: batch/v1
        kind: CronJob
        spec:
          jobTemplate:
            spec:
              template:
                spec:
                  initContainers:
                    - name: migrate
                      securityContext:
                        capabilities:
                          drop: [CAP_NET_RAW]
      `,
      findings: [
        { line: 12, column: 26, endLine: 12, endColumn: 37, message: 'Container "migrate" drops "CAP_NET_RAW", which containerd reads as CAP_CAP_NET_RAW (Kubernetes names have no CAP_ prefix): NET_RAW is kept, so it can forge raw packets for ARP or DNS spoofing against other pods on the node.' },
      ],
    },
    {
      name: 'capabilities at pod level drop nothing; hostNetwork makes it the node\'s traffic',
      code: yaml`
        apiVersion: apps/v1
        kind: DaemonSet
        spec:
          template:
            spec:
              hostNetwork: true
              securityContext:
                capabilities: {drop: [ALL]}
              containers:
                - name: exporter
      `,
      findings: [
        { line: 10, column: 11, endLine: 10, endColumn: 25, message: 'Container "exporter" does not drop NET_RAW (securityContext.capabilities.drop), so it can capture and forge the node\'s traffic (hostNetwork). The pod-level securityContext.capabilities is not a Kubernetes field and drops nothing.' },
      ],
    },
  ],
});
