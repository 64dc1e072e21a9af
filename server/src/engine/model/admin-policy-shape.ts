import { isPlainObject } from '../manifest/kube-object';
import type { ObjectPath } from '../manifest/yaml-path';

/**
 * The JSON types of the v1alpha1 AdminNetworkPolicy and BaselineAdminNetworkPolicy fields the
 * analysis reads. The reference decodes these objects into typed structures, so a field of the wrong
 * type (`priority: "10"`, a list where a map belongs) makes the whole object unreadable: it is skipped
 * with a warning. `null` is the absent value anywhere; unknown fields are not looked at.
 */
type Shape = 'string' | 'integer' | { map: Readonly<Record<string, Shape>> } | { list: Shape } | { stringMap: true };

const SELECTOR: Shape = {
  map: {
    matchLabels: { stringMap: true },
    matchExpressions: { list: { map: { key: 'string', operator: 'string', values: { list: 'string' } } } },
  },
};
const PODS: Shape = { map: { namespaceSelector: SELECTOR, podSelector: SELECTOR } };
const PORTS: Shape = {
  list: {
    map: {
      portNumber: { map: { protocol: 'string', port: 'integer' } },
      namedPort: 'string',
      portRange: { map: { protocol: 'string', start: 'integer', end: 'integer' } },
    },
  },
};
const INGRESS_RULE: Shape = { map: { name: 'string', action: 'string', from: { list: { map: { namespaces: SELECTOR, pods: PODS } } }, ports: PORTS } };
const EGRESS_RULE: Shape = {
  map: { name: 'string', action: 'string', to: { list: { map: { namespaces: SELECTOR, pods: PODS, nodes: SELECTOR, networks: { list: 'string' } } } }, ports: PORTS },
};
const SUBJECT: Shape = { map: { namespaces: SELECTOR, pods: PODS } };

const ANP_SPEC: Shape = { map: { priority: 'integer', subject: SUBJECT, ingress: { list: INGRESS_RULE }, egress: { list: EGRESS_RULE } } };
const BANP_SPEC: Shape = { map: { subject: SUBJECT, ingress: { list: INGRESS_RULE }, egress: { list: EGRESS_RULE } } };

export interface ShapeError {
  /** Relative to the object. */
  path: ObjectPath;
  message: string;
}

/** The first field of `spec` whose type is wrong, or undefined when the object can be read. */
export function adminPolicyShapeError(kind: 'AdminNetworkPolicy' | 'BaselineAdminNetworkPolicy', spec: unknown): ShapeError | undefined {
  return shapeError(spec, kind === 'AdminNetworkPolicy' ? ANP_SPEC : BANP_SPEC, ['spec']);
}

function shapeError(value: unknown, shape: Shape, path: ObjectPath): ShapeError | undefined {
  if (value === null || value === undefined) return undefined;
  if (shape === 'string') return typeof value === 'string' ? undefined : wrong(path, 'a string');
  if (shape === 'integer') return Number.isInteger(value) ? undefined : wrong(path, 'an integer');
  if ('list' in shape) {
    if (!Array.isArray(value)) return wrong(path, 'a list');
    for (let index = 0; index < value.length; index++) {
      const error = shapeError(value[index], shape.list, [...path, index]);
      if (error) return error;
    }
    return undefined;
  }
  if (!isPlainObject(value)) return wrong(path, 'a map');
  if ('stringMap' in shape) {
    const key = Object.keys(value).find((entry) => value[entry] !== null && typeof value[entry] !== 'string');
    return key === undefined ? undefined : wrong([...path, key], 'a string');
  }
  for (const [key, fieldShape] of Object.entries(shape.map)) {
    const error = shapeError(value[key], fieldShape, [...path, key]);
    if (error) return error;
  }
  return undefined;
}

function wrong(path: ObjectPath, expected: string): ShapeError {
  return { path, message: `${path.join('.')} must be ${expected}` };
}
