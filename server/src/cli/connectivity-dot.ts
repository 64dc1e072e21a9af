import { describePorts, endpointName, type Connection, type Workload } from '../engine';

/**
 * A Graphviz digraph: every workload as a node inside a cluster per namespace (so workloads without
 * any connection still show), external CIDR blocks as separate nodes, an edge per connection
 * labelled with its ports. Colours follow np-guard's graphs.
 */
export function formatConnectionsDot(connections: readonly Connection[], workloads: readonly Workload[]): string {
  const lines = ['digraph {'];
  const byNamespace = new Map<string, Workload[]>();
  for (const workload of workloads) byNamespace.set(workload.id.namespace, [...(byNamespace.get(workload.id.namespace) ?? []), workload]);
  for (const [namespace, members] of byNamespace) {
    lines.push(`\tsubgraph ${quote(`cluster_${namespace}`)} {`);
    for (const workload of members) lines.push(`\t\t${quote(workload.key)} [label=${quote(`${workload.id.name}[${workload.id.kind}]`)} color="blue" fontcolor="blue"]`);
    lines.push(`\t\tlabel=${quote(namespace)}`, '\t}');
  }
  const externals = new Set<string>();
  for (const { from, to } of connections) for (const end of [from, to]) if (end.kind === 'external') externals.add(end.cidr);
  for (const cidr of externals) lines.push(`\t${quote(cidr)} [label=${quote(cidr)} color="red2" fontcolor="red2"]`);
  for (const connection of connections) {
    const label = describePorts(connection.ports);
    lines.push(`\t${quote(endpointName(connection.from))} -> ${quote(endpointName(connection.to))} [label=${quote(label)} color="gold2" fontcolor="darkgreen"]`);
  }
  lines.push('}');
  return lines.join('\n');
}

function quote(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}
