import { writeFile } from 'node:fs/promises';
import { buildWorkspace, type ManifestFile, type Workspace } from '../engine';
import { diffConnectivity, type ConnectivityDiff } from '../engine/connectivity-diff';
import { describeFsError } from '../files/collect-files';
import { ExitCode, type CommandIO } from './command-io';
import { adminProblemLines, connectivityNotes } from './connectivity-notes';
import { formatDiffJson } from './diff-report-json';
import { formatDiffMarkdown } from './diff-report-markdown';
import { formatDiffSarif } from './diff-report-sarif';
import { diffSummary, formatDiffText } from './diff-report-text';
import { GitRevisionError, readRevisionManifests } from './git-revision-files';
import type { LoadedConfig } from './load-config';
import { exclusionOf, readManifests } from './read-manifests';
import { ReportPaths } from './report-paths';

export type DiffFormat = 'text' | 'json' | 'md' | 'sarif';
export const DIFF_FORMATS: readonly DiffFormat[] = ['text', 'json', 'md', 'sarif'];

export interface DiffOptions {
  format: DiffFormat;
  /** Exit status 1 when HEAD opens a connection or exposes a workload outside the cluster. */
  failOnOpen: boolean;
  /** Compare the working tree's PATHs with this git revision (read from git, never checked out). */
  git?: string;
  output?: string;
  /** SARIF paths are relative to this folder (default: the current folder). */
  baseUri?: string;
}

/** BASE and HEAD as the CLI was given them: two paths, or --git REF with the working tree's paths. */
export type DiffSides = { base: string; head: string } | { git: string; paths: readonly string[] };

/**
 * `kube-netsec diff BASE HEAD` and `kube-netsec diff --git REF [PATH...]`: the connections HEAD
 * opens and closes compared with BASE, and the exposure changes. Files are read as `connectivity`
 * reads them (the same exclusions, notes and warnings on stderr). Exit status 0, 1 with
 * --fail-on-open when HEAD opens something, 2 for a path that cannot be read, a git problem, or admin
 * policies that cannot be evaluated on either side.
 */
export async function runDiff(sides: DiffSides, options: DiffOptions, loaded: LoadedConfig, io: CommandIO): Promise<ExitCode> {
  const exclusion = exclusionOf(loaded);
  let baseFiles: readonly ManifestFile[];
  let headFiles: readonly ManifestFile[];
  if ('git' in sides) {
    const head = await readManifests(sides.paths, exclusion, io);
    if (head.ioFailed) return ExitCode.UsageOrIoError;
    try {
      baseFiles = await readRevisionManifests(sides.git, sides.paths, exclusion, io);
    } catch (error) {
      if (!(error instanceof GitRevisionError)) throw error;
      io.error(`kube-netsec: ${error.message}`);
      return ExitCode.UsageOrIoError;
    }
    headFiles = head.files;
  } else {
    const base = await readManifests([sides.base], exclusion, io);
    const head = await readManifests([sides.head], exclusion, io);
    if (base.ioFailed || head.ioFailed) return ExitCode.UsageOrIoError;
    baseFiles = base.files;
    headFiles = head.files;
  }
  const workspaceOptions = { defaultNamespace: loaded.config.defaultNamespace };
  const base = buildWorkspace(baseFiles, workspaceOptions);
  const head = buildWorkspace(headFiles, workspaceOptions);
  if (!evaluable(base, 'BASE', io) || !evaluable(head, 'HEAD', io)) return ExitCode.UsageOrIoError;
  const diff = diffConnectivity(base, head);
  const report = formatReport(options, diff, head);
  if (options.output !== undefined) {
    try {
      await writeFile(options.output, report + '\n');
    } catch (error) {
      io.error(`kube-netsec: --output ${options.output}: ${describeFsError(error)}`);
      return ExitCode.UsageOrIoError;
    }
    io.error(diffSummary(diff));
  } else {
    io.out(report);
  }
  for (const note of connectivityNotes(head.model)) io.error(note);
  return options.failOnOpen && opensSomething(diff) ? ExitCode.Findings : ExitCode.Clean;
}

export function opensSomething(diff: ConnectivityDiff): boolean {
  return diff.opened > 0 || diff.exposures.added.length > 0;
}

// Admin policies the reference analyzer refuses make a side's connections untrustworthy: no diff.
function evaluable(workspace: Workspace, side: string, io: CommandIO): boolean {
  const admin = adminProblemLines(workspace.connectivity.adminProblems);
  for (const warning of admin.warnings) io.error(warning);
  if (admin.errors.length === 0) return true;
  for (const error of admin.errors) io.error(error);
  io.error(`kube-netsec: the admin policies of ${side} cannot be evaluated: no diff.`);
  return false;
}

function formatReport(options: DiffOptions, diff: ConnectivityDiff, head: Workspace): string {
  switch (options.format) {
    case 'json':
      return formatDiffJson(diff);
    case 'md':
      return formatDiffMarkdown(diff);
    case 'sarif':
      return formatDiffSarif(diff, head.connectivity, new ReportPaths(options.baseUri));
    case 'text':
      return formatDiffText(diff);
  }
}
