import { isMap, isPair, isScalar, isSeq, type Document, type Node } from 'yaml';
import type { DuplicateKey } from './tolerated-problem';

/**
 * The keys set twice in the same map of `document`, as tolerated problems. kubectl decodes manifests
 * with sigs.k8s.io/yaml's non-strict YAMLToJSON (go-yaml's Unmarshal, not UnmarshalStrict): a key
 * set twice keeps its last value, silently, and the API server gets JSON that has it once. The
 * engine already reads the last value (value conversion and `followPath` both let the last entry
 * win), so only the report changes: a warning, not an error.
 *
 * The documents are parsed with the `yaml` package's `uniqueKeys` off, because its check compares
 * each new key with every earlier key of the map: a ConfigMap with a million keys would take hours.
 * Here each map is walked once with a table of the keys seen. Keys compare as the package compares
 * them: scalars by value (so `1` and `1.0` are the same key); alias and collection keys never match.
 */
export function duplicateKeysOf(document: Document.Parsed): DuplicateKey[] {
  const problems: DuplicateKey[] = [];
  // An explicit stack, not recursion: a hostile document may nest deeper than the call stack.
  const stack: unknown[] = [document.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Map<unknown, Node>();
      for (const pair of node.items) {
        const key = pair.key;
        if (isScalar(key) && key.range && !Number.isNaN(key.value)) {
          const previous = seen.get(key.value);
          if (previous?.range) problems.push({ kind: 'duplicate-key', start: key.range[0], end: key.range[1], key: String(key.value), previousOffset: previous.range[0], previousEnd: previous.range[1] });
          seen.set(key.value, key);
        }
        stack.push(pair.value, pair.key);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push(isPair(item) ? item.value : item);
    }
  }
  return problems.sort((a, b) => a.start - b.start);
}
