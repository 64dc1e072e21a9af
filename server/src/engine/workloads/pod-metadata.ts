import { isPlainObject, type KubeObject, type PlainObject } from '../manifest/kube-object';
import type { ObjectPath } from '../manifest/yaml-path';
import { podSpecOf } from './pod-spec';

/**
 * The metadata of the pods a workload creates: a Pod's own metadata, or the pod template's
 * (`spec.template.metadata` of a Deployment...). Admission webhooks such as service-mesh injectors
 * read the labels and annotations found here, not those of the workload object itself.
 */
export interface PodMetadataRef {
  /** Path of the `metadata` map relative to the object (it may be absent in the manifest). */
  path: ObjectPath;
  labels: PlainObject;
  annotations: PlainObject;
}

export function podMetadataOf(object: KubeObject): PodMetadataRef | undefined {
  const pod = podSpecOf(object);
  if (!pod) return undefined;
  // The pod spec sits next to its metadata: `spec` -> `metadata`, `template.spec` -> `template.metadata`.
  const path = [...pod.path.slice(0, -1), 'metadata'];
  const metadata = object.get(path);
  const fields = isPlainObject(metadata) ? metadata : {};
  return {
    path,
    labels: isPlainObject(fields.labels) ? fields.labels : {},
    annotations: isPlainObject(fields.annotations) ? fields.annotations : {},
  };
}

/** A label or annotation value as Kubernetes would store it (YAML `false` becomes "false"), or undefined. */
export function metadataValue(map: PlainObject, key: string): string | undefined {
  const value = map[key];
  if (value === undefined || value === null || typeof value === 'object') return undefined;
  return String(value);
}
