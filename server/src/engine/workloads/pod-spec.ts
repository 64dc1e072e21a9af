import { isPlainObject, type KubeObject, type PlainObject } from '../manifest/kube-object';
import type { ObjectPath } from '../manifest/yaml-path';

/** Where each workload kind keeps its pod spec, and the API groups that define that kind. */
const POD_SPEC_LOCATIONS: Record<string, { path: ObjectPath; groups: readonly string[] }> = {
  Pod: { path: ['spec'], groups: [''] },
  PodTemplate: { path: ['template', 'spec'], groups: [''] },
  ReplicationController: { path: ['spec', 'template', 'spec'], groups: [''] },
  Deployment: { path: ['spec', 'template', 'spec'], groups: ['apps', 'extensions'] },
  StatefulSet: { path: ['spec', 'template', 'spec'], groups: ['apps'] },
  DaemonSet: { path: ['spec', 'template', 'spec'], groups: ['apps', 'extensions'] },
  ReplicaSet: { path: ['spec', 'template', 'spec'], groups: ['apps', 'extensions'] },
  Job: { path: ['spec', 'template', 'spec'], groups: ['batch'] },
  CronJob: { path: ['spec', 'jobTemplate', 'spec', 'template', 'spec'], groups: ['batch'] },
};

export const WORKLOAD_KINDS: readonly string[] = Object.keys(POD_SPEC_LOCATIONS);

/** A pod spec inside an object, with its path relative to the object. */
export interface PodSpecRef {
  path: ObjectPath;
  spec: PlainObject;
}

export type ContainerGroup = 'containers' | 'initContainers' | 'ephemeralContainers';

const CONTAINER_GROUPS: readonly ContainerGroup[] = ['containers', 'initContainers', 'ephemeralContainers'];

/** A container of a pod spec, with its path relative to the object. */
export interface ContainerRef {
  group: ContainerGroup;
  index: number;
  path: ObjectPath;
  container: PlainObject;
  name: string;
}

/**
 * The pod spec of a workload object (Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet,
 * ReplicationController, Job, CronJob, PodTemplate), or undefined for other objects. An object of a
 * workload kind from another API group (a CRD that happens to be called `Deployment`) is not one.
 */
export function podSpecOf(object: KubeObject): PodSpecRef | undefined {
  const location = POD_SPEC_LOCATIONS[object.kind];
  if (!location) return undefined;
  const group = object.apiGroup;
  if (group !== undefined && !location.groups.includes(group)) return undefined;
  const spec = object.get(location.path);
  return isPlainObject(spec) ? { path: location.path, spec } : undefined;
}

/** Every container of a pod spec: regular, init and ephemeral. */
export function containersOf(pod: PodSpecRef): ContainerRef[] {
  const result: ContainerRef[] = [];
  for (const group of CONTAINER_GROUPS) {
    const list = pod.spec[group];
    if (!Array.isArray(list)) continue;
    list.forEach((container, index) => {
      if (!isPlainObject(container)) return;
      const name = typeof container.name === 'string' ? container.name : `${group}[${index}]`;
      result.push({ group, index, path: [...pod.path, group, index], container, name });
    });
  }
  return result;
}
