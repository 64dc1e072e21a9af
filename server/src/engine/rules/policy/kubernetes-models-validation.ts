import { validate } from 'kubernetes-models/_schemas/IoK8sApiNetworkingV1NetworkPolicy';
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

// kubernetes-models ships the Kubernetes OpenAPI schema compiled by ajv into standalone functions,
// which leave their errors on themselves; its declarations only say they return a boolean. The
// function is called directly rather than through `new NetworkPolicy(value).validate()`, whose
// constructor fills in a missing `apiVersion` that this rule has to report.
const validateNetworkPolicy: ((value: unknown) => boolean) & { errors?: AjvError[] | null } = validate;

/** kubernetes-models' errors for a networking.k8s.io/v1 NetworkPolicy value (all of them, in its order). */
export function kubernetesModelsErrors(value: unknown): ModelError[] {
  if (validateNetworkPolicy(value)) return [];
  return (validateNetworkPolicy.errors ?? []).map((error) => ({ ...locate(error.instancePath, value), keyword: error.keyword, params: error.params }));
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
