import type ipaddr from 'ipaddr.js';
import type { ClusterDnsConfig } from '../../config/lint-config';
import type { ConnectivityAnalysis, CompiledPolicy } from '../../connectivity';
import { matchesLabels, portSetContains, resolveRulePorts, type LabelSelector } from '../../connectivity';
import { egressToward, type AssumedEndpoint } from '../../connectivity/assumed-endpoint';
import { dnsThroughTiers, type DnsTarget, type DnsTierOutcome } from './admin-dns';
import { peerAddresses } from '../../connectivity/rule-peers';
import { isPlainObject } from '../../manifest/kube-object';
import { NAMESPACE_NAME_LABEL, type NamespaceInfo, type Workload } from '../../model';
import { parseAddress } from '../../net/cidr';
import { ipv4SetContains, ipv4ToNumber } from '../../net/ipv4-set';

// Whether egress policies let pods reach DNS. Pods query the cluster DNS through its Service
// address, which is translated to the DNS pods' addresses before policies apply: a rule reaches it
// when its peers match the DNS pods (in the manifests, or assumed as configured) on a DNS port. An
// ipBlock never matches pods, so it reaches only resolvers queried untranslated: those of
// `dnsPolicy: Default` or `dnsConfig.nameservers`, and the configured `dns.addresses`.

export type DnsProtocol = 'UDP' | 'TCP';

/** The DNS traffic some egress-isolated pods cannot send. */
export interface BlockedDns {
  protocols: readonly DnsProtocol[];
  /** "UDP and TCP 53", "UDP 53", "TCP 53": the protocols and the ports their queries are sent to. */
  text: string;
  /**
   * Why a rule that seems meant for DNS does not reach the cluster DNS: it opens the DNS port to
   * addresses only (`ipBlock`), or it selects the DNS namespace by labels the manifests do not give it.
   */
  because?: 'ipBlock' | 'namespace-labels';
}

/** Resolvers listed in `/etc/resolv.conf` are queried on port 53. */
const RESOLVER_PORT = 53;

/**
 * What DNS traffic `policies` (the egress policies isolating some pods) leave no way to, for pods
 * with `source`'s resolver configuration (the cluster DNS when no source is known); undefined when
 * every DNS protocol gets through. For a known source the admin and baseline tiers are weighed too:
 * their Allow lets queries through whatever the NetworkPolicies say, their Deny cuts them. With
 * `byNetworkPolicies`, only what the NetworkPolicies decide and their rules do not allow counts:
 * DNS cut by an admin Deny alone is not theirs (admin-policy-blocks-dns reports it).
 */
export function blockedDns(
  analysis: ConnectivityAnalysis,
  dns: ClusterDnsConfig,
  policies: readonly CompiledPolicy[],
  source?: Workload,
  options: { byNetworkPolicies?: boolean } = {},
): BlockedDns | undefined {
  const resolvers = resolversOf(source);
  if (resolvers.kind === 'none') return undefined;
  const protocols = dnsProtocols(dns).filter((protocol) => {
    const tiers = source ? clusterDnsThroughTiers(analysis, dns, source, policies, protocol) : undefined;
    if (!tiers) return !reachesResolver(analysis, dns, policies, resolvers, protocol);
    if (tiers.reachable) return false;
    return !options.byNetworkPolicies || (tiers.networkPoliciesDecide && !reachesResolver(analysis, dns, policies, resolvers, protocol));
  });
  if (protocols.length === 0) return undefined;
  const port = (protocol: DnsProtocol) => (resolvers.kind === 'cluster' ? clusterDnsPorts(dns, protocol) : [RESOLVER_PORT]);
  const because = resolvers.kind === 'cluster' ? whyClusterDnsMissed(analysis, dns, policies, protocols) : undefined;
  return { protocols, text: portsText(protocols, port), ...(because ? { because } : {}) };
}

/**
 * How the tiers decide the queries of `source` (whose egress `policies` isolate, if any) on
 * `protocol`, when it queries the cluster DNS: to its pods, and to the configured `dns.addresses` and
 * its own `dnsConfig.nameservers`. Undefined when it queries other resolvers, lists one that is not
 * an IPv4 address (it cannot be judged), or no admin or baseline policy has egress rules for it.
 */
export function clusterDnsThroughTiers(analysis: ConnectivityAnalysis, dns: ClusterDnsConfig, source: Workload, policies: readonly CompiledPolicy[], protocol: DnsProtocol): DnsTierOutcome | undefined {
  const resolvers = resolversOf(source);
  if (resolvers.kind !== 'cluster') return undefined;
  const addresses = [...dns.addresses.map(nameserverOf), ...resolvers.nameservers];
  if (addresses.includes('unknown')) return undefined;
  const targets: DnsTarget[] = [
    ...clusterDnsEndpoints(analysis, dns).flatMap((endpoint) => clusterDnsPorts(dns, protocol).map((port): DnsTarget => ({ kind: 'pod', endpoint, port }))),
    ...addresses.map((address): DnsTarget => ({ kind: 'address', address: address as number, port: RESOLVER_PORT })),
  ];
  // The DNS pods are the same for every source: only its own nameservers tell the targets apart.
  return dnsThroughTiers(analysis, source, policies, targets, protocol, `${dnsConfigId(dns)}|${addresses.join(',')}`);
}

const dnsConfigIds = new WeakMap<ClusterDnsConfig, number>();

/** A number per DNS setting (one per workspace, in practice). */
function dnsConfigId(dns: ClusterDnsConfig): number {
  let id = dnsConfigIds.get(dns);
  if (id === undefined) dnsConfigIds.set(dns, (id = nextDnsConfigId++));
  return id;
}

let nextDnsConfigId = 0;

function whyClusterDnsMissed(analysis: ConnectivityAnalysis, dns: ClusterDnsConfig, policies: readonly CompiledPolicy[], protocols: readonly DnsProtocol[]): BlockedDns['because'] {
  if (protocols.some((protocol) => reachesAddress(policies, 'any', protocol))) return 'ipBlock';
  if (protocols.some((protocol) => missesNamespaceLabels(analysis, dns, policies, protocol))) return 'namespace-labels';
  return undefined;
}

/** What fails when queries on `protocols` are cut: UDP is what resolvers use first, TCP is their fallback for large answers. */
export function dnsFailureText(protocols: readonly DnsProtocol[]): string {
  return protocols.includes('UDP') ? 'name resolution fails' : 'lookups whose answers are too large for UDP (DNSSEC, many records) fail';
}

/** The protocols the cluster DNS serves, in the order messages name them. */
export function dnsProtocols(dns: ClusterDnsConfig): DnsProtocol[] {
  return (['UDP', 'TCP'] as const).filter((protocol) => dns.ports.some((port) => port.protocol === protocol));
}

/** The egress rule that lets pods reach the cluster DNS: its pods by namespace name and labels, on its ports. */
export function clusterDnsRule(dns: ClusterDnsConfig): { to: object[]; ports: { protocol: DnsProtocol; port: number }[] } {
  return {
    to: [
      {
        namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: dns.namespace } },
        ...(Object.keys(dns.podLabels).length > 0 ? { podSelector: { matchLabels: { ...dns.podLabels } } } : {}),
      },
    ],
    ports: uniquePorts(dns),
  };
}

/** The cluster DNS's ports, one entry per protocol and number. */
export function uniquePorts(dns: ClusterDnsConfig): { protocol: DnsProtocol; port: number }[] {
  return dnsProtocols(dns).flatMap((protocol) => clusterDnsPorts(dns, protocol).map((port) => ({ protocol, port })));
}

/** "UDP and TCP 53" for the default DNS: the ports of `protocols` (all it serves by default). */
export function dnsPortsText(dns: ClusterDnsConfig, protocols: readonly DnsProtocol[] = dnsProtocols(dns)): string {
  return portsText(protocols, (protocol) => clusterDnsPorts(dns, protocol));
}

function clusterDnsPorts(dns: ClusterDnsConfig, protocol: DnsProtocol): number[] {
  return [...new Set(dns.ports.filter((port) => port.protocol === protocol).map((port) => port.port))];
}

/** "UDP and TCP 53" when the protocols share their ports, else "UDP 53 and TCP 5353". */
function portsText(protocols: readonly DnsProtocol[], portsOf: (protocol: DnsProtocol) => number[]): string {
  const numbers = protocols.map((protocol) => portsOf(protocol).join(', '));
  if (numbers.every((text) => text === numbers[0])) return `${protocols.join(' and ')} ${numbers[0]}`;
  return protocols.map((protocol, index) => `${protocol} ${numbers[index]}`).join(' and ');
}

/**
 * Where a pod's queries go (https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/#pod-s-dns-policy):
 * the cluster DNS (`ClusterFirst`, the default), then any `dnsConfig.nameservers`; the node's
 * resolvers (`Default`), addresses the manifests do not tell; only `dnsConfig.nameservers` (`None`).
 * Nameservers that are not IPv4 addresses cannot be judged and are assumed reachable.
 */
type Resolvers =
  | { kind: 'cluster'; nameservers: readonly Nameserver[] }
  | { kind: 'node' }
  | { kind: 'listed'; nameservers: readonly Nameserver[] }
  | { kind: 'none' };

type Nameserver = number | 'unknown';

function resolversOf(source: Workload | undefined): Resolvers {
  const member = source?.members[0];
  const spec = member ? member.object.get([...member.template, 'spec']) : undefined;
  if (!isPlainObject(spec)) return { kind: 'cluster', nameservers: [] };
  const dnsConfig = spec.dnsConfig;
  const listed = isPlainObject(dnsConfig) && Array.isArray(dnsConfig.nameservers) ? dnsConfig.nameservers.map(nameserverOf) : [];
  if (spec.dnsPolicy === 'Default') return { kind: 'node' };
  if (spec.dnsPolicy === 'None') return listed.length > 0 ? { kind: 'listed', nameservers: listed } : { kind: 'none' };
  return { kind: 'cluster', nameservers: listed };
}

function nameserverOf(value: unknown): Nameserver {
  const address = typeof value === 'string' ? parseAddress(value) : undefined;
  return address?.kind() === 'ipv4' ? ipv4ToNumber(address as ipaddr.IPv4) : 'unknown';
}

function reachesResolver(analysis: ConnectivityAnalysis, dns: ClusterDnsConfig, policies: readonly CompiledPolicy[], resolvers: Resolvers, protocol: DnsProtocol): boolean {
  const reachesListed = (nameservers: readonly Nameserver[]) => nameservers.some((nameserver) => nameserver === 'unknown' || reachesAddress(policies, nameserver, protocol));
  switch (resolvers.kind) {
    case 'node':
      return reachesAddress(policies, 'any', protocol);
    case 'listed':
      // A listed nameserver may be a Service address, translated like any other: of the cluster
      // DNS, or of a DNS server among the workloads.
      return reachesListed(resolvers.nameservers) || reachesClusterDns(analysis, dns, policies, protocol) || reachesDnsWorkload(analysis, policies, protocol);
    case 'cluster':
      return reachesClusterDns(analysis, dns, policies, protocol) || reachesListed([...dns.addresses.map(nameserverOf), ...resolvers.nameservers]);
    case 'none':
      return true;
  }
}

/** Whether an egress rule opens port 53 of `protocol` toward the address (or toward some address). */
function reachesAddress(policies: readonly CompiledPolicy[], address: number | 'any', protocol: DnsProtocol): boolean {
  return policies.some((policy) =>
    policy.rules.Egress.some((rule) => {
      const addresses = peerAddresses(rule.peers);
      const inRange = address === 'any' ? addresses.length > 0 : ipv4SetContains(addresses, address);
      return inRange && portSetContains(resolveRulePorts(rule.ports, 'external'), protocol, RESOLVER_PORT);
    }),
  );
}

/** Whether the egress rules of `policies` reach a cluster DNS pod on one of its `protocol` ports. */
export function reachesClusterDns(analysis: ConnectivityAnalysis, dns: ClusterDnsConfig, policies: readonly CompiledPolicy[], protocol: DnsProtocol): boolean {
  const ports = clusterDnsPorts(dns, protocol);
  return clusterDnsEndpoints(analysis, dns).some((endpoint) => {
    const allowed = egressToward(policies, endpoint);
    return ports.some((port) => portSetContains(allowed, protocol, port));
  });
}

/** Whether the egress rules reach a workload of the manifests that serves `protocol` port 53. */
function reachesDnsWorkload(analysis: ConnectivityAnalysis, policies: readonly CompiledPolicy[], protocol: DnsProtocol): boolean {
  return analysis.model.workloads.some((workload) => {
    if (!workload.containerPorts.some((declared) => declared.port === RESOLVER_PORT && declared.protocol === protocol)) return false;
    const namespace = analysis.model.namespaces.get(workload.id.namespace) ?? { name: workload.id.namespace, labels: { [NAMESPACE_NAME_LABEL]: workload.id.namespace } };
    return portSetContains(egressToward(policies, { workload, namespace }), protocol, RESOLVER_PORT);
  });
}

/**
 * Whether a rule would reach the DNS pods on a DNS port but for labels its namespaceSelector asks of
 * their namespace, when no Namespace object in the manifests tells that namespace's labels.
 */
function missesNamespaceLabels(analysis: ConnectivityAnalysis, dns: ClusterDnsConfig, policies: readonly CompiledPolicy[], protocol: DnsProtocol): boolean {
  if (analysis.model.namespaces.get(dns.namespace)?.object) return false;
  const ports = clusterDnsPorts(dns, protocol);
  return clusterDnsEndpoints(analysis, dns).some(({ workload, namespace }) =>
    policies.some((policy) =>
      policy.rules.Egress.some((rule) => {
        if (rule.peers === 'everything') return false;
        const allowed = resolveRulePorts(rule.ports, workload);
        if (!ports.some((port) => portSetContains(allowed, protocol, port))) return false;
        return rule.peers.some(
          (peer) =>
            peer.kind === 'selectors' &&
            peer.namespaceSelector !== undefined &&
            !matchesLabels(peer.namespaceSelector, namespace.labels) &&
            nameAllows(peer.namespaceSelector, dns.namespace) &&
            (peer.podSelector === undefined || matchesLabels(peer.podSelector, workload.podLabels)),
        );
      }),
    ),
  );
}

/** Whether the selector's requirements on the name label (if any) admit the namespace: the others are what it lacks. */
function nameAllows(selector: LabelSelector, name: string): boolean {
  if (selector.kind === 'malformed') return false;
  const nameOnly: LabelSelector = { kind: 'requirements', requirements: selector.requirements.filter((requirement) => requirement.key === NAMESPACE_NAME_LABEL) };
  return matchesLabels(nameOnly, { [NAMESPACE_NAME_LABEL]: name });
}

const endpointCache = new WeakMap<ConnectivityAnalysis, { dns: ClusterDnsConfig; endpoints: AssumedEndpoint[] }>();

/**
 * The cluster DNS pods: the workloads of the manifests in its namespace that carry its pod labels,
 * else one assumed workload with the configured labels and ports. Its namespace has the labels of
 * a Namespace object in the manifests, the configured ones and its name label.
 */
export function clusterDnsEndpoints(analysis: ConnectivityAnalysis, dns: ClusterDnsConfig): readonly AssumedEndpoint[] {
  const cached = endpointCache.get(analysis);
  if (cached?.dns === dns) return cached.endpoints;
  const known = analysis.model.namespaces.get(dns.namespace);
  const namespace: NamespaceInfo = { name: dns.namespace, labels: { ...dns.namespaceLabels, ...known?.labels, [NAMESPACE_NAME_LABEL]: dns.namespace } };
  const inWorkspace = analysis.model.workloads.filter(
    (workload) => workload.id.namespace === dns.namespace && Object.entries(dns.podLabels).every(([key, value]) => workload.podLabels[key] === value),
  );
  const workloads = inWorkspace.length > 0 ? inWorkspace : [assumedDnsWorkload(dns)];
  const endpoints = workloads.map((workload) => ({ workload, namespace }));
  endpointCache.set(analysis, { dns, endpoints });
  return endpoints;
}

function assumedDnsWorkload(dns: ClusterDnsConfig): Workload {
  return {
    key: `${dns.namespace}/cluster-dns[assumed]`,
    id: { kind: 'Deployment', namespace: dns.namespace, name: 'cluster-dns' },
    podLabels: dns.podLabels,
    containerPorts: dns.ports.map((port) => ({ port: port.port, protocol: port.protocol, ...(port.name !== undefined ? { name: port.name } : {}), path: [] })),
    members: [],
  };
}
