import { readFile } from 'node:fs/promises';
import { relative, resolve, sep } from 'node:path';
import { buildWorkspace, lintWorkspace, noticesOf, parseManifest, type ManifestFile } from '../engine';
import { isExcluded } from '../engine/config/exclude';
import { collectManifestFiles, describeFsError } from '../files/collect-files';
import type { LoadedConfig } from './load-config';
import { formatJson, formatText, toReportedFinding, type ReportedFinding } from './lint-report';
import { ExitCode, type CommandIO } from './command-io';

export type LintFormat = 'text' | 'json';

/**
 * `kube-netsec lint [PATH...]`: checks manifests; "-" reads one from standard input. Files found in
 * folders are skipped when the configuration excludes them; files named explicitly are always read.
 * All files form one workspace, so cross-object rules see workloads and policies across files.
 */
export async function runLint(paths: readonly string[], format: LintFormat, { config, baseDir }: LoadedConfig, io: CommandIO): Promise<ExitCode> {
  const fromStdin = paths.includes('-');
  const named = paths.filter((path) => path !== '-');
  const collected = await collectManifestFiles(named);
  const explicit = new Set(named.map((path) => resolve(path)));
  collected.files = collected.files.filter((file) => explicit.has(resolve(file)) || !isExcluded(relative(baseDir, resolve(file)).split(sep).join('/'), config.exclude));
  let ioFailed = collected.errors.length > 0;
  for (const error of collected.errors) io.error(`kube-netsec: ${error}`);

  const manifests: ManifestFile[] = [];
  const check = (file: string, text: string): void => {
    const manifest = parseManifest(file, text);
    for (const notice of noticesOf(manifest)) {
      io.error(`${file}:${notice.range.start.line + 1}:${notice.range.start.character + 1}: note: ${notice.message}`);
    }
    manifests.push(manifest);
  };

  if (fromStdin) check('<stdin>', await io.readStdin());
  for (const file of collected.files) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      io.error(`kube-netsec: ${file}: ${describeFsError(error)}`);
      ioFailed = true;
      continue;
    }
    check(file, text);
  }

  const byFile = lintWorkspace(buildWorkspace(manifests, config), { config });
  const findings: ReportedFinding[] = manifests.flatMap((manifest) => (byFile.get(manifest.uri) ?? []).map((finding) => toReportedFinding(finding, manifest.uri)));
  const fileCount = collected.files.length + (fromStdin ? 1 : 0);
  io.out(format === 'json' ? formatJson(findings) : formatText(findings, fileCount));
  if (ioFailed) return ExitCode.UsageOrIoError;
  return findings.length > 0 ? ExitCode.Findings : ExitCode.Clean;
}
