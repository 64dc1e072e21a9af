// Hostile and huge inputs (issue 12): each one is generated into a temporary file, then checked in a
// child process, so that a hang is cut off and the peak memory is the check's own.
//  - "CLI": `node dist/cli.js lint FILE` (needs `npm run build`), as a user runs it.
//  - "in-process": parseManifest + lintManifest + the workspace rules, as lint runs them, from the
//    sources; the same child first times the `yaml` library's parseAllDocuments of the text (the floor,
//    without the library's quadratic duplicate-key check).
// Each row: milliseconds, the ratio against that floor, the peak RSS, and the notices the check gave
// (a degraded check says so in a notice). Children are killed after 60 s ("> 60 s").
// Run alone: node --expose-gc --conditions=import --import tsx scripts/bench/hostile-inputs.ts [NAME...]
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const CLI = join(ROOT, 'dist/cli.js');
const TIME_LIMIT_MS = 60_000;

export interface HostileInput {
  name: string;
  text: () => string;
}

const deployment = (i: number, namespace = `ns-${i % 20}`) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app-${i}\n  namespace: ${namespace}\nspec:\n  template:\n    metadata:\n      labels: {app: app-${i}, tier: t-${i % 10}}\n    spec:\n      hostNetwork: ${i % 7 === 0}\n      containers:\n        - name: main\n          image: registry.example.com/app:${i}\n          ports: [{containerPort: 8080}]\n`;

/** Several kinds in turn, so that object, file and workspace rules all have work. */
function smallDocument(i: number): string {
  switch (i % 4) {
    case 0:
      return `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm-${i}}\ndata: {key: value-${i}}\n`;
    case 1:
      return `apiVersion: v1\nkind: Service\nmetadata: {name: svc-${i}}\nspec:\n  selector: {app: app-${i}}\n  ports: [{port: 80}]\n`;
    case 2:
      return `apiVersion: v1\nkind: Pod\nmetadata: {name: pod-${i}, labels: {app: app-${i - 1}}}\nspec:\n  containers: [{name: main, image: nginx}]\n`;
    default:
      return `apiVersion: v1\nkind: Namespace\nmetadata: {name: ns-${i}}\n`;
  }
}

function repeatToSize(target: number, piece: (i: number) => string, separator: string): string {
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < target; i++) {
    const next = piece(i);
    parts.push(next);
    length += next.length + separator.length;
  }
  return parts.join(separator);
}

function lines(count: number, line: (i: number) => string): string {
  return Array.from({ length: count }, (_, i) => line(i)).join('\n');
}

function policy(i: number): string {
  return [
    'apiVersion: networking.k8s.io/v1',
    'kind: NetworkPolicy',
    `metadata: {name: np-${i}, namespace: ns-${i % 20}}`,
    'spec:',
    `  podSelector: {matchLabels: {app: app-${i % 100}}}`,
    '  policyTypes: [Ingress, Egress]',
    '  ingress:',
    `    - from: [{podSelector: {matchLabels: {tier: t-${i % 10}}}}, {namespaceSelector: {matchLabels: {team: team-${i % 7}}}}]`,
    `      ports: [{port: ${1000 + (i % 50)}}]`,
    '  egress:',
    `    - to: [{ipBlock: {cidr: 10.${i % 250}.0.0/16}}]`,
  ].join('\n') + '\n';
}

/** The inputs of issue 12, at full size; `scale` shrinks them (tests use small ones). */
export function hostileInputs(scale = 1): HostileInput[] {
  const n = (count: number) => Math.max(1, Math.round(count * scale));
  return [
    { name: `${n(100_000)} small documents`, text: () => Array.from({ length: n(100_000) }, (_, i) => smallDocument(i)).join('---\n') },
    { name: `ConfigMap with ${n(1_000_000)} keys`, text: () => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: huge\ndata:\n${lines(n(1_000_000), (i) => `  k${i}: v${i}`)}\n` },
    {
      name: `Pod with ${n(100_000)} labels`,
      text: () => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: labelled\n  labels:\n${lines(n(100_000), (i) => `    label-${i}: value-${i}`)}\nspec:\n  hostNetwork: true\n  containers: [{name: main, image: nginx}]\n`,
    },
    {
      name: `NetworkPolicy with ${n(20_000)} matchLabels`,
      text: () =>
        `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: wide\nspec:\n  podSelector:\n    matchLabels:\n${lines(n(20_000), (i) => `      label-${i}: value-${i}`)}\n  ingress:\n    - from:\n        - podSelector:\n            matchLabels:\n${lines(n(20_000), (i) => `              peer-${i}: value-${i}`)}\n---\n${deployment(0, 'default')}`,
    },
    { name: `${n(10_000)} NetworkPolicies and ${n(100)} Deployments`, text: () => [...Array.from({ length: n(10_000) }, (_, i) => policy(i)), ...Array.from({ length: n(100) }, (_, i) => deployment(i))].join('---\n') },
    { name: `${(19 * scale).toFixed(scale < 1 ? 2 : 0)} MB multi-document file`, text: () => repeatToSize(19_000_000 * scale, (i) => deployment(i), '---\n') },
    {
      name: `${(20 * scale).toFixed(scale < 1 ? 2 : 0)} MB one-line JSON List`,
      text: () => {
        const item = (i: number) => JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name: `pod-${i}`, namespace: `ns-${i % 20}`, labels: { app: `app-${i % 100}` } }, spec: { hostNetwork: i % 7 === 0, containers: [{ name: 'main', image: 'nginx', ports: [{ containerPort: 8080, hostPort: i % 11 === 0 ? 8080 : undefined }] }] } });
        const head = '{"apiVersion":"v1","kind":"List","items":[';
        return head + repeatToSize(20_000_000 * scale - head.length - 2, item, ',') + ']}';
      },
    },
  ];
}

interface Outcome {
  ms?: number;
  peakMb?: number;
  detail: string;
}

// Loaded into the CLI child with --import: reports the peak RSS on exit, which the CLI cannot.
const PEAK_REPORTER = `process.on('exit', () => { process.stderr.write('\\nPEAK_RSS_KB ' + process.resourceUsage().maxRSS + '\\n'); });\n`;

function runChild(args: string[], dir: string): { ms: number; timedOut: boolean; stdout: string; stderr: string } {
  const out = join(dir, 'out.txt');
  const err = join(dir, 'err.txt');
  const outFd = openSync(out, 'w');
  const errFd = openSync(err, 'w');
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', outFd, errFd], timeout: TIME_LIMIT_MS, killSignal: 'SIGKILL' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  closeSync(outFd);
  closeSync(errFd);
  return { ms, timedOut: result.signal === 'SIGKILL', stdout: readFileSync(out, 'utf8'), stderr: readFileSync(err, 'utf8') };
}

function cliOutcome(file: string, dir: string): Outcome {
  const reporter = join(dir, 'peak.mjs');
  writeFileSync(reporter, PEAK_REPORTER);
  const { ms, timedOut, stdout, stderr } = runChild(['--import', reporter, CLI, 'lint', '--format', 'json', file], dir);
  if (timedOut) return { detail: 'killed' };
  const peak = /PEAK_RSS_KB (\d+)/.exec(stderr);
  let detail: string;
  try {
    const report = JSON.parse(stdout) as { findings: unknown[] };
    detail = `${report.findings.length} findings`;
  } catch {
    detail = `no JSON report: ${stderr.split('\n').find((line) => line.trim() !== '') ?? ''}`.slice(0, 120);
  }
  const notes = stderr.split('\n').filter((line) => line.includes(': note: ')).length;
  return { ms, peakMb: peak ? Number(peak[1]) / 1024 : undefined, detail: notes > 0 ? `${detail}, ${notes} notes` : detail };
}

interface InProcessResult {
  floorMs: number;
  parseMs: number;
  lintMs: number;
  peakKb: number;
  findings: number;
  notices: string[];
}

function inProcessOutcome(file: string, dir: string): { outcome: Outcome; floorMs?: number } {
  const { timedOut, stdout, stderr } = runChild(['--conditions=import', '--import', 'tsx', __filename, '--in-process', file], dir);
  if (timedOut) return { outcome: { detail: 'killed' } };
  const line = stdout.split('\n').find((candidate) => candidate.startsWith('RESULT '));
  if (!line) return { outcome: { detail: `failed: ${stderr.split('\n').find((l) => l.trim() !== '') ?? ''}`.slice(0, 120) } };
  const result = JSON.parse(line.slice('RESULT '.length)) as InProcessResult;
  const notices = result.notices.length > 0 ? `, notices: ${result.notices.join(' | ')}` : '';
  return {
    floorMs: result.floorMs,
    outcome: { ms: result.parseMs + result.lintMs, peakMb: result.peakKb / 1024, detail: `parse ${result.parseMs.toFixed(0)} ms + lint ${result.lintMs.toFixed(0)} ms, ${result.findings} findings${notices}` },
  };
}

/** The child side of the in-process measurement: floor, then the check as `kube-netsec lint` runs it. */
async function inProcessChild(file: string): Promise<void> {
  const { parseAllDocuments } = await import('yaml');
  const engine = await import('../../server/src/engine');
  const text = readFileSync(file, 'utf8');
  const time = <T>(work: () => T): [T, number] => {
    const start = process.hrtime.bigint();
    const value = work();
    return [value, Number(process.hrtime.bigint() - start) / 1e6];
  };
  // The package's own duplicate-key check (`uniqueKeys`) is quadratic in the keys of a map, and the
  // engine does not use it (see duplicate-keys.ts): the floor is the parse without it.
  const [, floorMs] = time(() => parseAllDocuments(text, { uniqueKeys: false }));
  global.gc?.();
  const [parsed, parseMs] = time(() => engine.parseManifest(file, text));
  const [byFile, lintMs] = time(() => engine.lintWorkspace(engine.buildWorkspace([parsed], engine.DEFAULT_CONFIG), { config: engine.DEFAULT_CONFIG }));
  const notices = engine.noticesOf(parsed).map((notice) => notice.message);
  const result: InProcessResult = { floorMs, parseMs, lintMs, peakKb: process.resourceUsage().maxRSS, findings: byFile.get(file)?.length ?? 0, notices };
  process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
}

const cell = (outcome: Outcome) => (outcome.ms === undefined ? '> 60 s'.padStart(10) : `${outcome.ms.toFixed(0).padStart(7)} ms`);
const memory = (outcome: Outcome) => (outcome.peakMb === undefined ? '    ?' : `${outcome.peakMb.toFixed(0).padStart(5)}`);

/** Prints one row per input and way of running: time, ratio against the yaml parse, peak RSS, what was reported. */
export function measureHostileInputs(only: readonly string[] = []): void {
  const dir = mkdtempSync(join(tmpdir(), 'kube-netsec-hostile-'));
  try {
    if (!existsSync(CLI)) console.log(`(${CLI} is missing: run npm run build for the CLI rows)`);
    console.log(`Hostile inputs (one child process each, killed after ${TIME_LIMIT_MS / 1000} s; RSS in MB)`);
    for (const input of hostileInputs()) {
      if (only.length > 0 && !only.some((word) => input.name.includes(word))) continue;
      const text = input.text();
      const file = join(dir, 'input.yaml');
      writeFileSync(file, text);
      const { outcome: inProcess, floorMs } = inProcessOutcome(file, dir);
      const ratio = (outcome: Outcome) => (outcome.ms !== undefined && floorMs ? `${(outcome.ms / floorMs).toFixed(2).padStart(6)} x yaml` : '       ? x yaml');
      const label = `${input.name} (${(text.length / 1e6).toFixed(1)} MB)`;
      console.log(`${label.padEnd(52)} yaml parseAllDocuments (floor) ${floorMs === undefined ? '?' : floorMs.toFixed(0)} ms`);
      console.log(`  ${'in-process parse + lint'.padEnd(30)} ${cell(inProcess)} ${ratio(inProcess)} ${memory(inProcess)} MB  ${inProcess.detail}`);
      if (existsSync(CLI)) {
        const cli = cliOutcome(file, dir);
        console.log(`  ${'CLI lint'.padEnd(30)} ${cell(cli)} ${ratio(cli)} ${memory(cli)} MB  ${cli.detail}`);
      }
    }
    console.log('');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === __filename) {
  const at = process.argv.indexOf('--in-process');
  if (at !== -1) {
    inProcessChild(process.argv[at + 1]).catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
  } else {
    measureHostileInputs(process.argv.slice(2));
  }
}
