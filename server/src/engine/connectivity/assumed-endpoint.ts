import type { NamespaceInfo, Workload } from '../model/cluster-types';
import type { CompiledPolicy } from './compiled-policy';
import { NO_PORTS, unionPorts, type PortSet } from './port-set';
import { peersMatchWorkload } from './rule-peers';
import { resolveRulePorts } from './rule-ports';

/**
 * A workload the cluster runs but the manifests may not hold (the cluster DNS, say), with its
 * namespace. It is evaluated against policies on its own, never added to the model: the map and
 * every other answer stay those of the manifests.
 */
export interface AssumedEndpoint {
  workload: Workload;
  namespace: NamespaceInfo;
}

/**
 * What the egress rules of `policies` (the policies isolating some pods for egress) allow toward
 * the endpoint, with the peer and port matching of the analysis: selectors match it by its labels
 * and its namespace's, an ipBlock never does, named ports resolve on its container ports.
 */
export function egressToward(policies: readonly CompiledPolicy[], endpoint: AssumedEndpoint): PortSet {
  const namespaces = new Map([[endpoint.namespace.name, endpoint.namespace]]);
  let allowed = NO_PORTS;
  for (const policy of policies) {
    for (const rule of policy.rules.Egress) {
      if (peersMatchWorkload(rule.peers, policy.info.namespace, endpoint.workload, namespaces)) allowed = unionPorts(allowed, resolveRulePorts(rule.ports, endpoint.workload));
    }
  }
  return allowed;
}
