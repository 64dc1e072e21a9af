import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { repairCidr } from '../../../server/src/engine/rules/policy/cidr-repair';
import { netpolInvalidCidr } from '../../../server/src/engine/rules/policy/netpol-invalid-cidr';
import { yaml } from '../../support/dedent';
import { testFixes } from '../fix-tester';

describe('repairCidr', () => {
  it('reads the texts that have one clear meaning', () => {
    assert.deepEqual(repairCidr('10.0.0.1/8'), { network: '10.0.0.0/8', host: '10.0.0.1/32' });
    assert.deepEqual(repairCidr(' 192.168.0.0/16\t'), { network: '192.168.0.0/16' });
    assert.deepEqual(repairCidr('10.0.0.0/008'), { network: '10.0.0.0/8' });
    assert.deepEqual(repairCidr('2001:db8::1'), { network: '2001:db8::1/128' });
    assert.deepEqual(repairCidr('2001:db8::1/32'), { network: '2001:db8::/32', host: '2001:db8::1/128' });
  });

  it('leaves alone the texts it would have to guess at', () => {
    for (const text of ['010.0.0.0/8', '10.0/8', '10.0.0.0/33', '10.0.0.0/8/8', '10.0.0.0/ 8', 'fe80::1%eth0/64', '::ffff:10.0.0.0/104', 'any', '']) {
      assert.equal(repairCidr(text), undefined, text);
    }
  });
});

testFixes(netpolInvalidCidr, [
  {
    name: 'bits after the prefix: the network (preferred) or the single host, keeping quotes and the comment',
    code: yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata:
        name: backup-egress
      spec:
        podSelector:
          matchLabels: {app: backup}
        policyTypes: [Egress]
        egress:
          - to:
              - ipBlock:
                  cidr: "203.0.113.10/24" # the backup host
          - to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}}]
            ports: [{port: 53, protocol: UDP}, {port: 53, protocol: TCP}]
    `,
    fixes: [
      {
        title: 'Change to 203.0.113.0/24',
        preferred: true,
        output: yaml`
          apiVersion: networking.k8s.io/v1
          kind: NetworkPolicy
          metadata:
            name: backup-egress
          spec:
            podSelector:
              matchLabels: {app: backup}
            policyTypes: [Egress]
            egress:
              - to:
                  - ipBlock:
                      cidr: "203.0.113.0/24" # the backup host
              - to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}}]
                ports: [{port: 53, protocol: UDP}, {port: 53, protocol: TCP}]
        `,
      },
      {
        title: 'Change to the single host 203.0.113.10/32',
        preferred: false,
        output: yaml`
          apiVersion: networking.k8s.io/v1
          kind: NetworkPolicy
          metadata:
            name: backup-egress
          spec:
            podSelector:
              matchLabels: {app: backup}
            policyTypes: [Egress]
            egress:
              - to:
                  - ipBlock:
                      cidr: "203.0.113.10/32" # the backup host
              - to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}}]
                ports: [{port: 53, protocol: UDP}, {port: 53, protocol: TCP}]
        `,
      },
    ],
  },
  {
    name: 'a zero-padded prefix and an except with host bits, 4-space flush sequences, CRLF, in the middle of a multi-document file',
    code:
      'apiVersion: v1\r\nkind: Namespace\r\nmetadata:\r\n    name: office\r\n---\r\n' +
      'apiVersion: networking.k8s.io/v1\r\nkind: NetworkPolicy\r\nmetadata:\r\n    name: office-ssh\r\n    namespace: office\r\nspec:\r\n    podSelector: {}\r\n    ingress:\r\n    - from:\r\n        - ipBlock:\r\n              cidr: 10.0.0.0/08\r\n              except:\r\n              - 10.9.8.7/16 # guests\r\n      ports:\r\n      - port: 22\r\n---\r\n' +
      'apiVersion: v1\r\nkind: ConfigMap\r\nmetadata:\r\n    name: motd\r\n    namespace: office\r\n',
    fixes: [
      {
        title: 'Change to 10.0.0.0/8',
        output:
          'apiVersion: v1\r\nkind: Namespace\r\nmetadata:\r\n    name: office\r\n---\r\n' +
          'apiVersion: networking.k8s.io/v1\r\nkind: NetworkPolicy\r\nmetadata:\r\n    name: office-ssh\r\n    namespace: office\r\nspec:\r\n    podSelector: {}\r\n    ingress:\r\n    - from:\r\n        - ipBlock:\r\n              cidr: 10.0.0.0/8\r\n              except:\r\n              - 10.9.8.7/16 # guests\r\n      ports:\r\n      - port: 22\r\n---\r\n' +
          'apiVersion: v1\r\nkind: ConfigMap\r\nmetadata:\r\n    name: motd\r\n    namespace: office\r\n',
      },
      {
        title: 'Change to 10.9.0.0/16',
        output:
          'apiVersion: v1\r\nkind: Namespace\r\nmetadata:\r\n    name: office\r\n---\r\n' +
          'apiVersion: networking.k8s.io/v1\r\nkind: NetworkPolicy\r\nmetadata:\r\n    name: office-ssh\r\n    namespace: office\r\nspec:\r\n    podSelector: {}\r\n    ingress:\r\n    - from:\r\n        - ipBlock:\r\n              cidr: 10.0.0.0/08\r\n              except:\r\n              - 10.9.0.0/16 # guests\r\n      ports:\r\n      - port: 22\r\n---\r\n' +
          'apiVersion: v1\r\nkind: ConfigMap\r\nmetadata:\r\n    name: motd\r\n    namespace: office\r\n',
      },
    ],
  },
  {
    name: 'a flow except: spaces trimmed in single quotes, a bare address made a host, leading zeros in an address left alone',
    code: yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: office-ingress}
      spec:
        podSelector: {}
        ingress:
          - from:
              - ipBlock: {cidr: 10.0.0.0/8, except: [' 10.1.0.0/16', 10.2.0.1, 010.3.0.0/16]}
    `,
    fixes: [
      {
        title: 'Change to 10.1.0.0/16',
        output: yaml`
          apiVersion: networking.k8s.io/v1
          kind: NetworkPolicy
          metadata: {name: office-ingress}
          spec:
            podSelector: {}
            ingress:
              - from:
                  - ipBlock: {cidr: 10.0.0.0/8, except: ['10.1.0.0/16', 10.2.0.1, 010.3.0.0/16]}
        `,
      },
      {
        title: 'Change to 10.2.0.1/32',
        output: yaml`
          apiVersion: networking.k8s.io/v1
          kind: NetworkPolicy
          metadata: {name: office-ingress}
          spec:
            podSelector: {}
            ingress:
              - from:
                  - ipBlock: {cidr: 10.0.0.0/8, except: [' 10.1.0.0/16', 10.2.0.1/32, 010.3.0.0/16]}
        `,
      },
    ],
  },
  {
    name: 'a single host that its except entries do not fit in is not offered',
    code: yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: lab}
      spec:
        podSelector: {}
        ingress:
          - from:
              - ipBlock:
                  cidr: 10.1.2.3/16
                  except: [10.1.128.0/17]
    `,
    fixes: [
      {
        title: 'Change to 10.1.0.0/16',
        output: yaml`
          apiVersion: networking.k8s.io/v1
          kind: NetworkPolicy
          metadata: {name: lab}
          spec:
            podSelector: {}
            ingress:
              - from:
                  - ipBlock:
                      cidr: 10.1.0.0/16
                      except: [10.1.128.0/17]
        `,
      },
    ],
    notOffered: ['Change to the single host 10.1.2.3/32'],
  },
  {
    name: 'what the corrected block lets through was written all along: the metadata finding quoting it is revealed, not caused',
    code: yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: v6-egress}
      spec:
        podSelector: {}
        policyTypes: [Egress]
        egress:
          - to:
              - ipBlock: {cidr: 'fd00::1/8'}
              - ipBlock: {cidr: " 0.0.0.0/0"}
          - ports: [{port: 53, protocol: UDP}, {port: 53, protocol: TCP}]
            to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}}]
    `,
    fixes: [
      {
        title: 'Change to fd00::/8',
        output: yaml`
          apiVersion: networking.k8s.io/v1
          kind: NetworkPolicy
          metadata: {name: v6-egress}
          spec:
            podSelector: {}
            policyTypes: [Egress]
            egress:
              - to:
                  - ipBlock: {cidr: 'fd00::/8'}
                  - ipBlock: {cidr: " 0.0.0.0/0"}
              - ports: [{port: 53, protocol: UDP}, {port: 53, protocol: TCP}]
                to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}}]
        `,
      },
      {
        title: 'Change to the single host fd00::1/128',
        output: yaml`
          apiVersion: networking.k8s.io/v1
          kind: NetworkPolicy
          metadata: {name: v6-egress}
          spec:
            podSelector: {}
            policyTypes: [Egress]
            egress:
              - to:
                  - ipBlock: {cidr: 'fd00::1/128'}
                  - ipBlock: {cidr: " 0.0.0.0/0"}
              - ports: [{port: 53, protocol: UDP}, {port: 53, protocol: TCP}]
                to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}}]
        `,
      },
      {
        title: 'Change to 0.0.0.0/0',
        output: yaml`
          apiVersion: networking.k8s.io/v1
          kind: NetworkPolicy
          metadata: {name: v6-egress}
          spec:
            podSelector: {}
            policyTypes: [Egress]
            egress:
              - to:
                  - ipBlock: {cidr: 'fd00::1/8'}
                  - ipBlock: {cidr: "0.0.0.0/0"}
              - ports: [{port: 53, protocol: UDP}, {port: 53, protocol: TCP}]
                to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}}]
        `,
      },
    ],
  },
  {
    name: 'an except outside its cidr gets no repair: which of the two is wrong is not known',
    code: yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: office}
      spec:
        podSelector: {}
        ingress:
          - from:
              - ipBlock: {cidr: 10.1.0.0/16, except: [10.1.2.3/8]}
    `,
    fixes: [],
    notOffered: ['Change to 10.0.0.0/8'],
  },
  {
    name: 'an except apart from its cidr, or of the other family, excluded nothing of it: removing it is offered, not preferred',
    code: yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: office}
      spec:
        podSelector: {}
        ingress:
          - from:
              - ipBlock:
                  cidr: 192.168.1.0/24
                  except:
                    - 192.168.2.0/24 # the printers
                    - 192.168.1.128/25
    `,
    fixes: [
      {
        title: 'Remove this except entry',
        preferred: false,
        output: yaml`
          apiVersion: networking.k8s.io/v1
          kind: NetworkPolicy
          metadata: {name: office}
          spec:
            podSelector: {}
            ingress:
              - from:
                  - ipBlock:
                      cidr: 192.168.1.0/24
                      except:
                        - 192.168.1.128/25
        `,
      },
    ],
  },
  {
    name: 'the only except, of the other family: the except list goes with it',
    code: yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: office}
      spec:
        podSelector: {}
        ingress:
          - from:
              - ipBlock: {cidr: 192.168.1.0/24, except: ["fd00::/8"]}
    `,
    fixes: [
      {
        title: 'Remove this except entry',
        output: yaml`
          apiVersion: networking.k8s.io/v1
          kind: NetworkPolicy
          metadata: {name: office}
          spec:
            podSelector: {}
            ingress:
              - from:
                  - ipBlock: {cidr: 192.168.1.0/24}
        `,
      },
    ],
  },
  {
    name: 'an except equal to its cidr excluded all of it: removing it would open the block, so nothing is offered',
    code: yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: office}
      spec:
        podSelector: {}
        ingress:
          - from:
              - ipBlock: {cidr: 192.168.1.0/24, except: [192.168.1.0/24]}
    `,
    fixes: [],
  },
  {
    name: 'a cidr through an alias or a merge key is shared text: only the anchored text itself is edited',
    code: yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: anchored}
      spec:
        podSelector: {}
        ingress:
          - from:
              - ipBlock:
                  cidr: &office 192.0.2.10/24
          - from:
              - ipBlock:
                  cidr: *office
            ports: [{port: 22}]
          - from:
              - ipBlock:
                  <<: {cidr: 198.51.100.7/24}
    `,
    fixes: [
      {
        title: 'Change to 192.0.2.0/24',
        output: yaml`
          apiVersion: networking.k8s.io/v1
          kind: NetworkPolicy
          metadata: {name: anchored}
          spec:
            podSelector: {}
            ingress:
              - from:
                  - ipBlock:
                      cidr: &office 192.0.2.0/24
              - from:
                  - ipBlock:
                      cidr: *office
                ports: [{port: 22}]
              - from:
                  - ipBlock:
                      <<: {cidr: 198.51.100.7/24}
        `,
      },
      {
        title: 'Change to the single host 192.0.2.10/32',
        output: yaml`
          apiVersion: networking.k8s.io/v1
          kind: NetworkPolicy
          metadata: {name: anchored}
          spec:
            podSelector: {}
            ingress:
              - from:
                  - ipBlock:
                      cidr: &office 192.0.2.10/32
              - from:
                  - ipBlock:
                      cidr: *office
                ports: [{port: 22}]
              - from:
                  - ipBlock:
                      <<: {cidr: 198.51.100.7/24}
        `,
      },
    ],
  },
]);
