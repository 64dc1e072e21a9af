/**
 * Sets of integers (ports, IPv4 addresses as numbers) as sorted, disjoint, non-adjacent inclusive
 * ranges. Both port sets and address sets are built on these two operations.
 */
export interface IntegerRange {
  first: number;
  last: number;
}

/** Sorts, then joins overlapping and adjacent ranges. */
export function mergeRanges<T extends IntegerRange>(ranges: readonly T[]): IntegerRange[] {
  const sorted = [...ranges].sort((a, b) => a.first - b.first);
  const result: IntegerRange[] = [];
  for (const { first, last } of sorted) {
    const previous = result[result.length - 1];
    if (previous && first <= previous.last + 1) previous.last = Math.max(previous.last, last);
    else result.push({ first, last });
  }
  return result;
}

/** The intersection of two merged range lists. */
export function intersectRanges(a: readonly IntegerRange[], b: readonly IntegerRange[]): IntegerRange[] {
  const result: IntegerRange[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const first = Math.max(a[i].first, b[j].first);
    const last = Math.min(a[i].last, b[j].last);
    if (first <= last) result.push({ first, last });
    if (a[i].last < b[j].last) i++;
    else j++;
  }
  return result;
}
