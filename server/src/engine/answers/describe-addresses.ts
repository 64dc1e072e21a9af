import { ipv4SetToCidrs, LAST_IPV4, normalizeIpv4, numberToIpv4, subtractIpv4, type Ipv4Range, type Ipv4Set } from '../net/ipv4-set';
import { cappedList } from './name-lists';

/**
 * A set of IPv4 addresses the shortest way: "any address", "10.0.0.0/8 except 10.1.0.0/16" (the
 * smallest block holding them minus the gaps, as policies write it), or the list of blocks.
 */
export function addressesText(ranges: readonly Ipv4Range[], limit = 4): string {
  const set = normalizeIpv4(ranges);
  if (set.length === 0) return 'no address';
  const cover = coveringBlock(set);
  const except = ipv4SetToCidrs(subtractIpv4([cover.range], set));
  const blocks = ipv4SetToCidrs(set);
  const whole = cover.prefixLength === 0;
  if (except.length === 0) return whole ? 'any address' : blocks[0];
  if (except.length < blocks.length) return `${whole ? 'any address' : cover.text} except ${cappedList(except, limit)}`;
  return cappedList(blocks, limit);
}

/** The smallest CIDR block that holds every address of a non-empty set. */
function coveringBlock(set: Ipv4Set): { range: Ipv4Range; prefixLength: number; text: string } {
  const first = set[0].first;
  const last = set[set.length - 1].last;
  for (let prefixLength = 32; prefixLength > 0; prefixLength--) {
    const size = 2 ** (32 - prefixLength);
    const start = Math.floor(first / size) * size;
    if (start + size - 1 >= last) return { range: { first: start, last: start + size - 1 }, prefixLength, text: `${numberToIpv4(start)}/${prefixLength}` };
  }
  return { range: { first: 0, last: LAST_IPV4 }, prefixLength: 0, text: '0.0.0.0/0' };
}
