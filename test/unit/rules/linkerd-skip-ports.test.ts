import { linkerdSkipPorts } from '../../../server/src/engine/rules/platform/linkerd-skip-ports';
import { yaml } from '../../support/dedent';
import { testRule } from '../rule-tester';

testRule(linkerdSkipPorts, {
  valid: [
    {
      name: 'opaque ports keep mTLS',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: db}
        spec:
          template:
            metadata:
              annotations:
                linkerd.io/inject: enabled
                config.linkerd.io/opaque-ports: "3306"
            spec:
              containers: [{name: mysql, image: mysql}]
      `,
    },
    {
      name: 'empty skip lists skip nothing',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          annotations:
            config.linkerd.io/skip-inbound-ports: ""
            config.linkerd.io/skip-outbound-ports: " , "
        spec:
          containers: [{name: web, image: nginx}]
      `,
    },
    {
      name: "annotations on the workload's own metadata, a Service, or a ConfigMap do not configure the proxy",
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          annotations: {config.linkerd.io/skip-inbound-ports: "8080"}
        spec:
          template:
            spec:
              containers: [{name: web, image: nginx}]
        ---
        apiVersion: v1
        kind: Service
        metadata:
          annotations: {config.linkerd.io/skip-outbound-ports: "25"}
        spec:
          ports: [{port: 25}]
      `,
    },
  ],
  invalid: [
    {
      name: 'inbound skip on a Deployment pod template',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: orders-db}
        spec:
          template:
            metadata:
              annotations:
                linkerd.io/inject: enabled
                config.linkerd.io/skip-inbound-ports: "3306"
            spec:
              containers: [{name: mysql, image: mysql}]
      `,
      findings: [
        { line: 9, column: 9, endLine: 9, endColumn: 53, message: 'Annotation config.linkerd.io/skip-inbound-ports: inbound connections to port(s) 3306 of these pods bypass the Linkerd proxy: the mesh does not encrypt them with mTLS and Linkerd authorization policies (Server, AuthorizationPolicy) do not apply to them.' },
      ],
    },
    {
      name: 'both directions, several ports and a range, on a Pod in flow style',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: mailer, annotations: {config.linkerd.io/skip-outbound-ports: "25,587, 4000-4010", config.linkerd.io/skip-inbound-ports: 9999}}
        spec:
          containers: [{name: mailer, image: mailer}]
      `,
      findings: [
        { line: 3, column: 40, endLine: 3, endColumn: 98, message: 'Annotation config.linkerd.io/skip-outbound-ports: outbound connections from these pods to port(s) 25, 587 and 4000-4010 bypass the Linkerd proxy: the mesh does not encrypt them with mTLS, even to meshed services.' },
        { line: 3, column: 100, endLine: 3, endColumn: 142, message: 'Annotation config.linkerd.io/skip-inbound-ports: inbound connections to port(s) 9999 of these pods bypass the Linkerd proxy: the mesh does not encrypt them with mTLS and Linkerd authorization policies (Server, AuthorizationPolicy) do not apply to them.' },
      ],
    },
    {
      name: 'namespace-wide skip, and a Job in the next document',
      code: yaml`
        apiVersion: v1
        kind: Namespace
        metadata:
          name: data
          annotations:
            linkerd.io/inject: enabled
            config.linkerd.io/skip-outbound-ports: "5432"
        ---
        apiVersion: batch/v1
        kind: Job
        metadata: {name: migrate, namespace: data}
        spec:
          template:
            metadata:
              annotations:
                config.linkerd.io/skip-outbound-ports: "443"
            spec:
              containers: [{name: migrate, image: migrate}]
      `,
      findings: [
        { line: 7, column: 5, endLine: 7, endColumn: 50, message: 'Annotation config.linkerd.io/skip-outbound-ports: outbound connections from every pod in namespace "data" to port(s) 5432 bypass the Linkerd proxy: the mesh does not encrypt them with mTLS, even to meshed services.' },
        { line: 16, column: 9, endLine: 16, endColumn: 53, message: 'Annotation config.linkerd.io/skip-outbound-ports: outbound connections from these pods to port(s) 443 bypass the Linkerd proxy: the mesh does not encrypt them with mTLS, even to meshed services.' },
      ],
    },
  ],
});
