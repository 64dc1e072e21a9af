import { isPlainObject, type PlainObject } from '../manifest/kube-object';
import type { ObjectPath } from '../manifest/yaml-path';
import { adminPolicyKindName } from '../model/admin-policies';
import type { ClusterModel, Workload, WorkloadMember } from '../model/cluster-types';
import { labelsOf, labelText, type Labels } from '../model/labels';
import type { CompiledAdminPolicy } from './admin-policy';
import type { AdminProblem } from './admin-problems';
import { DIRECTIONS } from './compiled-policy';
import { matchesLabels, type LabelSelector } from './label-selector';

/**
 * Pods of one owner with different labels (admin-policy-semantics.md §2, last bullet). The model
 * merges every object of one (kind, namespace, name) into one workload and evaluates it with its
 * first member's labels (core §2). When another member's labels differ in a key K and an admin
 * policy's pod selector uses K in a way that tells the two apart, the reference analyzer fails; the
 * analysis goes on with the first member's labels and says so. Only `pods` selections whose
 * namespace selector matches the workload's namespace are examined, never `namespaces` ones.
 */
export function ownerLabelConflicts(model: ClusterModel, policies: readonly CompiledAdminPolicy[]): AdminProblem[] {
  return ownerLabelConflictsOf(model, policies).map((conflict) => {
    const { policy, workload, key, first, other } = conflict;
    return {
      object: policy.info.object,
      path: conflict.path,
      message:
        `${adminPolicyKindName(policy.info)} "${policy.info.name}": this selector tells apart pods of one owner, ${workload.key}: ` +
        `label "${key}" is ${labelValueText(first, key)} on ${memberName(first)} and ${labelValueText(other, key)} on ${memberName(other)}. ` +
        `The reference analyzer refuses such input; the connections listed give them all the labels of ${memberName(first)}.`,
    };
  });
}

/** A pod selector of an admin policy that tells apart two members of one workload by one label. */
export interface OwnerLabelConflict {
  policy: CompiledAdminPolicy;
  /** The matchLabels entry or the matchExpressions entry at fault, from the policy object's root. */
  path: ObjectPath;
  workload: Workload;
  key: string;
  /** The member whose labels the analysis uses. */
  first: WorkloadMember;
  other: WorkloadMember;
}

/** Each pod selector's first conflict per workload, in workload then policy order. */
export function ownerLabelConflictsOf(model: ClusterModel, policies: readonly CompiledAdminPolicy[]): OwnerLabelConflict[] {
  const owners = model.workloads.filter((workload) => workload.members.length > 1);
  if (owners.length === 0 || policies.length === 0) return [];
  const selectors = policies.flatMap(podSelectorsOf);
  const conflicts: OwnerLabelConflict[] = [];
  for (const workload of owners) {
    const namespaceLabels = model.namespaces.get(workload.id.namespace)?.labels ?? {};
    const [first, ...others] = workload.members;
    const firstLabels = memberLabels(first);
    for (const selector of selectors) {
      if (!matchesLabels(selector.namespaces, namespaceLabels)) continue;
      const conflict = firstConflict(selector, firstLabels, others);
      if (conflict) conflicts.push({ policy: selector.policy, path: conflict.requirementPath, workload, key: conflict.key, first, other: conflict.member });
    }
  }
  return conflicts;
}

/** `"db-0"`, or `absent`. */
export function labelValueText(member: WorkloadMember, key: string): string {
  const labels = memberLabels(member);
  return Object.prototype.hasOwnProperty.call(labels, key) ? `"${labels[key]}"` : 'absent';
}

/** A `pods` selection of a subject or peer: its namespace selector, and its pod selector as written. */
interface PodSelectorSite {
  policy: CompiledAdminPolicy;
  namespaces: LabelSelector;
  /** The podSelector as written (in the spec the policy is read with), undefined when absent. */
  written: unknown;
  /** From the object's root: the mapping of a ClusterNetworkPolicy renames nothing in subjects and peers. */
  path: ObjectPath;
}

function podSelectorsOf(policy: CompiledAdminPolicy): PodSelectorSite[] {
  const spec = policy.info.spec;
  const sites: PodSelectorSite[] = [];
  const site = (namespaces: LabelSelector, path: ObjectPath) => sites.push({ policy, namespaces, written: valueAt(spec, path.slice(1)), path });
  if (policy.subject.kind === 'pods') site(policy.subject.namespaces, ['spec', 'subject', 'pods', 'podSelector']);
  for (const direction of DIRECTIONS) {
    const [key, list] = direction === 'Ingress' ? ['ingress', 'from'] : ['egress', 'to'];
    for (const rule of policy.rules[direction]) {
      rule.peers.forEach((peer, index) => {
        if (peer.kind === 'pods') site(peer.namespaces, ['spec', key, rule.index, list, index, 'pods', 'podSelector']);
      });
    }
  }
  return sites;
}

/** The first member whose labels the selector tells apart from the first member's, with the key and the requirement at fault. */
function firstConflict(site: PodSelectorSite, firstLabels: Labels, others: readonly WorkloadMember[]): { member: WorkloadMember; key: string; requirementPath: ObjectPath } | undefined {
  if (!isPlainObject(site.written)) return undefined;
  for (const member of others) {
    const labels = memberLabels(member);
    const differing = [...new Set([...Object.keys(firstLabels), ...Object.keys(labels)])].filter((key) => firstLabels[key] !== labels[key]).sort();
    for (const key of differing) {
      const requirement = distinguishingRequirement(site.written, key, firstLabels[key] ?? '', labels[key] ?? '');
      if (requirement) return { member, key, requirementPath: [...site.path, ...requirement] };
    }
  }
  return undefined;
}

/**
 * Where the selector tells two values of `key` apart, as the specification defines it: a
 * `matchLabels` value equal to one of them, or an `In`/`NotIn` list that contains, as a plain
 * substring of its joined values, exactly one of them (a missing label is "", which every list
 * contains). Label values have no separator character, so "a substring of the joined list" is "a
 * substring of one of its values". Path relative to the selector.
 */
function distinguishingRequirement(selector: PlainObject, key: string, first: string, other: string): ObjectPath | undefined {
  const { matchLabels, matchExpressions } = selector;
  if (isPlainObject(matchLabels) && Object.prototype.hasOwnProperty.call(matchLabels, key)) {
    const value = labelText(matchLabels[key]);
    if (value === first || value === other) return ['matchLabels', key];
  }
  if (!Array.isArray(matchExpressions)) return undefined;
  const index = matchExpressions.findIndex((expression) => {
    if (!isPlainObject(expression) || expression.key !== key || (expression.operator !== 'In' && expression.operator !== 'NotIn')) return false;
    const values = Array.isArray(expression.values) ? expression.values.map(labelText).filter((value) => value !== undefined) : [];
    const contains = (value: string) => values.some((listed) => listed.includes(value));
    return contains(first) !== contains(other);
  });
  return index === -1 ? undefined : ['matchExpressions', index];
}

export function memberLabels(member: WorkloadMember): Labels {
  return labelsOf(member.object.get([...member.template, 'metadata', 'labels']));
}

/** `Pod "db-0"`, `StatefulSet "db"`. */
export function memberName(member: WorkloadMember): string {
  return `${member.object.kind} "${member.object.name ?? ''}"`;
}

function valueAt(root: PlainObject, path: ObjectPath): unknown {
  let value: unknown = root;
  for (const part of path) {
    if (typeof part === 'number') value = Array.isArray(value) ? value[part] : undefined;
    else value = isPlainObject(value) ? value[part] : undefined;
  }
  return value;
}
