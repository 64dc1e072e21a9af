// The precision section of `npm run bench`: what the rules report on real manifests, against a
// committed baseline, so that a change that makes one rule fire much more (or stop firing) shows
// up in review. Each top-level project of the corpus is linted as its own workspace, as a user
// would open that folder in the editor, with the files the CLI would read.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { buildWorkspace, lintWorkspace, parseManifest, type Finding } from '../server/src/engine';
import { collectManifestFiles } from '../server/src/files/collect-files';

/** Finding counts per rule id and per corpus file (paths relative to the corpus, "/" separated). */
export interface PrecisionCounts {
  rules: Record<string, number>;
  files: Record<string, number>;
}

const TOP_FILES = 12;

/** The counts of every finding over the corpus, each top-level folder a workspace of its own. */
export async function corpusCounts(corpus: string): Promise<{ counts: PrecisionCounts; projects: number; files: number; findings: number }> {
  const projects = readdirSync(corpus).filter((name) => statSync(join(corpus, name)).isDirectory()).sort();
  const findings: Finding[] = [];
  let fileCount = 0;
  for (const project of projects) {
    const { files } = await collectManifestFiles([join(corpus, project)]);
    fileCount += files.length;
    const parsed = files.map((path) => parseManifest(relative(corpus, path).split('\\').join('/'), readFileSync(path, 'utf8')));
    for (const fileFindings of lintWorkspace(buildWorkspace(parsed)).values()) findings.push(...fileFindings);
  }
  const counts: PrecisionCounts = { rules: {}, files: {} };
  for (const finding of findings) {
    counts.rules[finding.ruleId] = (counts.rules[finding.ruleId] ?? 0) + 1;
    counts.files[finding.uri] = (counts.files[finding.uri] ?? 0) + 1;
  }
  return { counts: { rules: sortedByKey(counts.rules), files: sortedByKey(counts.files) }, projects: projects.length, files: fileCount, findings: findings.length };
}

/**
 * Prints the findings per rule (most first) and the files with the most findings, each with its
 * change since the baseline; with `update`, writes the counts as the new baseline instead.
 */
export async function precisionReport(corpus: string, baselinePath: string, update: boolean): Promise<void> {
  if (!existsSync(corpus)) {
    console.log(`Precision: skipped, no corpus at ${corpus}.`);
    return;
  }
  const start = process.hrtime.bigint();
  const { counts, projects, files, findings } = await corpusCounts(corpus);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  console.log(`Precision: the corpus, ${projects} projects linted as workspaces of their own, ${files} files, ${findings} findings (${ms.toFixed(0)} ms)`);
  if (update) {
    writeFileSync(baselinePath, `${JSON.stringify(counts, null, 2)}\n`);
    console.log(`Baseline written to ${baselinePath}.`);
    return;
  }
  const baseline = readBaseline(baselinePath);
  if (!baseline) console.log(`No baseline at ${baselinePath}: run \`npm run bench -- --update-precision\` to write one.`);
  console.log(`Findings per rule${baseline ? ' (change since the baseline)' : ''}:`);
  for (const line of countLines(counts.rules, baseline?.rules)) console.log(`  ${line}`);
  console.log(`Files with the most findings${baseline ? ' (change since the baseline)' : ''}:`);
  for (const line of countLines(counts.files, baseline?.files, TOP_FILES)) console.log(`  ${line}`);
  if (!baseline) return;
  const moved = changedKeys(counts.files, baseline.files);
  console.log(moved.length === 0 ? 'No file changed its count since the baseline.' : `${moved.length === 1 ? '1 file changed its count' : `${moved.length} files changed their count`} since the baseline${moved.length > TOP_FILES ? `; the ${TOP_FILES} largest changes` : ''}:`);
  for (const line of rows(moved.slice(0, TOP_FILES), counts.files, baseline.files)) console.log(`  ${line}`);
}

/** Rows sorted by count (then name), with the ids the baseline had and the counts lost to 0. */
function countLines(current: Record<string, number>, baseline: Record<string, number> | undefined, limit = Infinity): string[] {
  const keys = [...new Set([...Object.keys(current), ...(limit === Infinity ? Object.keys(baseline ?? {}) : [])])];
  keys.sort((a, b) => (current[b] ?? 0) - (current[a] ?? 0) || (a < b ? -1 : a > b ? 1 : 0));
  return rows(keys.slice(0, limit), current, baseline);
}

/** "netpol-selects-nothing   12   +3" ("=" when unchanged), the counts aligned past the longest key. */
function rows(keys: readonly string[], current: Record<string, number>, baseline: Record<string, number> | undefined): string[] {
  const width = Math.max(0, ...keys.map((key) => key.length));
  return keys.map((key) => {
    const count = current[key] ?? 0;
    const line = `${key.padEnd(width)} ${String(count).padStart(5)}`;
    if (!baseline) return line;
    const delta = count - (baseline[key] ?? 0);
    return `${line}   ${(delta === 0 ? '=' : delta > 0 ? `+${delta}` : `${delta}`).padStart(5)}`;
  });
}

/** The keys whose count changed, the largest change first. */
function changedKeys(current: Record<string, number>, baseline: Record<string, number>): string[] {
  const delta = (key: string) => Math.abs((current[key] ?? 0) - (baseline[key] ?? 0));
  return [...new Set([...Object.keys(current), ...Object.keys(baseline)])].filter((key) => delta(key) > 0).sort((a, b) => delta(b) - delta(a) || (a < b ? -1 : 1));
}

function readBaseline(path: string): PrecisionCounts | undefined {
  if (!existsSync(path)) return undefined;
  const value = JSON.parse(readFileSync(path, 'utf8')) as Partial<PrecisionCounts>;
  return { rules: value.rules ?? {}, files: value.files ?? {} };
}

function sortedByKey(counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
