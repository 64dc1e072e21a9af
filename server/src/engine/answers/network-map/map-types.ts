import type { SourceRange } from '../../text/range';

// The network map as plain data (JSON-safe): what the LSP sends and the webview draws.

/** Where something is written: a file and a 0-based range in it. */
export interface MapLocation {
  uri: string;
  range: SourceRange;
}

/** Which workloads the map is about: those of a file, of a folder (and below), or of the whole workspace. */
export type MapScope = { kind: 'workspace' } | { kind: 'file'; uri: string } | { kind: 'folder'; uri: string };

export type MapExposureKind = 'LoadBalancer' | 'NodePort' | 'Ingress' | 'hostNetwork' | 'hostPort';

export interface MapExposure {
  kind: MapExposureKind;
  /** "LoadBalancer Service shop/frontend (TCP 80)". */
  description: string;
  location: MapLocation;
}

export interface WorkloadNode {
  kind: 'workload';
  /** The workload key, "namespace/name[Kind]", as `connectivity` names it. */
  id: string;
  label: string;
  namespace: string;
  workloadKind: string;
  /** Whether NetworkPolicies select it for each direction (unisolated: everything is allowed that way). */
  isolated: { ingress: boolean; egress: boolean };
  exposures: MapExposure[];
  /** False for a workload outside the scope shown because it talks with one inside. */
  inScope: boolean;
  location?: MapLocation;
}

export interface ExternalNode {
  kind: 'external';
  /** "external:internet", or "cidr:10.0.0.0/8" for a block with no public internet address. */
  id: string;
  label: string;
  /** The CIDR blocks of the connections this node stands for, as `connectivity` prints them. */
  cidrs: string[];
  internet: boolean;
}

export type MapNode = WorkloadNode | ExternalNode;

export interface MapEdge {
  /** "FROM->TO" of the node ids. */
  id: string;
  from: string;
  to: string;
  /** "TCP 8080", "All Connections": np-guard's wording, as `connectivity` prints it. */
  ports: string;
  /** In a diff map only: whether the change opens this edge (or some of its ports) or closes it. */
  change?: 'added' | 'removed';
}

/** The edges between two namespaces (or a namespace and an external node), joined. */
export interface NamespaceEdge extends MapEdge {
  /** The workload edges it stands for. */
  edgeIds: string[];
}

export interface NetworkMap {
  scope: MapScope;
  nodes: MapNode[];
  edges: MapEdge[];
  /** `namespace:NAME` ids for namespaces; external ids as in `nodes`. */
  namespaceEdges: NamespaceEdge[];
  namespaces: string[];
  /** Whether the map has so many edges that drawing them per namespace reads better. */
  aggregate: boolean;
  /** Notes on what the map leaves out (admin policies refused, ...). */
  notes: string[];
  /** Set on a diff map: edges carry `change`; what the current files were compared with. */
  diff?: { base: string; opened: number; closed: number };
}

export interface ReasonLine {
  text: string;
  location?: MapLocation;
}

/** One side of a connection: the source's egress or the destination's ingress. */
export interface SideLines {
  heading: string;
  lines: ReasonLine[];
}

export interface EdgeExplanation {
  edgeId: string;
  from: string;
  to: string;
  ports: string;
  /** One entry per connection the edge stands for (an edge to the internet joins several CIDR blocks). */
  connections: { from: string; to: string; ports: string; sides: SideLines[] }[];
}
