import type { Workload } from '../model';
import { ingressControllerOf } from '../templates/ingress-controllers';
import type { Workspace } from '../workspace/workspace';
import { evidenceAt, type Evidence } from './evidence';
import { routeBackends, type RouteBackend } from './route-backends';
import { serviceReferencesOf } from './service-references';
import { sortedPorts, targetPortOn, type PolicyPort } from './target-ports';
import type { ServicePortEntry, WorkspaceService } from './workspace-services';

/** A workload, as plain data. */
export interface WorkloadRef {
  key: string;
  kind: string;
  namespace: string;
  name: string;
}

/** Who opens an inferred connection: a workload of the workspace, or any pod of a namespace (an ingress proxy run elsewhere). */
export type ConnectionSource = { kind: 'workload'; workload: WorkloadRef } | { kind: 'namespace'; namespace: string };

/** A connection the manifests imply, with the reasons: the reference, the route and the Service behind it. */
export interface InferredConnection {
  from: ConnectionSource;
  to: WorkloadRef;
  /** The destination's container ports, by number. */
  ports: PolicyPort[];
  evidence: Evidence[];
}

/** Something the inference could not conclude, for the reviewer. */
export interface GenerationNote {
  workload?: string;
  message: string;
}

export interface InferenceOptions {
  /** Where the Ingress controller runs when the workspace does not hold it (default "ingress-nginx"). */
  ingressControllerNamespace?: string;
}

export const DEFAULT_INGRESS_CONTROLLER_NAMESPACE = 'ingress-nginx';

export function workloadRef(workload: Workload): WorkloadRef {
  return { key: workload.key, ...workload.id };
}

export function sourceKey(source: ConnectionSource): string {
  return source.kind === 'workload' ? source.workload.key : `namespace:${source.namespace}`;
}

/**
 * The connections the workspace implies: each workload to the pods of the Services it names, and
 * the Ingress controller (or the Gateways' namespaces) to the pods of the Services routed to, on
 * the container ports those Service ports target. One entry per (source, destination).
 */
export function inferConnections(workspace: Workspace, services: ReadonlyMap<string, WorkspaceService>, options: InferenceOptions = {}): { connections: InferredConnection[]; notes: GenerationNote[] } {
  // The references first, then the Services they go through: how a reviewer reads the comment.
  const merged = new Map<string, { connection: InferredConnection; services: Evidence[] }>();
  const notes: GenerationNote[] = [];
  const add = (from: ConnectionSource, to: Workload, ports: readonly PolicyPort[], reference: Evidence, service: Evidence): void => {
    const key = `${sourceKey(from)}\u0000${to.key}`;
    const entry = merged.get(key) ?? { connection: { from, to: workloadRef(to), ports: [], evidence: [] }, services: [] };
    merged.set(key, entry);
    entry.connection.ports = sortedPorts([...entry.connection.ports, ...ports]);
    if (!entry.connection.evidence.some((known) => sameEvidence(known, reference))) entry.connection.evidence.push(reference);
    if (!entry.services.some((known) => sameEvidence(known, service))) entry.services.push(service);
  };

  for (const client of workspace.model.workloads) {
    for (const reference of serviceReferencesOf(client, workspace, services)) {
      const { service } = reference;
      if (service.selected.length === 0) {
        notes.push({ workload: client.key, message: `${describeWorkload(client)} refers to Service ${service.namespace}/${service.name}, which selects no workload of the workspace: no rule is generated for it.` });
        continue;
      }
      const matching = service.ports.filter((entry) => entry.port === reference.port);
      const entries = matching.length > 0 ? matching : service.ports;
      for (const target of service.selected) {
        const ports = resolvedPorts(entries, target, notes, service);
        if (ports.length > 0) add({ kind: 'workload', workload: workloadRef(client) }, target, ports, reference.evidence, serviceEvidence(service, entries));
      }
    }
  }

  const controllers = workspace.model.workloads.filter((workload) => ingressControllerOf(workload.podLabels) !== undefined);
  const controllerNamespace = options.ingressControllerNamespace ?? DEFAULT_INGRESS_CONTROLLER_NAMESPACE;
  for (const backend of routeBackends(workspace, services)) {
    const entries = backendEntries(backend);
    const sources: ConnectionSource[] =
      backend.via === 'gateway-route'
        ? backend.gatewayNamespaces.map((namespace) => ({ kind: 'namespace', namespace }))
        : controllers.length > 0
          ? controllers.map((controller) => ({ kind: 'workload', workload: workloadRef(controller) }))
          : [{ kind: 'namespace', namespace: controllerNamespace }];
    for (const target of backend.service.selected) {
      const ports = resolvedPorts(entries, target, notes, backend.service);
      if (ports.length === 0) continue;
      for (const source of sources) add(source, target, ports, backend.evidence, serviceEvidence(backend.service, entries));
    }
  }
  return { connections: [...merged.values()].map(({ connection, services }) => ({ ...connection, evidence: [...connection.evidence, ...services] })), notes: uniqueNotes(notes) };
}

// A backend naming a port of the Service by number or name; all its ports when none matches.
function backendEntries(backend: RouteBackend): readonly ServicePortEntry[] {
  const { port, service } = backend;
  const matching = service.ports.filter((entry) => (typeof port === 'number' ? entry.port === port : entry.name === port));
  return matching.length > 0 ? matching : service.ports;
}

function resolvedPorts(entries: readonly ServicePortEntry[], target: Workload, notes: GenerationNote[], service: WorkspaceService): PolicyPort[] {
  return entries.flatMap((entry) => {
    const port = targetPortOn(entry, target);
    if (!port) notes.push({ workload: target.key, message: `Service ${service.namespace}/${service.name} port ${entry.port} targets "${String(entry.targetPort)}", which ${describeWorkload(target)} does not declare: no rule opens it.` });
    return port ? [port] : [];
  });
}

function serviceEvidence(service: WorkspaceService, entries: readonly ServicePortEntry[]): Evidence {
  const ports = entries.map((entry) => (entry.targetPort === undefined || entry.targetPort === entry.port ? `${entry.port}` : `${entry.port} (targetPort ${entry.targetPort})`)).join(', ');
  return evidenceAt(service.object, ['metadata', 'name'], `Service ${service.name}${ports ? ` port ${ports}` : ''}`);
}

function sameEvidence(a: Evidence, b: Evidence): boolean {
  return a.file === b.file && a.line === b.line && a.what === b.what;
}

function uniqueNotes(notes: readonly GenerationNote[]): GenerationNote[] {
  return notes.filter((note, index) => notes.findIndex((other) => other.message === note.message) === index);
}

export function describeWorkload(workload: Workload | WorkloadRef): string {
  const id = 'id' in workload ? workload.id : workload;
  return `${id.kind} ${id.namespace}/${id.name}`;
}
