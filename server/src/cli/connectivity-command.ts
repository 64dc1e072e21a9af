import { analyzeConnectivity, buildClusterModel, listConnections, type Connection, type Workload } from '../engine';
import { ExitCode, type CommandIO } from './command-io';
import { formatConnectionsDot } from './connectivity-dot';
import { adminProblemLines, connectivityNotes } from './connectivity-notes';
import { formatConnectionsCsv, formatConnectionsJson, formatConnectionsMarkdown, formatConnectionsText, type ConnectivityFormat } from './connectivity-report';
import type { LoadedConfig } from './load-config';
import { exclusionOf, readManifests } from './read-manifests';
import { failsStrict } from './strict';

export interface ConnectivityOptions {
  format: ConnectivityFormat;
  /** Exit status 2 when some file was skipped as a template or as too large. */
  strict: boolean;
}

/**
 * `kube-netsec connectivity [PATH...]`: every connection the NetworkPolicies of the manifests allow
 * (docs: ../shared/notes/connectivity-semantics.md). Files are found as lint finds them (the same
 * exclusions, the same notes and warnings on stderr); content that cannot be used is skipped, never
 * fatal. After the connections, stderr says what they do not account for. Exit status 0, or 2 when
 * a path cannot be read (or, with --strict, when a file was skipped). Admin policies the reference
 * analyzer refuses (equal priorities, a second baseline, a malformed rule, ...) are errors: stderr names
 * them, no connection is printed and the exit status is 2; their warnings change nothing.
 */
export async function runConnectivity(paths: readonly string[], options: ConnectivityOptions, loaded: LoadedConfig, io: CommandIO): Promise<ExitCode> {
  const { files, skipped, ioFailed } = await readManifests(paths, exclusionOf(loaded), io);
  const model = buildClusterModel(files, { defaultNamespace: loaded.config.defaultNamespace });
  const analysis = analyzeConnectivity(model);
  const admin = adminProblemLines(analysis.adminProblems);
  for (const warning of admin.warnings) io.error(warning);
  if (admin.errors.length > 0) {
    for (const error of admin.errors) io.error(error);
    return ExitCode.UsageOrIoError;
  }
  const connections = listConnections(analysis);
  io.out(formatOutput(options.format, connections, model.workloads));
  for (const note of connectivityNotes(model)) io.error(note);
  if (ioFailed) return ExitCode.UsageOrIoError;
  return options.strict && failsStrict(skipped, io) ? ExitCode.UsageOrIoError : ExitCode.Clean;
}

function formatOutput(format: ConnectivityFormat, connections: readonly Connection[], workloads: readonly Workload[]): string {
  switch (format) {
    case 'json':
      return formatConnectionsJson(connections);
    case 'csv':
      return formatConnectionsCsv(connections);
    case 'md':
      return formatConnectionsMarkdown(connections);
    case 'dot':
      return formatConnectionsDot(connections, workloads);
    case 'text':
      return formatConnectionsText(connections, workloads.length);
  }
}
