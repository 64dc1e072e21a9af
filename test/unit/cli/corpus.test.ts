import Ajv from 'ajv';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { main } from '../../../server/src/cli/main';
import { ALL_RULES } from '../../../server/src/engine';

// Real manifests written by others, beside the project; absent on some machines, so skip cleanly.
const CORPUS = resolve(__dirname, '../../../../shared/corpus');

describe('lint on the third-party corpus', { skip: existsSync(CORPUS) ? false : `no corpus at ${CORPUS}` }, () => {
  it('checks every file without crashing, skipping Helm templates with notes only', async () => {
    let out = '';
    let err = '';
    const code = await main(['lint', '--format', 'json', CORPUS], { out: (text) => (out += text), error: (text) => (err += text + '\n'), readStdin: async () => '' });
    assert.ok(code === 0 || code === 1, `exit code ${code}: ${err}`);
    const report = JSON.parse(out) as { findings: { ruleId: string; file: string }[] };
    const schema = JSON.parse(readFileSync(join(__dirname, '../../../schemas/lint-output.schema.json'), 'utf8'));
    assert.ok(new Ajv().validate(schema, report));
    const ruleIds = new Set(ALL_RULES.map((rule) => rule.id));
    for (const finding of report.findings) assert.ok(ruleIds.has(finding.ruleId), finding.ruleId);
    // Chart templates are not valid YAML: they must yield notes, never syntax errors.
    const templateErrors = report.findings.filter((finding) => finding.ruleId === 'yaml-syntax' && finding.file.includes('/templates/'));
    assert.deepEqual(templateErrors, []);
    assert.match(err, /helm-chart-ingress-nginx\/charts\/ingress-nginx\/templates\/.*note: .*Helm\/Go template syntax/);
    // The corpus documents which files are broken on purpose; nothing else may be reported as broken.
    const broken = new Set(report.findings.filter((finding) => finding.ruleId === 'yaml-syntax').map((finding) => finding.file.slice(CORPUS.length + 1)));
    assert.deepEqual([...broken].sort(), [
      'ingress-nginx/docs-extracted/docs/user-guide/multiple-ingress.yaml',
      'ingress-nginx/docs-extracted/docs/user-guide/tls.yaml',
      'linkerd/test/integration/deep/dualstack/testdata/ipfamilies-policy.yml',
    ]);
  });
});
