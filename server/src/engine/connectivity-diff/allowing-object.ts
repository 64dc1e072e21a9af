import type { ConnectivityAnalysis, Endpoint } from '../connectivity';
import { intersectPorts, isEmptyPorts, type PortSet } from '../connectivity/port-set';
import { ConnectionExplainer, type PolicyRef, type SideReason } from '../connectivity/connection-reasons';
import type { KubeObject } from '../manifest/kube-object';
import type { ObjectPath } from '../manifest/yaml-path';
import { blockText } from '../net/ipv4-set';
import { RULES_KEY } from '../policy/network-policy';
import type { ConnectionChange } from './connection-diff';

/** Where a connection is allowed: a policy's rule, or the workload itself when nothing isolates it. */
export interface AllowingObject {
  object: KubeObject;
  path: ObjectPath;
  /** "NetworkPolicy shop/allow-web ingress rule 1", "shop/web[Deployment] is not isolated for ingress". */
  reason: string;
}

/**
 * The HEAD object that allows the ports a change opens between a workload and external addresses:
 * on the workload's side (ingress for traffic from outside, egress for traffic out), the first rule
 * (an admin tier's Allow, or a NetworkPolicy rule) that gives some of the opened ports, else the
 * workload when no policy isolates it in that direction. Undefined for a change that opens nothing
 * or joins two workloads.
 */
export class AllowingObjects {
  private readonly explainer: ConnectionExplainer;

  constructor(private readonly head: ConnectivityAnalysis) {
    this.explainer = new ConnectionExplainer(head);
  }

  of(change: ConnectionChange): AllowingObject | undefined {
    const { from, to, opened } = change;
    if (isEmptyPorts(opened)) return undefined;
    const workload = from.kind === 'workload' ? from.workload : to.kind === 'workload' ? to.workload : undefined;
    const external = from.kind === 'external' ? from : to.kind === 'external' ? to : undefined;
    if (!workload || !external) return undefined;
    const self: Endpoint = { kind: 'workload', workload };
    let isolated = false;
    let direction: 'Ingress' | 'Egress' = from.kind === 'external' ? 'Ingress' : 'Egress';
    // Different blocks may be opened by different rules: the first block's rule is the one named.
    for (const block of external.blocks) {
      const end: Endpoint = { kind: 'external', cidr: blockText(block), block };
      const explanation = this.explainer.explain(direction === 'Ingress' ? { from: end, to: self, ports: opened } : { from: self, to: end, ports: opened });
      const side = direction === 'Ingress' ? explanation.ingress : explanation.egress;
      if (side.external) continue;
      direction = side.direction;
      for (const verdict of side.verdicts) {
        isolated ||= verdict.isolated;
        for (const reason of verdict.reasons) {
          const allowing = this.ruleObject(reason, opened, direction);
          if (allowing) return allowing;
        }
      }
    }
    const member = workload.members[0];
    if (!member || isolated) return undefined;
    return { object: member.object, path: ['metadata', 'name'], reason: `${workload.key} is not isolated for ${direction.toLowerCase()} (no NetworkPolicy selects it for ${direction})` };
  }

  private ruleObject(reason: SideReason, opened: PortSet, direction: 'Ingress' | 'Egress'): AllowingObject | undefined {
    if (reason.kind !== 'networkPolicyRule' && !(reason.kind === 'adminRule' && reason.action === 'Allow')) return undefined;
    if (isEmptyPorts(intersectPorts(reason.ports, opened))) return undefined;
    const object = this.policyObject(reason.policy);
    if (!object) return undefined;
    const key = RULES_KEY[direction];
    const name = reason.policy.kind === 'NetworkPolicy' ? `${reason.policy.namespace}/${reason.policy.name}` : reason.policy.name;
    return { object, path: ['spec', key, reason.ruleIndex], reason: `${reason.policy.kind} ${name} ${key} rule ${reason.ruleIndex + 1}` };
  }

  private policyObject(ref: PolicyRef): KubeObject | undefined {
    const { model } = this.head;
    const sameFile = (object: KubeObject) => object.document.uri === ref.at.file;
    if (ref.kind === 'NetworkPolicy') return model.policies.find((policy) => policy.namespace === ref.namespace && policy.name === ref.name && sameFile(policy.object))?.object;
    const tier = ref.kind === 'AdminNetworkPolicy' ? model.adminPolicies : model.baselinePolicies;
    return tier.find((policy) => policy.name === ref.name && sameFile(policy.object))?.object;
  }
}
