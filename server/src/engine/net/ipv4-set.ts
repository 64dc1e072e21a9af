import ipaddr from 'ipaddr.js';
import type { Cidr } from './cidr';
import { intersectRanges, mergeRanges, type IntegerRange } from './integer-ranges';

/**
 * Sets of IPv4 addresses as sorted, disjoint, non-adjacent inclusive ranges of 32-bit numbers.
 * Interval arithmetic keeps `cidr` minus `except` exact whatever the blocks, and any set can be
 * written back as the fewest CIDR blocks.
 */
export type Ipv4Range = IntegerRange;

export type Ipv4Set = readonly Ipv4Range[];

export const LAST_IPV4 = 2 ** 32 - 1;
export const NO_IPV4: Ipv4Set = [];
export const ALL_IPV4: Ipv4Set = [{ first: 0, last: LAST_IPV4 }];

/** The addresses of an IPv4 block (host bits ignored, as the network does); empty for IPv6. */
export function ipv4SetOfCidr(cidr: Cidr): Ipv4Set {
  if (cidr.kind !== 'ipv4') return NO_IPV4;
  const size = 2 ** (32 - cidr.prefixLength);
  const first = Math.floor(ipv4ToNumber(cidr.address as ipaddr.IPv4) / size) * size;
  return [{ first, last: first + size - 1 }];
}

export function ipv4ToNumber(address: ipaddr.IPv4): number {
  return address.octets.reduce((value, octet) => value * 256 + octet, 0);
}

export function numberToIpv4(value: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.');
}

/** Sorts, then joins overlapping and adjacent ranges. */
export function normalizeIpv4(ranges: readonly Ipv4Range[]): Ipv4Set {
  return mergeRanges(ranges);
}

export function unionIpv4(a: Ipv4Set, b: Ipv4Set): Ipv4Set {
  return normalizeIpv4([...a, ...b]);
}

export function intersectIpv4(a: Ipv4Set, b: Ipv4Set): Ipv4Set {
  return intersectRanges(a, b);
}

export function subtractIpv4(from: Ipv4Set, removed: Ipv4Set): Ipv4Set {
  return intersectIpv4(from, complementIpv4(removed));
}

export function complementIpv4(set: Ipv4Set): Ipv4Set {
  const result: Ipv4Range[] = [];
  let next = 0;
  for (const range of set) {
    if (range.first > next) result.push({ first: next, last: range.first - 1 });
    next = range.last + 1;
  }
  if (next <= LAST_IPV4) result.push({ first: next, last: LAST_IPV4 });
  return result;
}

export function ipv4SetContains(set: Ipv4Set, address: number): boolean {
  let low = 0;
  let high = set.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (address < set[middle].first) high = middle - 1;
    else if (address > set[middle].last) low = middle + 1;
    else return true;
  }
  return false;
}

/** An aligned block of 2^(32 - prefixLength) addresses: one CIDR. */
export interface Ipv4Block extends Ipv4Range {
  prefixLength: number;
}

/** The fewest CIDR blocks that cover exactly the set, in address order. */
export function ipv4SetToCidrs(set: Ipv4Set): string[] {
  return set.flatMap((range) => ipv4RangeToCidrs(range));
}

export function ipv4RangeToCidrs(range: Ipv4Range): string[] {
  return ipv4RangeToBlocks(range).map(blockText);
}

/** "10.0.0.0/8". */
export function blockText(block: Ipv4Block): string {
  return `${numberToIpv4(block.first)}/${block.prefixLength}`;
}

/**
 * The fewest CIDR blocks covering exactly `first..last`: from the low end, always take the largest
 * block that starts there (aligned) and does not pass `last`.
 */
export function ipv4RangeToBlocks({ first, last }: Ipv4Range): Ipv4Block[] {
  const blocks: Ipv4Block[] = [];
  let start = first;
  while (start <= last) {
    let size = start === 0 ? 2 ** 32 : largestAlignedBlock(start);
    while (start + size - 1 > last) size /= 2;
    blocks.push({ first: start, last: start + size - 1, prefixLength: 32 - Math.log2(size) });
    start += size;
  }
  return blocks;
}

// The largest power of two dividing `start` (JS bit operators are 32-bit signed, so divide instead).
function largestAlignedBlock(start: number): number {
  let size = 1;
  while (size < 2 ** 32 && start % (size * 2) === 0) size *= 2;
  return size;
}

/** "10.0.0.0-10.255.255.255", the range form np-guard's analyzer prints. */
export function describeIpv4Range({ first, last }: Ipv4Range): string {
  return `${numberToIpv4(first)}-${numberToIpv4(last)}`;
}
