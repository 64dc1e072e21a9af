import { compileLabelSelector } from '../connectivity';
import { isPlainObject, type KubeObject } from '../manifest/kube-object';
import type { Workload } from '../model';
import { isApiProtocol, isPortNumber, portProtocol, serviceTargetOf } from '../model/port-defaults';
import { couldSelectPodsOf } from '../rules/workspace/pod-selection';
import { namespaceOfObject, parsedCleanly, workloadsIn } from '../rules/workspace/workspace-objects';
import { serviceSpecOf, serviceTypeOf } from '../services/service';
import type { Workspace } from '../workspace/workspace';

/** One entry of a Service's `spec.ports`. */
export interface ServicePortEntry {
  index: number;
  port: number;
  protocol: string;
  name?: string;
  /** A number, a container port name, or undefined when absent, `0` or `""` (the same number as `port`). */
  targetPort?: number | string;
}

/** A core Service of the workspace with the workloads of its namespace that its selector matches. */
export interface WorkspaceService {
  object: KubeObject;
  namespace: string;
  name: string;
  type: string;
  ports: readonly ServicePortEntry[];
  /** [] for a Service without selector (endpoints managed by hand) or an ExternalName Service. */
  selected: readonly Workload[];
}

/** The Services of the workspace, by "namespace/name" (the first definition wins). */
export function workspaceServices(workspace: Workspace): ReadonlyMap<string, WorkspaceService> {
  const services = new Map<string, WorkspaceService>();
  for (const object of workspace.objectsOfKind('Service')) {
    const spec = serviceSpecOf(object);
    if (!spec || !object.name || !parsedCleanly(object)) continue;
    const namespace = namespaceOfObject(workspace, object);
    const key = serviceKey(namespace, object.name);
    if (services.has(key)) continue;
    const type = serviceTypeOf(spec);
    const selector = isPlainObject(spec.selector) && Object.keys(spec.selector).length > 0 && type !== 'ExternalName' ? compileLabelSelector({ matchLabels: spec.selector }) : undefined;
    const selected = selector && selector.kind !== 'malformed' ? workloadsIn(workspace.model, namespace).filter((workload) => couldSelectPodsOf(selector, workload)) : [];
    services.set(key, { object, namespace, name: object.name, type, ports: portEntriesOf(spec.ports), selected });
  }
  return services;
}

export function serviceKey(namespace: string, name: string): string {
  return `${namespace}/${name}`;
}

function portEntriesOf(ports: unknown): ServicePortEntry[] {
  if (!Array.isArray(ports)) return [];
  return ports.flatMap((entry, index) => {
    if (!isPlainObject(entry) || !isPortNumber(entry.port)) return [];
    // Read as the API server stores it; an entry it refuses (protocol `tcp`, a quoted number as
    // targetPort) opens nothing.
    const protocol = portProtocol(entry.protocol);
    const target = serviceTargetOf(entry);
    if (!isApiProtocol(protocol) || target.kind === 'invalid') return [];
    const targetPort = target.kind === 'name' ? target.name : target.defaulted ? undefined : target.port;
    return [
      {
        index,
        port: entry.port,
        protocol,
        ...(typeof entry.name === 'string' && entry.name !== '' ? { name: entry.name } : {}),
        ...(targetPort !== undefined ? { targetPort } : {}),
      },
    ];
  });
}
