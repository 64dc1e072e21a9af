import type { Labels } from '../model';

/** Kubernetes object names are DNS labels here: at most 63 lowercase letters, digits and dashes. */
const MAX_NAME_LENGTH = 63;

/**
 * A stable, descriptive object name from its parts (`allow-from`, `frontend`, `8080`): lowercase,
 * anything else than letters and digits turned into dashes, cut to a valid length.
 */
export function policyName(...parts: readonly (string | number | undefined)[]): string {
  const text = parts
    .filter((part) => part !== undefined && part !== '')
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-');
  return text.slice(0, MAX_NAME_LENGTH).replace(/^-+|-+$/g, '');
}

/** How a name refers to pods by labels: their values (`app: web` is "web"), keys for empty values. */
export function labelsWord(labels: Labels | undefined): string | undefined {
  if (!labels) return undefined;
  const words = Object.entries(labels).map(([key, value]) => value || key.slice(key.lastIndexOf('/') + 1));
  return words.length > 0 ? words.join('-') : undefined;
}

/** A name not among `taken`: `base`, else `base-2`, `base-3`... */
export function freeName(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let suffix = 2; ; suffix++) {
    const candidate = `${base.slice(0, MAX_NAME_LENGTH - String(suffix).length - 1)}-${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}
