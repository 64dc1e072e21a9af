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
    const [address, prefixLength] = ipaddr.parseCIDR(trimmed);
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
