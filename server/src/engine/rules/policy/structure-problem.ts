import type { RangePart } from '../../manifest/document';
import { isPlainObject } from '../../manifest/kube-object';
import type { ObjectPath } from '../../manifest/yaml-path';

/**
 * What a mistake stands for when it has one clear meaning, for a fix: the field a misspelled key
 * names, the value meant (a case-sensitive enum), or a scalar's text that must be a quoted string.
 */
export type Correction = { key: string } | { value: string } | { quoted: string };

/** One structure mistake of a NetworkPolicy, before it becomes a finding. */
export interface Problem {
  /** Where the mistake is (for ranges, and to keep one finding per mistake). */
  path: ObjectPath;
  part: RangePart;
  message: string;
  correction?: Correction;
}

/** A value as messages show it: `a list`, `the text "x"`, `the number 1.5`, `empty`. */
export function describeValue(data: unknown): string {
  if (data === null || data === undefined) return 'empty';
  if (Array.isArray(data)) return 'a list';
  if (isPlainObject(data)) return 'a map';
  if (typeof data === 'string') return `the text "${data}"`;
  return `the ${typeof data} ${String(data)}`;
}

// A scalar is reported with its key; a map or list only on its key, not on its whole block.
export function partFor(data: unknown): RangePart {
  return Array.isArray(data) || isPlainObject(data) ? 'key' : 'pair';
}

/** Field names as prose: `a`, `a` and `b`, `a`, `b` and `c`. */
export function listOf(names: readonly string[]): string {
  const quoted = names.map((name) => `\`${name}\``);
  return quoted.length <= 1 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}`;
}
