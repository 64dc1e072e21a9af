import type { FileRule } from './rule';

export const yamlSyntax: FileRule = {
  id: 'yaml-syntax',
  title: 'Manifest is not valid YAML',
  severity: 'error',
  category: 'syntax',
  scope: 'file',
  explanation:
    'A manifest that does not parse cannot be applied, and nothing in it can be checked: a security setting ' +
    'hidden behind a syntax error goes unseen. Only the first problem of each document is reported, since one ' +
    'typo often confuses the parser for the rest of the document. Documents that use Helm/Go template syntax ' +
    '(`{{ }}`) are skipped instead, and files that are not Kubernetes manifests are ignored.',
  remediation:
    'Fix the YAML at the reported position (indentation, a missing `:` or closing quote, a tab). For Helm charts, ' +
    'render the chart with `helm template` and check the output.',
  references: ['https://yaml.org/spec/1.2.2/', 'https://kubernetes.io/docs/concepts/overview/working-with-objects/'],
  examples: {
    insecure: `apiVersion: v1
kind: Service
metadata:
  name: web
 labels: {app: web}
`,
    fixed: `apiVersion: v1
kind: Service
metadata:
  name: web
  labels: {app: web}
`,
  },
  *check(file) {
    for (const problem of file.syntaxProblems) {
      const object = file.objects.find((candidate) => candidate.document === problem.document);
      yield { message: problem.message, range: problem.range, object };
    }
  },
};
