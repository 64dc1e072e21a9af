import { isPlainObject, type KubeObject, type PlainObject } from '../manifest/kube-object';
import type { ObjectPath } from '../manifest/yaml-path';
import type { Workload, WorkloadMember } from '../model';
import { namespaceOfObject } from '../rules/workspace/workspace-objects';
import type { Workspace } from '../workspace/workspace';
import { dnsReferencesIn } from './dns-references';
import { evidenceAt, type Evidence } from './evidence';
import { serviceKey, type WorkspaceService } from './workspace-services';

/** A Service a workload names by its DNS name, the Service port it names (if any), and where. */
export interface ServiceReference {
  service: WorkspaceService;
  port?: number;
  evidence: Evidence;
}

/** A text of the workload's pods that may hold addresses, and where it is written. */
interface AddressText {
  text: string;
  object: KubeObject;
  path: ObjectPath;
  what: string;
}

/**
 * The Services a workload refers to: by DNS name in its containers' (and init containers') env
 * values, args and commands, and in the ConfigMaps it reads (mounted as volumes, through `envFrom`,
 * or one key through `valueFrom.configMapKeyRef`). Names resolve against the Services of the
 * workspace; a bare name means a Service of the workload's own namespace.
 */
export function serviceReferencesOf(workload: Workload, workspace: Workspace, services: ReadonlyMap<string, WorkspaceService>): ServiceReference[] {
  const configMaps = configMapsOf(workspace, workload.id.namespace);
  const references: ServiceReference[] = [];
  for (const member of workload.members) {
    for (const { text, object, path, what } of addressTextsOf(member, configMaps)) {
      for (const reference of dnsReferencesIn(text)) {
        const service = services.get(serviceKey(reference.namespace ?? workload.id.namespace, reference.service));
        if (!service) continue;
        references.push({ service, ...(reference.port !== undefined ? { port: reference.port } : {}), evidence: evidenceAt(object, path, `${what} "${reference.text}"`) });
      }
    }
  }
  return references;
}

function* addressTextsOf(member: WorkloadMember, configMaps: ReadonlyMap<string, KubeObject>): Iterable<AddressText> {
  const { object } = member;
  const spec: ObjectPath = [...member.template, 'spec'];
  const fromConfigMap = function* (name: unknown, keys: readonly string[] | 'all', via: string): Iterable<AddressText> {
    const configMap = typeof name === 'string' ? configMaps.get(name) : undefined;
    const data = configMap?.get(['data']);
    if (!configMap || !isPlainObject(data)) return;
    for (const [key, value] of Object.entries(data)) {
      if (typeof value === 'string' && (keys === 'all' || keys.includes(key))) yield { text: value, object: configMap, path: ['data', key], what: `key ${key} of ConfigMap ${name} (${via})` };
    }
  };
  for (const list of ['containers', 'initContainers'] as const) {
    const containers = object.get([...spec, list]);
    if (!Array.isArray(containers)) continue;
    for (const [index, container] of containers.entries()) {
      if (!isPlainObject(container)) continue;
      const path: ObjectPath = [...spec, list, index];
      const name = typeof container.name === 'string' ? container.name : `#${index + 1}`;
      for (const field of ['command', 'args'] as const) {
        const items = container[field];
        if (!Array.isArray(items)) continue;
        for (const [position, item] of items.entries()) if (typeof item === 'string') yield { text: item, object, path: [...path, field, position], what: `${field} of container ${name}` };
      }
      yield* envTexts(container, object, path, name, fromConfigMap);
    }
  }
  const volumes = object.get([...spec, 'volumes']);
  if (Array.isArray(volumes)) {
    for (const volume of volumes.filter(isPlainObject)) {
      const volumeName = String(volume.name);
      if (isPlainObject(volume.configMap)) yield* fromConfigMap(volume.configMap.name, 'all', `volume ${volumeName}`);
      const sources = isPlainObject(volume.projected) && Array.isArray(volume.projected.sources) ? volume.projected.sources : [];
      for (const source of sources.filter(isPlainObject)) if (isPlainObject(source.configMap)) yield* fromConfigMap(source.configMap.name, 'all', `volume ${volumeName}`);
    }
  }
}

function* envTexts(
  container: PlainObject,
  object: KubeObject,
  path: ObjectPath,
  name: string,
  fromConfigMap: (name: unknown, keys: readonly string[] | 'all', via: string) => Iterable<AddressText>,
): Iterable<AddressText> {
  if (Array.isArray(container.env)) {
    for (const [index, entry] of container.env.entries()) {
      if (!isPlainObject(entry)) continue;
      const variable = String(entry.name);
      if (typeof entry.value === 'string') yield { text: entry.value, object, path: [...path, 'env', index, 'value'], what: `env ${variable} of container ${name}` };
      const keyRef = isPlainObject(entry.valueFrom) && isPlainObject(entry.valueFrom.configMapKeyRef) ? entry.valueFrom.configMapKeyRef : undefined;
      if (keyRef && typeof keyRef.key === 'string') yield* fromConfigMap(keyRef.name, [keyRef.key], `env ${variable} of container ${name}`);
    }
  }
  if (Array.isArray(container.envFrom)) {
    for (const source of container.envFrom.filter(isPlainObject)) {
      if (isPlainObject(source.configMapRef)) yield* fromConfigMap(source.configMapRef.name, 'all', `envFrom of container ${name}`);
    }
  }
}

function configMapsOf(workspace: Workspace, namespace: string): Map<string, KubeObject> {
  const result = new Map<string, KubeObject>();
  for (const object of workspace.objectsOfKind('ConfigMap')) {
    if (object.name && namespaceOfObject(workspace, object) === namespace && !result.has(object.name)) result.set(object.name, object);
  }
  return result;
}
