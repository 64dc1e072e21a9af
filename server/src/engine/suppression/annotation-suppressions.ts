import type { KubeObject } from '../manifest/kube-object';
import type { Suppression } from './suppression';

export const IGNORE_ANNOTATION_PREFIX = 'kube-netsec.io/ignore-';

/** `kube-netsec.io/ignore-RULE: "reason"` annotations: suppress RULE on that object. */
export function annotationSuppressions(objects: readonly KubeObject[]): Suppression[] {
  const suppressions: Suppression[] = [];
  for (const object of objects) {
    for (const [key, value] of Object.entries(object.annotations)) {
      if (!key.startsWith(IGNORE_ANNOTATION_PREFIX)) continue;
      suppressions.push({
        form: key,
        ruleIds: [key.slice(IGNORE_ANNOTATION_PREFIX.length)],
        reason: value.trim(),
        scope: { kind: 'object', object },
        range: object.rangeOf(['metadata', 'annotations', key]),
        used: new Map(),
      });
    }
  }
  return suppressions;
}
