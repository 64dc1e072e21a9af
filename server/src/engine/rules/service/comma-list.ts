/**
 * A comma-separated annotation value with some entries rewritten: `rewrite` gets each trimmed entry
 * and returns its new text, null to drop it, or undefined to keep it. The spacing around entries is kept.
 */
export function rewriteCommaList(value: string, rewrite: (entry: string) => string | null | undefined): string {
  const parts: string[] = [];
  for (const part of value.split(',')) {
    const entry = part.trim();
    const next = rewrite(entry);
    if (next === null) continue;
    parts.push(next === undefined || entry === '' ? part : part.replace(entry, next));
  }
  // A dropped first entry leaves the space that followed its comma.
  return parts.join(',').replace(/^\s+/, value.match(/^\s*/)?.[0] ?? '');
}
