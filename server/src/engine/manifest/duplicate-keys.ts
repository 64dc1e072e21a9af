import { isScalar, visit, type Document, type Node, type Pair } from 'yaml';
import type { DuplicateKey } from './tolerated-problem';

/**
 * Takes the `yaml` package's duplicate key errors out of `document` and returns them as tolerated
 * problems. kubectl decodes manifests with sigs.k8s.io/yaml's non-strict YAMLToJSON (go-yaml's
 * Unmarshal, not UnmarshalStrict): a key set twice keeps its last value, silently, and the API
 * server gets JSON that has it once. The engine already reads the last value (value conversion and
 * `followPath` both let the last entry win), so only the report changes: a warning, not an error.
 */
export function takeDuplicateKeys(document: Document.Parsed): DuplicateKey[] {
  const duplicateOffsets = new Set(document.errors.filter((error) => error.code === 'DUPLICATE_KEY').map((error) => error.pos[0]));
  if (duplicateOffsets.size === 0) return [];
  const problems: DuplicateKey[] = [];
  visit(document, {
    Map(_key, map) {
      const pairs = map.items as Pair<Node, Node | null>[];
      pairs.forEach((pair, index) => {
        const key = pair.key;
        if (!isScalar(key) || !key.range || !duplicateOffsets.has(key.range[0])) return;
        const previous = pairs.slice(0, index).reverse().find((other) => isScalar(other.key) && other.key.value === key.value);
        if (!previous?.key?.range) return;
        duplicateOffsets.delete(key.range[0]);
        problems.push({ kind: 'duplicate-key', start: key.range[0], end: key.range[1], key: String(key.value), previousOffset: previous.key.range[0], previousEnd: previous.key.range[1] });
      });
    },
  });
  // Errors that did not match a key of a map (a complex key, say) stay errors.
  document.errors = document.errors.filter((error) => error.code !== 'DUPLICATE_KEY' || duplicateOffsets.has(error.pos[0]));
  return problems;
}
