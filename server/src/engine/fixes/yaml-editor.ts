import { isAlias, isMap, isScalar, isSeq, Scalar, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import type { ManifestDocument } from '../manifest/document';
import type { KubeObject } from '../manifest/kube-object';
import type { ObjectPath } from '../manifest/yaml-path';
import type { TextEdit } from './fix';
import { detectStyle, renderBlockLines, renderEntry, renderFlow, renderScalar, type YamlStyle } from './yaml-style';

type Collection = YAMLMap<Node, Node | null> | YAMLSeq<Node | null>;
type YamlPair = Pair<Node, Node | null>;

/** One step of a resolved path: the collection it is in and, in a map, the entry. */
interface Step {
  parent: Collection;
  index: number;
  pair?: YamlPair;
  node: Node | null;
}

/**
 * Minimal text edits of one object's YAML, computed from the parsed nodes' source ranges: only the
 * text at fault changes, so comments, key order, quoting, flow or block style, line ends and the
 * file's indentation survive. Every method returns undefined when it cannot edit safely (the path
 * runs through an alias or a merge key, whose text other objects share, or has an unexpected shape).
 * An anchored node is edited where it is written, which changes its aliases too: the engine's check
 * of the fix judges the whole document (and drops a removal that would leave an alias dangling).
 */
export class YamlEditor {
  private readonly document: ManifestDocument;
  private readonly source: string;
  private cachedStyle?: YamlStyle;

  constructor(private readonly object: KubeObject) {
    this.document = object.document;
    this.source = object.document.source;
  }

  get style(): YamlStyle {
    return (this.cachedStyle ??= detectStyle(this.source));
  }

  /** True when `path` exists as written in this object (not through an alias or merge key). */
  has(path: ObjectPath): boolean {
    const steps = this.resolve(path);
    return steps !== undefined && steps.length === path.length;
  }

  /**
   * Removes the entry or item at `path`. A collection left empty is removed with its own entry
   * (`capabilities: {add: [NET_ADMIN]}` goes whole), never past the object itself.
   */
  remove(path: ObjectPath): TextEdit[] | undefined {
    const steps = this.resolve(path);
    if (!steps || steps.length !== path.length || steps.length === 0) return undefined;
    const last = steps[steps.length - 1];
    if (last.parent.items.length === 1 && path.length > 1) return this.remove(path.slice(0, -1));
    return last.parent.flow ? this.removeFlowItem(last) : this.removeBlockItem(last);
  }

  /** Replaces the scalar at `path`, keeping its quoting style when the new value is a string. */
  replaceScalar(path: ObjectPath, value: string | number | boolean): TextEdit[] | undefined {
    const steps = this.resolve(path);
    if (!steps || steps.length !== path.length) return undefined;
    const node = steps[steps.length - 1]?.node;
    if (!isScalar(node) || !node.range || node.type === Scalar.BLOCK_FOLDED || node.type === Scalar.BLOCK_LITERAL) return undefined;
    return [this.edit(node.range[0], node.range[1], renderLike(node, value))];
  }

  /**
   * Sets the map entry at `path` to `value`, creating the maps on the way (`securityContext:
   * {capabilities: ...}`). An existing scalar is replaced; an existing collection is left alone.
   */
  set(path: ObjectPath, value: unknown): TextEdit[] | undefined {
    const steps = this.resolve(path);
    if (!steps) return undefined;
    const last = steps[steps.length - 1];
    if (steps.length === path.length) {
      if (last && isScalar(last.node) && last.node.value === null) return last.pair ? this.fillEmpty(last, value) : undefined;
      if (last && isScalar(last.node) && !isCollectionValue(value)) return this.replaceScalar(path, value as string | number | boolean);
      return undefined;
    }
    const rest = path.slice(steps.length);
    if (rest.some((step) => typeof step !== 'string')) return undefined;
    const nested = (rest.slice(1) as string[]).reduceRight<unknown>((inner, key) => ({ [key]: inner }), value);
    const key = rest[0] as string;
    const container = last ? last.node : this.root();
    if (isMap(container)) return this.insertPair(container as YAMLMap<Node, Node | null>, key, nested);
    if (last && isScalar(container) && container.value === null && last.pair) return this.fillEmpty(last, { [key]: nested });
    return undefined;
  }

  /** Appends `item` to the sequence at `path`, creating the sequence (and its parents) if needed. */
  append(path: ObjectPath, item: unknown): TextEdit[] | undefined {
    const steps = this.resolve(path);
    if (!steps) return undefined;
    if (steps.length < path.length) return this.set(path, [item]);
    const last = steps[steps.length - 1];
    if (isScalar(last?.node) && last.node.value === null) return this.set(path, [item]);
    if (!isSeq(last?.node)) return undefined;
    const sequence = last.node as YAMLSeq<Node | null>;
    if (!sequence.range) return undefined;
    if (sequence.flow) return this.insertFlowItem(sequence, renderFlow(item, this.style));
    const first = sequence.items[0];
    const lastItem = sequence.items[sequence.items.length - 1];
    if (!first?.range || !lastItem?.range) return undefined;
    const dash = this.source.lastIndexOf('-', first.range[0]);
    const column = dash - this.lineStart(dash);
    // Items written as "-   name: a" keep their wider gap after the dash.
    const gap = this.source.slice(dash, first.range[0]).includes('\n') ? 2 : Math.max(2, first.range[0] - dash);
    const lines = renderBlockLines([item], this.style).map((line, index) => ' '.repeat(column) + (index === 0 ? `-${' '.repeat(gap - 1)}${line.slice(2)}` : ' '.repeat(gap - 2) + line));
    return [this.insertLinesAfter(lastItem, lastItem.range[1], lastItem.range[0], lines)];
  }

  /** Inserts `key: value` as the last entry of the map at `path` (which must exist). */
  addEntry(path: ObjectPath, key: string, value: unknown): TextEdit[] | undefined {
    const steps = this.resolve(path);
    if (!steps || steps.length !== path.length) return undefined;
    const map = steps.length === 0 ? this.root() : steps[steps.length - 1].node;
    return isMap(map) ? this.insertPair(map as YAMLMap<Node, Node | null>, key, value) : undefined;
  }

  /**
   * Renames the key of the map entry at `path` to `newKey`, replacing only the key's text and
   * keeping its quoting. Undefined when the map already has `newKey`, or has a merge key (which
   * may hold it), since the result would then hold or shadow another entry.
   */
  renameKey(path: ObjectPath, newKey: string): TextEdit[] | undefined {
    const key = path[path.length - 1];
    if (typeof key !== 'string') return undefined;
    const steps = this.resolve(path.slice(0, -1));
    if (!steps || steps.length !== path.length - 1) return undefined;
    const map = steps.length === 0 ? this.root() : steps[steps.length - 1].node;
    if (!isMap(map)) return undefined;
    const pairs = (map as YAMLMap<Node, Node | null>).items;
    if (pairs.some((pair) => isScalar(pair.key) && typeof pair.key.value === 'symbol')) return undefined;
    const index = findOwnKey(map as YAMLMap<Node, Node | null>, key);
    if (index === -1 || findOwnKey(map as YAMLMap<Node, Node | null>, newKey) !== -1) return undefined;
    const node = pairs[index].key;
    if (!isScalar(node) || !node.range || node.type === Scalar.BLOCK_FOLDED || node.type === Scalar.BLOCK_LITERAL) return undefined;
    return [this.edit(node.range[0], node.range[1], renderLike(node, newKey))];
  }

  private root(): Node | undefined {
    const steps = this.resolveFrom(this.document.yaml.contents as Node | null, this.object.basePath);
    if (!steps || steps.length !== this.object.basePath.length) return undefined;
    return steps.length === 0 ? ((this.document.yaml.contents as Node | null) ?? undefined) : (steps[steps.length - 1].node ?? undefined);
  }

  private resolve(path: ObjectPath): Step[] | undefined {
    const root = this.root();
    return root ? this.resolveFrom(root, path) : undefined;
  }

  // Follows the path through the written nodes only: an alias or a merged key means the text is
  // shared with other places, so there is nothing this object alone may edit.
  private resolveFrom(root: Node | null, path: ObjectPath): Step[] | undefined {
    const steps: Step[] = [];
    let current: Node | null = root;
    for (const step of path) {
      if (isAlias(current)) return undefined;
      if (typeof step === 'number') {
        if (!isSeq(current)) break;
        const sequence = current as YAMLSeq<Node | null>;
        if (step < 0 || step >= sequence.items.length) break;
        const node = sequence.items[step];
        steps.push({ parent: sequence, index: step, node });
        current = node;
      } else {
        if (!isMap(current)) break;
        const map = current as YAMLMap<Node, Node | null>;
        const index = findOwnKey(map, step);
        if (index === -1) {
          if (map.items.some((pair) => isScalar(pair.key) && typeof pair.key.value === 'symbol')) return undefined;
          break;
        }
        const pair = map.items[index];
        steps.push({ parent: map, index, pair, node: pair.value });
        current = pair.value;
      }
    }
    if (isAlias(current) && steps.length === path.length) return undefined;
    return steps;
  }

  private removeBlockItem(step: Step): TextEdit[] | undefined {
    const start = itemStart(step);
    const end = itemEnd(step);
    if (start === undefined || end === undefined) return undefined;
    const contentEnd = this.contentEnd(end, start);
    if (step.pair) {
      const lineStart = this.lineStart(start);
      if (this.source.slice(lineStart, start).trim() === '') return [this.edit(lineStart, this.nextLineStart(contentEnd), '')];
      // The first entry of a map that is a sequence item shares the line with its "- ": the next
      // entry moves up in its place.
      const next = step.parent.items[step.index + 1] as YamlPair | undefined;
      const nextStart = next?.key?.range?.[0];
      return nextStart === undefined ? undefined : [this.edit(start, nextStart, '')];
    }
    const dash = this.source.lastIndexOf('-', start);
    const lineStart = this.lineStart(dash);
    if (dash < lineStart || this.source.slice(lineStart, dash).trim() !== '') return undefined;
    return [this.edit(lineStart, this.nextLineStart(contentEnd), '')];
  }

  private removeFlowItem(step: Step): TextEdit[] | undefined {
    const items = step.parent.items as (YamlPair | Node | null)[];
    const start = itemStart(step);
    const end = itemEnd(step);
    if (start === undefined || end === undefined) return undefined;
    if (step.index < items.length - 1) {
      const next = stepAt(step.parent, step.index + 1);
      const nextStart = next && itemStart(next);
      return nextStart === undefined ? undefined : [this.edit(start, nextStart, '')];
    }
    const previous = stepAt(step.parent, step.index - 1);
    const previousEnd = previous && itemEnd(previous);
    return previousEnd === undefined ? undefined : [this.edit(this.contentEnd(previousEnd, 0), this.contentEnd(end, start), '')];
  }

  private insertPair(map: YAMLMap<Node, Node | null>, key: string, value: unknown): TextEdit[] | undefined {
    if (!map.range) return undefined;
    if (map.flow) return this.insertFlowItem(map as Collection, `${renderScalar(key)}: ${renderFlow(value, this.style)}`);
    const first = map.items[0];
    const lastPair = map.items[map.items.length - 1];
    const firstKey = first?.key?.range;
    const lastEnd = lastPair ? itemEnd({ parent: map as Collection, index: map.items.length - 1, pair: lastPair, node: lastPair.value }) : undefined;
    if (!firstKey || lastEnd === undefined) return undefined;
    const column = firstKey[0] - this.lineStart(firstKey[0]);
    const lines = renderEntry(key, value, this.style).map((line) => ' '.repeat(column) + line);
    return [this.insertLinesAfter(lastPair.value, lastEnd, firstKey[0], lines)];
  }

  private insertFlowItem(collection: Collection, text: string): TextEdit[] | undefined {
    if (!collection.range) return undefined;
    const items = collection.items as (YamlPair | Node | null)[];
    if (items.length === 0) {
      const open = collection.range[0] + 1;
      const pad = this.style.paddedFlow ? ' ' : '';
      return [this.edit(open, open, `${pad}${text}${pad}`)];
    }
    const last = stepAt(collection, items.length - 1);
    const end = last && itemEnd(last);
    if (end === undefined) return undefined;
    const at = this.contentEnd(end, 0);
    return [this.edit(at, at, `, ${text}`)];
  }

  /** Gives an entry written without a value (`securityContext:`) or as `null`/`~` one. */
  private fillEmpty(step: Step, value: unknown): TextEdit[] | undefined {
    const node = step.node as Scalar;
    const key = step.pair?.key?.range;
    if (!key || !node.range) return undefined;
    if (node.source !== '' || step.parent.flow || !isCollectionValue(value)) {
      return [this.edit(node.range[0], node.range[1], isCollectionValue(value) ? renderFlow(value, this.style) : renderScalar(value))];
    }
    const column = key[0] - this.lineStart(key[0]);
    const offset = Array.isArray(value) ? this.style.sequenceOffset : this.style.indent;
    const lines = renderBlockLines(value, this.style).map((line) => ' '.repeat(column + offset) + line);
    const at = this.lineEnd(key[1]);
    return [this.edit(at, at, this.style.eol + lines.join(this.style.eol))];
  }

  /**
   * Inserts whole lines after the entry or item that ends at `end`: at the end of its last line,
   * or, when it ends in a block scalar that keeps its trailing blank lines (`|+`), after those
   * lines, which belong to its value.
   */
  private insertLinesAfter(last: Node | null | undefined, end: number, floor: number, lines: readonly string[]): TextEdit {
    const kept = this.keptBlockScalar(last);
    if (kept?.range && this.source[kept.range[1] - 1] === '\n') {
      const at = kept.range[1];
      return this.edit(at, at, lines.join(this.style.eol) + this.style.eol);
    }
    const at = this.lineEnd(this.contentEnd(end, floor));
    return this.edit(at, at, this.style.eol + lines.join(this.style.eol));
  }

  /** The block scalar with keep chomping (`|+`, `>2+`) a node ends with, if it ends with one. */
  private keptBlockScalar(node: Node | null | undefined): Scalar | undefined {
    let current: unknown = node;
    for (let depth = 0; depth < 64 && current; depth++) {
      if (isScalar(current)) {
        const isBlock = current.type === Scalar.BLOCK_LITERAL || current.type === Scalar.BLOCK_FOLDED;
        const header = isBlock && current.range ? /^[|>][-+0-9]*/.exec(this.source.slice(current.range[0], current.range[0] + 8))?.[0] : undefined;
        return header?.includes('+') ? current : undefined;
      }
      if (isMap(current)) current = (current.items[current.items.length - 1] as YamlPair | undefined)?.value;
      else if (isSeq(current)) current = current.items[current.items.length - 1];
      else return undefined;
    }
    return undefined;
  }

  private edit(start: number, end: number, newText: string): TextEdit {
    return { range: this.document.rangeAt(start, end), newText };
  }

  /** The offset just past the last non-blank character before `end` (not before `floor`). */
  private contentEnd(end: number, floor: number): number {
    let at = end;
    while (at > floor && /\s/.test(this.source[at - 1])) at--;
    return at;
  }

  private lineStart(offset: number): number {
    return this.source.lastIndexOf('\n', offset - 1) + 1;
  }

  /** The end of the line `offset` is on, before its line break. */
  private lineEnd(offset: number): number {
    const newline = this.source.indexOf('\n', offset);
    if (newline === -1) return this.source.length;
    return this.source[newline - 1] === '\r' ? newline - 1 : newline;
  }

  private nextLineStart(offset: number): number {
    const newline = this.source.indexOf('\n', offset);
    return newline === -1 ? this.source.length : newline + 1;
  }
}

function findOwnKey(map: YAMLMap<Node, Node | null>, key: string): number {
  for (let i = map.items.length - 1; i >= 0; i--) {
    const candidate = map.items[i].key;
    if (isScalar(candidate) && typeof candidate.value !== 'symbol' && String(candidate.value) === key) return i;
  }
  return -1;
}

function stepAt(parent: Collection, index: number): Step | undefined {
  const item = (parent.items as (YamlPair | Node | null)[])[index];
  if (item === undefined) return undefined;
  if (isMap(parent)) {
    const pair = item as YamlPair;
    return { parent, index, pair, node: pair.value };
  }
  return { parent, index, node: item as Node | null };
}

function itemStart(step: Step): number | undefined {
  return step.pair ? step.pair.key?.range?.[0] : (step.node?.range?.[0] ?? undefined);
}

function itemEnd(step: Step): number | undefined {
  if (step.pair) return step.pair.value?.range?.[1] ?? step.pair.key?.range?.[1];
  return step.node?.range?.[1] ?? undefined;
}

function isCollectionValue(value: unknown): boolean {
  return typeof value === 'object' && value !== null;
}

/** The new value in the old scalar's quoting, when both are strings. */
function renderLike(node: Scalar, value: string | number | boolean): string {
  if (typeof value === 'string' && typeof node.value === 'string') {
    if (node.type === Scalar.QUOTE_DOUBLE) return JSON.stringify(value);
    if (node.type === Scalar.QUOTE_SINGLE) return `'${value.replace(/'/g, "''")}'`;
  }
  return renderScalar(value);
}
