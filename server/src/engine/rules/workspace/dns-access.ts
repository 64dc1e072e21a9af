import { matchesLabels, type ConnectivityAnalysis, type LabelSelector } from '../../connectivity';
import { portSetContains } from '../../connectivity';
import type { CompiledPolicy, CompiledRule } from '../../connectivity';
import type { CompiledPeer } from '../../connectivity';
import { resolveRulePorts, type CompiledPorts } from '../../connectivity';
import type { ClusterModel, Workload } from '../../model';
import type { Labels } from '../../model';
import { couldMatchNamespace, namespacesNamedBy } from './namespace-selectors';

// Whether egress rules let pods reach a DNS server. The cluster DNS (CoreDNS or kube-dns in
// kube-system) is rarely part of a repository, so a rule is judged on whether its peers COULD hold
// it: the answer errs on "yes", since a wrong "DNS is blocked" would be noise on a correct policy.

export type DnsProtocol = 'UDP' | 'TCP';

const DNS_PORT = 53;

/** Namespaces the cluster DNS runs in: upstream Kubernetes, GKE, EKS, AKS, k3s (kube-system) and OpenShift. */
const DNS_NAMESPACES: readonly string[] = ['kube-system', 'openshift-dns'];

/** Pod labels of the cluster DNS: kubeadm/EKS/GKE/k3s CoreDNS and kube-dns, the CoreDNS chart, OpenShift. */
const DNS_POD_LABELS: readonly Labels[] = [
  { 'k8s-app': 'kube-dns' },
  { 'k8s-app': 'coredns' },
  { 'app.kubernetes.io/name': 'coredns' },
  { 'dns.operator.openshift.io/daemonset-dns': 'default' },
];

/** Whether any egress rule of the policies lets their pods reach a DNS server on `protocol` port 53. */
export function policiesAllowDns(analysis: ConnectivityAnalysis, policies: readonly CompiledPolicy[], protocol: DnsProtocol): boolean {
  return policies.some((policy) => policy.rules.Egress.some((rule) => ruleAllowsDns(analysis, policy, rule, protocol)));
}

function ruleAllowsDns(analysis: ConnectivityAnalysis, policy: CompiledPolicy, rule: CompiledRule, protocol: DnsProtocol): boolean {
  // A DNS server among the workspace's workloads, admitted on port 53 (named ports resolve on it).
  for (const key of analysis.admitted.get(rule) ?? []) {
    const server = analysis.model.workloadsByKey.get(key);
    if (server && servesDns(server, protocol) && portSetContains(resolveRulePorts(rule.ports, server), protocol, DNS_PORT)) return true;
  }
  // The cluster DNS or another resolver outside the workspace.
  const toClusterDns = portsMayReachClusterDns(rule.ports, protocol);
  if (rule.peers === 'everything') return toClusterDns;
  const toAddresses = portSetContains(resolveRulePorts(rule.ports, 'external'), protocol, DNS_PORT);
  return rule.peers.some((peer) => (peer.kind === 'ipBlock' ? toAddresses : toClusterDns && peerMayHoldClusterDns(peer, policy.info.namespace, analysis.model)));
}

function servesDns(workload: Workload, protocol: DnsProtocol): boolean {
  return workload.containerPorts.some((declared) => declared.port === DNS_PORT && declared.protocol === protocol);
}

/**
 * Whether the ports let `protocol` 53 through to the cluster DNS: a number or range covering 53, or
 * a named port the DNS pods declare (CoreDNS and kube-dns name theirs `dns` and `dns-tcp`).
 */
function portsMayReachClusterDns(ports: CompiledPorts, protocol: DnsProtocol): boolean {
  if (ports === 'all') return true;
  return ports.some((entry) =>
    entry.kind === 'numbers'
      ? portSetContains(entry.ports, protocol, DNS_PORT)
      : entry.kind === 'named' && entry.protocol === protocol && entry.name.startsWith('dns'),
  );
}

/**
 * Whether a peer could match the cluster DNS pods. An ipBlock counts elsewhere (node-local DNS and
 * external resolvers are addresses). A namespaceSelector counts unless it rules out the DNS
 * namespaces by name; a podSelector must look like the DNS pods; a podSelector alone only selects
 * pods of the policy's own namespace, so it counts only in a DNS namespace.
 */
function peerMayHoldClusterDns(peer: CompiledPeer, policyNamespace: string, model: ClusterModel): boolean {
  if (peer.kind !== 'selectors') return false;
  const { namespaceSelector, podSelector } = peer;
  const inDnsNamespace = namespaceSelector
    ? dnsNamespaceCandidates(namespaceSelector).some((name) => couldMatchNamespace(namespaceSelector, name, model))
    : isDnsNamespace(policyNamespace);
  return inDnsNamespace && (podSelector === undefined || looksLikeDnsPods(podSelector));
}

function dnsNamespaceCandidates(selector: LabelSelector): string[] {
  return [...DNS_NAMESPACES, ...(namespacesNamedBy(selector) ?? []).filter(isDnsNamespace)];
}

/** kube-system and OpenShift's DNS namespace, or a namespace named for DNS (a self-managed resolver). */
function isDnsNamespace(name: string): boolean {
  return DNS_NAMESPACES.includes(name) || /dns/i.test(name);
}

/** Whether a podSelector could select DNS pods: it matches known DNS labels, or asks for a label value naming DNS. */
function looksLikeDnsPods(selector: LabelSelector): boolean {
  if (selector.kind === 'malformed') return false;
  if (DNS_POD_LABELS.some((labels) => matchesLabels(selector, labels))) return true;
  return selector.requirements.some((requirement) => requirement.operator === 'In' && requirement.values.some((value) => /dns/i.test(value)));
}
