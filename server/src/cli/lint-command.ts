import { buildWorkspace, lintWorkspace } from '../engine';
import { ExitCode, type CommandIO } from './command-io';
import type { LoadedConfig } from './load-config';
import { formatJson, formatText, toReportedFinding, type LintResult } from './lint-report';
import { exclusionOf, readManifests } from './read-manifests';
import { failsStrict } from './strict';

export type LintFormat = 'text' | 'json';

export interface LintOptions {
  format: LintFormat;
  /** Exit status 2 when some file was skipped as a template or as too large. */
  strict: boolean;
}

/**
 * `kube-netsec lint [PATH...]`: checks manifests; "-" reads one from standard input. Files are
 * found as by every command (`readManifests`). All files form one workspace, so cross-object
 * rules see workloads and policies across files.
 */
export async function runLint(paths: readonly string[], options: LintOptions, loaded: LoadedConfig, io: CommandIO): Promise<ExitCode> {
  const { config } = loaded;
  const { files, skipped, ioFailed } = await readManifests(paths, exclusionOf(loaded), io);
  const byFile = lintWorkspace(buildWorkspace(files, config), { config });
  const result: LintResult = {
    findings: files.flatMap((file) => (byFile.get(file.uri) ?? []).map((finding) => toReportedFinding(finding, file.uri))),
    skipped,
    fileCount: files.length,
  };
  io.out(options.format === 'json' ? formatJson(result) : formatText(result));
  if (ioFailed) return ExitCode.UsageOrIoError;
  if (options.strict && failsStrict(skipped, io)) return ExitCode.UsageOrIoError;
  return result.findings.length > 0 ? ExitCode.Findings : ExitCode.Clean;
}
