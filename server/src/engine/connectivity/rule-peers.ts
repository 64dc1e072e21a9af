import { isPlainObject } from '../manifest/kube-object';
import type { NamespaceInfo, Workload } from '../model/cluster-types';
import { parseCidr } from '../net/cidr';
import { ALL_IPV4, ipv4SetOfCidr, NO_IPV4, subtractIpv4, unionIpv4, type Ipv4Set } from '../net/ipv4-set';
import { compileLabelSelector, matchesLabels, type LabelSelector } from './label-selector';

/**
 * One entry of a rule's `from`/`to`. Selectors only ever match workloads and an ipBlock only ever
 * matches external addresses (pod IPs are not known statically). A peer Kubernetes would refuse
 * (no field, ipBlock together with a selector, an unreadable CIDR) is `invalid` and matches nothing.
 */
export type CompiledPeer =
  | { kind: 'selectors'; index: number; podSelector?: LabelSelector; namespaceSelector?: LabelSelector }
  | { kind: 'ipBlock'; index: number; addresses: Ipv4Set }
  | { kind: 'invalid'; index: number; reason: string };

/** A rule's peers: absent, null or [] match every workload of every namespace and every address. */
export type CompiledPeers = 'everything' | readonly CompiledPeer[];

export function compileRulePeers(value: unknown): CompiledPeers {
  if (value === undefined || value === null) return 'everything';
  if (!Array.isArray(value)) return [{ kind: 'invalid', index: 0, reason: 'the peer list is not a list' }];
  if (value.length === 0) return 'everything';
  return value.map(compilePeer);
}

function compilePeer(peer: unknown, index: number): CompiledPeer {
  if (!isPlainObject(peer)) return { kind: 'invalid', index, reason: 'the peer is not a map' };
  const present = (key: string) => peer[key] !== undefined && peer[key] !== null;
  if (present('ipBlock')) {
    if (present('podSelector') || present('namespaceSelector')) return { kind: 'invalid', index, reason: 'ipBlock cannot be combined with a selector' };
    return compileIpBlock(peer.ipBlock, index);
  }
  if (!present('podSelector') && !present('namespaceSelector')) return { kind: 'invalid', index, reason: 'the peer names no selector or ipBlock' };
  return {
    kind: 'selectors',
    index,
    ...(present('podSelector') ? { podSelector: compileLabelSelector(peer.podSelector) } : {}),
    ...(present('namespaceSelector') ? { namespaceSelector: compileLabelSelector(peer.namespaceSelector) } : {}),
  };
}

/** `cidr` minus every `except`, IPv4 only: an IPv6 block is valid but holds no IPv4 address. */
function compileIpBlock(block: unknown, index: number): CompiledPeer {
  if (!isPlainObject(block) || typeof block.cidr !== 'string') return { kind: 'invalid', index, reason: 'ipBlock has no cidr' };
  const cidr = parseCidr(block.cidr);
  if (!cidr) return { kind: 'invalid', index, reason: `"${block.cidr}" is not a CIDR` };
  const except = block.except ?? [];
  if (!Array.isArray(except)) return { kind: 'invalid', index, reason: 'except is not a list' };
  let addresses = ipv4SetOfCidr(cidr);
  for (const text of except) {
    const excluded = typeof text === 'string' ? parseCidr(text) : undefined;
    if (!excluded) return { kind: 'invalid', index, reason: `except entry ${JSON.stringify(text)} is not a CIDR` };
    addresses = subtractIpv4(addresses, ipv4SetOfCidr(excluded));
  }
  return { kind: 'ipBlock', index, addresses };
}

/** Whether one peer matches a workload, for a policy in `policyNamespace`. */
export function peerMatchesWorkload(
  peer: CompiledPeer,
  policyNamespace: string,
  workload: Workload,
  namespaces: ReadonlyMap<string, NamespaceInfo>,
): boolean {
  if (peer.kind !== 'selectors') return false;
  const inNamespace = peer.namespaceSelector
    ? matchesLabels(peer.namespaceSelector, namespaces.get(workload.id.namespace)?.labels ?? {})
    : workload.id.namespace === policyNamespace;
  return inNamespace && (peer.podSelector === undefined || matchesLabels(peer.podSelector, workload.podLabels));
}

export function peersMatchWorkload(
  peers: CompiledPeers,
  policyNamespace: string,
  workload: Workload,
  namespaces: ReadonlyMap<string, NamespaceInfo>,
): boolean {
  return peers === 'everything' || peers.some((peer) => peerMatchesWorkload(peer, policyNamespace, workload, namespaces));
}

/** The external IPv4 addresses a peer list matches. */
export function peerAddresses(peers: CompiledPeers): Ipv4Set {
  if (peers === 'everything') return ALL_IPV4;
  return peers.reduce((set, peer) => (peer.kind === 'ipBlock' ? unionIpv4(set, peer.addresses) : set), NO_IPV4);
}
