import { compileLabelSelector, matchesLabels } from '../connectivity/label-selector';
import { isPlainObject } from '../manifest/kube-object';
import type { ObjectPath } from '../manifest/yaml-path';
import type { ClusterModel } from '../model/cluster-types';
import { namespaceOf } from '../model/object-identity';
import type { Position } from '../text/range';
import type { AnswerContext, CompletionAnswer } from './answer';
import { completionSiteAt, type CompletionSite } from './completion-site';
import { labelKeyCompletions, labelValueCompletions, type LabelPopulation } from './label-completions';
import { workloadLabel } from './name-lists';
import { portCompletions } from './port-completions';

/** The kinds whose selectors and ports are completed. */
const COMPLETED_KINDS: ReadonlySet<string> = new Set(['NetworkPolicy', 'Service']);

/**
 * Completion proposals at a position: label keys and values in NetworkPolicy selectors and a
 * Service's selector, taken from the workspace's pods (or namespaces), and the destinations' ports
 * in a policy rule's `ports[].port`. Nothing elsewhere: the YAML extension completes the schema.
 */
export function completionsAt(context: AnswerContext, position: Position): CompletionAnswer[] {
  const site = completionSiteAt(context.file, position, (object) => COMPLETED_KINDS.has(object.kind));
  if (!site) return [];
  const { model } = context.workspace;
  const { path, part, object } = site;
  if (object.kind === 'NetworkPolicy') {
    const port = rulePortAt(path);
    if (port && part === 'value') return portCompletions(model, site, port.direction, port.index, port.entry);
    const selector = policySelectorAt(path);
    if (selector) return selectorCompletions(site, selector, populationOf(model, site, selector));
    return [];
  }
  if (object.kind === 'Service' && path[0] === 'spec' && path[1] === 'selector' && path.length <= 3) {
    const selector: ObjectPath = ['spec', 'selector'];
    const population = workloadsOf(model, [namespaceOf(object, model.defaultNamespace)]);
    const written = Object.keys(mapAt(site, selector));
    if (part === 'key' && path.length === 2) return labelKeyCompletions(population, site, written);
    if (part === 'value' && path.length === 3) return labelValueCompletions(population, site, String(path[2]));
  }
  return [];
}

/** `spec.podSelector`, or a rule peer's `podSelector` / `namespaceSelector`: the selector's path. */
function policySelectorAt(path: ObjectPath): ObjectPath | undefined {
  if (path[0] !== 'spec') return undefined;
  if (path[1] === 'podSelector') return path.slice(0, 2);
  const peerList = path[1] === 'ingress' ? 'from' : path[1] === 'egress' ? 'to' : undefined;
  if (peerList && typeof path[2] === 'number' && path[3] === peerList && typeof path[4] === 'number' && (path[5] === 'podSelector' || path[5] === 'namespaceSelector')) {
    return path.slice(0, 6);
  }
  return undefined;
}

function rulePortAt(path: ObjectPath): { direction: 'ingress' | 'egress'; index: number; entry: number } | undefined {
  const [spec, direction, index, ports, entry, port] = path;
  if (spec !== 'spec' || (direction !== 'ingress' && direction !== 'egress') || typeof index !== 'number' || ports !== 'ports') return undefined;
  if (typeof entry !== 'number' || port !== 'port' || path.length !== 6) return undefined;
  return { direction, index, entry };
}

/** Keys in `matchLabels` and an expression's `key`; values in `matchLabels.<key>` and an expression's `values`. */
function selectorCompletions(site: CompletionSite, selector: ObjectPath, population: LabelPopulation): CompletionAnswer[] {
  const [field, entry, member] = site.path.slice(selector.length);
  const rest = site.path.length - selector.length;
  if (field === 'matchLabels') {
    const written = mapAt(site, [...selector, 'matchLabels']);
    if (site.part === 'key' && rest === 1) return labelKeyCompletions(population, site, Object.keys(written));
    if (site.part === 'value' && rest === 2) return labelValueCompletions(population, site, String(entry));
    return [];
  }
  if (field !== 'matchExpressions' || typeof entry !== 'number' || site.part !== 'value') return [];
  if (member === 'key' && rest === 3) return labelKeyCompletions(population, site);
  if (member === 'values' && rest <= 4) {
    const key = site.object.get([...selector, 'matchExpressions', entry, 'key']);
    if (typeof key !== 'string') return [];
    const values = site.object.get([...selector, 'matchExpressions', entry, 'values']);
    return labelValueCompletions(population, site, key, Array.isArray(values) ? values.map(String) : []);
  }
  return [];
}

/**
 * Whom a selector of a policy is about. A `namespaceSelector` chooses namespaces. A `podSelector`
 * chooses pods of the policy's namespace, or, next to a `namespaceSelector` in the same peer, of
 * the namespaces that one matches, as the connectivity analysis reads a peer.
 */
function populationOf(model: ClusterModel, site: CompletionSite, selector: ObjectPath): LabelPopulation {
  const namespace = namespaceOf(site.object, model.defaultNamespace);
  if (selector[selector.length - 1] === 'namespaceSelector') {
    return { noun: 'namespace', members: [...model.namespaces.values()].map(({ name, labels }) => ({ name, labels })) };
  }
  const namespaceSelector = selector.length > 2 ? site.object.get([...selector.slice(0, -1), 'namespaceSelector']) : undefined;
  if (namespaceSelector === undefined || namespaceSelector === null) return workloadsOf(model, [namespace]);
  const compiled = compileLabelSelector(namespaceSelector);
  const namespaces = [...model.namespaces.values()].filter((info) => matchesLabels(compiled, info.labels)).map((info) => info.name);
  return workloadsOf(model, namespaces, namespace);
}

function workloadsOf(model: ClusterModel, namespaces: readonly string[], home = namespaces[0]): LabelPopulation {
  return {
    noun: 'workload',
    members: model.workloads
      .filter((workload) => namespaces.includes(workload.id.namespace))
      .map((workload) => ({ name: workloadLabel(workload, home), labels: workload.podLabels })),
  };
}

/** The map written at `path` (`{}` when there is none yet, or when a half-typed key made it a scalar). */
function mapAt(site: CompletionSite, path: ObjectPath): Record<string, unknown> {
  const value = site.object.get(path);
  return isPlainObject(value) ? value : {};
}
