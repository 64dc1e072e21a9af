import { LAST_IPV4, type Ipv4Range, type Ipv4Set } from '../net/ipv4-set';

export interface AddressPiece<T> {
  addresses: Ipv4Set;
  item: T;
}

export interface AddressBlock<V> {
  range: Ipv4Range;
  value: V;
}

/**
 * Splits the whole IPv4 space into consecutive ranges on which the same pieces apply, so that a
 * function "address -> what is allowed" can be computed once per range instead of per address.
 * The ranges cover 0.0.0.0-255.255.255.255 without gaps; a range no piece covers has no items.
 */
export function partitionAddresses<T>(pieces: readonly AddressPiece<T>[]): AddressBlock<T[]>[] {
  const starts = new Set<number>([0]);
  for (const { addresses } of pieces) {
    for (const range of addresses) {
      starts.add(range.first);
      if (range.last < LAST_IPV4) starts.add(range.last + 1);
    }
  }
  const sorted = [...starts].sort((a, b) => a - b);
  const blocks: AddressBlock<T[]>[] = sorted.map((first, index) => ({ range: { first, last: index + 1 < sorted.length ? sorted[index + 1] - 1 : LAST_IPV4 }, value: [] }));
  // Every piece boundary is a start, so each range of a piece covers whole blocks: found by binary
  // search, filled in piece order (the order `value` lists items in).
  const filledBy = new Int32Array(blocks.length).fill(-1);
  pieces.forEach((piece, pieceIndex) => {
    for (const range of piece.addresses) {
      for (let index = firstAtOrAfter(sorted, range.first); index < sorted.length && sorted[index] <= range.last; index++) {
        if (filledBy[index] === pieceIndex) continue; // overlapping ranges of one piece list it once
        filledBy[index] = pieceIndex;
        blocks[index].value.push(piece.item);
      }
    }
  });
  return blocks;
}

function firstAtOrAfter(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted[middle] < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Joins neighbouring blocks whose values are the same, so the output stays short. */
export function mergeAdjacentBlocks<V>(blocks: readonly AddressBlock<V>[], same: (a: V, b: V) => boolean): AddressBlock<V>[] {
  const result: AddressBlock<V>[] = [];
  for (const block of blocks) {
    const previous = result[result.length - 1];
    if (previous && previous.range.last + 1 === block.range.first && same(previous.value, block.value)) {
      previous.range = { first: previous.range.first, last: block.range.last };
    } else {
      result.push({ range: { ...block.range }, value: block.value });
    }
  }
  return result;
}
