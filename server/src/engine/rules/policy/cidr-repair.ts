import { cidrSyntaxProblem, hasHostBitsClear, networkAddress, parseCidr } from '../../net/cidr';

/** What a flawed CIDR text can be rewritten to: the block Kubernetes reads, and the host it may have meant. */
export interface CidrRepair {
  /** The same block written plainly: spaces and a zero-padded prefix dropped, host bits cleared. */
  network: string;
  /** The single-host block of the address, when the text had bits set after its prefix. */
  host?: string;
}

/**
 * The valid CIDR a flawed text stands for, when it has one clear reading: spaces around it, leading
 * zeros in the prefix length, no prefix length (a single address), bits set after the prefix
 * (Kubernetes reads the whole network). Undefined for anything else, leading zeros in an IPv4
 * address above all: some tools read `010` as eight, others as ten, so there is no reading to pick.
 */
export function repairCidr(text: string): CidrRepair | undefined {
  const parts = text.trim().split('/');
  if (parts.length > 2 || (parts.length === 2 && !/^\d{1,3}$/.test(parts[1]))) return undefined;
  const [address] = parts;
  const hostPrefix = address.includes(':') ? 128 : 32;
  const prefix = parts.length === 2 ? Number(parts[1]) : hostPrefix;
  const written = `${address}/${prefix}`;
  const cidr = cidrSyntaxProblem(written) ? undefined : parseCidr(written);
  if (!cidr) return undefined;
  if (hasHostBitsClear(cidr)) return { network: written };
  return { network: `${networkAddress(cidr)}/${prefix}`, host: `${address}/${hostPrefix}` };
}
