import ipaddr from 'ipaddr.js';
import { CLOUD_METADATA_ADDRESSES, cidrContains, isWholeInternet, parseAddress, parseCidr, privateRangeOf } from '../net/cidr';
import type { KubeObject } from '../manifest/kube-object';
import { affectsDirection, networkPolicySpecOf, type PolicyDirection } from '../policy/network-policy';
import { canonicalSysctlName, knownSysctlEffect, SAFE_NET_SYSCTLS } from '../rules/pod/unsafe-net-sysctl';

// Words for the values the field docs explain: address blocks, capabilities, sysctls, list counts.
// They read the same facts the rules use, so a hover never contradicts a diagnostic.

/** A scalar as written ("true", "80", "LoadBalancer"), or undefined for maps, lists and nulls. */
export function scalarText(value: unknown): string | undefined {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
}

/** The strings of a list value (other items are left out); [] for anything else. */
export function stringItems(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** "`10.0.0.0/8` is a private range (16,777,216 addresses): it can hold node, pod or Service addresses." */
export function describeCidr(text: unknown): string | undefined {
  if (typeof text !== 'string') return undefined;
  const cidr = parseCidr(text);
  if (!cidr) return `\`${text}\` is not a valid CIDR: the API server refuses it.`;
  if (isWholeInternet(cidr)) return `\`${text}\` is every ${cidr.kind === 'ipv4' ? 'IPv4' : 'IPv6'} address, the whole internet included.`;
  const size = addressCount(cidr.kind, cidr.prefixLength);
  if (CLOUD_METADATA_ADDRESSES.some((address) => cidrContains(cidr, address))) {
    return `\`${text}\` (${size}) holds the cloud metadata endpoint, which serves node credentials.`;
  }
  if (privateRangeOf(cidr)) return `\`${text}\` is a private range (${size}): it can hold node, pod or Service addresses.`;
  const range = cidr.address.range();
  if (range === 'loopback' || range === 'linkLocal') return `\`${text}\` is a ${range === 'loopback' ? 'loopback' : 'link-local'} range (${size}).`;
  return `\`${text}\` is ${size} outside the private ranges.`;
}

function addressCount(kind: 'ipv4' | 'ipv6', prefixLength: number): string {
  const hostBits = (kind === 'ipv4' ? 32 : 128) - prefixLength;
  if (hostBits === 0) return 'one address';
  if (hostBits > 52) return `2^${hostBits} addresses`;
  return `${(2 ** hostBits).toLocaleString('en-US')} addresses`;
}

/** Whether a resolver address is public: it then sees every name the pod looks up. */
export function describeNameserver(text: unknown): string | undefined {
  if (typeof text !== 'string') return undefined;
  const address = parseAddress(text);
  if (!address) return `\`${text}\` is not an IP address: the API server refuses it.`;
  const plain = address instanceof ipaddr.IPv6 && address.isIPv4MappedAddress() ? address.toIPv4Address() : address;
  if (plain.range() === 'unicast') return `\`${text}\` is a public resolver: the pod's queries leave the cluster in plain text and its answers decide where the pod connects.`;
  return `\`${text}\` is not a public address: the queries stay inside your network.`;
}

/** What a Linux capability lets a container do to the network (or beyond), by its name without `CAP_`. */
const CAPABILITY_EFFECTS: Readonly<Record<string, string>> = {
  ALL: 'every capability, the network ones included',
  NET_RAW: 'raw and packet sockets: forging any packet, ARP and DNS spoofing against pods on the same node',
  NET_ADMIN: "reconfiguring the pod's network (interfaces, routes, iptables), or the node's with hostNetwork",
  NET_BIND_SERVICE: 'binding ports below 1024, harmless on the network by itself',
  NET_BROADCAST: 'broadcasting and listening to multicast',
  SYS_ADMIN: 'mounting, entering namespaces and much more: often enough to escape the container',
  SYS_MODULE: "loading kernel modules: full control of the node, its network stack included",
  SYS_PTRACE: "tracing other processes (the node's, with hostPID)",
  BPF: 'loading eBPF programs, which can observe and rewrite traffic',
};

const NETWORK_CAPABILITIES: ReadonlySet<string> = new Set(['ALL', 'NET_RAW', 'NET_ADMIN', 'NET_BROADCAST', 'SYS_ADMIN', 'SYS_MODULE', 'BPF']);

/** A capability's name as the runtime reads it: upper case, without the `CAP_` prefix. */
export function capabilityName(text: string): string {
  return text.trim().toUpperCase().replace(/^CAP_/, '');
}

export function capabilityEffect(text: unknown): string | undefined {
  return typeof text === 'string' ? CAPABILITY_EFFECTS[capabilityName(text)] : undefined;
}

/** The capabilities of a list that matter for the network, as written. */
export function networkCapabilities(list: unknown): string[] {
  return stringItems(list).filter((name) => NETWORK_CAPABILITIES.has(capabilityName(name)));
}

/** Whether a `drop` list takes NET_RAW away (by name or with ALL). */
export function dropsNetRaw(list: unknown): boolean {
  return stringItems(list).some((name) => ['ALL', 'NET_RAW'].includes(capabilityName(name)));
}

/** What a sysctl name means for the pod's network: safe, unsafe (and its known effect), or not a network one. */
export function describeSysctl(text: unknown): string | undefined {
  if (typeof text !== 'string') return undefined;
  const name = canonicalSysctlName(text.trim());
  if (!name.startsWith('net.')) return `\`${text}\` is not a network sysctl.`;
  if (SAFE_NET_SYSCTLS.has(name)) return `\`${text}\` is in Kubernetes' safe set: it only affects this pod's network namespace.`;
  const effect = knownSysctlEffect(name);
  return `\`${text}\` is not in the safe set: the kubelet refuses it unless allowed with \`--allowed-unsafe-sysctls\`${effect ? `, and ${effect}` : ''}.`;
}

/** The unsafe network sysctls of a `sysctls` list, by name. */
export function unsafeSysctls(list: unknown): string[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((entry) => {
    const name = typeof entry === 'object' && entry !== null ? (entry as { name?: unknown }).name : undefined;
    if (typeof name !== 'string') return [];
    const canonical = canonicalSysctlName(name.trim());
    return canonical.startsWith('net.') && !SAFE_NET_SYSCTLS.has(canonical) ? [name] : [];
  });
}

/** "1 rule", "3 rules". */
export function counted(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** `values[value]`, looked up by the value as written. */
export function byValue(values: Readonly<Record<string, string>>): (value: unknown) => string | undefined {
  return (value) => {
    const text = scalarText(value);
    return text === undefined ? undefined : values[text];
  };
}

/** What a policy's rules of one direction amount to: ignored, denying everything, or a count. */
export function rulesValue(direction: PolicyDirection, noRules: string): (value: unknown, object: KubeObject) => string | undefined {
  return (value, object) => {
    if (!Array.isArray(value)) return undefined;
    const spec = networkPolicySpecOf(object);
    if (spec && !affectsDirection(spec, direction)) return `Ignored: \`policyTypes\` leaves ${direction} out.`;
    if (value.length === 0) return `No rules: ${noRules}, unless another policy selecting the same pods allows it.`;
    return `${counted(value.length, 'rule')}: what ${value.length === 1 ? 'it does' : 'they do'} not allow is denied, unless another policy selecting the same pods allows it.`;
  };
}

// A selector or rule written with nothing after its colon is null, which the API server reads as `{}`.
export function isEmptyMap(value: unknown): boolean {
  return value === null || (typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0);
}
