import { readFile } from 'node:fs/promises';
import { analyzeConnectivity, buildClusterModel, listConnections, noticesOf, parseManifest, type Connection, type ManifestFile, type Workload } from '../engine';
import { collectManifestFiles, describeFsError } from '../files/collect-files';
import { ExitCode, type CommandIO } from './command-io';
import { formatConnectionsDot } from './connectivity-dot';
import { formatConnectionsCsv, formatConnectionsJson, formatConnectionsMarkdown, formatConnectionsText, type ConnectivityFormat } from './connectivity-report';
import { skippedDocumentsOf } from './skipped-content';

/**
 * `kube-netsec connectivity [PATH...]`: every connection the NetworkPolicies of the manifests allow
 * (docs: ../shared/notes/connectivity-semantics.md). Folders are searched for *.yaml, *.yml and
 * *.json; "-" reads one manifest from standard input. Content that cannot be used is skipped with a
 * warning on standard error, never fatal. Exit status 0, or 2 when a path cannot be read.
 */
export async function runConnectivity(paths: readonly string[], format: ConnectivityFormat, io: CommandIO): Promise<ExitCode> {
  const fromStdin = paths.includes('-');
  const collected = await collectManifestFiles(paths.filter((path) => path !== '-'));
  let ioFailed = collected.errors.length > 0;
  for (const error of collected.errors) io.error(`kube-netsec: ${error}`);

  const files: ManifestFile[] = [];
  const read = (name: string, text: string): void => {
    const file = parseManifest(name, text);
    for (const notice of noticesOf(file)) io.error(`${name}:${notice.range.start.line + 1}:${notice.range.start.character + 1}: note: ${notice.message}`);
    for (const skipped of skippedDocumentsOf(file)) io.error(`${name}:${skipped.line}:${skipped.column}: warning: ${skipped.reason}`);
    files.push(file);
  };
  if (fromStdin) read('<stdin>', await io.readStdin());
  for (const path of collected.files) {
    try {
      read(path, await readFile(path, 'utf8'));
    } catch (error) {
      io.error(`kube-netsec: ${path}: ${describeFsError(error)}`);
      ioFailed = true;
    }
  }

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
