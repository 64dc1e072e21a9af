import ipaddr from 'ipaddr.js';

/** A parsed CIDR block. */
export interface Cidr {
  address: ipaddr.IPv4 | ipaddr.IPv6;
  prefixLength: number;
  kind: 'ipv4' | 'ipv6';
  /** The text as written. */
  text: string;
}

/**
 * Parses "10.0.0.0/8" or "fd00::/8"; undefined when malformed (no prefix, bad address, prefix too
 * long). IPv4 must be written as four decimal parts, as Kubernetes requires ("10.0/8" is refused).
 */
export function parseCidr(text: string): Cidr | undefined {
  if (typeof text !== 'string' || !text.includes('/')) return undefined;
  const trimmed = text.trim();
  const addressText = trimmed.slice(0, trimmed.indexOf('/'));
  if (!addressText.includes(':') && !ipaddr.IPv4.isValidFourPartDecimal(addressText)) return undefined;
  try {
    // ipaddr.parseCIDR tries IPv6 first, and its throw costs more than the parse: IPv4 goes straight there.
    const [address, prefixLength] = addressText.includes(':') ? ipaddr.parseCIDR(trimmed) : ipaddr.IPv4.parseCIDR(trimmed);
    return { address, prefixLength, kind: address.kind(), text };
  } catch {
    return undefined;
  }
}

/** Parses a single address (no prefix). */
export function parseAddress(text: string): ipaddr.IPv4 | ipaddr.IPv6 | undefined {
  try {
    return ipaddr.parse(text.trim());
  } catch {
    return undefined;
  }
}

/** Whether the block covers every address of its family (0.0.0.0/0, ::/0). */
export function isWholeInternet(cidr: Cidr): boolean {
  return cidr.prefixLength === 0;
}

/** Whether `address` lies in `cidr` (false across address families). */
export function cidrContains(cidr: Cidr, address: ipaddr.IPv4 | ipaddr.IPv6): boolean {
  if (cidr.kind !== address.kind()) return false;
  return address.match([cidr.address, cidr.prefixLength] as [typeof address, number]);
}

/** Whether `inner` lies entirely inside `outer`. */
export function cidrWithin(inner: Cidr, outer: Cidr): boolean {
  return inner.kind === outer.kind && inner.prefixLength >= outer.prefixLength && cidrContains(outer, inner.address);
}

/** Whether the address bits after the prefix are all zero ("10.0.0.0/8", not "10.1.2.3/8"). */
export function hasHostBitsClear(cidr: Cidr): boolean {
  const network = ipaddr.parseCIDR(`${networkAddress(cidr)}/${cidr.prefixLength}`)[0];
  return network.toNormalizedString() === cidr.address.toNormalizedString();
}

/** The network address of a block, as text. */
export function networkAddress(cidr: Cidr): string {
  const bytes = cidr.address.toByteArray();
  let remaining = cidr.prefixLength;
  const masked = bytes.map((byte) => {
    const keep = Math.max(0, Math.min(8, remaining));
    remaining -= 8;
    return keep === 0 ? 0 : byte & (0xff << (8 - keep)) & 0xff;
  });
  return ipaddr.fromByteArray(masked).toString();
}

/** Whether two blocks are the same network (same family, prefix and network address). */
export function sameBlock(a: Cidr, b: Cidr): boolean {
  return a.kind === b.kind && a.prefixLength === b.prefixLength && networkAddress(a) === networkAddress(b);
}

/**
 * Why Kubernetes refuses (or, for older API servers, only warns about) a CIDR text that `parseCidr` may
 * still read: undefined when the text is a plain, unambiguous CIDR. Host bits are checked separately
 * (`hasHostBitsClear`), since the address part itself is fine then.
 */
export type CidrSyntaxProblem = 'malformed' | 'whitespace' | 'leading-zeros' | 'ipv4-mapped' | 'zone' | 'prefix-leading-zeros';

export function cidrSyntaxProblem(text: string): CidrSyntaxProblem | undefined {
  if (typeof text !== 'string' || text === '') return 'malformed';
  if (text.trim() !== text) return 'whitespace';
  const slash = text.indexOf('/');
  const addressText = text.slice(0, slash);
  const prefixText = text.slice(slash + 1);
  if (slash === -1 || !/^\d+$/.test(prefixText)) return 'malformed';
  if (addressText.includes('%')) return 'zone';
  // Go's parser reads "010" as ten, libc as eight: Kubernetes warns, then refuses (CVE-2021-29923).
  if (/^[\d.]+$/.test(addressText) && /(^|\.)0\d/.test(addressText)) return 'leading-zeros';
  const cidr = parseCidr(text);
  if (!cidr) return 'malformed';
  if (prefixText.length > 1 && prefixText.startsWith('0')) return 'prefix-leading-zeros';
  if (cidr.address.kind() === 'ipv6' && (cidr.address as ipaddr.IPv6).isIPv4MappedAddress()) return 'ipv4-mapped';
  return undefined;
}

/** The block a text stands for when Kubernetes takes it as written (no syntax problem), else undefined. */
export function parseStrictCidr(text: string | undefined): Cidr | undefined {
  return text === undefined || cidrSyntaxProblem(text) ? undefined : parseCidr(text);
}

/** The private and shared address ranges clusters take pod, Service and node addresses from. */
export const PRIVATE_RANGES: readonly Cidr[] = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10', 'fc00::/7'].map(
  (text) => parseCidr(text)!,
);

/** The private range `cidr` lies in entirely, or undefined (a block wider than a range is not inside it). */
export function privateRangeOf(cidr: Cidr): Cidr | undefined {
  return PRIVATE_RANGES.find((range) => cidrWithin(cidr, range));
}

/** Cloud instance metadata services (AWS, GCP, Azure, OpenStack and others; AWS's IPv6 endpoint). */
export const CLOUD_METADATA_ADDRESSES: readonly (ipaddr.IPv4 | ipaddr.IPv6)[] = ['169.254.169.254', 'fd00:ec2::254'].map(
  (text) => parseAddress(text)!,
);
