import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { isPlainObject } from '../../manifest/kube-object';
import type { ObjectPath } from '../../manifest/yaml-path';

/** One error of kubernetes-models' validator, at a path of the policy, with the value found there. */
export interface ModelError {
  path: ObjectPath;
  /** The ajv keyword that failed: `type`, `enum`, `required`, `format`, `oneOf`. */
  keyword: string;
  params: Readonly<Record<string, unknown>>;
  data: unknown;
}

interface AjvError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
}

// kubernetes-models ships the Kubernetes OpenAPI schema compiled by ajv; a model's `validate()`
// runs it on the model and throws a ValidationError that carries ajv's errors. It is called on the
// value itself rather than on `new NetworkPolicy(value)`, whose constructor fills in a missing
// `apiVersion` that this rule has to report.
const validateNetworkPolicy: (this: unknown) => void = NetworkPolicy.prototype.validate;

/** kubernetes-models' errors for a networking.k8s.io/v1 NetworkPolicy value (all of them, in its order). */
export function kubernetesModelsErrors(value: unknown): ModelError[] {
  try {
    validateNetworkPolicy.call(value);
    return [];
  } catch (error) {
    const errors = (error as { errors?: AjvError[] }).errors;
    if (!Array.isArray(errors)) throw error;
    return errors.map((entry) => ({ ...locate(entry.instancePath, value), keyword: entry.keyword, params: entry.params }));
  }
}

/** A JSON pointer ("/spec/ingress/0/ports") as a path, with list indexes as numbers, and the value there. */
function locate(pointer: string, root: unknown): { path: ObjectPath; data: unknown } {
  const path: (string | number)[] = [];
  let data = root;
  for (const raw of pointer.split('/').slice(1)) {
    const step = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(data)) {
      path.push(Number(step));
      data = data[Number(step)];
    } else {
      path.push(step);
      data = isPlainObject(data) ? data[step] : undefined;
    }
  }
  return { path, data };
}
