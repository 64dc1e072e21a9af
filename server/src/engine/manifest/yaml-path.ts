import { isAlias, isMap, isScalar, isSeq, type Document, type Node, type Pair, type YAMLMap } from 'yaml';

/** A path into a manifest, as in `['spec', 'template', 'spec', 'containers', 0, 'ports']`. */
export type ObjectPath = readonly (string | number)[];

/** Where a path landed: the map entry (when the last step was a key) and the value node. */
export interface PathTarget {
  pair?: Pair<Node, Node | null>;
  node?: Node | null;
  /** How many steps of the path were found; less than the path's length when it was cut short. */
  depth: number;
}

const MAX_MERGE_DEPTH = 16;

/**
 * Follows `path` from `root` through maps and sequences, looking through aliases and `<<` merge
 * keys the way kubectl does, so a range can be reported on the node a value really comes from.
 * Stops at the deepest node that exists.
 */
export function followPath(document: Document, root: Node | null | undefined, path: ObjectPath): PathTarget {
  let target: PathTarget = { node: root, depth: 0 };
  let current = resolveAlias(document, root);
  for (const step of path) {
    if (typeof step === 'number') {
      if (!isSeq(current) || step < 0 || step >= current.items.length) break;
      const item = current.items[step] as Node | null;
      target = { node: item, depth: target.depth + 1 };
      current = resolveAlias(document, item);
    } else {
      if (!isMap(current)) break;
      const pair = findPair(document, current, step, 0);
      if (!pair) break;
      target = { pair, node: pair.value, depth: target.depth + 1 };
      current = resolveAlias(document, pair.value);
    }
  }
  return target;
}

function resolveAlias(document: Document, node: Node | null | undefined): Node | undefined {
  if (!node) return undefined;
  return isAlias(node) ? node.resolve(document) : node;
}

// The last entry with the key wins, as in the value conversion; keys merged in with `<<` come after
// the map's own keys, and earlier merge sources override later ones.
function findPair(document: Document, map: YAMLMap, key: string, mergeDepth: number): Pair<Node, Node | null> | undefined {
  const pairs = map.items as Pair<Node, Node | null>[];
  const own = pairs.length >= INDEXED_MAP_SIZE ? indexOf(map).get(key) : lastOwnPair(pairs, key);
  if (own) return own;
  if (mergeDepth >= MAX_MERGE_DEPTH) return undefined;
  for (const pair of pairs) {
    if (!isScalar(pair.key) || !isMergeKey(pair.key.value)) continue;
    const source = resolveAlias(document, pair.value);
    const sources = isSeq(source) ? (source.items as Node[]).map((item) => resolveAlias(document, item)) : [source];
    for (const merged of sources) {
      if (!isMap(merged)) continue;
      const found = findPair(document, merged, key, mergeDepth + 1);
      if (found) return found;
    }
  }
  return undefined;
}

function lastOwnPair(pairs: readonly Pair<Node, Node | null>[], key: string): Pair<Node, Node | null> | undefined {
  for (let i = pairs.length - 1; i >= 0; i--) {
    const candidate = pairs[i].key;
    if (isScalar(candidate) && !isMergeKey(candidate.value) && String(candidate.value) === key) return pairs[i];
  }
  return undefined;
}

// Rules locate many keys of one map (each label of a selector, each key of a ConfigMap): scanning a
// map of thousands of entries once per key is quadratic, so large maps get a key table, built on
// first use. Parsed documents are never modified, so the table stays true; the length check is a guard.
const INDEXED_MAP_SIZE = 32;
const mapIndexes = new WeakMap<YAMLMap, { length: number; pairs: Map<string, Pair<Node, Node | null>> }>();

function indexOf(map: YAMLMap): Map<string, Pair<Node, Node | null>> {
  const items = map.items as Pair<Node, Node | null>[];
  const cached = mapIndexes.get(map);
  if (cached && cached.length === items.length) return cached.pairs;
  const pairs = new Map<string, Pair<Node, Node | null>>();
  // In order, so that the last entry with a key is the one kept.
  for (const pair of items) {
    if (isScalar(pair.key) && !isMergeKey(pair.key.value)) pairs.set(String(pair.key.value), pair);
  }
  mapIndexes.set(map, { length: items.length, pairs });
  return pairs;
}

// With merge keys enabled, a plain `<<` key is parsed to a symbol; a quoted "<<" stays a string key.
function isMergeKey(value: unknown): boolean {
  return typeof value === 'symbol' && value.description === '<<';
}
