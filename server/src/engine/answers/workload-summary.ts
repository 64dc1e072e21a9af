import type { ConnectivityAnalysis } from '../connectivity/analysis';
import type { CompiledAdminPolicy } from '../connectivity/admin-policy';
import type { CompiledPolicy, PolicyDirection } from '../connectivity/compiled-policy';
import { verdictWithWorkload } from '../connectivity/direction-verdict';
import { inboundConnections, outboundConnections, type ExplainedConnection } from '../connectivity/explain';
import { isEmptyPorts } from '../connectivity/port-set';
import { compileLabelSelector } from '../connectivity/label-selector';
import type { KubeObject } from '../manifest/kube-object';
import type { Workload } from '../model/cluster-types';
import { usesHostNetwork } from '../rules/workspace/workspace-objects';
import type { Workspace } from '../workspace/workspace';
import { connectionLines, groupedLines, type ConnectionLine } from './describe-connections';
import { requirementsText } from './describe-selector';
import type { ClusterDnsConfig } from '../config/lint-config';
import { blockedDns } from './dns-blocking';
import { listNames } from '../text/name-lists';
import { cappedList, LIST_LIMIT, plural, workloadLabel, workloadTitle } from './name-lists';
import { sourceLink } from './source-link';
import { relativeFileName } from '../text/relative-file-name';
import { replacingDefinition } from '../model/effective-objects';
import { adminPolicyKindName, adminPolicyRank } from '../model/admin-policies';

/**
 * Who may reach a workload and whom it may reach, per direction: "not isolated" in one sentence, or
 * the isolating policies and the allowed connections with their ports and rules (capped; the full
 * lists are `workloadConnectionsReport`). Undefined when the object is no workload of the model.
 */
export function workloadSummary(workspace: Workspace, object: KubeObject): string | undefined {
  const workload = workloadOfObject(workspace, object);
  if (!workload) return replacedSummary(workspace, object);
  const analysis = workspace.connectivity;
  const title = `**${workloadTitle(workload)}** · ${podLabelsText(workload)}`;
  // The allowed connections would assume the policies apply, which most plugins do not for such pods.
  if (usesHostNetwork(workload)) return [`${title} · host network`, hostNetworkSummary(analysis, workload)].join('\n\n');
  return [title, directionSummary(analysis, workload, 'Ingress', workspace.dns), directionSummary(analysis, workload, 'Egress', workspace.dns)].join('\n\n');
}

/** For a workload definition a later one replaces: which one the analysis reads instead. */
function replacedSummary(workspace: Workspace, object: KubeObject): string | undefined {
  const effective = replacingDefinition(workspace.model.duplicates, object);
  const workload = effective && workspace.model.workloads.find((candidate) => candidate.members.some((member) => member.object === effective));
  if (!effective || !workload) return undefined;
  const where = `${relativeFileName(object.document.uri, effective.document.uri)} line ${effective.rangeOf(['metadata', 'name'], 'pair').start.line + 1}`;
  return `**${workloadTitle(workload)}**\n\nReplaced by a later definition (${where}), as \`kubectl apply\` would: its connections are those of that definition.`;
}

/** Why the policies that select a host-network workload most likely do not isolate it. */
const HOST_NETWORK_NOT_ISOLATED =
  'NetworkPolicies do not isolate it on most network plugins. Its pods use the host network (`hostNetwork: true`): ' +
  "Kubernetes leaves NetworkPolicy behaviour for such pods undefined, and most plugins treat their traffic as the node's own.";

function hostNetworkSummary(analysis: ConnectivityAnalysis, workload: Workload): string {
  const isolating = analysis.isolatedBy.get(workload.key);
  const selecting = (['Ingress', 'Egress'] as const).flatMap((direction) => {
    const policies = isolating?.[direction] ?? [];
    return policies.length === 0 ? [] : [`for ${direction.toLowerCase()} by ${policyLinks(policies)}`];
  });
  const selected = selecting.length === 0 ? '' : ` It is selected ${selecting.join(' and ')}.`;
  return `**Ingress and egress**: ${HOST_NETWORK_NOT_ISOLATED}${selected}`;
}

/** Every inbound and outbound connection of a workload, as a Markdown document (for a command). */
export function workloadConnectionsReport(workspace: Workspace, workloadKey: string): string {
  const workload = workspace.model.workloadsByKey.get(workloadKey);
  if (!workload) return `# Connections of ${workloadKey}\n\nThe workspace has no such workload (any more).\n`;
  const analysis = workspace.connectivity;
  const inbound = connectionLines(workload, inboundConnections(analysis, workload), 'inbound');
  const outbound = connectionLines(workload, outboundConnections(analysis, workload), 'outbound');
  const labels = podLabelsText(workload);
  return [
    `# Connections of ${workloadTitle(workload)}`,
    `${labels[0].toUpperCase()}${labels.slice(1)}. Ingress: ${isolationText(analysis, workload, 'Ingress')}. Egress: ${isolationText(analysis, workload, 'Egress')}.`,
    `## Inbound (${inbound.length})`,
    connectionTable('From', inbound),
    `## Outbound (${outbound.length})`,
    connectionTable('To', outbound),
  ].join('\n\n') + '\n';
}

/** The workload an object makes up (a controller object, or a pod), by identity, else by file and name. */
export function workloadOfObject(workspace: Workspace, object: KubeObject): Workload | undefined {
  const { workloads } = workspace.model;
  const sameObject = (candidate: KubeObject) => candidate === object;
  const sameSource = (candidate: KubeObject) =>
    candidate.document.uri === object.document.uri && candidate.kind === object.kind && candidate.name === object.name && candidate.namespace === object.namespace;
  return (
    workloads.find((workload) => workload.members.some((member) => sameObject(member.object))) ??
    workloads.find((workload) => workload.members.some((member) => sameSource(member.object)))
  );
}

function podLabelsText(workload: Workload): string {
  const labels = requirementsText(compileLabelSelector({ matchLabels: workload.podLabels }));
  return labels ? `pods labelled ${labels}` : 'pods without labels';
}

function directionSummary(analysis: ConnectivityAnalysis, workload: Workload, direction: PolicyDirection, dnsConfig: ClusterDnsConfig): string {
  const inbound = direction === 'Ingress';
  const connections = inbound ? inboundConnections(analysis, workload) : outboundConnections(analysis, workload);
  const heading = `**${direction}**:`;
  const policies = analysis.isolatedBy.get(workload.key)?.[direction] ?? [];
  const admin = adminPoliciesOf(analysis, workload, direction);
  if (policies.length === 0 && admin.length === 0) {
    const reachable = connections.filter((connection) => (inbound ? connection.from : connection.to).kind === 'workload').length;
    return `${heading} ${unisolatedText(analysis, direction, reachable)}`;
  }
  // Cluster-admin policies decide before (ANPs) or instead of (the baseline) the NetworkPolicies.
  const restriction = `${policies.length > 0 ? isolationText(analysis, workload, direction) : 'not isolated by a NetworkPolicy'}${adminPoliciesText(admin)}`;
  const lines = groupedLines(connectionLines(workload, connections, inbound ? 'inbound' : 'outbound'));
  // The DNS judgement weighs NetworkPolicies only (netpol-egress-blocks-dns does not read admin tiers).
  const dns = inbound || policies.length === 0 ? undefined : blockedDns(analysis, dnsConfig, policies, workload);
  const dnsText = dns ? ` DNS is blocked (${dns}).` : '';
  const refused = refusedText(analysis, workload, direction, connections, lines.length > 0);
  if (lines.length === 0) return `${heading} ${restriction}; ${inbound ? 'nothing may connect to it' : 'it may connect to nothing'}.${refused}${dnsText}`;
  const shown = lines.slice(0, LIST_LIMIT).map((line) => `- ${inbound ? 'from' : 'to'} ${lineText(line)}`);
  if (lines.length > LIST_LIMIT) shown.push(`- and ${lines.length - LIST_LIMIT} more`);
  return `${heading} ${restriction}; allowed:\n${shown.join('\n')}\n\nEverything else is denied.${refused}${dnsText}`;
}

/** The AdminNetworkPolicies and the baseline whose subject selects the workload and that have rules for `direction`. */
function adminPoliciesOf(analysis: ConnectivityAnalysis, workload: Workload, direction: PolicyDirection): CompiledAdminPolicy[] {
  const admin = analysis.admin;
  if (!admin) return [];
  return admin.policies.filter((policy) => policy.rules[direction].length > 0 && admin.selected.get(policy)?.includes(workload));
}

/** "; cluster-admin policies apply: AdminNetworkPolicy [guard](…) (priority 5), BaselineAdminNetworkPolicy [default](…)". */
function adminPoliciesText(policies: readonly CompiledAdminPolicy[]): string {
  if (policies.length === 0) return '';
  const links = policies.map((policy) => {
    const rank = adminPolicyRank(policy.info);
    return `${adminPolicyKindName(policy.info)} ${sourceLink(policy.info.object, ['metadata', 'name'], policy.info.name)}${rank ? ` (${rank})` : ''}`;
  });
  return `; ${policies.length === 1 ? 'a cluster-admin policy applies' : 'cluster-admin policies apply'}: ${cappedList(links, 4)}`;
}

/**
 * The workloads this side's rules admit but the other side refuses: a rule that admits frontend
 * while nothing reaches the pods is a puzzle unless the hover says that frontend's egress says no.
 */
function refusedText(analysis: ConnectivityAnalysis, workload: Workload, direction: PolicyDirection, connections: readonly ExplainedConnection[], besidesAllowed: boolean): string {
  const inbound = direction === 'Ingress';
  const connected = new Set(connections.flatMap((connection) => {
    const peer = inbound ? connection.from : connection.to;
    return peer.kind === 'workload' ? [peer.workload] : [];
  }));
  // Only this side's verdict is needed for the peers without a connection: it is the cheaper half.
  const refused = analysis.model.workloads.filter(
    (other) => other !== workload && !connected.has(other) && !isEmptyPorts(verdictWithWorkload(analysis, workload, direction, other).allowed),
  );
  if (refused.length === 0) return '';
  const names = listNames(refused.map((other) => workloadLabel(other, workload.id.namespace)), 4);
  const one = refused.length === 1;
  const too = besidesAllowed ? ' too' : '';
  const whose = one ? `${names}'s` : 'their';
  return inbound
    ? ` Its rules admit ${names}${too}, but ${whose} own egress policies do not let ${one ? 'it' : 'them'} connect.`
    : ` Its rules allow ${names}${too}, but ${whose} ingress policies refuse the connection.`;
}

function lineText(line: ConnectionLine): string {
  return `${line.peer}: ${line.ports}${line.reasons ? ` (${line.reasons})` : ''}`;
}

/**
 * "isolated by 2 policies ([a](…), [b](…))", or "not isolated"; for a host-network workload "not
 * isolated on most network plugins (host network)", with the policies that select it.
 */
function isolationText(analysis: ConnectivityAnalysis, workload: Workload, direction: PolicyDirection): string {
  const policies = analysis.isolatedBy.get(workload.key)?.[direction] ?? [];
  if (usesHostNetwork(workload)) {
    return `not isolated on most network plugins (host network${policies.length === 0 ? '' : `; selected by ${policyLinks(policies)}`})`;
  }
  if (policies.length === 0) return 'not isolated';
  return `isolated by ${policyLinks(policies)}`;
}

/** "2 policies ([a](…), [b](…))": how many, each linked to its name. */
function policyLinks(policies: readonly CompiledPolicy[]): string {
  const links = policies.map((policy) => sourceLink(policy.info.object, ['metadata', 'name'], policy.info.name));
  return `${plural(policies.length, 'policy', 'policies')} (${cappedList(links, 4)})`;
}

/**
 * No policy restricts this side, so the other side decides: every address, and the workloads
 * whose own policies allow the connection (said when some do not).
 */
function unisolatedText(analysis: ConnectivityAnalysis, direction: PolicyDirection, reachable: number): string {
  const others = analysis.model.workloads.length - 1;
  const base =
    direction === 'Ingress'
      ? 'not isolated for ingress: any pod and any address may connect (no NetworkPolicy selects it for ingress).'
      : 'not isolated for egress: it may connect to any address and any pod (no NetworkPolicy selects it for egress).';
  if (reachable === others) return base;
  const count = reachable === 0 ? 'none' : `only ${reachable}`;
  const limit =
    direction === 'Ingress'
      ? `${count} of the ${others} other workloads may (their own egress policies decide)`
      : `the ingress policies of the others admit it to ${count} of them (${others} workloads)`;
  return `${base} Within the workspace, ${limit}.`;
}

function connectionTable(peerHeading: string, lines: readonly ConnectionLine[]): string {
  if (lines.length === 0) return 'None.';
  const cell = (text: string) => text.replace(/\|/g, '\\|');
  return [`| ${peerHeading} | Ports | Allowed by |`, '| --- | --- | --- |', ...lines.map((line) => `| ${cell(line.peer)} | ${cell(line.ports)} | ${cell(line.reasons || 'not isolated')} |`)].join('\n');
}
