import { suppressionMissingReason } from '../../../server/src/engine/rules/suppression/suppression-missing-reason';
import { yaml } from '../../support/dedent';
import { testRule } from '../rule-tester';

testRule(suppressionMissingReason, {
  valid: [
    {
      name: 'comment with a reason',
      code: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          # kube-netsec-disable-next-line host-network -- node agent, reviewed
          hostNetwork: true
      `,
    },
    {
      name: 'annotation with a reason',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          annotations:
            kube-netsec.io/ignore-host-network: "CNI agent"
        spec:
          hostNetwork: true
      `,
    },
  ],
  invalid: [
    {
      name: 'next-line comment without reason, and one with an empty reason',
      code: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          # kube-netsec-disable-next-line host-network
          hostNetwork: true
          containers:
            - name: a
              ports:
                # kube-netsec-disable-next-line host-port --
                - hostPort: 80
      `,
      findings: [
        { line: 4, column: 3, endLine: 4, endColumn: 47, message: 'This suppression of host-network gives no reason: write the reason after " -- ".' },
        { line: 9, column: 9, endLine: 9, endColumn: 53 },
      ],
    },
    {
      name: 'document-wide comment and empty annotation',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          annotations:
            kube-netsec.io/ignore-host-port: ""
        spec:
          containers: [{name: a, ports: [{hostPort: 80}]}]
        ---
        # kube-netsec-disable host-network
        apiVersion: v1
        kind: Pod
        spec: {hostNetwork: true}
      `,
      findings: [
        { line: 5, column: 5, endLine: 5, endColumn: 40, message: 'This suppression of host-port gives no reason: give the reason as the annotation value.' },
        { line: 9, column: 1, endLine: 9, endColumn: 35 },
      ],
    },
  ],
});
