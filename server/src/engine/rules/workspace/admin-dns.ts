import { adminRulesFor } from '../../connectivity/admin-analysis';
import { selectionMatches, type CompiledAdminRule } from '../../connectivity/admin-policy';
import type { AssumedEndpoint } from '../../connectivity/assumed-endpoint';
import { portSetContains, type ConnectivityAnalysis } from '../../connectivity';
import type { Workload } from '../../model';
import type { DnsProtocol } from './dns-access';

// The admin tier above the NetworkPolicies decides DNS first: an AdminNetworkPolicy (or an Admin-tier
// ClusterNetworkPolicy) rule that matches the cluster DNS pods on a DNS port allows or denies the
// query whatever the NetworkPolicies say; a Pass, or no matching rule, leaves it to them
// (admin-policy-semantics.md §6). The baseline never matters here: the pods are egress-isolated by
// NetworkPolicies, which hide it.

/** `Allow` or `Deny` when the admin tier decides `source`'s queries to one of the DNS endpoints on `protocol`/`port`. */
export function adminDnsDecision(
  analysis: ConnectivityAnalysis,
  source: Workload,
  endpoints: readonly AssumedEndpoint[],
  protocol: DnsProtocol,
  ports: readonly number[],
): 'Allow' | 'Deny' | undefined {
  const admin = analysis.admin;
  if (!admin) return undefined;
  const rules = adminRulesFor(admin.adminRules, source, 'Egress');
  if (rules.length === 0) return undefined;
  const decisions = endpoints.flatMap((endpoint) => ports.map((port) => firstMatch(rules, endpoint, protocol, port)?.action));
  // DNS gets through when the tier allows some DNS endpoint on some port; it is cut when it denies every one.
  if (decisions.includes('Allow')) return 'Allow';
  return decisions.length > 0 && decisions.every((action) => action === 'Deny') ? 'Deny' : undefined;
}

function firstMatch(rules: readonly CompiledAdminRule[], endpoint: AssumedEndpoint, protocol: DnsProtocol, port: number): CompiledAdminRule | undefined {
  const namespaces = new Map([[endpoint.namespace.name, endpoint.namespace]]);
  return rules.find(
    (rule) => rule.action !== undefined && rule.peers.some((peer) => selectionMatches(peer, endpoint.workload, namespaces)) && portsInclude(rule, endpoint.workload, protocol, port),
  );
}

// Named ports take the destination's first container port of that name, with its protocol (§5).
function portsInclude(rule: CompiledAdminRule, destination: Workload, protocol: DnsProtocol, port: number): boolean {
  if (rule.ports === 'all') return true;
  if (portSetContains(rule.ports.numbers, protocol, port)) return true;
  return rule.ports.named.some(({ name }) => {
    const declared = destination.containerPorts.find((candidate) => candidate.name === name);
    return declared !== undefined && declared.port === port && declared.protocol === protocol;
  });
}
