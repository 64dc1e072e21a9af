import { ConnectionExplainer, type PolicyRef, type SideExplanation, type SideReason, type VerdictExplanation } from '../../connectivity/connection-reasons';
import { endpointName } from '../../connectivity/endpoints';
import { describePorts, isEmptyPorts, NO_PORTS, unionPorts } from '../../connectivity/port-set';
import type { PolicyDirection } from '../../connectivity/compiled-policy';
import type { KubeObject } from '../../manifest/kube-object';
import type { ClusterModel } from '../../model/cluster-types';
import { RULES_KEY } from '../../policy/network-policy';
import type { Workspace } from '../../workspace/workspace';
import { portSetText } from '../describe-ports';
import { locationOf, mapBaseOf } from './map-base';
import type { EdgeExplanation, MapLocation, ReasonLine, SideLines } from './map-types';

/**
 * Why an edge of the map is allowed: for each connection it stands for, the source's egress and the
 * destination's ingress, with the policies and rules that decide them, each linked to its text.
 * The reasons are `connectivity --explain`'s; undefined for an edge the workspace no longer has.
 */
export function explainMapEdge(workspace: Workspace, edgeId: string): EdgeExplanation | undefined {
  const base = mapBaseOf(workspace);
  const edge = base.edgesById.get(edgeId);
  if (!edge) return undefined;
  const explainer = new ConnectionExplainer(workspace.connectivity);
  const model = workspace.model;
  return {
    edgeId,
    from: edge.from,
    to: edge.to,
    ports: describePorts(edge.connections.reduce((ports, connection) => unionPorts(ports, connection.ports), NO_PORTS)),
    connections: edge.connections.map((connection) => {
      const explanation = explainer.explain(connection);
      return {
        from: endpointName(connection.from),
        to: endpointName(connection.to),
        ports: describePorts(connection.ports),
        sides: [sideLines(model, explanation.egress, explanation.ingress.endpoint), sideLines(model, explanation.ingress, explanation.egress.endpoint)],
      };
    }),
  };
}

function sideLines(model: ClusterModel, side: SideExplanation, otherEnd: string): SideLines {
  const heading = `${side.direction} of ${side.endpoint}`;
  if (side.external) return { heading, lines: [{ text: 'external addresses: nothing restricts them' }] };
  const toward = side.direction === 'Egress' ? 'toward' : 'from';
  const lines = side.verdicts.flatMap((verdict) => [
    ...(side.verdicts.length > 1 ? [{ text: `${toward} ${(verdict.addresses ?? []).join(', ')}:` }] : []),
    ...summaryLines(model, verdict, side.direction),
    ...verdict.reasons.map((reason) => reasonLine(model, reason, side.verdicts.length > 1 ? 'these addresses' : otherEnd, side.direction)),
  ]);
  return { heading, lines };
}

function summaryLines(model: ClusterModel, verdict: VerdictExplanation, direction: PolicyDirection): ReasonLine[] {
  const denied = isEmptyPorts(verdict.allowed);
  if (!verdict.isolated) return [{ text: `${denied ? 'denied' : 'not isolated'}: no NetworkPolicy selects it for ${direction.toLowerCase()}` }];
  return verdict.isolatedBy.map((policy) => ({ text: `${denied ? 'denied: ' : ''}isolated by NetworkPolicy ${policyName(policy)}`, location: policyLocation(model, policy, ['metadata', 'name']) }));
}

function reasonLine(model: ClusterModel, reason: SideReason, otherEnd: string, direction: PolicyDirection): ReasonLine {
  switch (reason.kind) {
    case 'adminRule':
      return { text: `${reason.text} (${portSetText(reason.ports)})`, location: policyLocation(model, reason.policy, ['spec', RULES_KEY[direction], reason.ruleIndex]) };
    case 'networkPolicyRule':
      return {
        text: `allowed by NetworkPolicy ${policyName(reason.policy)} ${direction.toLowerCase()} rule ${reason.ruleIndex + 1} (${portSetText(reason.ports)})`,
        location: policyLocation(model, reason.policy, ['spec', RULES_KEY[direction], reason.ruleIndex]),
      };
    case 'noRuleAdmits':
      return { text: `denied: no rule of these NetworkPolicies admits ${otherEnd} (${portSetText(reason.ports)})` };
    case 'default':
      return { text: `allowed by default: no NetworkPolicy selects it and no admin rule decides (${portSetText(reason.ports)})` };
  }
}

function policyName(policy: PolicyRef): string {
  return policy.namespace === undefined ? policy.name : `${policy.namespace}/${policy.name}`;
}

/** The policy object a reference names (same kind, name, namespace and file), and a range in it. */
function policyLocation(model: ClusterModel, policy: PolicyRef, path: (string | number)[]): MapLocation | undefined {
  const candidates: readonly { name: string; object: KubeObject }[] =
    policy.kind === 'NetworkPolicy' ? model.policies.filter((info) => info.namespace === policy.namespace) : (policy.kind === 'AdminNetworkPolicy' ? model.adminPolicies : model.baselinePolicies);
  const found = candidates.find((candidate) => candidate.name === policy.name && candidate.object.document.uri === policy.at.file);
  return found && locationOf(found.object, path);
}
