import type ipaddr from 'ipaddr.js';
import { CLOUD_METADATA_ADDRESSES, cidrContains, parseCidr, parseStrictCidr } from '../../net/cidr';
import { rulePortsAllow, type IpBlockPeer } from '../../policy/network-policy';

/**
 * The cloud metadata address an egress ipBlock lets traffic reach: inside `cidr`, not removed by an
 * `except`, on a port the rule allows (the metadata services answer HTTP on port 80). Shared by
 * netpol-metadata-egress, which reports it, and netpol-ipblock-any, which leaves such blocks to it.
 */
export function reachableMetadataAddress(block: IpBlockPeer): ipaddr.IPv4 | ipaddr.IPv6 | undefined {
  if (block.peer.rule.direction !== 'Egress') return undefined;
  const cidr = parseStrictCidr(block.cidr);
  if (!cidr || !rulePortsAllow(block.peer.rule, 'TCP', 80)) return undefined;
  const excepts = block.except.flatMap(({ text }) => parseCidr(text) ?? []);
  return CLOUD_METADATA_ADDRESSES.find((address) => cidrContains(cidr, address) && !excepts.some((except) => cidrContains(except, address)));
}
