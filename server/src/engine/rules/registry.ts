import { PLATFORM_RULES } from './platform';
import { POD_RULES } from './pod';
import { POLICY_RULES } from './policy';
import { adminPolicyAllowAllEgress } from './policy/admin-policy-allow-all-egress';
import { adminPolicyInvalid } from './policy/admin-policy-invalid';
import type { Rule } from './rule';
import { SERVICE_RULES } from './service';
import { SUPPRESSION_RULES } from './suppression';
import { WORKSPACE_RULES } from './workspace';
import { adminPolicyBlocksDns } from './workspace/admin-policy-blocks-dns';
import { adminPolicyOwnerLabelsDiffer } from './workspace/admin-policy-owner-labels-differ';
import { adminPolicyPassNoOp } from './workspace/admin-policy-pass-no-op';
import { adminPolicyPeerSelectsNothing } from './workspace/admin-policy-peer-selects-nothing';
import { adminPolicyPriorityConflict } from './workspace/admin-policy-priority-conflict';
import { adminPolicyRuleShadowed } from './workspace/admin-policy-rule-shadowed';
import { adminPolicySelectsNothing } from './workspace/admin-policy-selects-nothing';
import { baselinePolicyInvalid } from './workspace/baseline-policy-invalid';
import { duplicateObject } from './workspace/duplicate-object';
import { yamlSyntax } from './yaml-syntax';

/** AdminNetworkPolicy and BaselineAdminNetworkPolicy rules, each object's then across objects. */
const ADMIN_POLICY_RULES: readonly Rule[] = [adminPolicyInvalid, adminPolicyAllowAllEgress, adminPolicyPriorityConflict, adminPolicyRuleShadowed, adminPolicyPassNoOp, adminPolicyBlocksDns, adminPolicySelectsNothing, adminPolicyPeerSelectsNothing, adminPolicyOwnerLabelsDiffer, baselinePolicyInvalid];

/** Every rule kube-netsec knows, in the order they are documented. */
export const ALL_RULES: readonly Rule[] = [yamlSyntax, duplicateObject, ...POD_RULES, ...SERVICE_RULES, ...POLICY_RULES, ...ADMIN_POLICY_RULES, ...PLATFORM_RULES, ...WORKSPACE_RULES, ...SUPPRESSION_RULES];

export function findRule(id: string): Rule | undefined {
  return ALL_RULES.find((rule) => rule.id === id);
}
