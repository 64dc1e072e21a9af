import { suppressionUnused } from '../../../server/src/engine/rules/suppression/suppression-unused';
import { yaml } from '../../support/dedent';
import { testRule } from '../rule-tester';

testRule(suppressionUnused, {
  valid: [
    {
      name: 'every suppression is used, in each form',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          annotations:
            kube-netsec.io/ignore-host-port: "metrics scraped per node"
        spec:
          # kube-netsec-disable-next-line host-network -- node agent

          # (a comment line between does not count)
          hostNetwork: true
          containers: [{name: a, ports: [{hostPort: 9100}]}]
      `,
    },
    {
      name: 'a suppression of a rule turned off is not judged',
      config: { rules: { 'host-network': 'off' } },
      code: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          # kube-netsec-disable-next-line host-network -- reviewed
          hostNetwork: false
      `,
    },
  ],
  invalid: [
    {
      name: 'next-line comment above a line with no such finding',
      code: yaml`
        apiVersion: v1
        kind: Pod
        spec:
          # kube-netsec-disable-next-line host-network -- legacy exception
          hostNetwork: false
      `,
      findings: [{ line: 4, column: 3, endLine: 4, endColumn: 67, message: 'kube-netsec-disable-next-line suppresses nothing: there is no host-network finding on the next line.' }],
    },
    {
      name: 'unknown rule id, missing rule id, unused document and annotation suppressions',
      code: yaml`
        # kube-netsec-disable host-netwrok -- typo
        apiVersion: v1
        kind: Pod
        metadata:
          annotations:
            kube-netsec.io/ignore-host-port: "nothing to ignore"
        spec:
          # kube-netsec-disable-next-line -- no rule named
          hostNetwork: true
      `,
      findings: [
        { line: 1, column: 1, endLine: 1, endColumn: 43, message: 'kube-netsec-disable names "host-netwrok", which is not a kube-netsec rule.' },
        { line: 6, column: 5, endLine: 6, endColumn: 57, message: 'kube-netsec.io/ignore-host-port suppresses nothing: there is no host-port finding on this object.' },
        { line: 8, column: 3, endLine: 8, endColumn: 51, message: 'kube-netsec-disable-next-line names no rule: add the rule id(s) it is meant for.' },
      ],
    },
  ],
});
