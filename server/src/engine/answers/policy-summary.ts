import { compiledPolicyOf, type ConnectivityAnalysis } from '../connectivity/analysis';
import type { CompiledPolicy, CompiledRule, PolicyDirection } from '../connectivity/compiled-policy';
import { peerAddresses } from '../connectivity/rule-peers';
import type { KubeObject } from '../manifest/kube-object';
import type { NetworkPolicyInfo, Workload } from '../model/cluster-types';
import { RULES_KEY } from '../policy/network-policy';
import type { Workspace } from '../workspace/workspace';
import { rulePeersText } from './describe-peers';
import { rulePortsText } from './describe-ports';
import { podsText } from './describe-selector';
import type { ClusterDnsConfig } from '../config/lint-config';
import { blockedDns } from './dns-blocking';
import { cappedList, countedWorkloads, LIST_LIMIT } from './name-lists';
import { sourceLink } from './source-link';
import { relativeFileName } from '../text/relative-file-name';
import { replacingDefinition } from '../model/effective-objects';
import { usesHostNetwork } from '../rules/workspace/workspace-objects';

/**
 * What a NetworkPolicy does, in plain words: the workloads it selects, then per direction whether it
 * restricts it and what each rule admits (the workloads or addresses, the ports), with DNS named
 * when egress isolation leaves no way to it. Read from the connectivity analysis, so the words
 * follow the evaluated semantics (policyTypes defaulting, named ports on the destination, ...).
 */
export function policySummary(workspace: Workspace, policy: KubeObject): string {
  const analysis = workspace.connectivity;
  const info = policyInfoOf(workspace, policy);
  const compiled = info && compiledPolicyOf(analysis, info);
  const title = `**NetworkPolicy \`${info?.key ?? policy.name ?? '(unnamed)'}\`**`;
  const replacement = replacingDefinition(workspace.model.duplicates, policy);
  if (replacement) {
    const where = `${relativeFileName(policy.document.uri, replacement.document.uri)} line ${replacement.rangeOf(['metadata', 'name'], 'pair').start.line + 1}`;
    const key = `${policy.namespace || workspace.model.defaultNamespace}/${policy.name}`;
    return `**NetworkPolicy \`${key}\`**\n\nNot evaluated: a later definition of this policy (${where}) replaces it, as \`kubectl apply\` would.`;
  }
  if (!compiled) {
    return `${title}\n\nNot evaluated: only a named \`networking.k8s.io/v1\` NetworkPolicy in a document without syntax errors takes part in the analysis.`;
  }
  const selected = analysis.selected.get(compiled) ?? [];
  return [
    title,
    selectionText(compiled, selected),
    directionText(analysis, compiled, selected, 'Ingress', workspace.dns),
    directionText(analysis, compiled, selected, 'Egress', workspace.dns),
  ].join('\n\n');
}

/** The model's record of a policy object: the same object, else the same file and name. */
export function policyInfoOf(workspace: Workspace, object: KubeObject): NetworkPolicyInfo | undefined {
  const { policies } = workspace.model;
  return (
    policies.find((info) => info.object === object) ??
    policies.find((info) => info.object.document.uri === object.document.uri && info.object.name === object.name && info.object.namespace === object.namespace)
  );
}

function selectionText(policy: CompiledPolicy, selected: readonly Workload[]): string {
  const { namespace } = policy.info;
  const onHost = selected.filter(usesHostNetwork).map((workload) => workload.id.name);
  // Kubernetes leaves policies on host-network pods undefined; most plugins do not apply them.
  const hostNote = onHost.length === 0 ? '' : ` On most network plugins it does not isolate ${cappedList(onHost, LIST_LIMIT)}, which ${onHost.length === 1 ? 'uses' : 'use'} the host network.`;
  return `Applies to ${podsText(policy.podSelector)} in namespace \`${namespace}\`: ${countedWorkloads(selected, namespace)}.${hostNote}`;
}

function directionText(analysis: ConnectivityAnalysis, policy: CompiledPolicy, selected: readonly Workload[], direction: PolicyDirection, dns: ClusterDnsConfig): string {
  const heading = `**${direction}**:`;
  if (!policy.affects[direction]) {
    const written = policy.info.spec[RULES_KEY[direction]];
    const ignored = Array.isArray(written) && written.length > 0 ? ` (its \`${RULES_KEY[direction]}\` rules are ignored: \`policyTypes\` leaves ${direction} out)` : '';
    return `${heading} not restricted by this policy${ignored}.`;
  }
  const rules = policy.rules[direction];
  const dnsBlocked = direction === 'Egress' ? dnsText(analysis, dns, policy, selected) : '';
  const others = otherPoliciesText(analysis, policy, selected, direction);
  if (rules.length === 0) return `${heading} everything is denied (no ${RULES_KEY[direction]} rule)${dnsBlocked}.${others}`;
  const open = rules.find((rule) => rule.peers === 'everything' && rule.ports === 'all');
  if (open) return `${heading} allows all: rule ${open.index + 1} admits every pod and every address on all ports, so this policy restricts nothing.`;
  const lines = rules.map((rule) => ruleText(analysis, policy, selected, rule));
  if (lines.length === 1) return `${heading} only ${lines[0]}; everything else is denied${dnsBlocked}.${others}`;
  const shown = lines.slice(0, LIST_LIMIT).map((line) => `- ${line}`);
  if (lines.length > LIST_LIMIT) shown.push(`- and ${lines.length - LIST_LIMIT} more rules`);
  return `${heading} allowed only\n${shown.join('\n')}\n\nEverything else is denied${dnsBlocked}.${others}`;
}

function ruleText(analysis: ConnectivityAnalysis, policy: CompiledPolicy, selected: readonly Workload[], rule: CompiledRule): string {
  const { namespace } = policy.info;
  // Named ports resolve on the destination: the selected pods for ingress, the peers for egress.
  const destinations =
    rule.direction === 'Ingress' ? selected : analysis.model.workloads.filter((workload) => analysis.admitted.get(rule)?.has(workload.key));
  const toAddresses = rule.direction === 'Egress' && peerAddresses(rule.peers).length > 0;
  const ports = rulePortsText(rule.ports, { destinations, toAddresses, namespace });
  return `${rule.direction === 'Ingress' ? 'from' : 'to'} ${rulePeersText(analysis, policy, rule)}, on ${ports}`;
}

/**
 * Whether DNS stays reachable for the pods: judged per selected workload with every policy that
 * isolates its egress (another policy may allow DNS), or with this policy alone when it selects none.
 */
function dnsText(analysis: ConnectivityAnalysis, dns: ClusterDnsConfig, policy: CompiledPolicy, selected: readonly Workload[]): string {
  const own = blockedDns(analysis, dns, [policy]);
  if (!own) return '';
  if (selected.length === 0) return `, including DNS (${own})`;
  const blocked = new Map<string, string[]>();
  for (const workload of selected) {
    const text = blockedDns(analysis, dns, analysis.isolatedBy.get(workload.key)?.Egress ?? [policy], workload);
    if (text) blocked.set(text, [...(blocked.get(text) ?? []), workload.id.name]);
  }
  if (blocked.size === 0) return ` (DNS is allowed to these pods by other policies)`;
  const [[text, names]] = blocked;
  if (blocked.size === 1 && names.length === selected.length) return `, including DNS (${text})`;
  return `; DNS is blocked for ${[...blocked].map(([protocols, workloads]) => `${cappedList(workloads, 4)} (${protocols})`).join(', ')}`;
}

/** The other policies that isolate some of the same pods in `direction`: what they allow adds up. */
function otherPoliciesText(analysis: ConnectivityAnalysis, policy: CompiledPolicy, selected: readonly Workload[], direction: PolicyDirection): string {
  const others = new Set<CompiledPolicy>();
  for (const workload of selected) {
    for (const other of analysis.isolatedBy.get(workload.key)?.[direction] ?? []) if (other !== policy) others.add(other);
  }
  if (others.size === 0) return '';
  const links = [...others].map((other) => sourceLink(other.info.object, ['metadata', 'name'], other.info.name));
  return ` Also isolating these pods for ${direction.toLowerCase()}: ${cappedList(links, 4)}; what they allow adds to this.`;
}
