import { isPlainObject, type KubeObject, type PlainObject } from '../../manifest/kube-object';
import type { ObjectPath } from '../../manifest/yaml-path';
import { podMetadataOf } from '../../workloads/pod-metadata';

/** Annotations a mesh proxy injector reads, and who they affect (for messages). */
export interface AnnotationSite {
  /** Path of the `annotations` map relative to the object. */
  path: ObjectPath;
  annotations: PlainObject;
  /** "these pods" or `every pod in namespace "x"`. */
  affected: string;
}

/**
 * Where proxy configuration annotations take effect: the pod template of a workload (or a Pod), and,
 * when the mesh reads them there too (Linkerd), a Namespace.
 */
export function annotationSitesOf(object: KubeObject, options: { namespaces: boolean }): AnnotationSite[] {
  if (object.kind === 'Namespace' && (object.apiGroup === undefined || object.apiGroup === '')) {
    if (!options.namespaces) return [];
    const annotations = object.get(['metadata', 'annotations']);
    const name = object.name ? `namespace "${object.name}"` : 'this namespace';
    return isPlainObject(annotations) ? [{ path: ['metadata', 'annotations'], annotations, affected: `every pod in ${name}` }] : [];
  }
  const metadata = podMetadataOf(object);
  return metadata ? [{ path: [...metadata.path, 'annotations'], annotations: metadata.annotations, affected: 'these pods' }] : [];
}

/** "25, 587 and 3306" from "25,587, 3306"; undefined when the list is empty. */
export function describeList(value: string): string | undefined {
  const items = value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
  if (items.length === 0) return undefined;
  return items.length === 1 ? items[0] : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
