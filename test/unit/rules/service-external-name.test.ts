import { serviceExternalName } from '../../../server/src/engine/rules/service/service-external-name';
import { yaml } from '../../support/dedent';
import { testRule } from '../rule-tester';

testRule(serviceExternalName, {
  valid: [
    {
      name: 'a selector-based Service',
      code: yaml`
        apiVersion: v1
        kind: Service
        spec: {selector: {app: db}, ports: [{port: 5432}]}
      `,
    },
    {
      name: 'externalName is ignored on other Service types',
      code: yaml`
        apiVersion: v1
        kind: Service
        spec:
          type: ClusterIP
          externalName: db.example.com
      `,
    },
    {
      name: "another group's Service kind",
      code: yaml`
        apiVersion: serving.knative.dev/v1
        kind: Service
        spec: {type: ExternalName, externalName: example.com}
      `,
    },
  ],
  invalid: [
    {
      name: 'the target is named',
      code: yaml`
        apiVersion: v1
        kind: Service
        metadata: {name: billing-db, namespace: shop}
        spec:
          type: ExternalName
          externalName: db.partner.example.net
      `,
      findings: [{ line: 5, column: 3, endLine: 5, endColumn: 21, message: 'Service "billing-db" resolves to db.partner.example.net: in-cluster clients and proxies using this name are sent there.' }],
    },
    {
      name: 'targets that point back inside are described',
      code: yaml`
        apiVersion: v1
        kind: Service
        metadata: {name: meta}
        spec: {type: ExternalName, externalName: 169.254.169.254}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: loop}
        spec: {type: ExternalName, externalName: localhost}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: gce}
        spec: {type: ExternalName, externalName: metadata.google.internal.}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: api}
        spec: {type: ExternalName, externalName: kubernetes.default.svc.cluster.local}
      `,
      findings: [
        { line: 4, column: 8, endLine: 4, endColumn: 26, message: /resolves to 169\.254\.169\.254 \(the cloud metadata address\)/ },
        { line: 9, column: 8, endLine: 9, endColumn: 26, message: /resolves to localhost \(the loopback interface/ },
        { line: 14, column: 8, endLine: 14, endColumn: 26, message: /\(the cloud metadata service\)/ },
        { line: 19, column: 8, endLine: 19, endColumn: 26, message: /\(the Kubernetes API server\)/ },
      ],
    },
    {
      name: 'no target written',
      code: yaml`
        kind: Service
        metadata: {name: todo}
        spec:
          type: ExternalName
      `,
      findings: [{ line: 4, column: 3, endLine: 4, endColumn: 21, message: 'Service "todo" is an ExternalName Service: in-cluster clients and proxies using this name are sent to another host.' }],
    },
  ],
});
