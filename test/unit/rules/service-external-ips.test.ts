import { serviceExternalIps } from '../../../server/src/engine/rules/service/service-external-ips';
import { yaml } from '../../support/dedent';
import { testRule } from '../rule-tester';

testRule(serviceExternalIps, {
  valid: [
    {
      name: 'no externalIPs',
      code: yaml`
        apiVersion: v1
        kind: Service
        spec: {type: LoadBalancer, ports: [{port: 53}]}
      `,
    },
    {
      name: 'an empty list claims nothing',
      code: yaml`
        apiVersion: v1
        kind: Service
        spec:
          externalIPs: []
      `,
    },
    {
      name: 'status.loadBalancer.ingress IPs are assigned by the cloud, not claimed',
      code: yaml`
        apiVersion: v1
        kind: Service
        spec: {type: LoadBalancer}
        status:
          loadBalancer:
            ingress: [{ip: 203.0.113.10}]
      `,
    },
    {
      name: 'an externalIPs field of another kind',
      code: yaml`
        apiVersion: example.com/v1
        kind: Service
        spec:
          externalIPs: [8.8.8.8]
      `,
    },
  ],
  invalid: [
    {
      name: 'one finding per claimed address',
      code: yaml`
        apiVersion: v1
        kind: Service
        metadata: {name: dns}
        spec:
          selector: {app: dns}
          externalIPs:
            - 8.8.8.8
            - "2001:4860:4860::8888"
          ports: [{port: 53, protocol: UDP}]
      `,
      findings: [
        { line: 7, column: 7, endLine: 7, endColumn: 14, message: 'Service "dns" captures cluster traffic to 8.8.8.8 on every node; whoever can edit Services can claim any address this way (CVE-2020-8554).' },
        { line: 8, column: 7, endLine: 8, endColumn: 29, message: /traffic to 2001:4860:4860::8888 on every node/ },
      ],
    },
    {
      name: 'flow style on a ClusterIP Service, empty entries skipped',
      code: yaml`
        kind: Service
        metadata: {name: web}
        spec: {externalIPs: ["", 198.51.100.32], ports: [{port: 80}]}
      `,
      findings: [{ line: 3, column: 26, endLine: 3, endColumn: 39, message: /Service "web" captures cluster traffic to 198\.51\.100\.32 / }],
    },
  ],
});
