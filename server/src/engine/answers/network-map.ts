import { unionPorts, describePorts, NO_PORTS, type PortSet } from '../connectivity/port-set';
import type { Connection } from '../connectivity/connections';
import { unevaluatedPolicies } from '../model/unevaluated-policies';
import type { Workspace } from '../workspace/workspace';
import { mapBaseOf, type BaseEdge, type MapBase } from './network-map/map-base';
import type { MapEdge, MapNode, MapScope, NamespaceEdge, NetworkMap } from './network-map/map-types';

export { explainMapEdge } from './network-map/edge-explanation';
export { INTERNET_NODE_ID } from './network-map/map-base';
export type * from './network-map/map-types';

/** Above this many edges the map starts drawn per namespace (the workload edges stay available). */
export const AGGREGATE_ABOVE_EDGES = 150;

/**
 * The network map of a scope: its workloads (those defined in it, and those its NetworkPolicies
 * isolate), every allowed connection with one end among them, the workloads and external addresses
 * at the other ends, and the same edges joined namespace to namespace.
 */
export function networkMap(workspace: Workspace, scope: MapScope): NetworkMap {
  const base = mapBaseOf(workspace);
  const inScope = scopedWorkloads(workspace, scope);
  const edges = base.edges.filter((edge) => inScope.has(edge.from) || inScope.has(edge.to));
  const nodes = new Map<string, MapNode>();
  for (const key of inScope) nodes.set(key, base.workloads.get(key)!.node);
  for (const edge of edges) for (const end of [edge.from, edge.to]) if (!nodes.has(end)) nodes.set(end, nodeOf(base, end, false));
  const namespaces = [...new Set([...nodes.values()].flatMap((node) => (node.kind === 'workload' ? [node.namespace] : [])))].sort();
  const mapEdges = edges.map(toMapEdge);
  const notes = unevaluatedPolicies(workspace.model.objects).map(({ object, product }) => `${object.kind} ${object.name ?? '<unnamed>'} (${product}) is not evaluated: the map does not account for it.`);
  return {
    scope,
    nodes: [...nodes.values()],
    edges: mapEdges,
    namespaceEdges: namespaceEdgesOf(base, edges),
    namespaces,
    aggregate: mapEdges.length > AGGREGATE_ABOVE_EDGES,
    notes,
  };
}

/** The connections of a scope's edges, as `listConnections` gives them (for the dot export). */
export function scopedConnections(workspace: Workspace, scope: MapScope): Connection[] {
  const inScope = scopedWorkloads(workspace, scope);
  return mapBaseOf(workspace).edges.filter((edge) => inScope.has(edge.from) || inScope.has(edge.to)).flatMap((edge) => edge.connections);
}

/** The keys of the workloads a scope is about. */
export function scopedWorkloads(workspace: Workspace, scope: MapScope): Set<string> {
  const { workloads } = workspace.model;
  if (scope.kind === 'workspace') return new Set(workloads.map((workload) => workload.key));
  const inside = scope.kind === 'file' ? (uri: string) => uri === scope.uri : (uri: string) => uri.startsWith(scope.uri.endsWith('/') ? scope.uri : `${scope.uri}/`);
  const isolatedBy = workspace.connectivity.isolatedBy;
  return new Set(
    workloads
      .filter(
        (workload) =>
          workload.members.some((member) => inside(member.object.document.uri)) ||
          [...(isolatedBy.get(workload.key)?.Ingress ?? []), ...(isolatedBy.get(workload.key)?.Egress ?? [])].some((policy) => inside(policy.info.object.document.uri)),
      )
      .map((workload) => workload.key),
  );
}

function nodeOf(base: MapBase, id: string, inScope: boolean): MapNode {
  const workload = base.workloads.get(id);
  if (workload) return { ...workload.node, inScope };
  return base.externals.get(id)!;
}

function toMapEdge(edge: BaseEdge): MapEdge {
  return { id: edge.id, from: edge.from, to: edge.to, ports: describePorts(portsOf(edge.connections)) };
}

function portsOf(connections: readonly { ports: PortSet }[]): PortSet {
  return connections.reduce((ports, connection) => unionPorts(ports, connection.ports), NO_PORTS);
}

function namespaceEdgesOf(base: MapBase, edges: readonly BaseEdge[]): NamespaceEdge[] {
  const groupOf = (id: string) => {
    const workload = base.workloads.get(id);
    return workload ? `namespace:${workload.workload.id.namespace}` : id;
  };
  const groups = new Map<string, { from: string; to: string; edges: BaseEdge[] }>();
  for (const edge of edges) {
    const from = groupOf(edge.from);
    const to = groupOf(edge.to);
    const id = `${from}->${to}`;
    const group = groups.get(id);
    if (group) group.edges.push(edge);
    else groups.set(id, { from, to, edges: [edge] });
  }
  return [...groups].map(([id, group]) => ({
    id,
    from: group.from,
    to: group.to,
    ports: describePorts(portsOf(group.edges.flatMap((edge) => edge.connections))),
    edgeIds: group.edges.map((edge) => edge.id),
  }));
}
