import type { KubeObject } from '../manifest/kube-object';

/**
 * Whether an object's document parsed without errors. The model leaves other documents out (their
 * content is a guess while someone types), and so do the cross-object rules.
 */
export function parsedCleanly(object: KubeObject): boolean {
  const parsed = object.document.parsed;
  return parsed.yaml.errors.length === 0 && parsed.valueError === undefined;
}
