import { describePorts, endpointName, isAllPorts, portEntries, type Connection, type Endpoint, type PortEntry, type PortSet } from '../engine';
import type { ConnectionExplanation } from '../engine/connectivity/connection-reasons';
import { explanationLines } from './connectivity-explanation';

export type ConnectivityFormat = 'text' | 'json' | 'csv' | 'md' | 'dot' | 'mermaid';
export const CONNECTIVITY_FORMATS: readonly ConnectivityFormat[] = ['text', 'json', 'csv', 'md', 'dot', 'mermaid'];

export type JsonEndpoint = { workload: { kind: string; namespace: string; name: string } } | { cidr: string };

export interface JsonConnection {
  from: JsonEndpoint;
  to: JsonEndpoint;
  ports: 'all' | PortEntry[];
  /** Only with --explain: the engine's explanation, port sets written as `ports` is. */
  explanation?: unknown;
}

/**
 * `{"connections": [...]}`, as schemas/connectivity-output.schema.json describes. With explanations
 * (--explain), each connection also has an `explanation`, the one at the same index.
 */
export function formatConnectionsJson(connections: readonly Connection[], explanations?: readonly ConnectionExplanation[]): string {
  const report: { connections: JsonConnection[] } = {
    connections: connections.map(({ from, to, ports }, index) => ({
      from: jsonEndpoint(from),
      to: jsonEndpoint(to),
      ports: jsonPorts(ports),
      ...(explanations ? { explanation: jsonExplanation(explanations[index]) } : {}),
    })),
  };
  return JSON.stringify(report, null, 2);
}

export function jsonPorts(ports: PortSet): 'all' | PortEntry[] {
  return isAllPorts(ports) ? 'all' : portEntries(ports);
}

// The explanation is plain data except its port sets (per-protocol ranges), written as `ports` is.
function jsonExplanation(explanation: ConnectionExplanation): unknown {
  return JSON.parse(JSON.stringify(explanation, (key, value) => ((key === 'ports' || key === 'allowed') && isPortSet(value) ? jsonPorts(value) : value)));
}

function isPortSet(value: unknown): value is PortSet {
  return typeof value === 'object' && value !== null && ['TCP', 'UDP', 'SCTP'].every((protocol) => Array.isArray((value as Record<string, unknown>)[protocol]));
}

export function jsonEndpoint(endpoint: Endpoint): JsonEndpoint {
  if (endpoint.kind === 'external') return { cidr: endpoint.cidr };
  const { kind, namespace, name } = endpoint.workload.id;
  return { workload: { kind, namespace, name } };
}

/**
 * `backend/checkout[Deployment] => payments/gateway[Deployment] : TCP 8080`, np-guard's line format
 * (external addresses are CIDR blocks here, not address ranges).
 */
export function formatConnectionsText(connections: readonly Connection[], workloadCount: number, explanations?: readonly ConnectionExplanation[]): string {
  if (connections.length === 0) {
    return workloadCount === 0 ? 'No workloads found: no connections to report.' : `No allowed connections between the ${workloadCount} workloads or with external addresses.`;
  }
  return connections
    .flatMap((connection, index) => [`${endpointName(connection.from)} => ${endpointName(connection.to)} : ${describePorts(connection.ports)}`, ...(explanations ? explanationLines(explanations[index]) : [])])
    .join('\n');
}

/** A header row, then one row per connection (RFC 4180 quoting: port lists contain commas). */
export function formatConnectionsCsv(connections: readonly Connection[]): string {
  const rows = [['src', 'dst', 'conn'], ...connections.map(cells)];
  return rows.map((row) => row.map(csvField).join(',')).join('\n');
}

export function formatConnectionsMarkdown(connections: readonly Connection[]): string {
  const rows = connections.map((connection) => `| ${cells(connection).map(markdownCell).join(' | ')} |`);
  return ['| src | dst | conn |', '|-----|-----|------|', ...rows].join('\n');
}

function cells(connection: Connection): string[] {
  return [endpointName(connection.from), endpointName(connection.to), describePorts(connection.ports)];
}

function csvField(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function markdownCell(text: string): string {
  return text.replace(/\|/g, '\\|');
}
