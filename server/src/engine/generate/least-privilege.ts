import type { ClusterDnsConfig } from '../config/lint-config';
import type { PolicyDirection } from '../connectivity';
import type { ClusterModel, Workload } from '../model';
import { isNodeExposed } from '../services/service';
import { dnsPortsText, uniquePorts } from '../rules/workspace/dns-access';
import { workloadsIn } from '../rules/workspace/workspace-objects';
import type { Evidence } from './evidence';
import { describeWorkload, type ConnectionSource, type InferredConnection } from './inferred-connections';
import { minimalSelectorOf, type WorkloadSelector } from './minimal-selector';
import type { PlannedPeer, PlannedPolicy, PlannedRule } from './policy-yaml';
import type { WorkspaceService } from './workspace-services';

/** What planning a workload's policies reads: the model, the cluster DNS, the Services, the inferred connections, how to name files. */
export interface PlanningContext {
  model: ClusterModel;
  dns: ClusterDnsConfig;
  services: ReadonlyMap<string, WorkspaceService>;
  connections: readonly InferredConnection[];
  fileName: (uri: string) => string;
}

/** The cluster DNS as configured (by default kube-dns, whose label CoreDNS keeps, in kube-system on UDP and TCP 53). */
function dnsRule(dns: ClusterDnsConfig): PlannedRule {
  const labels = Object.entries(dns.podLabels).map(([key, value]) => `${key}: ${value}`);
  return {
    comment: [`DNS: the cluster DNS (${labels.length > 0 ? `${labels.join(', ')} in ` : ''}${dns.namespace}), ${dnsPortsText(dns)}.`],
    peers: [{ namespace: dns.namespace, ...(labels.length > 0 ? { podSelector: dns.podLabels } : {}) }],
    ports: uniquePorts(dns),
  };
}

/**
 * The least-privilege policy of a workload for one direction: it selects the workload by its
 * minimal labels and allows exactly the inferred connections (plus DNS for egress), each rule
 * commented with what it was inferred from. `name` must be free in the namespace.
 */
export function planWorkloadPolicy(workload: Workload, direction: PolicyDirection, name: string, context: PlanningContext): PlannedPolicy {
  const selector = selectorOf(workload, context.model);
  const comment = [`${direction} of ${describeWorkload(workload)}: least privilege inferred from the manifests by kube-netsec generate.`, selectorComment(workload, selector, context.model)];
  const base = { name, namespace: workload.id.namespace, podSelector: selector.matchLabels, policyTypes: [direction] };
  if (direction === 'Ingress') {
    const rules = context.connections
      .filter((connection) => connection.to.key === workload.key)
      .map((connection) => ({ comment: [`From ${describeSource(connection.from)}:`, ...evidenceLines(connection.evidence, context)], peers: [sourcePeer(connection.from, workload.id.namespace, context.model)], ports: connection.ports }));
    if (rules.length === 0) comment.push('No client was inferred: all ingress is denied.');
    comment.push(...exposureComments(workload, context));
    return { comment, ...base, ingress: rules };
  }
  const rules: PlannedRule[] = context.connections
    .filter((connection) => connection.from.kind === 'workload' && connection.from.workload.key === workload.key)
    .map((connection) => {
      const destination = context.model.workloadsByKey.get(connection.to.key)!;
      return { comment: [`To ${describeWorkload(destination)}:`, ...evidenceLines(connection.evidence, context)], peers: [workloadPeer(destination, workload.id.namespace, context.model)], ports: connection.ports };
    });
  return { comment, ...base, egress: [...rules, dnsRule(context.dns)] };
}

/** Every pod of the namespace isolated in both directions: what is not allowed by another policy is denied. */
export function planDefaultDeny(namespace: string, name: string): PlannedPolicy {
  return {
    comment: [`Default deny for namespace ${namespace}: every pod is isolated for ingress and egress; the policies beside it allow what each workload needs.`],
    name,
    namespace,
    podSelector: {},
    policyTypes: ['Ingress', 'Egress'],
  };
}

/** The minimal selector of a workload among the workloads of its namespace. */
export function selectorOf(workload: Workload, model: ClusterModel): WorkloadSelector {
  return minimalSelectorOf(workload, workloadsIn(model, workload.id.namespace));
}

function selectorComment(workload: Workload, selector: WorkloadSelector, model: ClusterModel): string {
  if (selector.unique) return 'podSelector: the fewest pod labels that select this workload alone.';
  const alsoSelected = workloadsIn(model, workload.id.namespace).filter((other) => other !== workload && Object.entries(selector.matchLabels).every(([key, value]) => other.podLabels[key] === value));
  return `podSelector: no subset of its pod labels selects it alone; all are used, and they also select ${alsoSelected.map(describeWorkload).join(', ')}.`;
}

function sourcePeer(source: ConnectionSource, namespace: string, model: ClusterModel): PlannedPeer {
  if (source.kind === 'namespace') return { namespace: source.namespace };
  return workloadPeer(model.workloadsByKey.get(source.workload.key)!, namespace, model);
}

function workloadPeer(peer: Workload, namespace: string, model: ClusterModel): PlannedPeer {
  const podSelector = selectorOf(peer, model).matchLabels;
  return peer.id.namespace === namespace ? { podSelector } : { namespace: peer.id.namespace, podSelector };
}

function describeSource(source: ConnectionSource): string {
  return source.kind === 'workload' ? describeWorkload(source.workload) : `any pod of namespace ${source.namespace} (where the Ingress controller or the Gateway runs)`;
}

function evidenceLines(evidence: readonly Evidence[], context: PlanningContext): string[] {
  return evidence.map((item) => `  ${item.what} (${context.fileName(item.file)}:${item.line})`);
}

// Clients outside the cluster come through node ports or a load balancer: their addresses are not in the manifests.
function exposureComments(workload: Workload, context: PlanningContext): string[] {
  return [...context.services.values()]
    .filter((service) => isNodeExposed(service.type) && service.selected.includes(workload))
    .map(
      (service) =>
        `Service ${service.name} (${service.type}, ${context.fileName(service.object.document.uri)}:${service.object.rangeOf(['metadata', 'name']).start.line + 1}) ` +
        'exposes it outside the cluster: no rule admits external clients; add an ipBlock rule for the addresses that may connect.',
    );
}
