import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { main } from '../../../server/src/cli/main';
import { tempProject } from '../../support/cli-harness';
import { yaml } from '../../support/dedent';

const POD = yaml`
  apiVersion: v1
  kind: Pod
  metadata: {name: web}
  spec:
    hostNetwork: true
    containers:
      - name: db
        ports: [{containerPort: 5432, hostPort: 5432}]
`;

async function lint(args: string[]): Promise<{ code: number; findings: { ruleId: string; severity: string; file: string; line: number }[]; err: string }> {
  let out = '';
  let err = '';
  const code = await main(['lint', '--format', 'json', ...args], { out: (text) => (out += text), error: (text) => (err += text + '\n'), readStdin: async () => '' });
  return { code, findings: out ? JSON.parse(out).findings : [], err };
}

describe('kube-netsec lint configuration', () => {
  it('--rule overrides a severity or turns a rule off', async (context) => {
    const root = tempProject(context, { 'pod.yaml': POD });
    const { findings } = await lint(['--rule', 'host-network=error', '--rule', 'host-port=off', root]);
    assert.deepEqual(
      findings.filter((finding) => finding.ruleId.startsWith('host-')).map((finding) => `${finding.ruleId} ${finding.severity}`),
      ['host-network error'],
    );
  });

  it('--rule refuses unknown rules and severities (exit 2)', async () => {
    const unknown = await lint(['--rule', 'host-netwrok=error', '.']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.err, /"host-netwrok" is not a kube-netsec rule/);
    const badLevel = await lint(['--rule', 'host-network=loud', '.']);
    assert.equal(badLevel.code, 2);
    assert.match(badLevel.err, /must be one of off, hint, info, warning, error \(got "loud"\)/);
  });

  it('reads --config: severities, exclusions relative to the file, and they agree with --rule on top', async (context) => {
    const root = tempProject(context, {
      'ci/netsec.yaml': 'rules:\n  host-network: "off"\n  host-port: error\nexclude: ["apps/**", "legacy"]\n',
      'ci/apps/pod.yaml': POD,
      'pod.yaml': POD,
      'charts/x/pod.yaml': POD,
      'apps/legacy/pod.yaml': POD,
    });
    const { findings } = await lint(['--config', join(root, 'ci/netsec.yaml'), '--rule', 'host-port=info', root]);
    assert.deepEqual(
      findings.filter((finding) => finding.ruleId.startsWith('host-')).map((finding) => `${finding.file.slice(root.length + 1)} ${finding.ruleId} ${finding.severity}`),
      // Patterns are relative to ci/: ci/apps is excluded; nothing outside ci/ is, not even apps/legacy.
      ['apps/legacy/pod.yaml host-port info', 'charts/x/pod.yaml host-port info', 'pod.yaml host-port info'],
    );
  });

  it('reads .kube-netsec.yaml from the current folder; exclusions do not hide files named explicitly', async (context) => {
    const root = tempProject(context, { '.kube-netsec.yaml': 'exclude: [generated]\n', 'generated/pod.yaml': POD, 'pod.yaml': POD });
    const cwd = process.cwd();
    process.chdir(root);
    context.after(() => process.chdir(cwd));
    const walked = await lint(['.']);
    assert.deepEqual([...new Set(walked.findings.map((finding) => finding.file))], ['pod.yaml']);
    const named = await lint(['generated/pod.yaml']);
    assert.deepEqual([...new Set(named.findings.map((finding) => finding.file))], ['generated/pod.yaml']);
  });

  it('stops with the positions of configuration problems (exit 2)', async (context) => {
    const root = tempProject(context, { 'bad.yaml': 'rules:\n  host-port: loud\nsensitivePort: [1]\n' });
    const { code, err } = await lint(['--config', join(root, 'bad.yaml'), root]);
    assert.equal(code, 2);
    assert.match(err, /bad\.yaml:2:14: rules\.host-port must be one of/);
    assert.match(err, /bad\.yaml:3:1: "sensitivePort" is not a kube-netsec setting/);
    const missing = await lint(['--config', join(root, 'nope.yaml'), root]);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /nope\.yaml: no such file or directory/);
  });

  it('honours suppressions written in the manifests', async (context) => {
    const root = tempProject(context, {
      'pod.yaml': yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: agent
          annotations:
            kube-netsec.io/ignore-host-port: "node-local metrics"
        spec:
          # kube-netsec-disable-next-line host-network -- CNI agent
          hostNetwork: true
          containers: [{name: a, ports: [{containerPort: 9100, hostPort: 9100}]}]
      `,
    });
    const { code, findings } = await lint(['--rule', 'net-raw-not-dropped=off', root]);
    assert.deepEqual(findings, []);
    assert.equal(code, 0);
  });
});
