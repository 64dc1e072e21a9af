import { adminRulesFor, type AdminAnalysis } from '../../connectivity/admin-analysis';
import { selectionMatches, type AdminPeer, type CompiledAdminPolicy, type CompiledAdminRule } from '../../connectivity/admin-policy';
import { partitionAddresses } from '../../connectivity/address-partition';
import type { PolicyDirection } from '../../connectivity/compiled-policy';
import { intersectPorts, isEmptyPorts, NO_PORTS, subtractPorts, unionPorts, type PortSet } from '../../connectivity/port-set';
import { adminRulePorts } from '../../connectivity/tiered-verdict';
import type { ClusterModel, Workload } from '../../model';
import { adminPolicyKindName, adminPolicyRank } from '../../model/admin-policies';
import { intersectIpv4, type Ipv4Range } from '../../net/ipv4-set';
import type { SourceRange } from '../../text/range';
import type { RelatedLocation } from '../rule';
import { isSystemNamespace, listNames, workloadName, workloadsIn } from './workspace-objects';

// What an AdminNetworkPolicy rule matches for one subject, and what earlier rules leave it
// (admin-policy-semantics.md §4-§6), for the rules that judge rule order.

/** Part of a rule's match set toward one peer: a workload, or a range of external addresses. */
export interface MatchPiece {
  peer: Workload | Ipv4Range;
  ports: PortSet;
}

/**
 * The rules of the subject's list that come before `rule` in evaluation order. Rules of another
 * policy with the same priority do not count: their order is undefined (admin-policy-priority-conflict).
 */
export function earlierRules(list: readonly CompiledAdminRule[], rule: CompiledAdminRule): CompiledAdminRule[] {
  const index = list.indexOf(rule);
  return list.slice(0, Math.max(index, 0)).filter((other) => other.action !== undefined && (other.policy === rule.policy || other.policy.info.priority !== rule.policy.info.priority));
}

/**
 * The rules of a subject's baseline list that come before `rule` in a known order: those of its own
 * policy, and those of Baseline-tier ClusterNetworkPolicies of a lower priority. The
 * BaselineAdminNetworkPolicy has no priority to compare with a ClusterNetworkPolicy's; the analysis
 * evaluates it first (docs/cluster-network-policy.md §8), a choice no finding should rest on.
 */
export function earlierBaselineRules(list: readonly CompiledAdminRule[], rule: CompiledAdminRule): CompiledAdminRule[] {
  const index = list.indexOf(rule);
  const own = rule.policy.info;
  return list
    .slice(0, Math.max(index, 0))
    .filter((other) => other.action !== undefined && (other.policy === rule.policy || (own.clusterTier !== undefined && other.policy.info.clusterTier !== undefined && other.policy.info.priority !== own.priority)));
}

/**
 * The admin tier's rules for `subject` in `direction`, which decide before the baseline; none when two
 * of the policies share a priority, since what that tier passes on then depends on an undefined order.
 */
export function higherTierRules(admin: AdminAnalysis, subject: Workload, direction: PolicyDirection): CompiledAdminRule[] {
  const list = subjectRules(admin, subject, direction);
  const policies = [...new Set(list.map((rule) => rule.policy))];
  if (new Set(policies.map((policy) => policy.info.priority)).size < policies.length) return [];
  return list.filter((rule) => rule.action !== undefined);
}

/** The rules that may decide after `rule`: every other rule of the list that is not earlier. */
export function laterRules(list: readonly CompiledAdminRule[], rule: CompiledAdminRule): CompiledAdminRule[] {
  const earlier = new Set(earlierRules(list, rule));
  return list.filter((other) => other !== rule && other.action !== undefined && !earlier.has(other));
}

export function subjectRules(admin: AdminAnalysis, subject: Workload, direction: PolicyDirection): readonly CompiledAdminRule[] {
  return adminRulesFor(admin.adminRules, subject, direction);
}

/**
 * The subjects in groups that every question here answers alike: the same rule lists of both tiers
 * (workloads the same policies select share them) and, for ingress, where named ports resolve.
 */
export function subjectGroups(subjects: readonly Workload[], admin: AdminAnalysis, direction: PolicyDirection): Workload[][] {
  const groups = new Map<readonly CompiledAdminRule[], Map<readonly CompiledAdminRule[], Map<string, Workload[]>>>();
  for (const subject of subjects) {
    const adminList = adminRulesFor(admin.adminRules, subject, direction);
    const baselineList = adminRulesFor(admin.baselineRules, subject, direction);
    let byBaseline = groups.get(adminList);
    if (!byBaseline) groups.set(adminList, (byBaseline = new Map()));
    let byProfile = byBaseline.get(baselineList);
    if (!byProfile) byBaseline.set(baselineList, (byProfile = new Map()));
    const profile = direction === 'Ingress' ? namedPortProfile(subject, [...adminList, ...baselineList]) : '';
    byProfile.set(profile, [...(byProfile.get(profile) ?? []), subject]);
  }
  return [...groups.values()].flatMap((byBaseline) => [...byBaseline.values()].flatMap((byProfile) => [...byProfile.values()]));
}

/** How the port names the rules use resolve on a workload: all that tells destinations apart. */
function namedPortProfile(workload: Workload, rules: readonly CompiledAdminRule[]): string {
  const names = new Set(rules.flatMap((rule) => (rule.ports === 'all' ? [] : rule.ports.named.map((entry) => entry.name))));
  return [...names].map((name) => JSON.stringify(workload.containerPorts.find((port) => port.name === name) ?? null)).join(',');
}

const workloadsByKey = new WeakMap<ClusterModel, ReadonlyMap<string, Workload>>();

function workloadOfKey(model: ClusterModel, key: string): Workload | undefined {
  let byKey = workloadsByKey.get(model);
  if (!byKey) workloadsByKey.set(model, (byKey = new Map(model.workloads.map((workload) => [workload.key, workload]))));
  return byKey.get(key);
}

/**
 * What `rule` matches for `subject` that none of `earlier` matches first, toward every workload of the
 * model and (egress) every external address; and the earlier rules that took part of it. For a
 * baseline rule, `higherTier` holds the admin tier's rules for the subject, which see each
 * connection first: their Allow and Deny decide it, their Pass hands it on to the baseline (so a Pass
 * never takes anything from a baseline rule).
 */
export function undecidedMatches(
  rule: CompiledAdminRule,
  earlier: readonly CompiledAdminRule[],
  subject: Workload,
  admin: AdminAnalysis,
  model: ClusterModel,
  higherTier: readonly CompiledAdminRule[] = [],
): { pieces: MatchPiece[]; deciders: Set<CompiledAdminRule> } {
  const pieces: MatchPiece[] = [];
  const deciders = new Set<CompiledAdminRule>();
  /** What reaches `rule` of `wanted` through the higher tier, then the earlier rules of its own. */
  const left = (wanted: PortSet, matching: (other: CompiledAdminRule) => boolean, portsOf: (other: CompiledAdminRule) => PortSet): PortSet => {
    let inTier = wanted;
    let passed = NO_PORTS;
    for (const other of higherTier) {
      if (isEmptyPorts(inTier)) break;
      if (!matching(other)) continue;
      const taken = intersectPorts(inTier, portsOf(other));
      if (isEmptyPorts(taken)) continue;
      inTier = subtractPorts(inTier, taken);
      if (other.action === 'Pass') passed = unionPorts(passed, taken);
      else deciders.add(other);
    }
    let ports = unionPorts(inTier, passed);
    for (const other of earlier) {
      if (isEmptyPorts(ports)) break;
      if (!matching(other)) continue;
      const taken = intersectPorts(ports, portsOf(other));
      if (isEmptyPorts(taken)) continue;
      deciders.add(other);
      ports = subtractPorts(ports, taken);
    }
    return ports;
  };
  const admitted = admin.admitted.get(rule) ?? new Set<string>();
  for (const key of admitted) {
    const peer = workloadOfKey(model, key);
    if (!peer) continue;
    const destination = rule.direction === 'Ingress' ? subject : peer;
    const ports = left(adminRulePorts(rule.ports, destination), (other) => admin.admitted.get(other)?.has(peer.key) ?? false, (other) => adminRulePorts(other.ports, destination));
    if (!isEmptyPorts(ports)) pieces.push({ peer, ports });
  }
  const externalPorts = adminRulePorts(rule.ports, 'external');
  if (rule.direction === 'Egress' && rule.addresses.length > 0 && !isEmptyPorts(externalPorts)) {
    const others = [...higherTier, ...earlier];
    const blocks = partitionAddresses([{ addresses: rule.addresses, item: rule }, ...others.map((other) => ({ addresses: other.addresses, item: other }))]);
    for (const block of blocks) {
      if (!block.value.includes(rule)) continue;
      const ports = left(externalPorts, (other) => block.value.includes(other), (other) => adminRulePorts(other.ports, 'external'));
      if (!isEmptyPorts(ports)) pieces.push({ peer: block.range, ports });
    }
  }
  return { pieces, deciders };
}

/** Whether `rule` matches some of `pieces` for `subject`. */
export function matchesAnyPiece(rule: CompiledAdminRule, pieces: readonly MatchPiece[], subject: Workload, admin: AdminAnalysis): boolean {
  return pieces.some(({ peer, ports }) => {
    if ('key' in peer) {
      if (!admin.admitted.get(rule)?.has(peer.key)) return false;
      return !isEmptyPorts(intersectPorts(ports, adminRulePorts(rule.ports, rule.direction === 'Ingress' ? subject : peer)));
    }
    return rule.direction === 'Egress' && intersectIpv4(rule.addresses, [peer]).length > 0 && !isEmptyPorts(intersectPorts(ports, adminRulePorts(rule.ports, 'external')));
  });
}

/** The `namespaces` and `pods` peers of a rule that match no workload here: they are about pods these manifests do not describe. */
export function hasPeerBeyondWorkspace(rule: CompiledAdminRule, model: ClusterModel): boolean {
  return rule.peers.some((peer) => isSelection(peer) && !model.workloads.some((workload) => selectionMatches(peer, workload, model.namespaces)));
}

export function isSelection(peer: AdminPeer): peer is Extract<AdminPeer, { kind: 'namespaces' | 'pods' }> {
  return peer.kind === 'namespaces' || peer.kind === 'pods';
}

/** The workloads of the policy's subject that may be judged: those outside system namespaces. */
export function judgedSubjects(admin: AdminAnalysis, policy: CompiledAdminPolicy): Workload[] {
  return (admin.selected.get(policy) ?? []).filter((workload) => !isSystemNamespace(workload.id.namespace));
}

/** Whether the policy or this rule has a problem the API server would refuse (other rules report those). */
export function refused(rule: CompiledAdminRule): boolean {
  const rulePath = ['spec', rule.direction === 'Ingress' ? 'ingress' : 'egress', rule.index];
  return rule.policy.info.problems.some((problem) => {
    if (problem.kind === 'warning') return false;
    const path = problem.path;
    const inRules = path[0] === 'spec' && (path[1] === 'ingress' || path[1] === 'egress');
    return !inRules || rulePath.every((part, index) => path[index] === part);
  });
}

export function actionRange(rule: CompiledAdminRule): SourceRange {
  const path = ['spec', rule.direction === 'Ingress' ? 'ingress' : 'egress', rule.index];
  const object = rule.policy.info.object;
  return object.get([...path, 'action']) !== undefined ? object.rangeOf([...path, 'action'], 'value') : object.rangeOf(path, 'value');
}

/** `rule 3 ("deny-rest")`: a rule by its 1-based position and its name. */
export function ruleLabel(rule: CompiledAdminRule): string {
  return `rule ${rule.index + 1}${rule.name ? ` (${JSON.stringify(rule.name)})` : ''}`;
}

/** `Ingress rule 3 ("deny-rest") of AdminNetworkPolicy "guard"`: how a finding names its rule (a ClusterNetworkPolicy by its own kind). */
export function ruleTitle(rule: CompiledAdminRule): string {
  return `${rule.direction} ${ruleLabel(rule)} of ${policyName(rule.policy)}`;
}

function policyName(policy: CompiledAdminPolicy): string {
  return `${adminPolicyKindName(policy.info)} ${JSON.stringify(policy.info.name)}`;
}

/**
 * `rules 1 ("a") and 2 of this policy and rule 1 of AdminNetworkPolicy "base" (priority 5)`: the
 * rules of `own` first, then the others' by policy in evaluation order (tier, then priority).
 */
export function describeRules(rules: readonly CompiledAdminRule[], own: CompiledAdminPolicy): string {
  const byPolicy = new Map<CompiledAdminPolicy, CompiledAdminRule[]>();
  for (const rule of rules) byPolicy.set(rule.policy, [...(byPolicy.get(rule.policy) ?? []), rule]);
  const policies = [...byPolicy.keys()].sort((a, b) => (a === own ? -1 : b === own ? 1 : tierRank(a) - tierRank(b) || a.info.priority - b.info.priority));
  const parts = policies.map((policy) => {
    const list = byPolicy.get(policy)!.sort((a, b) => a.index - b.index);
    const labels = list.map((rule) => ruleLabel(rule).replace(/^rule /, ''));
    const rank = adminPolicyRank(policy.info);
    const where = policy === own ? 'this policy' : `${policyName(policy)}${rank ? ` (${rank})` : ''}`;
    return `${list.length === 1 ? 'rule' : 'rules'} ${listNames(labels, 4)} of ${where}`;
  });
  return listNames(parts, 4);
}

/** The admin tier first, then the BaselineAdminNetworkPolicy, then the Baseline-tier ClusterNetworkPolicies. */
function tierRank(policy: CompiledAdminPolicy): number {
  if (policy.tier === 'AdminNetworkPolicy') return 0;
  return policy.info.clusterTier === undefined ? 1 : 2;
}

export function relatedRules(rules: Iterable<CompiledAdminRule>): RelatedLocation[] {
  return [...rules].map((rule) => ({ uri: rule.policy.info.object.document.uri, range: actionRange(rule), message: ruleTitle(rule) }));
}

/** `the pods of namespace shop`, or `Deployment "web" in namespace shop` when only some of a namespace's workloads are meant. */
export function describeWorkloads(workloads: readonly Workload[], model: ClusterModel): string {
  const namespaces = [...new Set(workloads.map((workload) => workload.id.namespace))];
  const whole = namespaces.every((namespace) => workloadsIn(model, namespace).every((workload) => workloads.includes(workload)));
  if (whole) return `the pods of ${namespaces.length === 1 ? 'namespace' : 'namespaces'} ${listNames(namespaces)}`;
  return listNames(workloads.map((workload) => `${workloadName(workload)} in namespace ${workload.id.namespace}`));
}
