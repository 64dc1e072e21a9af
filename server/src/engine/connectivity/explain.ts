import type { Workload } from '../model/cluster-types';
import type { ConnectivityAnalysis } from './analysis';
import type { PolicyDirection } from './compiled-policy';
import { compareConnections } from './connections';
import { verdictsWithExternal, verdictWithWorkload, type DirectionVerdict, type RuleContribution } from './direction-verdict';
import { externalEndpoints, workloadEndpoint, type Endpoint } from './endpoints';
import { intersectPorts, isEmptyPorts, type PortSet } from './port-set';
import type { AdminRuleDecision } from './tiered-verdict';
import { adminPolicyKindName, adminPolicyRank } from '../model/admin-policies';

/**
 * A connection with its reasons: the source's egress verdict and the destination's ingress
 * verdict, each naming the isolating policies and the rules (by index) that open the ports. The
 * external side of a connection has no verdict: nothing restricts it.
 */
export interface ExplainedConnection {
  from: Endpoint;
  to: Endpoint;
  /** What is allowed: egress ∩ ingress; may be empty from `explainConnection`. */
  ports: PortSet;
  egress?: DirectionVerdict;
  ingress?: DirectionVerdict;
}

/** Why `source` may (or may not) reach `destination`: both verdicts, even when nothing is allowed. */
export function explainConnection(analysis: ConnectivityAnalysis, source: Workload, destination: Workload): ExplainedConnection {
  const egress = verdictWithWorkload(analysis, source, 'Egress', destination);
  const ingress = verdictWithWorkload(analysis, destination, 'Ingress', source);
  return { from: workloadEndpoint(source), to: workloadEndpoint(destination), ports: intersectPorts(egress.allowed, ingress.allowed), egress, ingress };
}

/** Who may reach `workload`: other workloads and external CIDR blocks, with the ports and the reasons. */
export function inboundConnections(analysis: ConnectivityAnalysis, workload: Workload): ExplainedConnection[] {
  const fromWorkloads = analysis.model.workloads
    .filter((source) => source !== workload)
    .map((source) => explainConnection(analysis, source, workload));
  const fromExternal = externalConnections(analysis, workload, 'Ingress');
  return [...fromWorkloads, ...fromExternal].filter((connection) => !isEmptyPorts(connection.ports)).sort(compareConnections);
}

/** Whom `workload` may reach: other workloads and external CIDR blocks, with the ports and the reasons. */
export function outboundConnections(analysis: ConnectivityAnalysis, workload: Workload): ExplainedConnection[] {
  const toWorkloads = analysis.model.workloads
    .filter((destination) => destination !== workload)
    .map((destination) => explainConnection(analysis, workload, destination));
  const toExternal = externalConnections(analysis, workload, 'Egress');
  return [...toWorkloads, ...toExternal].filter((connection) => !isEmptyPorts(connection.ports)).sort(compareConnections);
}

// Blocks are kept apart when different rules open them, so each entry names its own reasons.
function externalConnections(analysis: ConnectivityAnalysis, workload: Workload, direction: PolicyDirection): ExplainedConnection[] {
  return verdictsWithExternal(analysis, workload, direction).flatMap(({ range, value }) =>
    externalEndpoints(range).map((external) =>
      direction === 'Ingress'
        ? { from: external, to: workloadEndpoint(workload), ports: value.allowed, ingress: value }
        : { from: workloadEndpoint(workload), to: external, ports: value.allowed, egress: value },
    ),
  );
}

/**
 * An admin rule that decided some ports of a verdict, with the NetworkPolicy rules that would have
 * allowed some of them and so were not consulted (an Allow or a Deny is final; Pass hands on).
 */
export interface AdminReason {
  decision: AdminRuleDecision;
  notConsulted: RuleContribution[];
}

export function adminReasons(verdict: DirectionVerdict): AdminReason[] {
  return (verdict.adminRules ?? []).map((decision) => ({
    decision,
    notConsulted: decision.action === 'Pass' ? [] : verdict.rules.filter((rule) => !isEmptyPorts(intersectPorts(rule.ports, decision.ports))),
  }));
}

const PAST: Readonly<Record<AdminRuleDecision['action'], string>> = { Allow: 'allowed', Deny: 'denied', Pass: 'passed on' };

/**
 * "denied by AdminNetworkPolicy `guard` (priority 5) ingress rule 2; the NetworkPolicy `allow-web`
 * that would allow it is not consulted": one admin reason in plain words.
 */
export function adminReasonText({ decision, notConsulted }: AdminReason): string {
  const rank = adminPolicyRank(decision.policy);
  const priority = rank ? ` (${rank})` : '';
  const rule = `${decision.direction.toLowerCase()} rule ${decision.ruleIndex + 1}${decision.ruleName ? ` "${decision.ruleName}"` : ''}`;
  const text = `${PAST[decision.action]} by ${adminPolicyKindName(decision.policy)} \`${decision.policy.name}\`${priority} ${rule}`;
  const names = [...new Set(notConsulted.map((contribution) => contribution.policy.name))];
  if (names.length === 0) return text;
  const which = names.map((name) => `\`${name}\``).join(', ');
  const would = decision.action === 'Deny' ? 'would allow it' : 'also allows it';
  return `${text}; the NetworkPolicy${names.length > 1 ? 's' : ''} ${which} that ${would} ${names.length > 1 ? 'are' : 'is'} not consulted`;
}
