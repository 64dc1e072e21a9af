import { isEmptyPorts, type PolicyDirection } from '../engine';
import type { ConnectionExplanation, PolicyRef, SideExplanation, SideReason, SourceLine, VerdictExplanation } from '../engine/connectivity/connection-reasons';
import { portSetText } from '../engine/answers/describe-ports';

/**
 * The indented lines under a connection in `connectivity --explain`: for the source's egress, then
 * the destination's ingress, what isolates it and each rule that decides its ports, with file:line.
 */
export function explanationLines(explanation: ConnectionExplanation): string[] {
  return [...sideLines(explanation.egress, explanation.ingress.endpoint), ...sideLines(explanation.ingress, explanation.egress.endpoint)];
}

function sideLines(side: SideExplanation, otherEnd: string): string[] {
  const heading = `  ${side.direction.toLowerCase()} of ${side.endpoint}`;
  if (side.external) return [`${heading}: external addresses: nothing restricts them`];
  if (side.verdicts.length === 1) return [`${heading}: ${summary(side.verdicts[0], side)}`, ...side.verdicts[0].reasons.map((reason) => `    ${reasonText(reason, otherEnd, side.direction)}`)];
  const toward = side.direction === 'Egress' ? 'toward' : 'from';
  return [
    `${heading}: different rules decide parts of ${otherEnd}`,
    ...side.verdicts.flatMap((verdict) => [
      `    ${toward} ${(verdict.addresses ?? []).join(', ')}: ${summary(verdict, side)}`,
      ...verdict.reasons.map((reason) => `      ${reasonText(reason, 'these addresses', side.direction)}`),
    ]),
  ];
}

function summary(verdict: VerdictExplanation, side: SideExplanation): string {
  const denied = isEmptyPorts(verdict.allowed);
  if (!verdict.isolated) return `${denied ? 'denied' : 'not isolated'} (no NetworkPolicy selects it for ${side.direction.toLowerCase()})`;
  const state = `isolated by NetworkPolicy${verdict.isolatedBy.length > 1 ? 's' : ''} ${verdict.isolatedBy.map(policyText).join(', ')}`;
  return denied ? `denied: ${state}` : state;
}

function reasonText(reason: SideReason, otherEnd: string, direction: PolicyDirection): string {
  switch (reason.kind) {
    case 'adminRule':
      return `${reason.text} (${portSetText(reason.ports)}) at ${lineText(reason.at)}`;
    case 'networkPolicyRule':
      return `allowed by NetworkPolicy ${reason.policy.namespace}/${reason.policy.name} ${direction.toLowerCase()} rule ${reason.ruleIndex + 1} (${portSetText(reason.ports)}) at ${lineText(reason.at)}`;
    case 'noRuleAdmits':
      return `denied: no rule of these NetworkPolicies admits ${otherEnd} (${portSetText(reason.ports)})`;
    case 'default':
      return `allowed by default: no NetworkPolicy selects it and no admin rule decides (${portSetText(reason.ports)})`;
  }
}

function policyText(policy: PolicyRef): string {
  const name = policy.namespace === undefined ? policy.name : `${policy.namespace}/${policy.name}`;
  return `${name} (${lineText(policy.at)})`;
}

function lineText(at: SourceLine): string {
  return `${at.file}:${at.line}`;
}
