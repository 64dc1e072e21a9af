import { netpolMetadataEgress } from '../../../server/src/engine/rules/policy/netpol-metadata-egress';
import { yaml } from '../../support/dedent';
import { testFixes } from '../fix-tester';

const TITLE = "Add 169.254.169.254/32 to the ipBlock's except";

testFixes(netpolMetadataEgress, [
  {
    name: 'a flow except list gets the address, the comment stays',
    code: yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata:
        name: web-internet-egress
      spec:
        podSelector:
          matchLabels: {app: web}
        policyTypes: [Egress]
        egress:
          - to:
              - ipBlock:
                  cidr: 0.0.0.0/0 # the internet
                  except: [10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16]
    `,
    fixes: [
      {
        title: TITLE,
        preferred: true,
        output: yaml`
          apiVersion: networking.k8s.io/v1
          kind: NetworkPolicy
          metadata:
            name: web-internet-egress
          spec:
            podSelector:
              matchLabels: {app: web}
            policyTypes: [Egress]
            egress:
              - to:
                  - ipBlock:
                      cidr: 0.0.0.0/0 # the internet
                      except: [10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, 169.254.169.254/32]
        `,
      },
    ],
  },
  {
    name: 'without except, 4-space indentation: except is created after the commented cidr',
    code: yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata:
          name: web-http-egress
      spec:
          podSelector: {}
          policyTypes:
              - Egress
          egress:
              - to:
                    - ipBlock:
                          cidr: 0.0.0.0/0   # anywhere
                ports:
                    - port: 80
    `,
    fixes: [
      {
        title: TITLE,
        output: yaml`
          apiVersion: networking.k8s.io/v1
          kind: NetworkPolicy
          metadata:
              name: web-http-egress
          spec:
              podSelector: {}
              policyTypes:
                  - Egress
              egress:
                  - to:
                        - ipBlock:
                              cidr: 0.0.0.0/0   # anywhere
                              except:
                                  - 169.254.169.254/32
                    ports:
                        - port: 80
        `,
      },
    ],
  },
  {
    name: 'a flush block except, CRLF, in the middle of a multi-document file',
    code:
      'apiVersion: v1\r\nkind: Namespace\r\nmetadata:\r\n  name: shop\r\n---\r\n' +
      'apiVersion: networking.k8s.io/v1\r\nkind: NetworkPolicy\r\nmetadata:\r\n  name: egress\r\n  namespace: shop\r\nspec:\r\n  podSelector: {}\r\n  policyTypes:\r\n  - Egress\r\n' +
      '  egress:\r\n  - to:\r\n    - ipBlock:\r\n        cidr: 0.0.0.0/0\r\n        except:\r\n        - 10.0.0.0/8 # pods\r\n        - 192.168.0.0/16\r\n---\r\n' +
      'apiVersion: v1\r\nkind: ConfigMap\r\nmetadata:\r\n  name: settings\r\n  namespace: shop\r\n',
    fixes: [
      {
        title: TITLE,
        output:
          'apiVersion: v1\r\nkind: Namespace\r\nmetadata:\r\n  name: shop\r\n---\r\n' +
          'apiVersion: networking.k8s.io/v1\r\nkind: NetworkPolicy\r\nmetadata:\r\n  name: egress\r\n  namespace: shop\r\nspec:\r\n  podSelector: {}\r\n  policyTypes:\r\n  - Egress\r\n' +
          '  egress:\r\n  - to:\r\n    - ipBlock:\r\n        cidr: 0.0.0.0/0\r\n        except:\r\n        - 10.0.0.0/8 # pods\r\n        - 192.168.0.0/16\r\n        - 169.254.169.254/32\r\n---\r\n' +
          'apiVersion: v1\r\nkind: ConfigMap\r\nmetadata:\r\n  name: settings\r\n  namespace: shop\r\n',
      },
    ],
  },
  {
    name: 'IPv6: a quoted cidr in a flow ipBlock gets the AWS IPv6 endpoint',
    code: yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: v6-egress}
      spec:
        podSelector: {}
        policyTypes: [Egress]
        egress:
          - to:
              - ipBlock: {cidr: "::/0"}
    `,
    fixes: [
      {
        title: "Add fd00:ec2::254/128 to the ipBlock's except",
        preferred: true,
        output: yaml`
          apiVersion: networking.k8s.io/v1
          kind: NetworkPolicy
          metadata: {name: v6-egress}
          spec:
            podSelector: {}
            policyTypes: [Egress]
            egress:
              - to:
                  - ipBlock: {cidr: "::/0", except: [fd00:ec2::254/128]}
        `,
      },
    ],
  },
  {
    name: 'a block of the link-local range gets the address; a block of the address alone cannot except it',
    code: yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: link-local}
      spec:
        podSelector: {}
        policyTypes: [Egress]
        egress:
          - to:
              - ipBlock:
                  cidr: 169.254.0.0/16
          - to:
              - ipBlock:
                  cidr: 169.254.169.254/32
    `,
    fixes: [
      {
        title: TITLE,
        output: yaml`
          apiVersion: networking.k8s.io/v1
          kind: NetworkPolicy
          metadata: {name: link-local}
          spec:
            podSelector: {}
            policyTypes: [Egress]
            egress:
              - to:
                  - ipBlock:
                      cidr: 169.254.0.0/16
                      except:
                        - 169.254.169.254/32
              - to:
                  - ipBlock:
                      cidr: 169.254.169.254/32
        `,
      },
    ],
  },
  {
    name: 'an ipBlock through an alias or a merge key is shared text: no edit is offered',
    code: yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: shared}
      spec:
        podSelector: {}
        policyTypes: [Egress]
        egress:
          - to:
              - ipBlock: &internet
                  cidr: 0.0.0.0/0
            ports: [{port: 443}]
          - to:
              - ipBlock: *internet
          - to:
              - ipBlock:
                  <<: *internet
    `,
    fixes: [],
  },
]);
