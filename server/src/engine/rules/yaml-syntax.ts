import type { ManifestDocument } from '../manifest/document';
import type { ManifestFile } from '../manifest/manifest-file';
import { describeToleratedProblem, type ToleratedProblem } from '../manifest/tolerated-problem';
import type { FileRule, Report } from './rule';

export const yamlSyntax: FileRule = {
  id: 'yaml-syntax',
  title: 'Manifest is not valid YAML',
  severity: 'error',
  category: 'syntax',
  scope: 'file',
  explanation:
    'A manifest that does not parse cannot be applied, and nothing in it can be checked: a security setting ' +
    'hidden behind a syntax error goes unseen. Only the first error of each document is reported, since one ' +
    'typo often confuses the parser for the rest of the document. Where kubectl reads past something the YAML ' +
    'spec forbids (a continuation line of a quoted string indented no more than its key; a key set twice in one ' +
    'map, of which kubectl keeps the last value; a `#` comment with no space before it), the document is read as kubectl reads it and checked, and the ' +
    'problem is a warning: other tools (editors, kustomize, Flux) may refuse the file. Documents that use Helm/Go ' +
    'template syntax where YAML expects a value or a key (`name: {{ .Release.Name }}`, an `{{- if }}` line) are ' +
    'skipped instead; `{{ }}` inside a string is data. Files that are not Kubernetes manifests are ignored.',
  remediation:
    'Fix the YAML at the reported position (indentation, a missing `:` or closing quote, a tab, a repeated key). For Helm charts, ' +
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
      yield { message: problem.message, range: problem.range, object: objectOf(file, problem.document) };
    }
    for (const document of file.documents) {
      if (document.parsed.isTemplate || !document.parsed.looksLikeKubernetes) continue;
      for (const problem of document.parsed.tolerated ?? []) yield { ...toleratedReport(document, problem), object: objectOf(file, document) };
    }
  },
};

function objectOf(file: ManifestFile, document: ManifestDocument) {
  return file.objects.find((candidate) => candidate.document === document);
}

function toleratedReport(document: ManifestDocument, problem: ToleratedProblem): Report {
  const lineOf = (offset: number) => document.rangeAt(offset, offset).start.line + 1;
  const report: Report = { message: describeToleratedProblem(problem, lineOf), range: document.rangeAt(problem.start, problem.end), severity: 'warning' };
  if (problem.kind === 'duplicate-key') {
    return { ...report, related: [{ uri: document.uri, range: document.rangeAt(problem.previousOffset, problem.previousEnd), message: `\`${problem.key}\` set before` }] };
  }
  if (problem.kind === 'under-indented-continuation') {
    return { ...report, related: [{ uri: document.uri, range: document.rangeAt(problem.quoteOffset, problem.quoteOffset + 1), message: 'the quoted string opens here' }] };
  }
  return report;
}
