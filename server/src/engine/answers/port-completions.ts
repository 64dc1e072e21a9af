import { compileLabelSelector, matchesLabels } from '../connectivity/label-selector';
import { compileRulePeers, peersMatchWorkload } from '../connectivity/rule-peers';
import type { ClusterModel, Workload } from '../model/cluster-types';
import { namespaceOf } from '../model/object-identity';
import { policyPortProtocol } from '../model/port-defaults';
import type { CompletionAnswer } from './answer';
import type { CompletionSite } from './completion-site';
import { insertionOf } from './label-completions';
import { cappedList, workloadLabel } from './name-lists';

/**
 * Ports for `ports[k].port` of rule `index` of a NetworkPolicy: the container ports and port names
 * of the rule's destinations, where named ports resolve. For ingress those are the selected pods;
 * for egress the pods the rule's `to` matches. When the entry names its protocol, only ports of
 * that protocol are offered (none for a protocol the API server refuses); otherwise every port is,
 * each saying its protocol, and those of another protocol than TCP, the entry's default, that the
 * entry needs `protocol` for them.
 */
export function portCompletions(model: ClusterModel, site: CompletionSite, direction: 'ingress' | 'egress', index: number, entry: number): CompletionAnswer[] {
  const { object } = site;
  const namespace = namespaceOf(object, model.defaultNamespace);
  const destinations =
    direction === 'ingress' ? selectedWorkloads(model, namespace, object.get(['spec', 'podSelector'])) : egressPeers(model, namespace, object.get(['spec', 'egress', index, 'to']));
  const written = object.get(['spec', direction, index, 'ports', entry, 'protocol']);
  const protocol = written === undefined || written === null ? undefined : written;

  // label ("8080" or "http") → "TCP 8080" → its protocol and the workloads that declare it.
  const byLabel = new Map<string, Map<string, { protocol: string; names: string[] }>>();
  for (const workload of destinations) {
    for (const port of workload.containerPorts) {
      if (protocol !== undefined && port.protocol !== protocol) continue;
      const declared = `${port.protocol} ${port.port}`;
      for (const label of port.name ? [String(port.port), port.name] : [String(port.port)]) {
        let ports = byLabel.get(label);
        if (!ports) byLabel.set(label, (ports = new Map()));
        const entry = ports.get(declared) ?? { protocol: port.protocol, names: [] };
        if (!entry.names.includes(workloadLabel(workload, namespace))) entry.names.push(workloadLabel(workload, namespace));
        ports.set(declared, entry);
      }
    }
  }
  // Without `protocol` the entry is TCP: a port of another protocol needs it written.
  const note = (declaredProtocol: string) => (protocol === undefined && declaredProtocol !== policyPortProtocol(undefined) ? `, needs protocol: ${declaredProtocol}` : '');
  return [...byLabel]
    .map(([label, ports]) => ({
      label,
      kind: 'port' as const,
      detail: [...ports].map(([declared, { protocol: declaredProtocol, names }]) => `${declared} on ${cappedList(names)}${note(declaredProtocol)}`).join('; '),
      ...insertionOf(site, label),
      ...(site.word ? { range: site.word.range } : {}),
    }))
    .sort(numbersFirst);
}

function selectedWorkloads(model: ClusterModel, namespace: string, podSelector: unknown): Workload[] {
  const selector = compileLabelSelector(podSelector);
  return model.workloads.filter((workload) => workload.id.namespace === namespace && matchesLabels(selector, workload.podLabels));
}

function egressPeers(model: ClusterModel, namespace: string, to: unknown): Workload[] {
  const peers = compileRulePeers(to);
  return model.workloads.filter((workload) => peersMatchWorkload(peers, namespace, workload, model.namespaces));
}

function numbersFirst(a: CompletionAnswer, b: CompletionAnswer): number {
  const numberA = /^\d+$/.test(a.label) ? Number(a.label) : undefined;
  const numberB = /^\d+$/.test(b.label) ? Number(b.label) : undefined;
  if (numberA !== undefined && numberB !== undefined) return numberA - numberB;
  if (numberA !== undefined) return -1;
  if (numberB !== undefined) return 1;
  return a.label < b.label ? -1 : a.label > b.label ? 1 : 0;
}
