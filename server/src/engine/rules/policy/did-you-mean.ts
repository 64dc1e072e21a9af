/**
 * The known name a misspelled one most likely stands for: same letters in another case, or at most
 * one edit away (two for names of eight letters or more). Undefined when nothing is that close.
 */
export function didYouMean(name: string, known: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  let best: { name: string; distance: number } | undefined;
  for (const candidate of known) {
    const candidateLower = candidate.toLowerCase();
    // More than two letters longer or shorter is more than two edits: never close enough.
    if (Math.abs(candidateLower.length - lower.length) > 2) continue;
    const distance = editDistance(lower, candidateLower);
    if (distance === 0) return candidate;
    if (!best || distance < best.distance) best = { name: candidate, distance };
  }
  if (!best) return undefined;
  const allowed = Math.min(name.length, best.name.length) >= 8 ? 2 : 1;
  return best.distance <= allowed ? best.name : undefined;
}

// Damerau-Levenshtein (optimal string alignment): a swap of two neighbouring letters is one edit.
function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const columns = b.length + 1;
  const table: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: columns }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < columns; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      table[i][j] = Math.min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) table[i][j] = Math.min(table[i][j], table[i - 2][j - 2] + 1);
    }
  }
  return table[rows - 1][columns - 1];
}
