// The CI report formats of `kube-netsec lint` (issue 13), side by side in one run: JSON (the floor:
// the findings as they are), GitLab code quality (adds the fingerprints) and SARIF (adds every rule's
// description and the fixes, each re-checked by the engine). Each row runs the CLI from the sources
// in a child process, as a CI job does, on the same tree: a generated project (medians of runs), then
// the third-party corpus when it is there (one run each, as each takes seconds).
// Run alone: node --expose-gc --conditions=import --import tsx scripts/bench/ci-reports.ts
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { medianOf } from './timing';

const ROOT = resolve(__dirname, '../..');
const CORPUS = resolve(ROOT, '../shared/corpus');
const FORMATS = ['json', 'gitlab', 'sarif'] as const;

// Fixable findings (NET_RAW kept, host network) and cross-object ones (no default deny), 4 per file.
function deployment(i: number): string {
  return `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app-${i}\n  namespace: ns-${i % 10}\nspec:\n  template:\n    metadata:\n      labels: {app: app-${i}}\n    spec:\n      hostNetwork: ${i % 5 === 0}\n      containers:\n        - name: main\n          image: registry.example.com/app:${i}\n          ports: [{containerPort: 8080, hostPort: ${i % 3 === 0 ? 8080 : 0}}]\n`;
}

function lintMs(format: string, path: string): { ms: number; bytes: number } {
  const start = process.hrtime.bigint();
  const child = spawnSync(process.execPath, ['--conditions=import', '--import', 'tsx', join(ROOT, 'server/src/cli.ts'), 'lint', '--format', format, '--fail-on', 'never', path], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (child.status !== 0) throw new Error(`lint --format ${format} exited ${child.status}: ${child.stderr}`);
  return { ms, bytes: child.stdout.length };
}


function rows(title: string, path: string, runs: number): void {
  console.log(title);
  const measured = FORMATS.map((format) => {
    const samples = Array.from({ length: runs }, () => lintMs(format, path));
    return { format, ms: medianOf(samples.map((sample) => sample.ms)), bytes: samples[0].bytes };
  });
  const floor = measured[0].ms;
  for (const { format, ms, bytes } of measured) {
    const label = format === 'json' ? 'lint --format json (floor)' : `lint --format ${format}`;
    console.log(`  ${label.padEnd(40)} ${ms.toFixed(0).padStart(7)} ms   ${(ms / floor).toFixed(2).padStart(5)} x floor   ${(bytes / 1024).toFixed(0).padStart(6)} KB`);
  }
}

export function measureCiReports(): void {
  const project = mkdtempSync(join(tmpdir(), 'kube-netsec-bench-ci-'));
  try {
    for (let i = 0; i < 120; i++) writeFileSync(join(project, `app-${String(i).padStart(3, '0')}.yaml`), deployment(i));
    rows('CI reports: a generated project, 120 files (median of 3 runs, CLI start included)', project, 3);
  } finally {
    rmSync(project, { recursive: true, force: true });
  }
  if (existsSync(CORPUS)) rows('CI reports: the corpus (one run each)', CORPUS, 1);
  console.log('');
}

if (process.argv[1] && resolve(process.argv[1]) === __filename) measureCiReports();
