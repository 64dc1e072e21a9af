import type { ClusterDnsConfig } from '../../config/lint-config';
import { adminRulesFor, type AdminAnalysis } from '../../connectivity/admin-analysis';
import type { CompiledAdminRule } from '../../connectivity/admin-policy';
import type { ConnectivityAnalysis } from '../../connectivity';
import type { Workload } from '../../model';
import { adminPolicyRank } from '../../model/admin-policies';
import { unevaluatedPolicies } from '../../model/unevaluated-policies';
import type { RelatedLocation, WorkspaceRule } from '../rule';
import { actionRange, describeWorkloads, refused, ruleTitle } from './admin-rule-matches';
import { clusterDnsEndpoints, clusterDnsThroughTiers, dnsFailureText, dnsPortsText, dnsProtocols, reachesClusterDns, type DnsProtocol } from './dns-access';
import { nameRange, usesHostNetwork, workloadName } from './workspace-objects';

export const adminPolicyBlocksDns: WorkspaceRule = {
  id: 'admin-policy-blocks-dns',
  title: 'Admin or baseline policy rule that cuts DNS',
  severity: 'warning',
  category: 'network-policy',
  scope: 'workspace',
  explanation:
    'Pods resolve names by querying the cluster DNS (CoreDNS or kube-dns in kube-system) on UDP and TCP port 53. ' +
    'An AdminNetworkPolicy (or an Admin-tier ClusterNetworkPolicy) is evaluated before every NetworkPolicy, and its ' +
    '`Deny` is final: when the first of its rules that matches the DNS pods on the DNS port denies, no NetworkPolicy ' +
    'of the namespace can allow the queries again, whatever `allow-dns` policy its owners wrote. The ' +
    'BaselineAdminNetworkPolicy (and the Baseline-tier ClusterNetworkPolicies) decides only for pods that no ' +
    'NetworkPolicy selects for egress, and what the admin tier passed or did not match: there, a baseline `Deny` ' +
    'of DNS is just as final. Either way every lookup by Service name fails, typically after a "deny egress to ' +
    'kube-system" or "deny all other egress" rule written without a DNS exception before it.\n\n' +
    'The rule follows each workload\'s queries through the tiers: the admin rules in priority order (a `Pass` ' +
    'hands the queries to the NetworkPolicies, then to the baseline), with the cluster DNS pods of the manifests, ' +
    'or those assumed (`k8s-app: kube-dns` in `kube-system`, ports `dns` UDP 53 and `dns-tcp` TCP 53, or the `dns` ' +
    'setting of `.kube-netsec.yaml`), and the resolver addresses of `dns.addresses` and the pod\'s ' +
    '`dnsConfig.nameservers`. A workload is reported when no DNS server gets its queries and an admin or baseline ' +
    '`Deny` decides some of them; when the NetworkPolicies decide the rest, `netpol-egress-blocks-dns` reports them ' +
    'too. Host-network pods, the DNS pods themselves and pods with other resolvers (`dnsPolicy: Default` or ' +
    '`None`) are left out, and so is a `Deny` whose order against a policy of the same priority is undefined. ' +
    'Baseline rules are not judged while the manifests hold network policies kube-netsec does not evaluate (they ' +
    'may select the pods) or several BaselineAdminNetworkPolicies. Blocked UDP is a warning; blocked TCP alone is ' +
    'info (resolvers fall back to TCP for large answers and DNSSEC).',
  remediation:
    'Put a rule for DNS before the `Deny`: `Allow` (or `Pass`, to leave DNS to the namespaces\' NetworkPolicies) ' +
    'egress to `pods` with `namespaceSelector` `kubernetes.io/metadata.name: kube-system` and `podSelector` ' +
    '`k8s-app: kube-dns`, on `portNumber` UDP 53 and TCP 53 (the namespace, labels and ports of the `dns` setting ' +
    'when it is configured). Or narrow the `Deny` so that it does not match the DNS pods.',
  references: [
    'https://network-policy-api.sigs.k8s.io/api-overview/',
    'https://network-policy-api.sigs.k8s.io/reference/spec/',
    'https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/',
  ],
  examples: {
    insecure: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  template:
    metadata:
      labels: {app: web}
    spec:
      containers: [{name: web, image: nginx}]
---
apiVersion: policy.networking.k8s.io/v1alpha1
kind: AdminNetworkPolicy
metadata:
  name: protect-system
spec:
  priority: 10
  subject:
    namespaces: {}
  egress:
    - name: deny-kube-system
      action: Deny
      to:
        - namespaces:
            matchLabels: {kubernetes.io/metadata.name: kube-system}
`,
    fixed: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  template:
    metadata:
      labels: {app: web}
    spec:
      containers: [{name: web, image: nginx}]
---
apiVersion: policy.networking.k8s.io/v1alpha1
kind: AdminNetworkPolicy
metadata:
  name: protect-system
spec:
  priority: 10
  subject:
    namespaces: {}
  egress:
    - name: allow-dns
      action: Allow
      to:
        - pods:
            namespaceSelector:
              matchLabels: {kubernetes.io/metadata.name: kube-system}
            podSelector:
              matchLabels: {k8s-app: kube-dns}
      ports:
        - portNumber: {protocol: UDP, port: 53}
        - portNumber: {protocol: TCP, port: 53}
    - name: deny-kube-system
      action: Deny
      to:
        - namespaces:
            matchLabels: {kubernetes.io/metadata.name: kube-system}
`,
  },
  *check(workspace) {
    const analysis = workspace.connectivity;
    const admin = analysis.admin;
    if (!admin) return;
    const { dns, model } = workspace;
    // Other network policies may select the pods (hiding the baseline); of several
    // BaselineAdminNetworkPolicies (an error) only the first is evaluated.
    const baselineJudged = unevaluatedPolicies(model.objects).length === 0 && model.baselinePolicies.filter((policy) => policy.clusterTier === undefined).length <= 1;
    const dnsPods = new Set(clusterDnsEndpoints(analysis, dns).map((endpoint) => endpoint.workload));
    // For each Deny rule, the workloads whose queries it cuts and on which protocols.
    const cut = new Map<CompiledAdminRule, Map<Workload, DnsProtocol[]>>();
    for (const workload of model.workloads) {
      if (usesHostNetwork(workload) || dnsPods.has(workload)) continue;
      const policies = analysis.isolatedBy.get(workload.key)?.Egress ?? [];
      for (const protocol of dnsProtocols(dns)) {
        const outcome = clusterDnsThroughTiers(analysis, dns, workload, policies, protocol);
        if (!outcome || outcome.reachable) continue;
        for (const rule of outcome.denies) {
          if (refused(rule) || (rule.policy.tier === 'BaselineAdminNetworkPolicy' && !baselineJudged) || orderUndefined(admin, rule, workload)) continue;
          let byWorkload = cut.get(rule);
          if (!byWorkload) cut.set(rule, (byWorkload = new Map()));
          byWorkload.set(workload, [...(byWorkload.get(workload) ?? []), protocol]);
        }
      }
    }
    for (const [rule, byWorkload] of cut) {
      // Workloads grouped by the protocols the rule cuts for them.
      const groups = new Map<string, { protocols: DnsProtocol[]; workloads: Workload[] }>();
      for (const [workload, protocols] of byWorkload) {
        const key = protocols.join(' ');
        const group = groups.get(key);
        if (group) group.workloads.push(workload);
        else groups.set(key, { protocols, workloads: [workload] });
      }
      for (const { protocols, workloads } of groups.values()) {
        yield {
          object: rule.policy.info.object,
          range: actionRange(rule),
          message: messageOf(rule, protocols, workloads, workspace.dns, model),
          ...(protocols.includes('UDP') ? {} : { severity: 'info' as const }),
          related: relatedOf(analysis, dns, rule, protocols, workloads),
        };
      }
    }
  },
};

function messageOf(rule: CompiledAdminRule, protocols: readonly DnsProtocol[], workloads: readonly Workload[], dns: ClusterDnsConfig, model: ConnectivityAnalysis['model']): string {
  const rank = adminPolicyRank(rule.policy.info);
  const who = describeWorkloads(workloads, model);
  const queries = `denies the DNS queries (${dnsPortsText(dns, protocols)}) of ${who} to the cluster DNS in ${dns.namespace}`;
  const failure = dnsFailureText(protocols);
  if (rule.policy.tier === 'AdminNetworkPolicy') {
    return `${ruleTitle(rule)}${rank ? ` (${rank})` : ''} ${queries}: ${failure}, and no NetworkPolicy can allow them again (an admin-tier Deny is final).`;
  }
  const them = workloads.length === 1 && !who.startsWith('the pods') ? 'it' : 'them';
  return `${ruleTitle(rule)}${rank ? ` (${rank})` : ''} ${queries}: no NetworkPolicy selects ${them} for egress, so the baseline decides, and ${failure}.`;
}

/** At most this many workloads, and as many NetworkPolicies, among the related locations. */
const RELATED_WORKLOADS = 10;

/** The workloads whose queries are cut and, for an admin rule, the NetworkPolicies that would have allowed them. */
function relatedOf(analysis: ConnectivityAnalysis, dns: ClusterDnsConfig, rule: CompiledAdminRule, protocols: readonly DnsProtocol[], workloads: readonly Workload[]): RelatedLocation[] {
  const related: RelatedLocation[] = [];
  // A cluster-wide Deny cuts every pod's DNS: the first few stand for the rest, as in the message.
  for (const workload of workloads.slice(0, RELATED_WORKLOADS)) {
    const object = workload.members[0]?.object;
    if (object) related.push({ uri: object.document.uri, range: nameRange(object), message: `${workloadName(workload)} in namespace ${workload.id.namespace}: its DNS queries are denied` });
  }
  if (rule.policy.tier !== 'AdminNetworkPolicy') return related;
  const allowing = new Set(
    workloads.flatMap((workload) => (analysis.isolatedBy.get(workload.key)?.Egress ?? []).filter((policy) => protocols.some((protocol) => reachesClusterDns(analysis, dns, [policy], protocol)))),
  );
  for (const policy of [...allowing].slice(0, RELATED_WORKLOADS)) {
    const object = policy.info.object;
    related.push({ uri: object.document.uri, range: nameRange(object), message: `NetworkPolicy "${policy.info.name}" would allow the queries, but the admin tier decides them first` });
  }
  return related;
}

/**
 * Whether another policy of the rule's tier with the same priority applies to the workload: their
 * order is undefined, so either may decide first (admin-policy-priority-conflict). The
 * BaselineAdminNetworkPolicy has no priority and comes first in its tier.
 */
function orderUndefined(admin: AdminAnalysis, rule: CompiledAdminRule, workload: Workload): boolean {
  const own = rule.policy;
  if (own.tier === 'BaselineAdminNetworkPolicy' && own.info.clusterTier === undefined) return false;
  const list = adminRulesFor(own.tier === 'AdminNetworkPolicy' ? admin.adminRules : admin.baselineRules, workload, 'Egress');
  return list.some((other) => other.policy !== own && other.policy.info.priority === own.info.priority && (own.tier === 'AdminNetworkPolicy' || other.policy.info.clusterTier !== undefined));
}
