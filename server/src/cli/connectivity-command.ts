import { analyzeConnectivity, buildClusterModel, listConnections, type Connection, type Workload } from '../engine';
import { ExitCode, type CommandIO } from './command-io';
import { formatConnectionsDot } from './connectivity-dot';
import { formatConnectionsCsv, formatConnectionsJson, formatConnectionsMarkdown, formatConnectionsText, type ConnectivityFormat } from './connectivity-report';
import { readManifests } from './read-manifests';

/**
 * `kube-netsec connectivity [PATH...]`: every connection the NetworkPolicies of the manifests allow
 * (docs: ../shared/notes/connectivity-semantics.md). Folders are searched for *.yaml, *.yml and
 * *.json; "-" reads one manifest from standard input. Content that cannot be used is skipped with a
 * warning on standard error, never fatal. Exit status 0, or 2 when a path cannot be read.
 */
export async function runConnectivity(paths: readonly string[], format: ConnectivityFormat, io: CommandIO): Promise<ExitCode> {
  const { files, ioFailed } = await readManifests(paths, io);
  const model = buildClusterModel(files);
  const connections = listConnections(analyzeConnectivity(model));
  io.out(formatOutput(format, connections, model.workloads));
  return ioFailed ? ExitCode.UsageOrIoError : ExitCode.Clean;
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
