import { isPlainObject, type KubeObject } from '../manifest/kube-object';
import type { ObjectPath } from '../manifest/yaml-path';
import type { ClusterModel, ContainerPort, Workload, WorkloadMember } from './cluster-types';
import { workloadKey } from './cluster-model';
import { containerPortsOf } from './container-ports';
import { labelsOf, type Labels } from './labels';
import { inApiGroup, nameOf, namespaceOf } from './object-identity';
import { podCreatingKindOf, type PodCreatingKind } from './pod-creating-kinds';
import { mayCreateUnknownPods } from './possible-pod-creators';

// Pods that operators create from custom resources. They are not workloads of the model: the
// connectivity analysis keeps to its specification, which names the built-in kinds only. The rules
// that report a selector matching nothing count them, so as not to cry wolf next to an operator.

/**
 * The pods of a custom resource whose controller creates them, in the shape of a workload. Its
 * `podLabelSets` are the labels of each kind of pod it creates (Strimzi's brokers and entity
 * operator differ), the written ones with those the controller adds (fixed values, the object's
 * name); `podLabels` is the first of them. `members` has the object when it has a pod template (`template` is its path), and is empty when
 * the manifest writes only the pods' labels (Prometheus' `spec.podMetadata`): there is no pod
 * metadata or spec in it to read.
 */
export interface OperatedWorkload extends Workload {
  /** The custom resource. */
  object: KubeObject;
  creator: PodCreatingKind;
  /** The labels of each kind of pod the controller creates (one set for most). */
  podLabelSets: readonly Labels[];
  /** Label keys the controller sets to run-time values: a selector may require any value of them. */
  runtimeLabels: readonly string[];
  /** Whether `containerPorts` are all the pods declare (not when the operator adds containers). */
  portsKnown: boolean;
}

/** The pods that custom resources of the workspace have controllers create, and the resources that may. */
export interface OperatedPods {
  /** Sorted by namespace, name, kind, like the model's workloads. */
  workloads: readonly OperatedWorkload[];
  /**
   * Custom resources that may create pods whose labels the workspace does not tell: kinds that are
   * neither in the table nor configuration only, and Rollouts whose `workloadRef` names no
   * Deployment of the workspace.
   */
  unknownCreators: readonly KubeObject[];
}

const cache = new WeakMap<ClusterModel, OperatedPods>();

/** The operated pods of a model's effective objects (computed once per model). */
export function operatedPodsOf(model: ClusterModel): OperatedPods {
  let result = cache.get(model);
  if (!result) {
    result = buildOperatedPods(model);
    cache.set(model, result);
  }
  return result;
}

function buildOperatedPods(model: ClusterModel): OperatedPods {
  const workloads: OperatedWorkload[] = [];
  const unknownCreators: KubeObject[] = [];
  for (const object of model.objects) {
    const creator = podCreatingKindOf(object);
    if (!creator) {
      if (mayCreateUnknownPods(object)) unknownCreators.push(object);
      continue;
    }
    const workload = operatedWorkloadOf(object, creator, model);
    if (workload) workloads.push(workload);
    else if (nameOf(object) !== undefined) unknownCreators.push(object);
  }
  workloads.sort((a, b) => compare(a.id.namespace, b.id.namespace) || compare(a.id.name, b.id.name) || compare(a.id.kind, b.id.kind));
  return { workloads, unknownCreators };
}

/** The operated workload of one custom resource, or undefined (no name, or a template it cannot find). */
export function operatedWorkloadOf(object: KubeObject, creator: PodCreatingKind, model: ClusterModel): OperatedWorkload | undefined {
  const name = nameOf(object);
  if (name === undefined) return undefined;
  const namespace = namespaceOf(object, model.defaultNamespace);
  const source = podSourceOf(object, creator, namespace, model);
  if (!source) return undefined;
  const byName = Object.fromEntries((creator.nameLabels ?? []).map((key) => [key, name]));
  const labelSets = source.labelsPaths.map((path): Labels => ({ ...labelsOf(source.object.get(path)), ...byName, ...creator.fixedLabels }));
  const podLabelSets = [...new Map(labelSets.map((labels) => [JSON.stringify(labels), labels])).values()];
  const members: WorkloadMember[] = source.template ? [{ object: source.object, role: 'controller', template: source.template }] : [];
  const containerPorts: ContainerPort[] = source.template ? containerPortsOf(source.object, [...source.template, 'spec']) : [];
  const id = { kind: object.kind, namespace, name };
  return {
    key: `${namespace}/${name}[${object.kind}.${object.apiGroup ?? ''}]`,
    id,
    podLabels: podLabelSets[0],
    containerPorts,
    members,
    object,
    creator,
    podLabelSets,
    runtimeLabels: creator.runtimeLabels ?? [],
    portsKnown: creator.portsAsWritten && source.template !== undefined,
  };
}

/**
 * The object and paths the pods are written at: the resource's own, or for a Rollout with
 * `spec.workloadRef`, the template of the Deployment it names (Argo Rollouts reads the pods from
 * there), undefined when the workspace has no such Deployment.
 */
function podSourceOf(object: KubeObject, creator: PodCreatingKind, namespace: string, model: ClusterModel): { object: KubeObject; template?: ObjectPath; labelsPaths: readonly ObjectPath[] } | undefined {
  if (creator.kind === 'Rollout') {
    const reference = object.get(['spec', 'workloadRef']);
    if (isPlainObject(reference)) {
      if (reference.kind !== 'Deployment' || typeof reference.name !== 'string') return undefined;
      const deployment = model.workloadsByKey.get(workloadKey({ kind: 'Deployment', namespace, name: reference.name }))?.members.find((member) => member.role === 'controller');
      if (!deployment || !inApiGroup(deployment.object, ['apps', 'extensions'])) return undefined;
      return { object: deployment.object, template: deployment.template, labelsPaths: [[...deployment.template, 'metadata', 'labels']] };
    }
  }
  if ('template' in creator.pods) return { object, template: creator.pods.template, labelsPaths: [[...creator.pods.template, 'metadata', 'labels']] };
  return { object, labelsPaths: creator.pods.labels };
}

/** Whether a workload-shaped value is an operated one. */
export function isOperatedWorkload(workload: Workload): workload is OperatedWorkload {
  return 'creator' in workload;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
