import type { KubeObject } from '../manifest/kube-object';
import type { ObjectPath } from '../manifest/yaml-path';
import { adminPolicyKindName } from '../model/admin-policies';
import type { AdminPolicyInfo, ClusterModel } from '../model/cluster-types';
import type { AdminPolicyProblem } from '../policy/admin-policy-validation';
import type { AdminAnalysis } from './admin-analysis';
import type { CompiledAdminPolicy } from './admin-policy';
import { ownerLabelConflicts } from './owner-label-conflicts';

/** A problem of an admin policy, at the field at fault. */
export interface AdminProblem {
  object: KubeObject;
  /** Relative to the object. */
  path: ObjectPath;
  message: string;
}

/**
 * What is wrong with the admin policies of a model (admin-policy-semantics.md §2). `fatal` problems
 * fail the analysis (no connection list); `warnings` never do. Each object's own problems come from
 * `policy/admin-policy-validation`; those between objects and those that depend on the workloads are
 * found here. Evaluation-time errors are checked eagerly, for every policy that selects a workload
 * (the note allows it); a bad subject, which selects nothing, as soon as there is a workload.
 */
export interface AdminProblems {
  fatal: readonly AdminProblem[];
  warnings: readonly AdminProblem[];
}

export function adminProblems(model: ClusterModel, policies: readonly CompiledAdminPolicy[], admin?: AdminAnalysis): AdminProblems {
  const fatal: AdminProblem[] = [...crossObjectErrors(model)];
  const warnings: AdminProblem[] = [...equalClusterPriorities(model), ...ownerLabelConflicts(model, policies)];
  for (const { object, path, kind, name, message, fatal: refused } of model.skippedAdminPolicies) {
    if (refused) fatal.push({ object, path, message: `${kind} "${name}": ${message}.` });
    else warnings.push({ object, path, message: `${kind} "${name}" is skipped: ${message}.` });
  }
  const hasWorkloads = model.workloads.length > 0;
  for (const policy of [...model.adminPolicies, ...model.baselinePolicies]) {
    const compiled = policies.find((candidate) => candidate.info === policy);
    const hasRules = compiled !== undefined && (compiled.rules.Ingress.length > 0 || compiled.rules.Egress.length > 0);
    const selectsSome = compiled !== undefined && (admin?.selected.get(compiled)?.length ?? 0) > 0;
    for (const problem of policy.problems) {
      const placed = named(policy, problem);
      if (problem.kind === 'warning') warnings.push(placed);
      else if (problem.kind === 'load-fatal' && (!isNetworksEntry(problem.path) || hasWorkloads)) fatal.push(placed);
      else if (problem.kind === 'evaluation-fatal' && hasRules && (isSubjectProblem(problem.path) ? hasWorkloads : selectsSome)) fatal.push(placed);
    }
    if (compiled && admin && selectsSome) warnings.push(...namedPortWarnings(model, compiled, admin));
  }
  return { fatal: fatal.sort(byPlace), warnings: warnings.sort(byPlace) };
}

// The networks check runs only once there is a workload (§2).
function isNetworksEntry(path: ObjectPath): boolean {
  return path.includes('networks');
}

// A missing subject is reported on `spec` itself.
function isSubjectProblem(path: ObjectPath): boolean {
  return path[1] === 'subject' || (path.length === 1 && path[0] === 'spec');
}

/** Duplicate names, equal priorities, a second baseline: the reference refuses them whatever the workloads. */
function crossObjectErrors(model: ClusterModel): AdminProblem[] {
  const errors: AdminProblem[] = [];
  const anp = (name: string) => `AdminNetworkPolicy "${name}"`;
  const duplicate = (name: string) => `${anp(name)} is defined more than once: AdminNetworkPolicy names must be unique.`;
  // Two definitions of one name: the effective-objects model keeps the last; the reference sees both.
  for (const group of model.duplicates) {
    if (group.effective.kind !== 'AdminNetworkPolicy') continue;
    for (const object of group.replaced) errors.push({ object, path: ['metadata', 'name'], message: duplicate(group.effective.name ?? '') });
  }
  const names = new Set<string>();
  const byPriority = new Map<number, string>();
  for (const { object, name, priority } of model.adminPolicies.filter((policy) => policy.clusterTier === undefined)) {
    // Same name in two API groups: two objects here, one name for the reference.
    if (names.has(name)) errors.push({ object, path: ['metadata', 'name'], message: duplicate(name) });
    names.add(name);
    const other = byPriority.get(priority);
    if (other !== undefined) errors.push({ object, path: ['spec', 'priority'], message: `${anp(name)} has priority ${priority}, as ${anp(other)} has: AdminNetworkPolicy priorities must differ.` });
    else byPriority.set(priority, name);
  }
  const replacedBaselines = model.duplicates.filter((group) => group.effective.kind === 'BaselineAdminNetworkPolicy').flatMap((group) => group.replaced);
  const baselines = [...replacedBaselines, ...model.baselinePolicies.filter((policy) => policy.clusterTier === undefined).map((policy) => policy.object)];
  for (const object of baselines.slice(1)) {
    errors.push({ object, path: ['kind'], message: `BaselineAdminNetworkPolicy "${object.name ?? ''}" is one BaselineAdminNetworkPolicy too many: a cluster has at most one, named "default".` });
  }
  return errors;
}

/**
 * A ClusterNetworkPolicy whose priority another policy of its tier has: legal in v1alpha2, but which
 * applies first is undefined. The analysis takes AdminNetworkPolicies first, then input order.
 */
function equalClusterPriorities(model: ClusterModel): AdminProblem[] {
  const warnings: AdminProblem[] = [];
  for (const tier of [model.adminPolicies, model.baselinePolicies.filter((policy) => policy.clusterTier !== undefined)]) {
    const seen = new Map<number, AdminPolicyInfo>();
    for (const policy of [...tier].sort((a, b) => Number(a.clusterTier !== undefined) - Number(b.clusterTier !== undefined))) {
      const other = seen.get(policy.priority);
      if (!other) seen.set(policy.priority, policy);
      else if (policy.clusterTier) {
        warnings.push({
          object: policy.object,
          path: ['spec', 'priority'],
          message: `ClusterNetworkPolicy "${policy.name}" has priority ${policy.priority}, as ${adminPolicyKindName(other)} "${other.name}" has: which applies first is undefined; the analysis applies ${adminPolicyKindName(other)} "${other.name}" first.`,
        });
      }
    }
  }
  return warnings;
}

/** Named ports that an evaluated destination does not declare, or that toward addresses allow nothing (§5). */
function namedPortWarnings(model: ClusterModel, policy: CompiledAdminPolicy, admin: AdminAnalysis): AdminProblem[] {
  const warnings: AdminProblem[] = [];
  const subjects = admin.selected.get(policy) ?? [];
  const object = policy.info.object;
  const prefix = `${adminPolicyKindName(policy.info)} "${policy.info.name}": `;
  for (const rule of [...policy.rules.Ingress, ...policy.rules.Egress]) {
    if (rule.ports === 'all') continue;
    const destinations = rule.direction === 'Ingress' ? subjects : model.workloads.filter((workload) => admin.admitted.get(rule)?.has(workload.key));
    for (const entry of rule.ports.named) {
      const missing = destinations.filter((workload) => !workload.containerPorts.some((port) => port.name === entry.name));
      if (missing.length > 0) {
        const names = missing.slice(0, 3).map((workload) => workload.key).join(', ') + (missing.length > 3 ? ` and ${missing.length - 3} more` : '');
        warnings.push({ object, path: entry.path, message: `${prefix}the named port "${entry.name}" allows nothing toward ${names}: no container port has that name.` });
      }
      if (rule.addresses.length > 0) {
        warnings.push({ object, path: entry.path, message: `${prefix}the named port "${entry.name}" allows nothing toward the rule's networks: external addresses have no named ports.` });
      }
    }
  }
  return warnings;
}

function named(policy: AdminPolicyInfo, problem: AdminPolicyProblem): AdminProblem {
  return { object: policy.object, path: problem.path, message: `${adminPolicyKindName(policy)} "${policy.name}": ${problem.message}.` };
}

function byPlace(a: AdminProblem, b: AdminProblem): number {
  const uri = a.object.document.uri < b.object.document.uri ? -1 : a.object.document.uri > b.object.document.uri ? 1 : 0;
  if (uri !== 0) return uri;
  const ra = a.object.rangeOf(a.path, 'key').start;
  const rb = b.object.rangeOf(b.path, 'key').start;
  return ra.line - rb.line || ra.character - rb.character;
}
