import Ajv from 'ajv';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { MAX_MANIFEST_LENGTH } from '../../../server/src/engine';
import { runCli, tempProject } from '../../support/cli-harness';
import { yaml } from '../../support/dedent';

const schema = JSON.parse(readFileSync(join(__dirname, '../../../schemas/lint-output.schema.json'), 'utf8'));

const HOST_NETWORK_POD = yaml`
  apiVersion: v1
  kind: Pod
  metadata: {name: agent, namespace: ops}
  spec:
    hostNetwork: true
    containers: [{name: a, image: a, securityContext: {capabilities: {drop: [ALL]}}}]
`;

const CLEAN_CONFIGMAP = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\ndata: {a: b}\n';

const TEMPLATE = yaml`
  apiVersion: v1
  kind: Service
  metadata:
    name: {{ .Release.Name }}-web
`;

// One document checked, two skipped as templates.
const PARTLY_TEMPLATE = CLEAN_CONFIGMAP.replace('settings', 'chart-settings') + '---\n' + TEMPLATE + '---\n' + TEMPLATE;

describe('kube-netsec lint: files skipped as templates or as too large', () => {
  it('keeps the note on stderr and counts the skipped files in the summary line', async (context) => {
    const root = tempProject(context, { 'chart/templates/service.yaml': TEMPLATE, 'chart/templates/mixed.yaml': PARTLY_TEMPLATE, 'config.yaml': CLEAN_CONFIGMAP });
    const { code, out, err } = await runCli(['lint', root]);
    assert.equal(code, 0);
    // Three files read; service.yaml was skipped whole, mixed.yaml in part.
    assert.equal(out, 'No findings (2 files checked, 2 skipped as templates (1 in part)).\n');
    assert.deepEqual(err.trim().split('\n'), [
      `${join(root, 'chart/templates/mixed.yaml')}:9:9: note: 2 documents use Helm/Go template syntax ({{ }}) and were not checked; render the chart with \`helm template\` and check the output.`,
      `${join(root, 'chart/templates/service.yaml')}:4:9: note: 1 document uses Helm/Go template syntax ({{ }}) and was not checked; render the chart with \`helm template\` and check the output.`,
    ]);
  });

  it('says "a template" for one, and puts the counts after the findings', async (context) => {
    const root = tempProject(context, { 'pod.yaml': HOST_NETWORK_POD, 'service.yaml': TEMPLATE });
    const { code, out } = await runCli(['lint', '--rule', 'host-network=error', root]);
    assert.equal(code, 1);
    assert.match(out, /^1 finding \(1 error; 1 file checked, 1 skipped as a template\)\.$/m);
  });

  it('counts a file too large to check, with its reason, in text and JSON', async () => {
    const huge = 'x'.repeat(MAX_MANIFEST_LENGTH + 1);
    const text = await runCli(['lint', '-'], huge);
    assert.equal(text.code, 0);
    assert.equal(text.out, 'No findings (0 files checked, 1 skipped as too large).\n');
    assert.match(text.err, /^<stdin>:1:1: note: This file has 20\.0 MB of text, more than the 20\.0 MB that kube-netsec checks; it was not checked\.$/m);
    const json = await runCli(['lint', '--format', 'json', '-'], huge);
    assert.deepEqual(JSON.parse(json.out), { findings: [], skipped: [{ file: '<stdin>', reason: 'file-too-large', documents: null }] });
    assert.ok(new Ajv().validate(schema, JSON.parse(json.out)));
  });

  it('lists the skipped files in JSON next to the findings, valid against the schema', async (context) => {
    const root = tempProject(context, { 'a/service.yaml': TEMPLATE, 'b/mixed.yaml': PARTLY_TEMPLATE, 'pod.yaml': HOST_NETWORK_POD });
    const { code, out } = await runCli(['lint', '--format', 'json', root]);
    assert.equal(code, 1);
    const report: { findings: { ruleId: string }[]; skipped: unknown } = JSON.parse(out);
    const ajv = new Ajv({ allErrors: true, strict: true });
    const valid = ajv.validate(schema, report);
    assert.ok(valid, JSON.stringify(ajv.errors));
    assert.deepEqual(report.skipped, [
      { file: join(root, 'a/service.yaml'), reason: 'helm-template', documents: 1 },
      { file: join(root, 'b/mixed.yaml'), reason: 'helm-template', documents: 2 },
    ]);
    assert.ok(report.findings.some((finding: { ruleId: string }) => finding.ruleId === 'host-network'));
  });

  it('--strict exits 2 after printing the report when a file was skipped, and only then', async (context) => {
    const root = tempProject(context, { 'pod.yaml': HOST_NETWORK_POD, 'service.yaml': TEMPLATE });
    const strict = await runCli(['lint', '--strict', root]);
    assert.equal(strict.code, 2);
    assert.match(strict.out, /^1 finding \(1 warning; 1 file checked, 1 skipped as a template\)\.$/m);
    assert.match(strict.err, /^kube-netsec: --strict: 1 file was not checked in full \(Helm\/Go templates, or too large\); see the notes above\.$/m);
    const json = await runCli(['lint', '--strict', '--format', 'json', root]);
    assert.equal(json.code, 2);
    assert.equal(JSON.parse(json.out).skipped.length, 1);
    const checked = await runCli(['lint', '--strict', join(root, 'pod.yaml')]);
    assert.equal(checked.code, 1);
    assert.doesNotMatch(checked.err, /--strict/);
    const clean = tempProject(context, { 'config.yaml': CLEAN_CONFIGMAP });
    assert.equal((await runCli(['lint', '--strict', clean])).code, 0);
  });

  it('--strict makes connectivity exit 2 too, with the connections printed', async (context) => {
    const root = tempProject(context, { 'pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec: {containers: [{name: a, image: a}]}\n', 'service.yaml': TEMPLATE });
    const lenient = await runCli(['connectivity', root]);
    assert.equal(lenient.code, 0);
    const strict = await runCli(['connectivity', '--strict', root]);
    assert.equal(strict.code, 2);
    assert.equal(strict.out, lenient.out);
    assert.match(strict.out, /^default\/web\[Pod\] => 0\.0\.0\.0\/0 : All Connections$/m);
    assert.match(strict.err, /--strict: 1 file was not checked in full/);
  });

  it('documents --strict in the usage and the exit-status lines of lint and connectivity', async () => {
    const lint = await runCli(['lint', '--help']);
    assert.match(lint.out, /^ {2}--strict {12}Exit with status 2 when a file, or some documents of it, was skipped as a$/m);
    assert.match(lint.out, /^Exit status: .*\n.*or with --strict a skipped file\.$/m);
    const connectivity = await runCli(['connectivity', '--help']);
    assert.match(connectivity.out, /^ {2}--strict {12}Exit with status 2 when a file was skipped as a template or as too large\.$/m);
    assert.match(connectivity.out, /^Exit status: 0 \(also when nothing is allowed\), 2 usage or I\/O error \(or, with --strict, a file\nskipped as a template or as too large\)/m);
  });
});
