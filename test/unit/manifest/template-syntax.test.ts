import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { parseManifest } from '../../../server/src/engine';
import { hostNetwork } from '../../../server/src/engine/rules/pod/host-network';
import { privilegedContainer } from '../../../server/src/engine/rules/pod/privileged-container';
import { yaml } from '../../support/dedent';
import { findingsOf } from '../rule-tester';

/** Which documents of `text` are skipped as templates, one boolean per document. */
function templateDocuments(text: string): boolean[] {
  return parseManifest('t.yaml', text).documents.map((document) => document.parsed.isTemplate);
}

describe('template detection', () => {
  const goTemplateArgument = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: inspector
    spec:
      hostNetwork: true
      containers:
        - name: main
          image: docker:cli
          args:
            - inspect
            - --format={{.Name}} {{.State.Status}}
          securityContext:
            privileged: true
  `;

  it('checks a pod whose container argument is a Go template: the template is data', () => {
    assert.deepEqual(templateDocuments(goTemplateArgument), [false]);
    assert.equal(parseManifest('t.yaml', goTemplateArgument).templateNotice, undefined);
    assert.deepEqual(
      findingsOf(hostNetwork, goTemplateArgument).map(({ line, column, endLine, endColumn }) => ({ line, column, endLine, endColumn })),
      [{ line: 6, column: 3, endLine: 6, endColumn: 20 }],
    );
    assert.deepEqual(
      findingsOf(privilegedContainer, goTemplateArgument).map(({ line, column, endLine, endColumn }) => ({ line, column, endLine, endColumn })),
      [{ line: 14, column: 9, endLine: 14, endColumn: 25 }],
    );
  });

  it('reads {{ }} in an annotation and a ConfigMap value as data, quoted or plain', () => {
    const text = yaml`
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: alerting
        annotations:
          description: summary for {{ $labels.instance }}
          quoted: "{{ .Values.x }}"
      data:
        template: Host {{ .Labels.host }} is down
        block: |
          {{ define "x" }}{{ end }}
    `;
    assert.deepEqual(templateDocuments(text), [false]);
    const [configMap] = parseManifest('t.yaml', text).objects;
    assert.deepEqual(configMap.annotations, { description: 'summary for {{ $labels.instance }}', quoted: '{{ .Values.x }}' });
  });

  it('checks a document whose only action is inside a plain name (it only changes that string)', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web-{{ .Release.Name }}\nspec:\n  hostNetwork: true\n';
    assert.deepEqual(templateDocuments(text), [false]);
    assert.equal(findingsOf(hostNetwork, text).length, 1);
  });

  it('skips real Helm template shapes: actions where a node starts, and documents that do not parse', () => {
    const shapes = {
      'a value that is an action': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ include "app.fullname" . }}\n',
      'an if around the document': '{{- if .Values.enabled }}\napiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: app\n{{- end }}\n',
      'an include piped to nindent': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\n  labels:\n    {{- include "app.labels" . | nindent 4 }}\n',
      'a toYaml block in a pod spec': 'apiVersion: v1\nkind: Pod\nspec:\n  hostNetwork: {{ .Values.hostNetwork }}\n  containers:\n    - name: main\n      resources:\n        {{- toYaml .Values.resources | nindent 8 }}\n',
      'a template comment': '{{/* the service */}}\napiVersion: v1\nkind: Service\nmetadata:\n  name: app\n',
      'a range over extra manifests': '{{ range .Values.extraManifests }}\n---\n{{ tpl . $ }}\n{{ end }}\n',
      'an action as a list item': 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: main\n      args:\n        - {{ .Values.arg }}\n',
    };
    for (const [shape, text] of Object.entries(shapes)) {
      assert.ok(templateDocuments(text).every(Boolean), shape);
    }
  });

  // Real charts, beside the project; absent on some machines, so skip cleanly.
  const corpus = resolve(__dirname, '../../../../shared/corpus');
  const charts = ['helm-chart-ingress-nginx/charts/ingress-nginx', 'helm-chart-prometheus-node-exporter/charts/prometheus-node-exporter'];
  it('recognises every document of real charts as a template, file by file', { skip: existsSync(join(corpus, charts[0])) ? false : `no corpus at ${corpus}` }, () => {
    let checked = 0;
    for (const chart of charts) {
      const templates = join(corpus, chart, 'templates');
      for (const path of readdirSync(templates, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.yaml'))) {
        const file = parseManifest(path, readFileSync(join(templates, path), 'utf8'));
        const documents = file.documents.filter((document) => document.source.trim() !== '');
        assert.ok(documents.length > 0 && documents.every((document) => document.parsed.isTemplate), `${chart}/templates/${path}`);
        checked++;
      }
    }
    assert.ok(checked > 40, `only ${checked} chart files`);
  });
});
