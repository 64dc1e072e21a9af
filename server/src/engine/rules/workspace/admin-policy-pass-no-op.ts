import { DIRECTIONS } from '../../connectivity';
import { adminRulesFor } from '../../connectivity/admin-analysis';
import type { CompiledAdminRule } from '../../connectivity/admin-policy';
import type { Workload } from '../../model';
import { unevaluatedPolicies } from '../../model/unevaluated-policies';
import type { WorkspaceRule } from '../rule';
import {
  actionRange,
  describeWorkloads,
  earlierRules,
  hasPeerBeyondWorkspace,
  judgedSubjects,
  laterRules,
  matchesAnyPiece,
  refused,
  ruleTitle,
  subjectGroups,
  subjectRules,
  undecidedMatches,
  type MatchPiece,
} from './admin-rule-matches';

export const adminPolicyPassNoOp: WorkspaceRule = {
  id: 'admin-policy-pass-no-op',
  title: 'AdminNetworkPolicy Pass that hands traffic to no one',
  severity: 'info',
  category: 'network-policy',
  scope: 'workspace',
  explanation:
    'A `Pass` rule of an AdminNetworkPolicy skips the remaining AdminNetworkPolicy rules for what it matches and ' +
    'hands those connections to the next tiers: the NetworkPolicies that select the pod, or, when none does, the ' +
    'BaselineAdminNetworkPolicy; what neither decides is allowed. When no NetworkPolicy selects the subject\'s pods ' +
    'in that direction, no BaselineAdminNetworkPolicy rule matches what the `Pass` passes, and no later ' +
    'AdminNetworkPolicy rule would have matched it either, the `Pass` delegates to no one: the connections are ' +
    'allowed by default, exactly as without the rule. Usually the namespace owners were expected to write ' +
    'NetworkPolicies, or a baseline rule was meant to catch the rest, and it is missing.\n\n' +
    'The finding is computed from these manifests: every workload the subject selects (system namespaces aside), ' +
    'every peer workload and, for egress, every external address, with named ports resolved on the destination. ' +
    'A `Pass` with a peer that selects no workload here is not judged, and a later or baseline rule with such a peer ' +
    'counts as deciding: either may concern pods the manifests do not describe. Nothing is judged either while the manifests hold network policies kube-netsec does not ' +
    'evaluate (Calico, Cilium and the like), which may decide what is passed.',
  remediation:
    'If the traffic is meant to be decided by the namespace owners, add the NetworkPolicies (a default deny and the ' +
    'allows they need) for the pods the message names. If it is meant to fall back to a cluster default, add a ' +
    'BaselineAdminNetworkPolicy rule for it. If allowing it is intended, say so with an `Allow` rule, or delete ' +
    'the `Pass`.',
  references: [
    'https://network-policy-api.sigs.k8s.io/reference/spec/',
    'https://network-policy-api.sigs.k8s.io/api-overview/',
  ],
  examples: {
    insecure: `apiVersion: v1
kind: Namespace
metadata:
  name: shop
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  template:
    metadata:
      labels: {app: web}
    spec:
      containers: [{name: web, image: nginx}]
---
apiVersion: policy.networking.k8s.io/v1alpha1
kind: AdminNetworkPolicy
metadata:
  name: delegate-shop
spec:
  priority: 10
  subject:
    namespaces:
      matchLabels: {kubernetes.io/metadata.name: shop}
  ingress:
    - name: to-owners
      action: Pass
      from:
        - namespaces: {}
`,
    fixed: `apiVersion: v1
kind: Namespace
metadata:
  name: shop
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  template:
    metadata:
      labels: {app: web}
    spec:
      containers: [{name: web, image: nginx}]
---
apiVersion: policy.networking.k8s.io/v1alpha1
kind: AdminNetworkPolicy
metadata:
  name: delegate-shop
spec:
  priority: 10
  subject:
    namespaces:
      matchLabels: {kubernetes.io/metadata.name: shop}
  ingress:
    - name: to-owners
      action: Pass
      from:
        - namespaces: {}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny
  namespace: shop
spec:
  podSelector: {}
  policyTypes: [Ingress]
`,
  },
  *check(workspace) {
    // Policies the analysis does not evaluate (Calico, Cilium...) may decide what is passed; of several
    // BaselineAdminNetworkPolicies (an error) only the first is evaluated.
    const model = workspace.model;
    const baselines = model.baselinePolicies.filter((policy) => policy.clusterTier === undefined);
    if (model.adminPolicies.length === 0 || baselines.length > 1 || unevaluatedPolicies(model.objects).length > 0) return;
    const analysis = workspace.connectivity;
    const admin = analysis.admin;
    if (!admin) return;
    for (const policy of admin.policies) {
      if (policy.tier !== 'AdminNetworkPolicy') continue;
      for (const direction of DIRECTIONS) {
        for (const rule of policy.rules[direction]) {
          if (rule.action !== 'Pass' || refused(rule) || hasPeerBeyondWorkspace(rule, model)) continue;
          const subjects = judgedSubjects(admin, policy);
          if (subjects.length === 0 || !subjects.every((subject) => (analysis.isolatedBy.get(subject.key)?.[direction].length ?? 0) === 0)) continue;
          const groups = subjectGroups(subjects, admin, direction);
          // A Pass that passes nothing at all is dead, which admin-policy-rule-shadowed reports.
          if (groups.some(([subject]) => passed(rule, subject).length > 0) && groups.every(([subject]) => passesToNoOne(rule, subject))) {
            yield {
              object: policy.info.object,
              range: actionRange(rule),
              message:
                `${ruleTitle(rule)} passes connections on to no one: no NetworkPolicy selects ${describeWorkloads(subjects, model)} for ${direction.toLowerCase()}, ` +
                'no baseline rule matches them and no later rule would decide them, so they are allowed by default and removing the rule changes nothing.',
            };
          }
        }
      }
    }

    function passed(rule: CompiledAdminRule, subject: Workload): MatchPiece[] {
      return undecidedMatches(rule, earlierRules(subjectRules(admin!, subject, rule.direction), rule), subject, admin!, model).pieces;
    }

    /** Nothing after the Pass, in either tier, matches what it passes (or may match pods not described here). */
    function passesToNoOne(rule: CompiledAdminRule, subject: Workload): boolean {
      const pieces = passed(rule, subject);
      if (pieces.length === 0) return true;
      const after = [...laterRules(subjectRules(admin!, subject, rule.direction), rule), ...adminRulesFor(admin!.baselineRules, subject, rule.direction).filter((other) => other.action !== undefined)];
      return after.every((other) => !hasPeerBeyondWorkspace(other, model) && !matchesAnyPiece(other, pieces, subject, admin!));
    }

  },
};
