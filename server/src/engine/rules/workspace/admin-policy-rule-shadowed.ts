import { DIRECTIONS } from '../../connectivity';
import { adminRulesFor } from '../../connectivity/admin-analysis';
import { partitionAddresses } from '../../connectivity/address-partition';
import type { AdminPeer, AdminPorts, CompiledAdminRule } from '../../connectivity/admin-policy';
import { selectsEverything, type LabelSelector } from '../../connectivity/label-selector';
import { ALL_PORTS, intersectPorts, isAllPorts, isEmptyPorts, NO_PORTS, subtractPorts, unionPorts, type PortSet } from '../../connectivity/port-set';
import { adminRulePorts } from '../../connectivity/tiered-verdict';
import type { WorkspaceRule } from '../rule';
import { actionRange, describeRules, earlierBaselineRules, earlierRules, hasPeerBeyondWorkspace, higherTierRules, isSelection, judgedSubjects, refused, relatedRules, ruleTitle, subjectGroups, subjectRules, undecidedMatches } from './admin-rule-matches';

export const adminPolicyRuleShadowed: WorkspaceRule = {
  id: 'admin-policy-rule-shadowed',
  title: 'Admin or baseline policy rule that never decides anything',
  severity: 'warning',
  category: 'network-policy',
  scope: 'workspace',
  explanation:
    'For each connection, the first AdminNetworkPolicy rule that matches it decides: the rules of the policies ' +
    'that select the pod, in ascending `spec.priority`, each policy in written order. `Allow` and `Deny` are final, ' +
    'and `Pass` hands the connection to the NetworkPolicies and the BaselineAdminNetworkPolicy, skipping every ' +
    'later AdminNetworkPolicy rule. A rule whose every match (peer, protocol and port) an earlier rule already ' +
    'decides is dead: it reads as if it did something, but changing or deleting it changes nothing, and the ' +
    'intent it was written for is not enforced. This is often a catch-all placed before an exception ' +
    '(an `Allow` from `namespaces: {}` before a `Deny` of one namespace), or a policy of a lower priority number ' +
    'that takes over what a later one meant to decide.\n\n' +
    'The BaselineAdminNetworkPolicy works the same way within itself (its first matching rule decides), and it only ' +
    'sees what the admin tier leaves: a connection an AdminNetworkPolicy rule allows or denies never reaches it, one ' +
    'an AdminNetworkPolicy passes does. So a baseline rule is dead when its earlier rules, or the `Allow` and `Deny` ' +
    'rules of the AdminNetworkPolicies before it, decide everything it matches; a `Pass` never takes anything from ' +
    'it. Baseline-tier ClusterNetworkPolicies are judged alike (their `Pass` ends the tier, so it does decide the ' +
    'later baseline rules). NetworkPolicies, which also hide the baseline from the pods they select, never count: ' +
    'namespace owners add and remove them, and the baseline is there for the pods they leave.\n\n' +
    'An earlier rule of the same policy that matches a superset of the peers and ports is found from the policy ' +
    'alone. Otherwise the finding is computed from these manifests: for every workload the subject selects (system ' +
    'namespaces aside), every peer workload and, for egress, every external address. Named ports are resolved on the ' +
    'destination. Policies of the same priority (whose order is undefined) do not count as earlier, nor does an ' +
    'admin tier with two such policies for a baseline rule, nor the BaselineAdminNetworkPolicy for a Baseline-tier ' +
    'ClusterNetworkPolicy (it has no priority to compare).',
  remediation:
    'Put the narrower rule first (exceptions before catch-alls), narrow the earlier rule, or give the policy that ' +
    'must win the lower priority number. Delete the rule if the earlier one already says what it meant. For a ' +
    'baseline rule that the admin tier decides first, make that admin rule a `Pass` if the baseline is meant to decide.',
  references: [
    'https://network-policy-api.sigs.k8s.io/reference/spec/',
    'https://network-policy-api.sigs.k8s.io/api-overview/',
  ],
  examples: {
    insecure: `apiVersion: policy.networking.k8s.io/v1alpha1
kind: AdminNetworkPolicy
metadata:
  name: guard
spec:
  priority: 10
  subject:
    namespaces: {}
  ingress:
    - name: allow-all
      action: Allow
      from:
        - namespaces: {}
    - name: deny-sandbox
      action: Deny
      from:
        - namespaces:
            matchLabels: {zone: sandbox}
`,
    fixed: `apiVersion: policy.networking.k8s.io/v1alpha1
kind: AdminNetworkPolicy
metadata:
  name: guard
spec:
  priority: 10
  subject:
    namespaces: {}
  ingress:
    - name: deny-sandbox
      action: Deny
      from:
        - namespaces:
            matchLabels: {zone: sandbox}
    - name: allow-all
      action: Allow
      from:
        - namespaces: {}
`,
  },
  *check(workspace) {
    const analysis = workspace.connectivity;
    const admin = analysis.admin;
    if (!admin) return;
    for (const policy of admin.policies) {
      for (const direction of DIRECTIONS) {
        for (const rule of policy.rules[direction]) {
          if (rule.action === undefined || refused(rule) || matchesNothing(rule)) continue;
          const shadowing = staticShadowers(rule) ?? workspaceShadowers(rule);
          if (!shadowing) continue;
          const count = shadowing.rules.length;
          // A baseline rule taken by the admin tier: that tier sees the connections first.
          const firstTier = policy.tier === 'BaselineAdminNetworkPolicy' && shadowing.rules.some((other) => other.policy.tier === 'AdminNetworkPolicy');
          yield {
            object: policy.info.object,
            range: actionRange(rule),
            message:
              `${ruleTitle(rule)} never decides anything: ${describeRules(shadowing.rules, policy)} already ${count === 1 ? 'decides' : 'decide'} ` +
              `every connection it matches${shadowing.fromWorkspace ? ' in these manifests' : ''}${firstTier ? ', before the baseline is consulted' : ''}.`,
            related: relatedRules(shadowing.rules),
          };
        }
      }
    }

    function workspaceShadowers(rule: CompiledAdminRule): { rules: CompiledAdminRule[]; fromWorkspace: true } | undefined {
      // A peer that selects no workload here is about pods these manifests cannot vouch for.
      if (hasPeerBeyondWorkspace(rule, workspace.model)) return undefined;
      const subjects = judgedSubjects(admin!, rule.policy);
      if (subjects.length === 0) return undefined;
      const deciders = new Set<CompiledAdminRule>();
      for (const [subject] of subjectGroups(subjects, admin!, rule.direction)) {
        const result =
          rule.policy.tier === 'AdminNetworkPolicy'
            ? undecidedMatches(rule, earlierRules(subjectRules(admin!, subject, rule.direction), rule), subject, admin!, workspace.model)
            : undecidedMatches(rule, earlierBaselineRules(adminRulesFor(admin!.baselineRules, subject, rule.direction), rule), subject, admin!, workspace.model, higherTierRules(admin!, subject, rule.direction));
        if (result.pieces.length > 0) return undefined;
        for (const decider of result.deciders) deciders.add(decider);
      }
      // No decider: the rule matches nothing here, which is not what this rule is about.
      if (deciders.size === 0) return undefined;
      return { rules: [...deciders], fromWorkspace: true };
    }
  },
};

/** `ports: []`, or only peers that can match nothing (nodes, broken peers): another problem than order. */
function matchesNothing(rule: CompiledAdminRule): boolean {
  if (rule.ports !== 'all' && isEmptyPorts(rule.ports.numbers) && rule.ports.named.length === 0) return true;
  return !rule.peers.some((peer) => isSelection(peer) || (peer.kind === 'networks' && peer.addresses.length > 0 && !isEmptyPorts(adminRulePorts(rule.ports, 'external'))));
}

/**
 * The earlier rules of the same policy that decide everything `rule` matches whatever the workloads:
 * for each peer, the earlier rules with a peer covering it (a catch-all, the same selector, or a
 * namespace selector over a `pods` peer of that namespace selector) must together cover its ports.
 */
function staticShadowers(rule: CompiledAdminRule): { rules: CompiledAdminRule[]; fromWorkspace: false } | undefined {
  const earlier = rule.policy.rules[rule.direction].slice(0, rule.index).filter((other) => other.action !== undefined);
  const used = new Set<CompiledAdminRule>();
  for (const peer of rule.peers) {
    if (isSelection(peer)) {
      const covering = earlier.filter((other) => other.peers.some((candidate) => peerCovers(candidate, peer)));
      if (!portsCover(covering.map((other) => other.ports), rule.ports)) return undefined;
      for (const other of covering) if (portsOverlap(other.ports, rule.ports)) used.add(other);
    } else if (peer.kind === 'networks') {
      const wanted = adminRulePorts(rule.ports, 'external');
      if (isEmptyPorts(wanted)) continue;
      const blocks = partitionAddresses([{ addresses: peer.addresses, item: rule }, ...earlier.map((other) => ({ addresses: other.addresses, item: other }))]);
      for (const block of blocks) {
        if (!block.value.includes(rule)) continue;
        let left: PortSet = wanted;
        for (const other of block.value) {
          if (other === rule) continue;
          const taken = intersectPorts(left, adminRulePorts(other.ports, 'external'));
          if (isEmptyPorts(taken)) continue;
          used.add(other);
          left = subtractPorts(left, taken);
        }
        if (!isEmptyPorts(left)) return undefined;
      }
    }
  }
  return used.size > 0 ? { rules: [...used], fromWorkspace: false } : undefined;
}

function peerCovers(candidate: AdminPeer, peer: AdminPeer & { kind: 'namespaces' | 'pods' }): boolean {
  if (candidate.kind === 'namespaces') return selectsEverything(candidate.namespaces) || sameSelector(candidate.namespaces, peer.namespaces);
  if (candidate.kind !== 'pods') return false;
  if (selectsEverything(candidate.pods) && (selectsEverything(candidate.namespaces) || sameSelector(candidate.namespaces, peer.namespaces))) return true;
  return peer.kind === 'pods' && sameSelector(candidate.namespaces, peer.namespaces) && sameSelector(candidate.pods, peer.pods);
}


/** Written alike, requirement for requirement (a malformed selector is like no other). */
function sameSelector(a: LabelSelector, b: LabelSelector): boolean {
  return a.kind === 'requirements' && b.kind === 'requirements' && JSON.stringify(a.requirements) === JSON.stringify(b.requirements);
}

/** Whether the union of `covering` contains `ports` on every destination: numbers within numbers, names within names. */
function portsCover(covering: readonly AdminPorts[], ports: AdminPorts): boolean {
  if (covering.includes('all')) return true;
  const numbers = covering.reduce<PortSet>((set, entry) => (entry === 'all' ? ALL_PORTS : unionPorts(set, entry.numbers)), NO_PORTS);
  if (ports === 'all') return isAllPorts(numbers);
  const names = new Set(covering.flatMap((entry) => (entry === 'all' ? [] : entry.named.map((named) => named.name))));
  return isEmptyPorts(subtractPorts(ports.numbers, numbers)) && ports.named.every((named) => names.has(named.name));
}

function portsOverlap(a: AdminPorts, b: AdminPorts): boolean {
  if (a === 'all' || b === 'all') return true;
  return !isEmptyPorts(intersectPorts(a.numbers, b.numbers)) || a.named.some((named) => b.named.some((other) => other.name === named.name));
}
