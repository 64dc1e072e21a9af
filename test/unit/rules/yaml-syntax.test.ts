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
    {
      name: 'a Go template in a container argument is data, not a template nor an error',
      code: 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: a\n      args: [inspect, "--format={{.Name}}"]\n      command:\n        - --format={{.State}}\n',
    },
    { name: 'a duplicate key in a file that is not a Kubernetes manifest', code: 'name: CI\nname: again\n' },
    { name: 'a tab after a key, where YAML allows one', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name:\tweb\n' },
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
        { line: 12, column: 17, endLine: 12, endColumn: 18, message: /Missing closing "quote/ },
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
    {
      name: 'a quoted string continued less indented than its key: a warning on that line, as kubectl reads it',
      code: yaml`
        apiVersion: v1
        kind: Service
        metadata:
          name: web
          annotations:
            description: "first line
          continued less indented"
        spec:
          ports: [{port: 80}]
      `,
      findings: [
        {
          line: 7,
          column: 3,
          endLine: 7,
          endColumn: 27,
          severity: 'warning',
          message:
            'This line continues the quoted string of line 6 but is not indented more than its key: kubectl accepts it, YAML tools that follow the spec refuse it; indent it by at least 3 more spaces.',
        },
      ],
    },
    {
      name: 'a list item continued with tabs',
      code: 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: a\n      args:\n        - "--x=1\n\t--y=2"\n',
      findings: [
        {
          line: 8,
          column: 2,
          endLine: 8,
          endColumn: 8,
          severity: 'warning',
          message: 'This line continues the quoted string of line 7 but is indented with tabs, which YAML does not count as indentation: kubectl accepts it, YAML tools that follow the spec refuse it; indent it with at least 9 spaces.',
        },
      ],
    },
    {
      // go-yaml refuses a tab where indentation is read too ("found character that cannot start any token").
      name: 'a tab as indentation stays an error, at the tab: kubectl refuses it too',
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  \tname: web\n',
      findings: [{ line: 4, column: 3, endLine: 4, endColumn: 4, severity: 'error', message: 'Tabs are not allowed as indentation' }],
    },
    {
      name: 'a key set twice: a warning on the later one, which kubectl keeps',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
        spec:
          hostNetwork: false
          hostNetwork: true
      `,
      findings: [
        {
          line: 7,
          column: 3,
          endLine: 7,
          endColumn: 14,
          severity: 'warning',
          message:
            '`hostNetwork` is set again here (before on line 6): kubectl keeps this last value and ignores the earlier one, other YAML tools (kustomize, Flux) refuse duplicate keys; remove one of them.',
        },
      ],
    },
    {
      name: 'a comment with no space before its # (after a quoted value and a flow list): a warning on each #',
      code: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: "web"# the front end\nspec:\n  ports: [{port: 80}]#http\n',
      findings: [
        { line: 4, column: 14, endLine: 4, endColumn: 15, severity: 'warning', message: 'This `#` starts a comment with no space before it: kubectl accepts it, YAML tools that follow the spec refuse it; put a space before the `#`.' },
        { line: 6, column: 22, endLine: 6, endColumn: 23, severity: 'warning' },
      ],
    },
    {
      name: 'a placeholder line in a map (from documentation): an error on it, in plain words',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: IngressClass
        metadata:
          name: internal-nginx
        spec:
          controller: k8s.io/internal-ingress-nginx
          ...
      `,
      findings: [
        {
          line: 7,
          column: 3,
          endLine: 7,
          endColumn: 6,
          severity: 'error',
          message: '`...` has no `:` after it, but it sits in a map, where every entry is `key: value`: add the `:` and a value, or remove the line.',
        },
      ],
    },
    {
      name: 'text after a flow mapping (an unquoted {placeholder}): an error on the whole value',
      code: yaml`
        apiVersion: policy.linkerd.io/v1alpha1
        kind: NetworkAuthentication
        metadata:
          name: ipfamilies
        spec:
          networks:
          - cidr: {IPv6}/128
      `,
      findings: [
        {
          line: 7,
          column: 11,
          endLine: 7,
          endColumn: 21,
          severity: 'error',
          message: '`/128` follows `{IPv6}`, which YAML reads as a flow mapping because it starts with `{`: quote the whole value ("{IPv6}/128") if it is a string.',
        },
      ],
    },
    {
      name: 'text after a closing quote',
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: "web"-1\n',
      findings: [
        {
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 16,
          message: '`-1` follows the closing quote of "web", and nothing may follow a quoted string: put it inside the quotes.',
        },
      ],
    },
  ],
});
