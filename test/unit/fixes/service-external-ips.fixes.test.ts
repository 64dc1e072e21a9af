import { serviceExternalIps } from '../../../server/src/engine/rules/service/service-external-ips';
import { yaml } from '../../support/dedent';
import { testFixes } from '../fix-tester';

const removedFromClusterIp = yaml`
  apiVersion: v1
  kind: Service
  metadata:
    name: dns-cache
  spec:
    selector: {app: dns-cache}
    # answer on the node addresses
    ports:
      - port: 53
        protocol: UDP
`;

testFixes(serviceExternalIps, [
  {
    name: 'block style with comments, two addresses: each finding removes the whole list, and externalTrafficPolicy with it',
    code: yaml`
      apiVersion: v1
      kind: Service
      metadata:
        name: dns-cache
      spec:
        selector: {app: dns-cache}
        externalIPs: # legacy
          - 8.8.8.8
          - "8.8.4.4"
        externalTrafficPolicy: Local
        # answer on the node addresses
        ports:
          - port: 53
            protocol: UDP
    `,
    fixes: [
      { title: 'Remove externalIPs', preferred: true, output: removedFromClusterIp },
      { title: 'Remove externalIPs', preferred: true, output: removedFromClusterIp },
    ],
  },
  {
    name: 'CRLF, 4-space indentation and a flush sequence',
    code: 'apiVersion: v1\r\nkind: Service\r\nmetadata:\r\n    name: web\r\nspec:\r\n    externalIPs:\r\n    - 192.0.2.10\r\n    ports:\r\n    - port: 80\r\n',
    fixes: [{ title: 'Remove externalIPs', output: 'apiVersion: v1\r\nkind: Service\r\nmetadata:\r\n    name: web\r\nspec:\r\n    ports:\r\n    - port: 80\r\n' }],
  },
  {
    name: 'flow style in the middle of a multi-document file: a NodePort Service keeps its externalTrafficPolicy',
    code: yaml`
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: a}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: web}
      spec: {type: NodePort, externalIPs: [192.0.2.10], externalTrafficPolicy: Local, ports: [{port: 80}]}
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: c}
    `,
    fixes: [
      {
        title: 'Remove externalIPs',
        output: yaml`
          apiVersion: v1
          kind: ConfigMap
          metadata: {name: a}
          ---
          apiVersion: v1
          kind: Service
          metadata: {name: web}
          spec: {type: NodePort, externalTrafficPolicy: Local, ports: [{port: 80}]}
          ---
          apiVersion: v1
          kind: ConfigMap
          metadata: {name: c}
        `,
      },
    ],
  },
  {
    name: 'a list written as an alias is shared text: no edit is offered',
    code: yaml`
      apiVersion: v1
      kind: Service
      metadata:
        name: web
        annotations:
          example.com/addresses: &ips [192.0.2.10]
      spec:
        externalIPs: *ips
        ports: [{port: 80}]
    `,
    fixes: [],
  },
]);
