import Ajv from 'ajv';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { formatJson, formatText, summary, toReportedFinding, type ReportedFinding } from '../../../server/src/cli/lint-report';
import { main } from '../../../server/src/cli/main';
import { findRule, type Finding, type Severity } from '../../../server/src/engine';

const schema = JSON.parse(readFileSync(join(__dirname, '../../../schemas/lint-output.schema.json'), 'utf8'));

function finding(severity: Severity, extra: Pick<Finding, 'related'> = {}): Finding {
  return { ruleId: 'host-network', uri: 'a.yaml', severity, message: 'm', range: { start: { line: 4, character: 2 }, end: { line: 4, character: 19 } }, ...extra };
}

function reported(...severities: Severity[]): ReportedFinding[] {
  return severities.map((severity) => toReportedFinding(finding(severity), 'a.yaml'));
}

const DUPLICATE_AT = { uri: 'other.yaml', range: { start: { line: 11, character: 8 }, end: { line: 11, character: 17 } }, message: 'the definition that takes effect' };

describe('lint report', () => {
  it('orders severities error, warning, info, hint whatever order the findings come in, leaving out absent ones', () => {
    assert.equal(summary({ findings: reported('hint', 'info', 'warning', 'hint', 'error', 'warning'), skipped: [], fileCount: 12 }), '6 findings (1 error, 2 warnings, 1 info, 2 hint; 12 files checked).');
    assert.equal(summary({ findings: reported('hint', 'warning'), skipped: [], fileCount: 1 }), '2 findings (1 warning, 1 hint; 1 file checked).');
    assert.equal(summary({ findings: [], skipped: [], fileCount: 0 }), 'No findings (0 files checked).');
  });

  it('counts the files skipped by reason, in a fixed order: templates, too large, not Kubernetes', () => {
    const skipped = [
      { file: 'big.yaml', reason: 'file-too-large' as const, documents: null, whole: true },
      { file: 'chart/a.yaml', reason: 'helm-template' as const, documents: 2, whole: true },
      { file: 'chart/b.yaml', reason: 'helm-template' as const, documents: 1, whole: false },
    ];
    assert.equal(summary({ findings: reported('warning'), skipped, fileCount: 9, notKubernetes: 3 }), '1 finding (1 warning; 4 files checked, 2 skipped as templates (1 in part), 1 skipped as too large, 3 skipped as not Kubernetes).');
  });

  it('prints each related location on an indented note line under its finding', () => {
    const text = formatText({ findings: [toReportedFinding(finding('info', { related: [DUPLICATE_AT] }), 'web.yaml'), ...reported('warning')], skipped: [], fileCount: 2 });
    assert.deepEqual(text.split('\n'), [
      'web.yaml:5:3: info host-network: m',
      '  other.yaml:12:9: note: the definition that takes effect',
      'a.yaml:5:3: warning host-network: m',
      '2 findings (1 warning, 1 info; 2 files checked).',
    ]);
  });

  it('gives related locations 1-based positions in JSON, and no related key when there are none', () => {
    const report: { findings: ReportedFinding[] } = JSON.parse(formatJson({ findings: [toReportedFinding(finding('info', { related: [DUPLICATE_AT] }), 'web.yaml'), ...reported('warning')], skipped: [], fileCount: 2 }));
    const ajv = new Ajv({ allErrors: true, strict: true });
    const valid = ajv.validate(schema, report);
    assert.ok(valid, JSON.stringify(ajv.errors));
    assert.deepEqual(report.findings[0].related, [{ file: 'other.yaml', line: 12, column: 9, endLine: 12, endColumn: 18, message: 'the definition that takes effect' }]);
    assert.equal('related' in report.findings[1], false);
  });

  it('links a duplicate object to the definition that takes effect, in both formats', { skip: findRule('duplicate-object') ? false : 'duplicate-object is not registered' }, async (context) => {
    const root = mkdtempSync(join(tmpdir(), 'kube-netsec-related-'));
    context.after(() => rmSync(root, { recursive: true, force: true }));
    const deployment = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers: [{name: web, image: web}]\n';
    writeFileSync(join(root, 'a.yaml'), deployment);
    writeFileSync(join(root, 'b.yaml'), '# the copy\n' + deployment);
    let out = '';
    await main(['lint', '--format', 'json', root], { out: (text) => (out += text), error: () => undefined, readStdin: async () => '' });
    const duplicate = JSON.parse(out).findings.find((entry: ReportedFinding) => entry.ruleId === 'duplicate-object');
    assert.equal(duplicate.file, join(root, 'a.yaml'));
    assert.deepEqual(
      duplicate.related.map(({ file, line, column }: { file: string; line: number; column: number }) => ({ file, line, column })),
      [{ file: join(root, 'b.yaml'), line: 5, column: 3 }],
    );
    let text = '';
    await main(['lint', root], { out: (line) => (text += line + '\n'), error: () => undefined, readStdin: async () => '' });
    assert.match(text, new RegExp(`^${join(root, 'a.yaml')}:4:3: info duplicate-object: .*\\n  ${join(root, 'b.yaml')}:5:3: note: \\S`, 'm'));
  });
});
