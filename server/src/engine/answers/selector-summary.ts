import { compileLabelSelector, matchesLabels, type LabelSelector } from '../connectivity/label-selector';
import { peerMatchesWorkload } from '../connectivity/rule-peers';
import { isPlainObject, type KubeObject } from '../manifest/kube-object';
import type { ObjectPath } from '../manifest/yaml-path';
import type { NamespaceInfo, Workload } from '../model/cluster-types';
import { isCoreNetworkPolicy, PEERS_KEY, RULES_KEY } from '../policy/network-policy';
import { couldSelectPodsOf } from '../rules/workspace/pod-selection';
import { namespacesNamedBy } from '../rules/workspace/namespace-selectors';
import { operatedWorkloadsIn, workloadsIn } from '../rules/workspace/workspace-objects';
import { operatedPodsOf } from '../model/operated-workloads';
import { serviceSpecOf } from '../services/service';
import type { Workspace } from '../workspace/workspace';
import { namespacesText, podsText } from './describe-selector';
import { cappedList, LIST_LIMIT, matchedWorkloads, plural } from './name-lists';

const SELECTOR_KEYS = new Set(['podSelector', 'namespaceSelector', 'selector']);

/**
 * What a selector matches right now in the workspace: a policy's `podSelector`, a peer's
 * `podSelector` or `namespaceSelector` (with the other selector of the peer), or a Service's
 * `selector`. `selectorPath` may point inside the selector (at `matchLabels`, an expression): the
 * innermost selector key on it is the one summarised. Undefined for any other path.
 */
export function selectorSummary(workspace: Workspace, object: KubeObject, selectorPath: ObjectPath): string | undefined {
  const path = selectorPathOf(selectorPath);
  if (!path) return undefined;
  const namespace = object.namespace || workspace.model.defaultNamespace;
  const key = path[path.length - 1];
  if (serviceSpecOf(object) && path.length === 2 && path[0] === 'spec' && key === 'selector') return serviceSelectorText(workspace, object, namespace);
  if (!isCoreNetworkPolicy(object) || path[0] !== 'spec') return undefined;
  if (path.length === 2 && key === 'podSelector') return policySelectorText(workspace, object, namespace);
  if (path.length === 6 && isPeerPath(path)) return peerSelectorText(workspace, object, namespace, path.slice(0, 5), key as 'podSelector' | 'namespaceSelector');
  return undefined;
}

/** The path up to its innermost selector key, or undefined when it goes through none. */
function selectorPathOf(path: ObjectPath): ObjectPath | undefined {
  for (let index = path.length - 1; index >= 0; index--) {
    const step = path[index];
    if (typeof step === 'string' && SELECTOR_KEYS.has(step)) return path.slice(0, index + 1);
  }
  return undefined;
}

/** `spec.ingress[i].from[j].podSelector` or the same under `egress`/`to`. */
function isPeerPath(path: ObjectPath): boolean {
  const [, rules, ruleIndex, peers, peerIndex, key] = path;
  const direction = rules === RULES_KEY.Ingress ? 'Ingress' : rules === RULES_KEY.Egress ? 'Egress' : undefined;
  return (
    direction !== undefined && peers === PEERS_KEY[direction] && typeof ruleIndex === 'number' && typeof peerIndex === 'number' && (key === 'podSelector' || key === 'namespaceSelector')
  );
}

function policySelectorText(workspace: Workspace, policy: KubeObject, namespace: string): string {
  const selector = compileLabelSelector(policy.get(['spec', 'podSelector']));
  const selected = [
    ...workloadsIn(workspace.model, namespace).filter((workload) => matchesLabels(selector, workload.podLabels)),
    // Pods an operator creates from a custom resource (a Prometheus object's): the rules count them too.
    ...operatedWorkloadsIn(workspace.model, namespace).filter((workload) => couldSelectPodsOf(selector, workload)),
  ];
  return `**podSelector**: ${podsText(selector)} in namespace \`${namespace}\` — ${matchedWorkloads(selected, namespace)}.`;
}

function serviceSelectorText(workspace: Workspace, service: KubeObject, namespace: string): string {
  if (service.get(['spec', 'type']) === 'ExternalName') return '**selector**: ignored: an ExternalName Service is a DNS alias and has no pods.';
  const written = service.get(['spec', 'selector']);
  if (!isPlainObject(written) || Object.keys(written).length === 0) return '**selector**: none, so the Service has no pods: its endpoints are managed by hand.';
  const selector = compileLabelSelector({ matchLabels: written });
  // As the Service rules read it: labels the controllers add to their pods count too.
  const selected = [...workloadsIn(workspace.model, namespace), ...operatedWorkloadsIn(workspace.model, namespace)].filter((workload) => couldSelectPodsOf(selector, workload));
  return `**selector**: ${podsText(selector)} in namespace \`${namespace}\` — ${matchedWorkloads(selected, namespace)}.`;
}

/** A peer's selector, with what the whole peer matches (both selectors of a peer must match). */
function peerSelectorText(workspace: Workspace, policy: KubeObject, namespace: string, peerPath: ObjectPath, key: 'podSelector' | 'namespaceSelector'): string {
  const peer = policy.get(peerPath);
  const fields = isPlainObject(peer) ? peer : {};
  const podSelector = fields.podSelector === undefined ? undefined : compileLabelSelector(fields.podSelector);
  const namespaceSelector = fields.namespaceSelector === undefined ? undefined : compileLabelSelector(fields.namespaceSelector);
  const { model } = workspace;
  const matched = [...model.workloads, ...operatedPodsOf(model).workloads].filter((workload) =>
    peerMatchesWorkload({ kind: 'selectors', index: 0, podSelector, namespaceSelector }, namespace, workload, model.namespaces),
  );
  const selector = compileLabelSelector(fields[key]);
  if (key === 'podSelector') {
    const where = namespaceSelector ? `${namespacesText(namespaceSelector)} (this peer's namespaceSelector)` : `namespace \`${namespace}\``;
    return `**podSelector**: ${podsText(selector)} in ${where} — ${matchedWorkloads(matched, namespace)}.`;
  }
  const namespaces = [...model.namespaces.values()].filter((info) => matchesLabels(selector, info.labels));
  const withPods = podSelector ? ` With this peer's podSelector (${podsText(podSelector)}): ${matchedWorkloads(matched, namespace)}.` : '';
  return `**namespaceSelector**: ${namespacesText(selector)} — ${namespacesMatched(workspace, selector, namespaces)}.${withPods}`;
}

/**
 * "2 namespaces: monitoring (1 workload), ops (no workload)", and the namespaces the selector names
 * that the workspace does not hold (kube-system, say): the cluster may well have them.
 */
function namespacesMatched(workspace: Workspace, selector: LabelSelector, namespaces: readonly NamespaceInfo[]): string {
  const unknown = (namespacesNamedBy(selector) ?? []).filter((name) => !workspace.model.namespaces.has(name)).map((name) => `\`${name}\``);
  const undefinedText = `${cappedList(unknown, 4)} ${unknown.length === 1 ? 'is' : 'are'} not defined in the workspace (the cluster may have ${unknown.length === 1 ? 'it' : 'them'})`;
  if (namespaces.length === 0) return unknown.length > 0 ? undefinedText : 'no namespace of the workspace';
  const named = namespaces.map((info) => `${info.name} (${countOf(workloadsIn(workspace.model, info.name))})`);
  return `${plural(namespaces.length, 'namespace')}: ${cappedList(named, LIST_LIMIT)}${unknown.length > 0 ? `; ${undefinedText}` : ''}`;
}

function countOf(workloads: readonly Workload[]): string {
  return workloads.length === 0 ? 'no workload' : plural(workloads.length, 'workload');
}
