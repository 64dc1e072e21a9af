import { netpolSuspiciousCidr } from '../../../server/src/engine/rules/policy/netpol-suspicious-cidr';
import { yaml } from '../../support/dedent';
import { testFixes } from '../fix-tester';

testFixes(netpolSuspiciousCidr, [
  {
    name: '0.0.0.0/8 becomes every address, keeping the excepts and the quotes; not preferred, since it widens the peer',
    code: yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: api-egress}
      spec:
        podSelector: {matchLabels: {app: api}}
        policyTypes: [Egress]
        egress:
          - to:
              - ipBlock:
                  cidr: "0.0.0.0/8"
                  except: [0.0.0.0/16]
            ports: [{port: 443}]
    `,
    fixes: [
      {
        title: 'Change to 0.0.0.0/0 (every IPv4 address)',
        preferred: false,
        output: yaml`
          apiVersion: networking.k8s.io/v1
          kind: NetworkPolicy
          metadata: {name: api-egress}
          spec:
            podSelector: {matchLabels: {app: api}}
            policyTypes: [Egress]
            egress:
              - to:
                  - ipBlock:
                      cidr: "0.0.0.0/0"
                      except: [0.0.0.0/16]
                ports: [{port: 443}]
        `,
      },
    ],
  },
  {
    name: 'IPv6: ::/0',
    code: yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: v6}
      spec:
        podSelector: {}
        ingress:
          - from: [{ipBlock: {cidr: "::/64"}}]
            ports: [{port: 443}]
    `,
    fixes: [
      {
        title: 'Change to ::/0 (every IPv6 address)',
        output: yaml`
          apiVersion: networking.k8s.io/v1
          kind: NetworkPolicy
          metadata: {name: v6}
          spec:
            podSelector: {}
            ingress:
              - from: [{ipBlock: {cidr: "::/0"}}]
                ports: [{port: 443}]
        `,
      },
    ],
  },
]);
