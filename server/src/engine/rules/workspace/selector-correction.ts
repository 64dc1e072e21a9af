import { compileLabelSelector, type LabelSelector } from '../../connectivity';
import { isPlainObject } from '../../manifest/kube-object';
import type { ObjectPath } from '../../manifest/yaml-path';
import type { Labels } from '../../model';
import { didYouMean } from '../policy/did-you-mean';

// "Did you mean" for a selector that selects nothing: the one label of it that, respelled like a
// label the workspace's pods (or namespaces) carry, makes it select some of them.

/** A selector as written in an object: a LabelSelector, or a Service's bare label map. */
export interface WrittenSelector {
  /** From the object's root. */
  path: ObjectPath;
  value: unknown;
  form: 'label-selector' | 'label-map';
}

/** What a selector is tried on: workloads of a namespace, or the workspace's namespaces. */
export interface SelectionTargets<T> {
  targets: readonly T[];
  /** The same test the rule reports by, so a correction clears its finding. */
  selects(selector: LabelSelector, target: T): boolean;
  /** The label sets a target may be known by (a workload's objects can disagree). */
  labelSetsOf(target: T): readonly Labels[];
  nameOf(target: T): string;
  noun: 'workload' | 'namespace';
}

/** One label of a selector respelled: its key or its value. */
export interface SelectorCorrection {
  /** The scalar to replace, or the matchLabels entry whose key is renamed (from the object's root). */
  path: ObjectPath;
  edit: 'replace-scalar' | 'rename-key';
  part: 'key' | 'value';
  key: string;
  value: string;
  meant: string;
  /** The names of what the corrected selector selects. */
  selected: readonly string[];
  noun: 'workload' | 'namespace';
}

/** A label of the selector that a correction may respell, with the selector rewritten around it. */
interface EditableLabel {
  key: string;
  value: string;
  keyPath: ObjectPath;
  keyEdit: SelectorCorrection['edit'];
  valuePath: ObjectPath;
  /** The selector as written with this label replaced, or without it; undefined when that cannot be written. */
  rewrite(label?: { key: string; value: string }): unknown;
}

/**
 * The only one-label correction that makes a selector select something, or undefined when there is
 * none or more than one (the author's intent is then not known). Only `matchLabels` entries and
 * `In` expressions with one value (the same thing, written longer) are respelled; the selector's
 * other requirements still apply. Candidates come from the targets the other requirements admit.
 */
export function correctSelector<T>(written: WrittenSelector, selection: SelectionTargets<T>): SelectorCorrection | undefined {
  const compile = (value: unknown) => compileLabelSelector(written.form === 'label-map' ? { matchLabels: value } : value);
  const corrections: SelectorCorrection[] = [];
  const labels = editableLabels(written);
  const mayRespell = respellableLabels(labels, selection);
  for (const [index, label] of labels.entries()) {
    if (!mayRespell(index)) continue;
    const others = compile(label.rewrite());
    const labelSets = selection.targets.filter((target) => selection.selects(others, target)).flatMap((target) => selection.labelSetsOf(target));
    // A value is respelled like the values its key has; a key like the keys that carry its value.
    const knownValues = unique(labelSets.flatMap((labels) => (Object.prototype.hasOwnProperty.call(labels, label.key) ? [labels[label.key]] : [])));
    const knownKeys = unique(labelSets.flatMap((labels) => Object.keys(labels).filter((key) => labels[key] === label.value)));
    const attempts = [
      { part: 'value' as const, meant: onlyClosest(label.value, knownValues), path: label.valuePath, edit: 'replace-scalar' as const },
      { part: 'key' as const, meant: onlyClosest(label.key, knownKeys), path: label.keyPath, edit: label.keyEdit },
    ];
    for (const attempt of attempts) {
      if (attempt.meant === undefined) continue;
      const rewritten = label.rewrite(attempt.part === 'value' ? { key: label.key, value: attempt.meant } : { key: attempt.meant, value: label.value });
      if (rewritten === undefined) continue;
      const corrected = compile(rewritten);
      const selected = selection.targets.filter((target) => selection.selects(corrected, target));
      if (selected.length === 0) continue;
      corrections.push({ path: attempt.path, edit: attempt.edit, part: attempt.part, key: label.key, value: label.value, meant: attempt.meant, selected: selected.map((target) => selection.nameOf(target)), noun: selection.noun });
    }
  }
  return corrections.length === 1 ? corrections[0] : undefined;
}

/**
 * Which labels a respelling could be for. The selector is a conjunction, so a target that the
 * selector with label `i` respelled selects meets every other label on its own: a label is worth
 * trying only when some target misses no other label. Checking each label alone once keeps a
 * selector of thousands of labels linear, instead of rewriting and recompiling it once per label.
 */
function respellableLabels<T>(labels: readonly EditableLabel[], selection: SelectionTargets<T>): (index: number) => boolean {
  const alone = labels.map((label) => compileLabelSelector({ matchLabels: { [label.key]: label.value } }));
  let meetsAll = false;
  const missedOnly = new Set<number>();
  for (const target of selection.targets) {
    const missed: number[] = [];
    for (let index = 0; index < alone.length && missed.length < 2; index++) {
      if (!selection.selects(alone[index], target)) missed.push(index);
    }
    if (missed.length === 0) meetsAll = true;
    else if (missed.length === 1) missedOnly.add(missed[0]);
  }
  return (index) => meetsAll || missedOnly.has(index);
}

/**
 * The known name `written` most likely stands for, when no other is as close: `didYouMean` keeps
 * the first of equally close names, so asking it forwards and backwards tells a tie apart.
 */
function onlyClosest(written: string, known: readonly string[]): string | undefined {
  if (known.includes(written)) return undefined;
  const close = known.filter((candidate) => didYouMean(written, [candidate]) === candidate);
  const first = didYouMean(written, close);
  return first !== undefined && first === didYouMean(written, [...close].reverse()) ? first : undefined;
}

function editableLabels(written: WrittenSelector): EditableLabel[] {
  const { value, path } = written;
  if (!isPlainObject(value)) return [];
  if (written.form === 'label-map') return mapLabels(value, path, (map) => map);
  const labels = isPlainObject(value.matchLabels) ? mapLabels(value.matchLabels, [...path, 'matchLabels'], (map) => ({ ...value, matchLabels: map })) : [];
  const expressions = Array.isArray(value.matchExpressions) ? value.matchExpressions : [];
  expressions.forEach((expression, index) => {
    if (!isPlainObject(expression) || expression.operator !== 'In' || typeof expression.key !== 'string') return;
    const values = expression.values;
    if (!Array.isArray(values) || values.length !== 1 || typeof values[0] !== 'string') return;
    const at: ObjectPath = [...path, 'matchExpressions', index];
    labels.push({
      key: expression.key,
      value: values[0],
      keyPath: [...at, 'key'],
      keyEdit: 'replace-scalar',
      valuePath: [...at, 'values', 0],
      rewrite: (label) => ({
        ...value,
        matchExpressions: expressions.flatMap((other, otherIndex) => (otherIndex !== index ? [other] : label ? [{ ...expression, key: label.key, values: [label.value] }] : [])),
      }),
    });
  });
  return labels;
}

/** The string entries of a label map; `wrap` puts a rewritten map back into its selector. */
function mapLabels(map: Readonly<Record<string, unknown>>, path: ObjectPath, wrap: (map: Record<string, unknown>) => unknown): EditableLabel[] {
  return Object.entries(map).flatMap(([key, value]) => {
    if (typeof value !== 'string') return [];
    const entryPath: ObjectPath = [...path, key];
    return [
      {
        key,
        value,
        keyPath: entryPath,
        keyEdit: 'rename-key' as const,
        valuePath: entryPath,
        rewrite: (label?: { key: string; value: string }) => {
          // A key renamed onto another entry of the map would merge two labels: not a respelling.
          if (label && label.key !== key && Object.prototype.hasOwnProperty.call(map, label.key)) return undefined;
          return wrap(Object.fromEntries(Object.entries(map).flatMap(([other, otherValue]) => (other !== key ? [[other, otherValue]] : label ? [[label.key, label.value]] : []))));
        },
      },
    ];
  });
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
