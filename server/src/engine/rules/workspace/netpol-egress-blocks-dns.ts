import type { ConnectivityAnalysis } from '../../connectivity';
import { objectFix } from '../../fixes/object-fix';
import type { CompiledPolicy } from '../../connectivity';
import type { KubeObject } from '../../manifest/kube-object';
import type { Workload } from '../../model';
import type { SourceRange } from '../../text/range';
import type { WorkspaceRule } from '../rule';
import { selectsWholeNamespace } from './default-deny';
import { policiesAllowDns } from './dns-access';
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
    'Service name fails, which is often "fixed" by dropping the policy. The rule reports an egress-isolating ' +
    'policy whose pods no egress rule lets reach port 53: the cluster DNS is rarely in the repository, so a rule ' +
    'counts as allowing DNS when its ports include port 53 (or the `dns`/`dns-tcp` named ports, or all ports) and ' +
    'its peers could hold the DNS server (no `to`, a `namespaceSelector` that does not exclude kube-system by name ' +
    'with no or a DNS-like `podSelector`, an `ipBlock` for node-local or external resolvers, or a workload of the ' +
    'workspace that serves port 53). Pods are judged with every policy that selects them; a policy that selects ' +
    "no workload of the workspace is judged with the namespace's `podSelector: {}` policies and those with the same " +
    '`podSelector`. Blocked UDP is a ' +
    'warning; blocked TCP alone is info (resolvers fall back to TCP for large answers and DNSSEC).',
  remediation:
    'Add an egress rule (in this policy or in a policy that selects the same pods, often a namespace-wide ' +
    '`allow-dns` policy) to the cluster DNS: `to` a `namespaceSelector` for `kubernetes.io/metadata.name: ' +
    'kube-system` with a `podSelector` for `k8s-app: kube-dns`, on UDP and TCP port 53.',
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
    // A workload is judged with all its egress policies, the same under each of them: once.
    const judged = new Map<string, BlockedDns | undefined>();
    const blockedFor = (workload: Workload): BlockedDns | undefined => {
      if (!judged.has(workload.key)) judged.set(workload.key, blockedProtocols(analysis, analysis.isolatedBy.get(workload.key)?.Egress ?? []));
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
        const blocked = blockedProtocols(analysis, policies);
        if (blocked) yield { object, range, message: `NetworkPolicy "${name}" isolates the egress of the pods it selects and no egress rule lets them reach DNS (${blocked.text}): ${blocked.consequence}.`, ...blocked.severity };
        continue;
      }
      // Workloads grouped by what they lack: UDP (and maybe TCP), or TCP only.
      const lacking = new Map<string, { blocked: BlockedDns; workloads: Workload[] }>();
      for (const workload of selected) {
        if (usesHostNetwork(workload)) continue;
        const blocked = blockedFor(workload);
        if (!blocked) continue;
        const group = lacking.get(blocked.text);
        if (group) group.workloads.push(workload);
        else lacking.set(blocked.text, { blocked, workloads: [workload] });
      }
      for (const { blocked, workloads } of lacking.values()) {
        const names = listNames(workloads.map(workloadName));
        yield {
          object,
          range,
          message: `NetworkPolicy "${name}" isolates the egress of ${names} and no egress rule lets ${workloads.length === 1 ? 'it' : 'them'} reach DNS (${blocked.text}): ${blocked.consequence}.`,
          ...blocked.severity,
        };
      }
    }
  },
  *fixes(input) {
    // The rule reports a policy whose pods no egress rule lets reach DNS: one more rule in that
    // policy lets every pod it selects reach the cluster DNS, whatever other policies say. An
    // egress-deny-all policy (`policyTypes: [Egress]`, no `egress`) gets its first rule.
    yield* objectFix(input, 'Allow DNS to kube-dns in kube-system', (editor) => editor.append(['spec', 'egress'], CLUSTER_DNS_RULE), { preferred: true });
  },
};

/** An egress rule to the cluster DNS (CoreDNS keeps kube-dns's labels), on UDP and TCP 53. */
const CLUSTER_DNS_RULE = {
  to: [
    {
      namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } },
      podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } },
    },
  ],
  ports: [
    { protocol: 'UDP', port: 53 },
    { protocol: 'TCP', port: 53 },
  ],
};

interface BlockedDns {
  text: string;
  consequence: string;
  severity: { severity?: 'info' };
}

/** What DNS traffic the policies block, with the report's severity: UDP is what resolvers use first. */
function blockedProtocols(analysis: ConnectivityAnalysis, policies: readonly CompiledPolicy[]): BlockedDns | undefined {
  const udp = policiesAllowDns(analysis, policies, 'UDP');
  const tcp = policiesAllowDns(analysis, policies, 'TCP');
  if (!udp) return { text: tcp ? 'UDP 53' : 'UDP and TCP 53', consequence: 'name resolution fails', severity: {} };
  if (!tcp) return { text: 'TCP 53', consequence: 'lookups whose answers are too large for UDP (DNSSEC, many records) fail', severity: { severity: 'info' } };
  return undefined;
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
