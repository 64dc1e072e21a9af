import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { buildWorkspace, FixChecker, fixesOf, type LocatedFinding, type ManifestFile } from '../engine';
import { describeFsError } from '../files/collect-files';
import { ExitCode, type CommandIO } from './command-io';
import { failsThreshold, type FailThreshold } from './fail-threshold';
import { fingerprintsOf } from './finding-fingerprint';
import { formatGitlab } from './gitlab-report';
import { formatJson, formatText, summary, toReportedFinding, type LintResult } from './lint-report';
import { lintFiles } from './lint-run';
import type { LoadedConfig } from './load-config';
import { namedInputSyntaxFindings } from './named-input-syntax';
import { ProgressLine } from './progress-line';
import { exclusionOf, readManifests } from './read-manifests';
import { ReportPaths, STDIN } from './report-paths';
import { formatSarif, type SarifEntry } from './sarif-report';
import { isNotKubernetes } from './skipped-content';
import { failsStrict } from './strict';

export const LINT_FORMATS = ['text', 'json', 'sarif', 'gitlab'] as const;

export type LintFormat = (typeof LINT_FORMATS)[number];

export interface LintOptions {
  format: LintFormat;
  /** Exit status 2 when some file was skipped as a template or as too large. */
  strict: boolean;
  /** When to exit with status 1. */
  threshold: FailThreshold;
  /** Write the report to this file instead of standard output; the summary goes to stderr. */
  output?: string;
  /** No summary line, no progress line and no notes on skipped files or documents: findings and errors only. */
  quiet: boolean;
  /** Exit with status 0, not 2, when no Kubernetes manifest is found. */
  allowEmpty: boolean;
  /** SARIF: also list the findings that suppressions hid, marked as suppressed. */
  includeSuppressed: boolean;
  /** The folder SARIF and GitLab paths are relative to (default: the current folder). */
  baseUri?: string;
}

/** A finding to report, with the file text it was found in and the suppression that hid it, if any. */
interface Entry {
  located: LocatedFinding;
  fingerprint: string;
  suppressed?: SarifEntry['suppression'];
}

/**
 * `kube-netsec lint [PATH...]`: checks manifests; "-" reads one from standard input. Files are
 * found as by every command (`readManifests`). All files form one workspace, so cross-object
 * rules see workloads and policies across files.
 */
export async function runLint(paths: readonly string[], options: LintOptions, loaded: LoadedConfig, io: CommandIO): Promise<ExitCode> {
  const { config } = loaded;
  const progress = new ProgressLine(options.quiet ? undefined : io.progressStream);
  const errorIo: CommandIO = {
    ...io,
    error: (text) => {
      progress.clear();
      // Notes on skipped files and documents are the lines that do not start with the command's name.
      if (!options.quiet || text.startsWith('kube-netsec:')) io.error(text);
    },
  };
  const set = await readManifests(paths, exclusionOf(loaded), errorIo, (done, total) => progress.update('reading', done, total));
  if (set.ioFailed) {
    progress.clear();
    return ExitCode.UsageOrIoError;
  }
  const named = new Set(paths.map((path) => (path === '-' ? STDIN : resolve(path))));
  const brokenNamed = new Map(set.files.map((file) => [file, named.has(file.uri === STDIN ? STDIN : resolve(file.uri)) ? namedInputSyntaxFindings(file, config) : []]));
  // A named input that does not parse is reported as broken, not as empty.
  const notKubernetes = set.files.filter((file) => isNotKubernetes(file) && brokenNamed.get(file)!.length === 0);
  if (notKubernetes.length === set.files.length && !options.allowEmpty) {
    progress.clear();
    io.error(`kube-netsec: no Kubernetes manifests found in ${describePaths(paths)} (--allow-empty accepts that)`);
    return ExitCode.UsageOrIoError;
  }

  const reportPaths = new ReportPaths(options.baseUri);
  const byFile = lintFiles(buildWorkspace(set.files, config), config, (done, total) => progress.update('checking', done, total));
  progress.clear();
  const entries = set.files.flatMap((file) => {
    const lint = byFile.get(file.uri) ?? { reported: [], suppressed: [] };
    const reported = [...brokenNamed.get(file)!.map((finding) => ({ finding })), ...lint.reported];
    const suppressed = options.includeSuppressed ? lint.suppressed : [];
    const fingerprints = fingerprintsOf([...reported, ...suppressed.map(({ entry }) => entry)], reportPaths.displayPath(file.uri), set.texts.get(file.uri));
    return [
      ...reported.map((located): Entry => ({ located, fingerprint: fingerprints.get(located)! })),
      ...suppressed.map(({ entry, suppression }): Entry => ({ located: entry, fingerprint: fingerprints.get(entry)!, suppressed: suppression })),
    ];
  });
  const reported = entries.filter((entry) => !entry.suppressed);
  const result: LintResult = {
    findings: reported.map(({ located }) => toReportedFinding(located.finding, located.finding.uri)),
    skipped: set.skipped,
    fileCount: set.files.length,
    notKubernetes: notKubernetes.length,
  };

  const report = formatReport(options, reportPaths, result, entries, set.files, set.texts, config);
  // With --output the report is in the file: the summary stays in view.
  const humanSummary = !options.quiet && options.output !== undefined;
  if (options.output !== undefined) {
    try {
      await writeFile(options.output, report === '' ? '' : report + '\n');
    } catch (error) {
      io.error(`kube-netsec: --output ${options.output}: ${describeFsError(error)}`);
      return ExitCode.UsageOrIoError;
    }
  } else if (report !== '') {
    io.out(report);
  }
  if (humanSummary) io.error(summary(result));
  if (options.strict && failsStrict(set.skipped, io)) return ExitCode.UsageOrIoError;
  return failsThreshold(reported.map(({ located }) => located.finding.severity), options.threshold) ? ExitCode.Findings : ExitCode.Clean;
}

function formatReport(options: LintOptions, paths: ReportPaths, result: LintResult, entries: readonly Entry[], files: readonly ManifestFile[], texts: ReadonlyMap<string, string>, config: LoadedConfig['config']): string {
  switch (options.format) {
    case 'json':
      return formatJson(result);
    case 'gitlab':
      return formatGitlab(
        entries.filter((entry) => !entry.suppressed).map(({ located, fingerprint }) => ({ finding: located.finding, fingerprint })),
        paths,
      );
    case 'sarif': {
      // Only fixes the engine's checker accepts, as the editor and `kube-netsec fix` offer them.
      const checker = new FixChecker({ files, textOf: (uri) => texts.get(uri), config });
      const sarifEntries = entries.map(({ located, fingerprint, suppressed }): SarifEntry => ({
        finding: located.finding,
        fingerprint,
        suppression: suppressed,
        fixes: suppressed || !located.report ? [] : fixesOf(located, checker, undefined, { preferredOnly: true }),
      }));
      return formatSarif({ entries: sarifEntries, skipped: result.skipped, paths });
    }
    case 'text':
      return formatText(result, { withSummary: !options.quiet });
  }
}

function describePaths(paths: readonly string[]): string {
  return paths.map((path) => (path === '-' ? 'standard input' : path === '.' ? 'the current folder' : path)).join(', ');
}
