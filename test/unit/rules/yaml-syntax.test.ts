import { yamlSyntax } from '../../../server/src/engine/rules/yaml-syntax';
import { yaml } from '../../support/dedent';
import { testRule } from '../rule-tester';

testRule(yamlSyntax, {
  valid: [
    { name: 'a valid manifest', code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: web}\n' },
    { name: 'a broken file that is not a Kubernetes manifest', code: 'name: CI\non: [push]\njobs:\n  build:\n    runs-on: ubuntu\n   steps: oops\n' },
    {
      name: 'a Helm template is skipped, not reported as broken YAML',
      code: yaml`
        apiVersion: v1
        kind: Service
        metadata:
          name: {{ include "app.fullname" . }}
        {{- with .Values.annotations }}
          annotations: {{ toYaml . | nindent 4 }}
        {{- end }}
      `,
    },
    { name: 'binary junk', code: '\u0000\u0001\u0002\u00ff\ufffd\u0007PK\u0003\u0004' },
  ],
  invalid: [
    {
      name: 'first error of each document only',
      code: yaml`
        apiVersion: v1
        kind: Service
        metadata:
          name: web
         labels: {app: web}
        spec:
          ports: [{port: 80}
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: "unclosed
      `,
      findings: [
        { line: 5, column: 1, endLine: 5, endColumn: 2, message: /All mapping items must start at the same column/ },
        { line: 13, column: 1, endLine: 13, endColumn: 2, message: /Missing closing "quote/ },
      ],
    },
    {
      name: 'an alias bomb is refused at its first alias',
      code: yaml`
        apiVersion: v1
        kind: ConfigMap
        data:
          a: &a [x, x, x, x, x, x, x, x, x, x]
          b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
          c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]
          d: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]
      `,
      findings: [{ line: 5, column: 10, endLine: 5, endColumn: 11, message: /Too many alias expansions/ }],
    },
  ],
});
