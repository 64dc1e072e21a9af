import type { TextEdit } from '../../fixes/fix';

/**
 * The edits of several changes that make one fix together, or undefined when any of them cannot be
 * made: a fix that does half of its job (the type changed but a node port left behind) is not one.
 */
export function allEdits(parts: readonly (TextEdit[] | undefined)[]): TextEdit[] | undefined {
  const edits: TextEdit[] = [];
  for (const part of parts) {
    if (!part) return undefined;
    edits.push(...part);
  }
  return edits;
}
