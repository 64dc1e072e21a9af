import { isPlainObject, type KubeObject } from '../manifest/kube-object';
import type { ObjectPath } from '../manifest/yaml-path';
import type { WorkloadId, WorkloadMember } from './cluster-types';
import { inApiGroup, nameOf, namespaceOf } from './object-identity';

/** The controller kinds that are workloads, their API groups, and where their pod template is. */
const CONTROLLERS: Readonly<Record<string, { groups: readonly string[]; template: ObjectPath }>> = {
  Deployment: { groups: ['apps', 'extensions'], template: ['spec', 'template'] },
  StatefulSet: { groups: ['apps'], template: ['spec', 'template'] },
  DaemonSet: { groups: ['apps', 'extensions'], template: ['spec', 'template'] },
  ReplicaSet: { groups: ['apps', 'extensions'], template: ['spec', 'template'] },
  ReplicationController: { groups: [''], template: ['spec', 'template'] },
  Job: { groups: ['batch'], template: ['spec', 'template'] },
  CronJob: { groups: ['batch'], template: ['spec', 'jobTemplate', 'spec', 'template'] },
};

/** Which workload an object belongs to, and as what. */
export interface WorkloadMembership {
  id: WorkloadId;
  member: WorkloadMember;
}

/**
 * The workload an object is part of, or undefined when it is not a workload object (other kinds,
 * a kind of the same name from another API group, an object without a name).
 */
export function workloadMembershipOf(object: KubeObject, defaultNamespace: string): WorkloadMembership | undefined {
  const name = nameOf(object);
  if (name === undefined) return undefined;
  const namespace = namespaceOf(object, defaultNamespace);
  const controller = CONTROLLERS[object.kind];
  if (controller) {
    if (!inApiGroup(object, controller.groups)) return undefined;
    return { id: { kind: object.kind, namespace, name }, member: { object, role: 'controller', template: controller.template } };
  }
  if (object.kind !== 'Pod' || !inApiGroup(object, [''])) return undefined;
  const owner = controllingOwnerOf(object);
  if (owner) return { id: { kind: owner.kind, namespace, name: owner.name }, member: { object, role: 'owned-pod', template: [] } };
  return { id: { kind: 'Pod', namespace, name }, member: { object, role: 'pod', template: [] } };
}

/**
 * The workload a pod's controller names: its first ownerReference with `controller: true`, taken
 * literally (a ReplicaSet stays a ReplicaSet). A `Node` controller (static and mirror pods), none,
 * or one without a name leaves the pod stand-alone; one without `kind` gives kind `Pod`.
 */
function controllingOwnerOf(pod: KubeObject): { kind: string; name: string } | undefined {
  const references = pod.get(['metadata', 'ownerReferences']);
  if (!Array.isArray(references)) return undefined;
  const controller = references.find((reference) => isPlainObject(reference) && reference.controller === true);
  if (!isPlainObject(controller)) return undefined;
  const kind = typeof controller.kind === 'string' && controller.kind !== '' ? controller.kind : 'Pod';
  if (kind === 'Node') return undefined;
  if (typeof controller.name !== 'string' || controller.name === '') return undefined;
  return { kind, name: controller.name };
}
