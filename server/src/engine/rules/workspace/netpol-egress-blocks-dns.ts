import type { ClusterDnsConfig } from '../../config/lint-config';
import { objectFix } from '../../fixes/object-fix';
import type { CompiledPolicy } from '../../connectivity';
import type { KubeObject } from '../../manifest/kube-object';
import type { Workload } from '../../model';
import type { SourceRange } from '../../text/range';
import type { WorkspaceRule } from '../rule';
import { selectsWholeNamespace } from './default-deny';
import { blockedDns, clusterDnsRule, dnsFailureText, type BlockedDns } from './dns-access';
import { listNames, usesHostNetwork, workloadName } from './workspace-objects';

export const netpolEgressBlocksDns: WorkspaceRule = {
  id: 'netpol-egress-blocks-dns',
  title: 'Egress isolation blocks DNS',
  severity: 'warning',
  category: 'network-policy',
  scope: 'workspace',
  explanation:
    'Once a NetworkPolicy selects a pod for egress, the pod may only open the connections some egress rule allows, ' +
    'and that includes its DNS queries to the cluster DNS (CoreDNS or kube-dns in kube-system). A default-deny or ' +
    'an "only to the backend" egress policy without a DNS rule breaks name resolution: every connection by ' +
    'Service name fails, which is often "fixed" by dropping the policy. The rule asks the connectivity analysis ' +
    "whether each egress-isolated pod's rules let it reach the cluster DNS pods on UDP and TCP port 53, with every " +
    'policy that selects the pod. The cluster DNS is rarely in the repository, so it is assumed: pods labelled ' +
    '`k8s-app: kube-dns` (which CoreDNS keeps) in namespace `kube-system`, with container ports `dns` (UDP 53) and ' +
    "`dns-tcp` (TCP 53), the namespace labelled with its name and the labels of a `kube-system` Namespace object of " +
    'the workspace; the `dns` setting of `.kube-netsec.yaml` describes another DNS, and DNS pods in the manifests ' +
    'are judged as they are. Pods query the DNS Service address, which is translated to the DNS pods\' addresses ' +
    'before policies apply, so an `ipBlock` does not reach the cluster DNS (except addresses listed under ' +
    '`dns.addresses`, such as NodeLocal DNSCache\'s); it does reach the resolvers of pods with `dnsPolicy: Default` ' +
    '(the node\'s) or `dnsConfig.nameservers`. Host-network pods are left out. A policy that selects no workload of ' +
    "the workspace is judged with the namespace's `podSelector: {}` policies and those with the same `podSelector`. " +
    'The AdminNetworkPolicies decide first: a rule of theirs that allows the pods DNS is final, above the ' +
    'NetworkPolicies, so such pods are not reported; one that denies it is reported by `admin-policy-blocks-dns` ' +
    'instead (the NetworkPolicies are not consulted for those queries), and a `Pass` hands the queries to the ' +
    'NetworkPolicies, judged here. ' +
    'Blocked UDP is a warning; blocked TCP alone is info (resolvers fall back to TCP for large answers and DNSSEC).',
  remediation:
    'Add an egress rule (in this policy or in a policy that selects the same pods, often a namespace-wide ' +
    '`allow-dns` policy) to the cluster DNS: `to` a `namespaceSelector` for `kubernetes.io/metadata.name: ' +
    'kube-system` with a `podSelector` for `k8s-app: kube-dns`, on UDP and TCP port 53 (the namespace, labels and ' +
    'ports of the `dns` setting when it is configured).',
  references: [
    'https://kubernetes.io/docs/concepts/services-networking/network-policies/#default-deny-all-egress-traffic',
    'https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/',
    'https://github.com/ahmetb/kubernetes-network-policy-recipes/blob/master/11-deny-egress-traffic-from-an-application.md',
  ],
  examples: {
    insecure: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: deny-backend-egress
  namespace: shop
spec:
  podSelector:
    matchLabels: {tier: backend}
  policyTypes:
    - Egress
  egress:
    - to:
        - podSelector:
            matchLabels: {tier: backend}
`,
    fixed: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: deny-backend-egress
  namespace: shop
spec:
  podSelector:
    matchLabels: {tier: backend}
  policyTypes:
    - Egress
  egress:
    - to:
        - podSelector:
            matchLabels: {tier: backend}
    - to:
        - namespaceSelector:
            matchLabels: {kubernetes.io/metadata.name: kube-system}
          podSelector:
            matchLabels: {k8s-app: kube-dns}
      ports:
        - {protocol: UDP, port: 53}
        - {protocol: TCP, port: 53}
`,
  },
  *check(workspace) {
    const analysis = workspace.connectivity;
    const { dns } = workspace;
    // A workload is judged with all its egress policies, the same under each of them: once.
    const judged = new Map<string, BlockedDns | undefined>();
    const blockedFor = (workload: Workload): BlockedDns | undefined => {
      if (!judged.has(workload.key)) judged.set(workload.key, blockedDns(analysis, dns, analysis.isolatedBy.get(workload.key)?.Egress ?? [], workload, { byNetworkPolicies: true }));
      return judged.get(workload.key);
    };
    for (const policy of analysis.policies) {
      if (!policy.affects.Egress) continue;
      const { object, name } = policy.info;
      const range = egressRange(object);
      const selected = analysis.selected.get(policy) ?? [];
      if (selected.length === 0) {
        // No workload to judge: the pods it would select are also isolated by the namespace-wide
        // policies and by those with the same podSelector (a separate allow-dns policy, say).
        const policies = analysis.policies.filter(
          (other) => other === policy || (other.info.namespace === policy.info.namespace && other.affects.Egress && (selectsWholeNamespace(other, 'Egress') || sameSelector(other, policy))),
        );
        const blocked = blockedDns(analysis, dns, policies);
        if (blocked) yield { object, range, message: `NetworkPolicy "${name}" isolates the egress of the pods it selects and no egress rule lets them reach DNS (${blocked.text}): ${outcome(blocked, dns)}.`, ...severityOf(blocked) };
        continue;
      }
      // Workloads grouped by what they lack: UDP (and maybe TCP), or TCP only.
      const lacking = new Map<string, { blocked: BlockedDns; workloads: Workload[] }>();
      for (const workload of selected) {
        if (usesHostNetwork(workload)) continue;
        const blocked = blockedFor(workload);
        if (!blocked) continue;
        const group = lacking.get(groupKey(blocked));
        if (group) group.workloads.push(workload);
        else lacking.set(groupKey(blocked), { blocked, workloads: [workload] });
      }
      for (const { blocked, workloads } of lacking.values()) {
        const names = listNames(workloads.map(workloadName));
        yield {
          object,
          range,
          message: `NetworkPolicy "${name}" isolates the egress of ${names} and no egress rule lets ${workloads.length === 1 ? 'it' : 'them'} reach DNS (${blocked.text}): ${outcome(blocked, dns)}.`,
          ...severityOf(blocked),
        };
      }
    }
  },
  *fixes(input) {
    // The rule reports a policy whose pods no egress rule lets reach DNS: one more rule in that
    // policy lets every pod it selects reach the cluster DNS, whatever other policies say. An
    // egress-deny-all policy (`policyTypes: [Egress]`, no `egress`) gets its first rule.
    const dns = input.workspace?.dns ?? input.config.dns;
    yield* objectFix(input, `Allow DNS to ${describePods(dns)} in ${dns.namespace}`, (editor) => editor.append(['spec', 'egress'], clusterDnsRule(dns)), { preferred: true });
  },
};

/** "kube-dns" for the usual labels, else the labels themselves. */
function describePods(dns: ClusterDnsConfig): string {
  const labels = Object.entries(dns.podLabels);
  if (labels.length === 1 && labels[0][0] === 'k8s-app') return labels[0][1];
  return labels.length === 0 ? 'every pod' : labels.map(([key, value]) => `${key}=${value}`).join(', ');
}

/** What fails (UDP is what resolvers use first), and why when a rule seems meant for DNS. */
function outcome(blocked: BlockedDns, dns: ClusterDnsConfig): string {
  const failure = dnsFailureText(blocked.protocols);
  if (blocked.because === 'ipBlock') {
    return `${failure} (an ipBlock does not reach the cluster DNS: queries to its Service address are translated to the DNS pods' addresses first; list untranslated resolver addresses, such as NodeLocal DNSCache's, under dns.addresses in .kube-netsec.yaml)`;
  }
  if (blocked.because === 'namespace-labels') {
    return `${failure} (namespace ${dns.namespace} is known by its name label only: give the manifests its Namespace object, or list its labels under dns.namespaceLabels in .kube-netsec.yaml)`;
  }
  return failure;
}

function severityOf(blocked: BlockedDns): { severity?: 'info' } {
  return blocked.protocols.includes('UDP') ? {} : { severity: 'info' };
}

function groupKey(blocked: BlockedDns): string {
  return `${blocked.text} ${blocked.because}`;
}

/** The `Egress` item of policyTypes, else the `egress` key: what makes the policy isolate egress. */
function egressRange(object: KubeObject): SourceRange {
  const types = object.get(['spec', 'policyTypes']);
  const index = Array.isArray(types) ? types.indexOf('Egress') : -1;
  if (index >= 0) return object.rangeOf(['spec', 'policyTypes', index], 'value');
  return object.rangeOf(['spec', 'egress'], 'key');
}

function sameSelector(a: CompiledPolicy, b: CompiledPolicy): boolean {
  return JSON.stringify(a.podSelector) === JSON.stringify(b.podSelector);
}
