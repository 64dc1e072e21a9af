import { hostNetwork } from './host-network';
import { hostPort } from './host-port';
import { netpolAllowAllIngress } from './netpol-allow-all-ingress';
import type { Rule } from './rule';
import { yamlSyntax } from './yaml-syntax';

/** Every rule kube-netsec knows, in the order they are documented. */
export const ALL_RULES: readonly Rule[] = [yamlSyntax, hostNetwork, hostPort, netpolAllowAllIngress];

export function findRule(id: string): Rule | undefined {
  return ALL_RULES.find((rule) => rule.id === id);
}
