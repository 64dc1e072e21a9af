// Helpers for connectivity scenarios: manifests in, the connection list out, one line per connection
// in the CLI's text form ("from => to : ports"), so expected results read like the output users see.
import { analyzeConnectivity, buildClusterModel, describePorts, endpointName, listConnections, parseManifest, type ClusterModel, type ConnectivityAnalysis } from '../../../server/src/engine';

/** Each text is one file. */
export function analysisOf(...files: string[]): { model: ClusterModel; analysis: ConnectivityAnalysis } {
  const model = buildClusterModel(files.map((text, index) => parseManifest(`file-${index}.yaml`, text)));
  return { model, analysis: analyzeConnectivity(model) };
}

export function connectionLines(...files: string[]): string[] {
  return listConnections(analysisOf(...files).analysis).map(
    (connection) => `${endpointName(connection.from)} => ${endpointName(connection.to)} : ${describePorts(connection.ports)}`,
  );
}

/** A one-document Pod with the given labels (flow style keeps scenarios short). */
export function pod(name: string, labels: Record<string, string> = {}, options: { namespace?: string; ports?: string } = {}): string {
  const namespace = options.namespace === undefined ? '' : `, namespace: ${JSON.stringify(options.namespace)}`;
  const ports = options.ports ? `, ports: ${options.ports}` : '';
  return `---\napiVersion: v1\nkind: Pod\nmetadata: {name: ${name}${namespace}, labels: ${JSON.stringify(labels)}}\nspec: {containers: [{name: main, image: app${ports}}]}\n`;
}
