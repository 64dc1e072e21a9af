import { isPlainObject, type KubeObject, type PlainObject } from '../manifest/kube-object';
import type { ObjectPath } from '../manifest/yaml-path';

/** The groups that have served Ingress: networking.k8s.io (v1, v1beta1) and the old extensions/v1beta1. */
const INGRESS_GROUPS: readonly string[] = ['networking.k8s.io', 'extensions'];

/** Whether the object is an Ingress (spec or not: annotation rules apply to it either way). */
export function isIngress(object: KubeObject): boolean {
  return object.kind === 'Ingress' && (object.apiGroup === undefined || INGRESS_GROUPS.includes(object.apiGroup));
}

/** The spec of an Ingress, else undefined. */
export function ingressSpecOf(object: KubeObject): PlainObject | undefined {
  if (!isIngress(object)) return undefined;
  const spec = object.get(['spec']);
  return isPlainObject(spec) ? spec : undefined;
}

/** One rule of an Ingress: its host when written (an empty host means none), and its path. */
export interface IngressRuleRef {
  rule: PlainObject;
  path: ObjectPath;
  host?: string;
}

export function ingressRulesOf(spec: PlainObject): IngressRuleRef[] {
  if (!Array.isArray(spec.rules)) return [];
  return spec.rules.flatMap((rule, index) => {
    if (!isPlainObject(rule)) return [];
    const host = typeof rule.host === 'string' && rule.host.trim() !== '' ? rule.host.trim() : undefined;
    return [{ rule, path: ['spec', 'rules', index], host }];
  });
}

/**
 * Where to report a rule that has no host: its empty `host` value when written, else its first key
 * (the rule itself is the problem). Undefined for an empty rule, which routes nothing.
 */
export function hostlessRuleLocation(rule: IngressRuleRef): { path: ObjectPath; part: 'key' | 'value' } | undefined {
  if (typeof rule.rule.host === 'string') return { path: [...rule.path, 'host'], part: 'value' };
  const firstKey = Object.keys(rule.rule)[0];
  return firstKey === undefined ? undefined : { path: [...rule.path, firstKey], part: 'key' };
}

/** The catch-all backend: `defaultBackend` (v1) or `backend` (v1beta1), with its key. */
export function defaultBackendKeyOf(spec: PlainObject): 'defaultBackend' | 'backend' | undefined {
  if (isPlainObject(spec.defaultBackend)) return 'defaultBackend';
  if (isPlainObject(spec.backend)) return 'backend';
  return undefined;
}

/** Annotations that ingress-nginx reads (with its default `--annotations-prefix`). */
export const NGINX_ANNOTATION_PREFIX = 'nginx.ingress.kubernetes.io/';

/** The value of an ingress-nginx annotation, by its name without the prefix. */
export function nginxAnnotation(object: KubeObject, name: string): string | undefined {
  return object.annotations[NGINX_ANNOTATION_PREFIX + name];
}

/** The path of an annotation, for ranges. */
export function annotationPath(key: string): ObjectPath {
  return ['metadata', 'annotations', key];
}

/** ingress-nginx parses booleans with Go's strconv.ParseBool. */
export function isGoFalse(value: string | undefined): boolean {
  return value !== undefined && ['0', 'f', 'false'].includes(value.trim().toLowerCase());
}

export function isGoTrue(value: string | undefined): boolean {
  return value !== undefined && ['1', 't', 'true'].includes(value.trim().toLowerCase());
}
