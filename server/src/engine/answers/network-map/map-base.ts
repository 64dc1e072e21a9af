import { exposuresOf } from '../../connectivity-diff/exposure';
import { reachesInternet } from '../../connectivity-diff/internet-addresses';
import { listConnections, type Connection } from '../../connectivity/connections';
import type { Endpoint } from '../../connectivity/endpoints';
import type { KubeObject } from '../../manifest/kube-object';
import type { ObjectPath } from '../../manifest/yaml-path';
import type { Workload } from '../../model/cluster-types';
import type { Workspace } from '../../workspace/workspace';
import type { ExternalNode, MapLocation, WorkloadNode } from './map-types';

export const INTERNET_NODE_ID = 'external:internet';

/** A map edge before scoping: its two ends and the connections it joins (one, or several CIDR blocks). */
export interface BaseEdge {
  id: string;
  from: string;
  to: string;
  connections: Connection[];
}

/**
 * What every scope's map is cut from: the workspace's nodes and edges, computed once per checked
 * workspace (the LSP keeps the last one), so changing the scope or filtering costs no analysis.
 */
export interface MapBase {
  workloads: Map<string, { workload: Workload; node: WorkloadNode }>;
  externals: Map<string, ExternalNode>;
  edges: BaseEdge[];
  edgesById: Map<string, BaseEdge>;
}

const bases = new WeakMap<Workspace, MapBase>();

export function mapBaseOf(workspace: Workspace): MapBase {
  let base = bases.get(workspace);
  if (!base) bases.set(workspace, (base = buildBase(workspace)));
  return base;
}

function buildBase(workspace: Workspace): MapBase {
  const analysis = workspace.connectivity;
  const exposures = exposuresOf(workspace);
  const workloads = new Map<string, { workload: Workload; node: WorkloadNode }>();
  for (const workload of workspace.model.workloads) {
    const isolating = analysis.isolatedBy.get(workload.key);
    const member = workload.members[0];
    workloads.set(workload.key, {
      workload,
      node: {
        kind: 'workload',
        id: workload.key,
        label: workload.id.name,
        namespace: workload.id.namespace,
        workloadKind: workload.id.kind,
        isolated: { ingress: (isolating?.Ingress.length ?? 0) > 0, egress: (isolating?.Egress.length ?? 0) > 0 },
        exposures: (exposures.get(workload.key) ?? []).map((exposure) => ({ kind: exposure.kind, description: exposure.description, location: locationOf(exposure.object, exposure.path) })),
        inScope: true,
        ...(member ? { location: locationOf(member.object, ['metadata', 'name']) } : {}),
      },
    });
  }
  const externals = new Map<string, ExternalNode>();
  const edgesById = new Map<string, BaseEdge>();
  for (const connection of listConnections(analysis)) {
    const from = nodeIdOf(connection.from, externals);
    const to = nodeIdOf(connection.to, externals);
    const id = `${from}->${to}`;
    const edge = edgesById.get(id);
    if (edge) edge.connections.push(connection);
    else edgesById.set(id, { id, from, to, connections: [connection] });
  }
  return { workloads, externals, edges: [...edgesById.values()], edgesById };
}

/** Blocks with public addresses all become the one internet node; private blocks keep their CIDR. */
function nodeIdOf(endpoint: Endpoint, externals: Map<string, ExternalNode>): string {
  if (endpoint.kind === 'workload') return endpoint.workload.key;
  const internet = reachesInternet([endpoint.block]);
  const id = internet ? INTERNET_NODE_ID : `cidr:${endpoint.cidr}`;
  let node = externals.get(id);
  if (!node) externals.set(id, (node = { kind: 'external', id, label: internet ? 'internet / external' : endpoint.cidr, cidrs: [], internet }));
  if (!node.cidrs.includes(endpoint.cidr)) node.cidrs.push(endpoint.cidr);
  return id;
}

export function locationOf(object: KubeObject, path: ObjectPath): MapLocation {
  return { uri: object.document.uri, range: object.rangeOf(path, 'pair') };
}
