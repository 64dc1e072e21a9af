import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import type * as Sarif from 'sarif';
import { rulePagePath, rulePageUrl, repositoryUrlOf } from '../../../server/src/cli/rule-page';
import { FINGERPRINT_KEY, SECURITY_SEVERITY } from '../../../server/src/cli/sarif-report';
import { ALL_RULES, applyTextEdits } from '../../../server/src/engine';
import { VERSION } from '../../../server/src/version';
import { runCli, tempProject } from '../../support/cli-harness';
import { ruleDocPath } from '../../../scripts/rule-docs';

const ROOT = resolve(__dirname, '../../..');
const CORPUS = resolve(ROOT, '../shared/corpus');

// The OASIS SARIF 2.1.0 schema (rtm.5, the text the standard published), as the package ships it.
// It is draft-04, and one of its patterns is not valid as a Unicode regular expression.
const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validateSarif = ajv.compile(schema);

function assertValidSarif(log: unknown): asserts log is Sarif.Log {
  const valid = validateSarif(log);
  assert.ok(valid, JSON.stringify(validateSarif.errors?.slice(0, 5), null, 2));
}

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: netshoot
  namespace: debug
spec:
  hostNetwork: true
  containers:
    - name: netshoot
      image: nicolaka/netshoot:v0.13
      securityContext:
        capabilities:
          drop: [ALL]
`;

async function sarifOf(args: string[], stdin = ''): Promise<{ code: number; log: Sarif.Log; err: string }> {
  const { code, out, err } = await runCli(['lint', '--format', 'sarif', ...args], stdin);
  return { code, log: JSON.parse(out), err };
}

describe('lint --format sarif', () => {
  it('writes a SARIF 2.1.0 log that the official schema accepts, with every rule described', async (context) => {
    const root = tempProject(context, { 'pods/pod.yaml': POD });
    const { code, log } = await sarifOf(['--base-uri', root, join(root, 'pods')]);
    assert.equal(code, 1);
    assertValidSarif(log);
    assert.equal(log.version, '2.1.0');
    assert.equal(log.runs.length, 1);
    const [run] = log.runs;
    assert.equal(run.columnKind, 'utf16CodeUnits');
    assert.deepEqual(run.originalUriBaseIds, { SRCROOT: { uri: pathToFileURL(root).href + '/' } });
    const driver = run.tool.driver;
    assert.equal(driver.name, 'kube-netsec');
    assert.equal(driver.version, VERSION);
    assert.deepEqual(
      driver.rules?.map((rule) => rule.id),
      ALL_RULES.map((rule) => rule.id),
    );
    const hostNetwork = driver.rules!.find((rule) => rule.id === 'host-network')!;
    const meta = ALL_RULES.find((rule) => rule.id === 'host-network')!;
    assert.equal(hostNetwork.name, 'HostNetwork');
    assert.equal(hostNetwork.shortDescription?.text, meta.title);
    assert.equal(hostNetwork.fullDescription?.text, meta.explanation);
    for (const rule of driver.rules!) {
      const explanation = ALL_RULES.find((candidate) => candidate.id === rule.id)!.explanation;
      assert.ok(rule.fullDescription!.text.length <= 1024, `${rule.id}: code scanning's limit`);
      const words = (text: string) => text.replace(/\s+/g, ' ');
      assert.ok(words(explanation).startsWith(words(rule.fullDescription!.text.replace(/…$/, ''))), `${rule.id}: the lead of the explanation`);
      assert.ok(rule.help!.markdown!.includes(explanation), `${rule.id}: help has all of it`);
    }
    assert.ok(hostNetwork.help?.text.includes(meta.remediation) && hostNetwork.help.markdown?.includes(meta.remediation));
    assert.deepEqual(hostNetwork.defaultConfiguration, { level: 'warning' });
    assert.deepEqual(hostNetwork.properties, { tags: ['security', 'kubernetes', 'pod-networking'], 'security-severity': '5.0' });
  });

  it('locates each result relative to SRCROOT, 1-based with an exclusive end column, with its rule index and level', async (context) => {
    const root = tempProject(context, { 'pods/pod.yaml': POD });
    const { log } = await sarifOf(['--base-uri', root, join(root, 'pods')]);
    const [run] = log.runs;
    const result = run.results!.find((candidate) => candidate.ruleId === 'host-network')!;
    assert.equal(run.tool.driver.rules![result.ruleIndex!].id, 'host-network');
    assert.equal(result.level, 'warning');
    assert.match(result.message.text!, /^hostNetwork: true puts this pod/);
    assert.deepEqual(result.locations![0].physicalLocation, {
      artifactLocation: { uri: 'pods/pod.yaml', uriBaseId: 'SRCROOT' },
      region: { startLine: 7, startColumn: 3, endLine: 7, endColumn: 20 },
    });
    assert.deepEqual(result.locations![0].logicalLocations, [{ name: 'netshoot', fullyQualifiedName: 'Pod/debug/netshoot', kind: 'resource' }]);
    assert.match(result.partialFingerprints![FINGERPRINT_KEY], /^[0-9a-f]{32}$/);
  });

  it('gives the preferred fix the engine accepts as SARIF fixes, whose replacements remove the finding', async (context) => {
    const root = tempProject(context, { 'pod.yaml': POD });
    const { log } = await sarifOf(['--base-uri', root, join(root, 'pod.yaml')]);
    const result = log.runs[0].results!.find((candidate) => candidate.ruleId === 'host-network')!;
    assert.equal(result.fixes?.length, 1);
    const [fix] = result.fixes!;
    assert.equal(fix.description?.text, 'Remove hostNetwork: true');
    assert.equal(fix.artifactChanges.length, 1);
    assert.deepEqual(fix.artifactChanges[0].artifactLocation, { uri: 'pod.yaml', uriBaseId: 'SRCROOT' });
    const edits = fix.artifactChanges[0].replacements.map(({ deletedRegion: region, insertedContent }) => ({
      range: { start: { line: region.startLine! - 1, character: region.startColumn! - 1 }, end: { line: region.endLine! - 1, character: region.endColumn! - 1 } },
      newText: insertedContent?.text ?? '',
    }));
    const fixed = applyTextEdits(POD, edits);
    assert.doesNotMatch(fixed, /hostNetwork/);
    const after = await runCli(['lint', '--format', 'json', '-'], fixed);
    assert.deepEqual(JSON.parse(after.out).findings.filter((finding: { ruleId: string }) => finding.ruleId === 'host-network'), []);
  });

  it('lists suppressed findings only with --include-suppressed, marked in source with the reason, and they do not fail the run', async (context) => {
    const comment = '# kube-netsec-disable-next-line host-network -- CNI agent (SEC-142)';
    const suppressed = POD.replace('  hostNetwork: true', `  ${comment}\n  hostNetwork: true`);
    const root = tempProject(context, { 'pod.yaml': suppressed });
    const without = await sarifOf(['--base-uri', root, join(root, 'pod.yaml')]);
    assert.equal(without.log.runs[0].results!.some((result) => result.ruleId === 'host-network'), false);
    const withSuppressed = await sarifOf(['--include-suppressed', '--base-uri', root, join(root, 'pod.yaml')]);
    assertValidSarif(withSuppressed.log);
    assert.equal(withSuppressed.code, without.code);
    const result = withSuppressed.log.runs[0].results!.find((candidate) => candidate.ruleId === 'host-network')!;
    assert.deepEqual(result.suppressions, [
      { kind: 'inSource', status: 'accepted', justification: 'CNI agent (SEC-142)', location: { physicalLocation: { artifactLocation: { uri: 'pod.yaml', uriBaseId: 'SRCROOT' }, region: { startLine: 7, startColumn: 3, endLine: 7, endColumn: 3 + comment.length } } } },
    ]);
    assert.equal(result.fixes, undefined);
  });

  it('keeps fingerprints across runs and across unrelated edits above the finding, and tells findings apart', async (context) => {
    const other = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  a: b\n---\n';
    const twoPods = POD + '---\n' + POD.replace('name: netshoot\n  namespace', 'name: other\n  namespace');
    const before = tempProject(context, { 'pod.yaml': twoPods });
    const after = tempProject(context, { 'pod.yaml': `# moved down by a comment and a ConfigMap\n${other}${twoPods.replace('  containers:', '  # a comment in the pod\n  containers:')}` });
    const fingerprints = async (root: string) =>
      (await sarifOf(['--base-uri', root, join(root, 'pod.yaml')])).log.runs[0].results!.map((result) => [result.ruleId, result.locations![0].physicalLocation!.region!.startLine, result.partialFingerprints![FINGERPRINT_KEY]] as const);
    const first = await fingerprints(before);
    assert.deepEqual(await fingerprints(before), first, 'the same on a second run');
    const moved = await fingerprints(after);
    assert.deepEqual(
      moved.map(([ruleId, , fingerprint]) => [ruleId, fingerprint]),
      first.map(([ruleId, , fingerprint]) => [ruleId, fingerprint]),
    );
    assert.notDeepEqual(
      moved.map(([, line]) => line),
      first.map(([, line]) => line),
      'the findings did move',
    );
    const hostNetwork = first.filter(([ruleId]) => ruleId === 'host-network');
    assert.equal(hostNetwork.length, 2);
    assert.notEqual(hostNetwork[0][2], hostNetwork[1][2], 'two pods, two fingerprints');
  });

  it('names standard input and files outside the base without a base id, and lists skipped templates as notifications', async (context) => {
    const root = tempProject(context, { 'chart/templates/svc.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Release.Name }}\n', 'pod.yaml': POD });
    const elsewhere = tempProject(context, { 'base/readme.txt': '' });
    const { log } = await sarifOf(['--base-uri', join(elsewhere, 'base'), root, '-'], POD);
    assertValidSarif(log);
    const uris = log.runs[0].results!.filter((result) => result.ruleId === 'host-network').map((result) => result.locations![0].physicalLocation!.artifactLocation);
    assert.deepEqual(uris, [{ uri: '%3Cstdin%3E' }, { uri: pathToFileURL(join(root, 'pod.yaml')).href }]);
    const notes = log.runs[0].invocations![0].toolExecutionNotifications!;
    assert.equal(notes.length, 1);
    assert.match(notes[0].message.text!, /Helm\/Go template syntax/);
    assert.equal(notes[0].descriptor, undefined, 'a note, not a rule');
  });

  it('validates on the third-party corpus', { skip: existsSync(CORPUS) ? false : `no corpus at ${CORPUS}` }, async () => {
    const { code, log } = await sarifOf(['--base-uri', CORPUS, CORPUS]);
    assert.ok(code === 0 || code === 1, `exit code ${code}`);
    assertValidSarif(log);
    const results = log.runs[0].results!;
    assert.ok(results.length > 100, `${results.length} results`);
    const fingerprints = results.map((result) => result.partialFingerprints![FINGERPRINT_KEY]);
    assert.equal(new Set(fingerprints).size, fingerprints.length, 'every fingerprint is distinct');
    assert.ok(results.every((result) => result.locations![0].physicalLocation!.artifactLocation!.uriBaseId === 'SRCROOT'));
  });
});

describe('rule pages in SARIF', () => {
  it('links every rule to its page in the repository, a page that exists in docs/rules/', () => {
    for (const rule of ALL_RULES) {
      assert.equal(rulePagePath(rule.id), ruleDocPath(rule), 'the path npm run docs writes');
      assert.ok(existsSync(join(ROOT, rulePagePath(rule.id))), `${rulePagePath(rule.id)} exists`);
      assert.equal(rulePageUrl(rule.id, 'https://github.com/example/kube-netsec'), `https://github.com/example/kube-netsec/blob/HEAD/docs/rules/${rule.id}.md`);
    }
  });

  it('puts helpUri on every rule when package.json names a repository, and reads its usual forms', async (context) => {
    const { formatSarif } = await import('../../../server/src/cli/sarif-report');
    const { ReportPaths } = await import('../../../server/src/cli/report-paths');
    const root = tempProject(context, {});
    const log: Sarif.Log = JSON.parse(formatSarif({ entries: [], skipped: [], paths: new ReportPaths(root), repository: 'https://gitlab.com/example/kube-netsec' }));
    assertValidSarif(log);
    assert.equal(log.runs[0].tool.driver.informationUri, 'https://gitlab.com/example/kube-netsec');
    for (const rule of log.runs[0].tool.driver.rules!) assert.equal(rule.helpUri, `https://gitlab.com/example/kube-netsec/-/blob/HEAD/docs/rules/${rule.id}.md`);
    assert.equal(repositoryUrlOf({ url: 'git+https://github.com/example/kube-netsec.git' }), 'https://github.com/example/kube-netsec');
    assert.equal(repositoryUrlOf('github:example/kube-netsec'), 'https://github.com/example/kube-netsec');
    assert.equal(repositoryUrlOf('example/kube-netsec'), 'https://github.com/example/kube-netsec');
    assert.equal(repositoryUrlOf(undefined), undefined);
  });

  it('maps default severities onto the code scanning scale, gravest highest', () => {
    const scores = (['error', 'warning', 'info', 'hint'] as const).map((severity) => Number(SECURITY_SEVERITY[severity]));
    assert.deepEqual(scores, [8, 5, 3, 1]);
  });
});
