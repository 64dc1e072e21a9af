// Lists of names in messages and answers: capped, so a text stays readable next to the code.

/** "a, b, c", or "a, b, c and 5 more" past `limit`. */
export function cappedList(names: readonly string[], limit: number): string {
  if (names.length <= limit) return names.join(', ');
  return `${names.slice(0, limit).join(', ')} and ${names.length - limit} more`;
}

/** "A", "A and B", "A, B and C", "A, B, C and 4 more": a list inside a sentence. */
export function listNames(names: readonly string[], limit = 3): string {
  if (names.length > limit) return cappedList(names, limit);
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
