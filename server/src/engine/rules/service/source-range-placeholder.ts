import { parseCidr } from '../../net/cidr';

// Documentation ranges (RFC 5737 TEST-NET-3, RFC 3849): they route nowhere, so a placeholder left in
// place locks clients out rather than letting the internet in.
const PLACEHOLDERS = { ipv4: '203.0.113.0/24', ipv6: '2001:db8::/32' };

/** What fix titles say of a placeholder range. */
export const PLACEHOLDER_NOTE = "(placeholder: set your clients' ranges)";

/** The placeholder of the family of `range` (IPv4 when it does not parse). */
export function placeholderRangeFor(range?: string): string {
  return range !== undefined && parseCidr(range)?.kind === 'ipv6' ? PLACEHOLDERS.ipv6 : PLACEHOLDERS.ipv4;
}
