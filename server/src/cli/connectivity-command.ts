import { analyzeConnectivity, buildClusterModel, listConnections, type Connection, type ConnectivityAnalysis, type Workload } from '../engine';
import { ExitCode, type CommandIO } from './command-io';
import { formatConnectionsDot } from './connectivity-dot';
import { formatConnectionsMermaid } from './connectivity-mermaid';
import { adminProblemLines, connectivityNotes } from './connectivity-notes';
import { formatConnectionsCsv, formatConnectionsJson, formatConnectionsMarkdown, formatConnectionsText, type ConnectivityFormat } from './connectivity-report';
import { ConnectionExplainer, endpointNamed, type ConnectionExplanation } from '../engine/connectivity/connection-reasons';
import type { LoadedConfig } from './load-config';
import { exclusionOf, readManifests } from './read-manifests';
import { failsStrict } from './strict';

export interface ConnectivityOptions {
  format: ConnectivityFormat;
  /** Exit status 2 when some file was skipped as a template or as too large. */
  strict: boolean;
  /**
   * --explain: the reasons under each connection (text) or in an `explanation` field (json); with a
   * pair, only that pair, allowed or not. Other formats refuse it (main.ts).
   */
  explain?: { pair?: { from: string; to: string } };
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
  let connections: Connection[];
  let explanations: ConnectionExplanation[] | undefined;
  if (options.explain) {
    const explainer = new ConnectionExplainer(analysis);
    const pair = options.explain.pair;
    if (pair) {
      const explained = explainPair(analysis, explainer, pair, io);
      if (!explained) return ExitCode.UsageOrIoError;
      connections = explained.map((entry) => entry.connection);
      explanations = explained.map((entry) => entry.explanation);
    } else {
      connections = listConnections(analysis);
      explanations = connections.map((connection) => explainer.explain(connection));
    }
  } else {
    connections = listConnections(analysis);
  }
  io.out(formatOutput(options.format, connections, model.workloads, explanations));
  for (const note of connectivityNotes(model)) io.error(note);
  if (ioFailed) return ExitCode.UsageOrIoError;
  return options.strict && failsStrict(skipped, io) ? ExitCode.UsageOrIoError : ExitCode.Clean;
}

/** The pair of `--explain FROM TO`, or undefined (with the reason on stderr) when an end names nothing. */
function explainPair(analysis: ConnectivityAnalysis, explainer: ConnectionExplainer, pair: { from: string; to: string }, io: CommandIO) {
  const from = endpointNamed(analysis, pair.from);
  const to = endpointNamed(analysis, pair.to);
  const problems = [from, to].flatMap((end) => ('problem' in end ? [end.problem] : []));
  if (!('problem' in from) && !('problem' in to)) {
    if (from === to) problems.push(`a workload's connections with itself are not analysed`);
    else if (!('key' in from) && !('key' in to)) problems.push('connections between external addresses are not analysed: one end must be a workload');
  }
  if (problems.length > 0 || 'problem' in from || 'problem' in to) {
    for (const problem of problems) io.error(`kube-netsec: --explain: ${problem}.`);
    return undefined;
  }
  return explainer.explainPair(from, to);
}

function formatOutput(format: ConnectivityFormat, connections: readonly Connection[], workloads: readonly Workload[], explanations?: readonly ConnectionExplanation[]): string {
  switch (format) {
    case 'json':
      return formatConnectionsJson(connections, explanations);
    case 'csv':
      return formatConnectionsCsv(connections);
    case 'md':
      return formatConnectionsMarkdown(connections);
    case 'dot':
      return formatConnectionsDot(connections, workloads);
    case 'mermaid':
      return formatConnectionsMermaid(connections, workloads);
    case 'text':
      return formatConnectionsText(connections, workloads.length, explanations);
  }
}
