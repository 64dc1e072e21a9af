import { describePorts, endpointName, type Connection, type Workload } from '../engine';

/**
 * A Mermaid flowchart of the same graph as `formatConnectionsDot`: a subgraph per namespace holding
 * its workloads (those without any connection too), external CIDR blocks outside them, an edge per
 * connection labelled with its ports. Node ids are generated (`w0`, `x0`): workload keys contain
 * characters Mermaid ids cannot; the names go in quoted labels. GitHub and GitLab render it in a
 * ```mermaid block (Mermaid draws at most 500 edges unless configured otherwise).
 */
export function formatConnectionsMermaid(connections: readonly Connection[], workloads: readonly Workload[]): string {
  const lines = ['flowchart LR'];
  const ids = new Map<string, string>();
  const byNamespace = new Map<string, Workload[]>();
  for (const workload of workloads) byNamespace.set(workload.id.namespace, [...(byNamespace.get(workload.id.namespace) ?? []), workload]);
  [...byNamespace].forEach(([namespace, members], index) => {
    lines.push(`  subgraph ns${index}[${label(namespace)}]`);
    for (const workload of members) {
      const id = `w${ids.size}`;
      ids.set(workload.key, id);
      lines.push(`    ${id}[${label(`${workload.id.name}[${workload.id.kind}]`)}]`);
    }
    lines.push('  end');
  });
  const externals: string[] = [];
  for (const { from, to } of connections) {
    for (const end of [from, to]) {
      if (end.kind !== 'external' || ids.has(end.cidr)) continue;
      const id = `x${externals.length}`;
      ids.set(end.cidr, id);
      externals.push(id);
      lines.push(`  ${id}[${label(end.cidr)}]`);
    }
  }
  for (const connection of connections) {
    lines.push(`  ${nodeId(ids, endpointName(connection.from))} -->|${label(describePorts(connection.ports))}| ${nodeId(ids, endpointName(connection.to))}`);
  }
  // np-guard's colours, as the dot graph has them: workloads blue, external addresses red.
  if (ids.size > externals.length) lines.push('  classDef workload stroke:#0000ff,color:#0000ff', `  class ${[...ids.values()].filter((id) => id.startsWith('w')).join(',')} workload`);
  if (externals.length > 0) lines.push('  classDef external stroke:#ee0000,color:#ee0000', `  class ${externals.join(',')} external`);
  return lines.join('\n');
}

function nodeId(ids: Map<string, string>, name: string): string {
  // Every connection end is a listed workload or an external block added above.
  return ids.get(name)!;
}

// Mermaid writes a quote inside a quoted label as an entity; < and > would be read as HTML.
function label(text: string): string {
  return `"${text.replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;')}"`;
}
