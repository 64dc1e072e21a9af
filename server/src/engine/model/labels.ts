import { isPlainObject } from '../manifest/kube-object';

export type Labels = Readonly<Record<string, string>>;

/**
 * A label map as the API server would hold it. Scalars are read as written (`version: 1` as "1"),
 * the same way for labels and selectors, so they keep matching each other; null, maps and lists
 * are no label value and are dropped.
 */
export function labelsOf(value: unknown): Record<string, string> {
  const labels: Record<string, string> = {};
  if (!isPlainObject(value)) return labels;
  for (const [key, entry] of Object.entries(value)) {
    const text = labelText(entry);
    if (text !== undefined) labels[key] = text;
  }
  return labels;
}

/** The text of a label (or selector) value, or undefined when it is not a scalar. */
export function labelText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}
