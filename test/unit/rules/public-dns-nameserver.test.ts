import { publicDnsNameserver } from '../../../server/src/engine/rules/pod/public-dns-nameserver';
import { yaml } from '../../support/dedent';
import { testRule } from '../rule-tester';

testRule(publicDnsNameserver, {
  valid: [
    {
      name: 'the cluster DNS (no dnsConfig)',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          dnsPolicy: ClusterFirst
          containers: [{name: web}]
      `,
    },
    {
      name: 'private, CGNAT, link-local, loopback, unique-local and documentation resolvers',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        spec:
          template:
            spec:
              dnsPolicy: None
              dnsConfig:
                nameservers: [10.96.0.10, 192.168.1.53, 100.100.100.100, 169.254.20.10, 127.0.0.53, "fd00::53", 192.0.2.53]
                searches: [ns1.svc.cluster.local]
      `,
    },
    {
      name: 'options and searches only; malformed entries',
      code: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          dnsConfig:
            nameservers: [dns.google, 8.8.8, 42]
            options: [{name: ndots, value: "2"}]
      `,
    },
    {
      name: 'not a workload: a ConfigMap listing resolvers',
      code: yaml`
        apiVersion: v1
        kind: ConfigMap
        spec:
          dnsConfig:
            nameservers: [8.8.8.8]
      `,
    },
  ],
  invalid: [
    {
      name: 'dnsPolicy None with Google DNS',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: crawler}
        spec:
          dnsPolicy: None
          dnsConfig:
            nameservers:
              - 8.8.8.8
          containers: [{name: crawler}]
      `,
      findings: [
        { line: 8, column: 9, endLine: 8, endColumn: 16, message: 'Nameserver 8.8.8.8 is a public address: every DNS query of the pod goes out of the cluster in plain text, and its answers decide where the pod connects.' },
      ],
    },
    {
      name: 'added to the cluster DNS, IPv6 and IPv4-mapped public resolvers, next to a private one',
      code: yaml`
        apiVersion: apps/v1
        kind: DaemonSet
        spec:
          template:
            spec:
              dnsConfig:
                nameservers: [10.0.0.2, "2606:4700:4700::1111", "::ffff:1.1.1.1"]
      `,
      findings: [
        { line: 7, column: 33, endLine: 7, endColumn: 55, message: 'Nameserver 2606:4700:4700::1111 is a public address: DNS queries of the pod can go out of the cluster in plain text (musl-based images ask every nameserver at once), and its answers decide where the pod connects.' },
        { line: 7, column: 57, endLine: 7, endColumn: 73, message: /^Nameserver ::ffff:1.1.1.1 is a public address: DNS queries of the pod can go out/ },
      ],
    },
    {
      name: 'a CronJob in a second document',
      code: yaml`
        apiVersion: v1
        kind: Service
        spec: {ports: [{port: 53}]}
        ---
        apiVersion: batch/v1
        kind: CronJob
        spec:
          jobTemplate:
            spec:
              template:
                spec:
                  dnsPolicy: None
                  dnsConfig: {nameservers: [9.9.9.9]}
      `,
      findings: [
        { line: 13, column: 37, endLine: 13, endColumn: 44, message: /^Nameserver 9.9.9.9 is a public address: every DNS query/ },
      ],
    },
  ],
});
