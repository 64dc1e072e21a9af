import { readFile } from 'node:fs/promises';
import { findRule, parseManifest, type Finding, type ManifestFile } from '../engine';
import { describeFsError } from '../files/collect-files';
import { ExitCode, type CommandIO } from './command-io';
import { planFixPass, type FixPass } from './fix-pass';
import type { LoadedConfig } from './load-config';
import { ManifestTexts } from './manifest-texts';
import { exclusionOf, manifestPaths, type Exclusion } from './read-manifests';
import { unifiedDiff } from './unified-diff';
import { writeChanges } from './write-changes';

export const FIX_USAGE = `Usage: kube-netsec fix [PATH...] [options]

Applies the preferred safe fix of every finding in place, like eslint --fix. A fix is safe when,
applied in memory, the manifests still parse, its finding is gone and nothing new of warning or
above appears. PATH works as for lint (default: the current folder); standard input is not fixed.

Options:
  --dry-run           Print the changes as a unified diff on standard output; write nothing.
  --rule RULE         Fix only the findings of this rule (repeatable).
  --config FILE       Configuration file (default: .kube-netsec.yaml in the current folder, if any).
  -h, --help          Show this help.

Exit status: 0 no finding of warning or above is left with a safe fix, 1 some are (as before a
fix, so a dry run that shows their fixes), 2 usage or I/O error.`;

export interface FixOptions {
  dryRun: boolean;
  /** The rules to fix; every rule when empty. */
  rules: readonly string[];
}

/** A fix may make another one possible (or needed): rounds repeat while they change something. */
const MAX_PASSES = 5;

/** Thrown for a bad `--rule`: the caller reports it as a usage error. */
export class FixUsageError extends Error {}

/**
 * `kube-netsec fix [PATH...]`: fixes the files in place (or shows the diff), then reports on
 * standard error how many findings were fixed and how many are left.
 */
export async function runFix(paths: readonly string[], options: FixOptions, loaded: LoadedConfig, io: CommandIO): Promise<ExitCode> {
  const { config } = loaded;
  for (const rule of options.rules) {
    if (rule.includes('=')) throw new FixUsageError(`--rule takes a rule id for fix (got "${rule}"); severities are set by the configuration file`);
    if (!findRule(rule)) throw new FixUsageError(`--rule: "${rule}" is not a kube-netsec rule (see kube-netsec rules)`);
  }
  if (paths.includes('-')) io.error('kube-netsec: fix does not read standard input: "-" is skipped.');
  const texts = await readTexts(paths.filter((path) => path !== '-'), exclusionOf(loaded), io);
  if (!texts) return ExitCode.UsageOrIoError;

  const selected = new Set(options.rules);
  const selects = (ruleId: string) => selected.size === 0 || selected.has(ruleId);
  const log = process.env.KUBE_NETSEC_FIX_LOG ? (message: string) => io.error(message) : () => undefined;
  const parsed = new Map<string, { text: string; file: ManifestFile }>();
  const plan = (): FixPass => {
    const files = texts.paths().map((path) => parsedFile(parsed, path, texts.textOf(path) ?? ''));
    return planFixPass({ files, textOf: (uri) => texts.textOf(uri), config, selects, log });
  };

  let pass = plan();
  const onDisk = pass;
  let fixedCount = 0;
  for (let round = 0; round < MAX_PASSES && pass.fixed.length > 0; round++) {
    fixedCount += pass.fixed.length;
    for (const [path, text] of pass.texts) texts.set(path, text);
    pass = plan();
  }
  const changed = texts.changed();
  let ioFailed = false;
  if (options.dryRun) {
    const diff = unifiedDiff(changed);
    if (diff) io.out(diff.replace(/\n$/, ''));
  } else {
    ioFailed = !(await writeChanges(changed, io));
  }

  const left = [...pass.located.values()].flat().filter(({ finding }) => selects(finding.ruleId)).length - pass.fixable.length;
  io.error(summary(options.dryRun, fixedCount, changed.length, left, pass.fixable.length));
  if (ioFailed) return ExitCode.UsageOrIoError;
  const remaining = options.dryRun ? onDisk : pass;
  return remaining.fixable.some(blocks) ? ExitCode.Findings : ExitCode.Clean;
}

function blocks(finding: Finding): boolean {
  return finding.severity === 'warning' || finding.severity === 'error';
}

function summary(dryRun: boolean, fixed: number, files: number, left: number, stillFixable: number): string {
  const findings = (count: number) => `${count} finding${count === 1 ? '' : 's'}`;
  const head = `${dryRun ? 'Would fix' : 'Fixed'} ${findings(fixed)} in ${files} file${files === 1 ? '' : 's'}`;
  const more = stillFixable > 0 ? `; ${findings(stillFixable)} can be fixed by running fix again` : '';
  return `${head}; ${findings(left)} left without a safe fix${more}.`;
}

/** The files under `paths` as lint finds them; undefined, after reporting, when one cannot be read. */
async function readTexts(paths: readonly string[], exclusion: Exclusion, io: CommandIO): Promise<ManifestTexts | undefined> {
  const { files, errors } = await manifestPaths(paths, exclusion);
  const texts = new ManifestTexts();
  for (const file of files) {
    try {
      texts.add(file, await readFile(file, 'utf8'));
    } catch (error) {
      errors.push(`${file}: ${describeFsError(error)}`);
    }
  }
  // A command that rewrites files does nothing when it cannot see all the files it was given.
  for (const error of errors) io.error(`kube-netsec: ${error}`);
  return errors.length > 0 ? undefined : texts;
}

function parsedFile(cache: Map<string, { text: string; file: ManifestFile }>, path: string, text: string): ManifestFile {
  const cached = cache.get(path);
  if (cached?.text === text) return cached.file;
  const file = parseManifest(path, text);
  cache.set(path, { text, file });
  return file;
}
