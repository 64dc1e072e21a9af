import type { ClusterModel } from '../model/cluster-types';
import type { AdminAnalysis } from './admin-analysis';
import type { AdminProblem, CompiledAdminPolicy } from './admin-policy';

/**
 * What is wrong with the admin policies of a model (admin-policy-semantics.md §2). `fatal` problems
 * fail the analysis (no connection list); `warnings` never do. Evaluation-time errors are checked
 * eagerly, for every policy that selects a workload, as the note allows.
 */
export interface AdminProblems {
  fatal: readonly AdminProblem[];
  warnings: readonly AdminProblem[];
}

export function adminProblems(model: ClusterModel, policies: readonly CompiledAdminPolicy[], admin?: AdminAnalysis): AdminProblems {
  const fatal: AdminProblem[] = [...loadTimeErrors(model)];
  const warnings: AdminProblem[] = model.skippedAdminPolicies.map(({ object, path, kind, name, message }) => ({
    object,
    path,
    message: `${kind} "${name}" is skipped: ${message}.`,
  }));
  if (model.workloads.length > 0) {
    for (const policy of policies) {
      const hasRules = policy.rules.Ingress.length > 0 || policy.rules.Egress.length > 0;
      if (hasRules) fatal.push(...policy.subjectProblems.map((problem) => named(policy, problem)));
      fatal.push(...policy.networkProblems.map((problem) => named(policy, problem)));
      if (hasRules && (admin?.selected.get(policy)?.length ?? 0) > 0) fatal.push(...policy.ruleProblems.map((problem) => named(policy, problem)));
      warnings.push(...policy.warnings.map((problem) => named(policy, problem)));
      if (admin) warnings.push(...namedPortWarnings(model, policy, admin).map((problem) => named(policy, problem)));
    }
  }
  return { fatal: fatal.sort(byPlace), warnings: warnings.sort(byPlace) };
}

function loadTimeErrors(model: ClusterModel): AdminProblem[] {
  const errors: AdminProblem[] = [];
  const anp = (name: string) => `AdminNetworkPolicy "${name}"`;
  // Two definitions of one name: the effective-objects model keeps the last; the reference sees both.
  for (const group of model.duplicates) {
    if (group.effective.kind !== 'AdminNetworkPolicy') continue;
    for (const object of group.replaced) errors.push({ object, path: ['metadata', 'name'], message: `${anp(group.effective.name ?? '')} is defined more than once: AdminNetworkPolicy names must be unique.` });
  }
  const byName = new Map<string, string>();
  const byPriority = new Map<number, string>();
  for (const policy of model.adminPolicies) {
    const { object, name, priority } = policy;
    if (byName.has(name)) errors.push({ object, path: ['metadata', 'name'], message: `${anp(name)} is defined more than once: AdminNetworkPolicy names must be unique.` });
    byName.set(name, name);
    if (priority < 0 || priority > 1000) errors.push({ object, path: ['spec', 'priority'], message: `${anp(name)} has priority ${priority}: it must be within 0-1000.` });
    const other = byPriority.get(priority);
    if (other !== undefined && other !== name) errors.push({ object, path: ['spec', 'priority'], message: `${anp(name)} has priority ${priority}, as ${anp(other)} has: AdminNetworkPolicy priorities must differ.` });
    else byPriority.set(priority, name);
  }
  const replacedBaselines = model.duplicates.filter((group) => group.effective.kind === 'BaselineAdminNetworkPolicy').flatMap((group) => group.replaced);
  const baselines = [...replacedBaselines, ...model.baselinePolicies.map((policy) => policy.object)];
  for (const object of baselines.slice(1)) {
    errors.push({ object, path: ['kind'], message: `BaselineAdminNetworkPolicy "${object.name ?? ''}" is one BaselineAdminNetworkPolicy too many: a cluster has at most one, named "default".` });
  }
  for (const policy of model.baselinePolicies) {
    if (policy.name !== 'default') errors.push({ object: policy.object, path: ['metadata', 'name'], message: `BaselineAdminNetworkPolicy "${policy.name}" must be named "default".` });
  }
  return errors;
}

/** Named ports that some evaluated destination does not declare, or that toward addresses allow nothing. */
function namedPortWarnings(model: ClusterModel, policy: CompiledAdminPolicy, admin: AdminAnalysis): AdminProblem[] {
  const warnings: AdminProblem[] = [];
  const subjects = admin.selected.get(policy) ?? [];
  if (subjects.length === 0) return warnings;
  for (const rule of [...policy.rules.Ingress, ...policy.rules.Egress]) {
    if (rule.ports === 'all') continue;
    const destinations = rule.direction === 'Ingress' ? subjects : model.workloads.filter((workload) => admin.admitted.get(rule)?.has(workload.key));
    for (const entry of rule.ports.named) {
      if (entry.kind !== 'named') continue;
      const missing = destinations.filter((workload) => !workload.containerPorts.some((port) => port.name === entry.name));
      if (missing.length > 0) {
        const names = missing.slice(0, 3).map((workload) => workload.key).join(', ') + (missing.length > 3 ? ` and ${missing.length - 3} more` : '');
        warnings.push({ object: policy.info.object, path: entry.path, message: `the named port "${entry.name}" allows nothing toward ${names}: no container port has that name.` });
      }
      if (rule.addresses.length > 0) {
        warnings.push({ object: policy.info.object, path: entry.path, message: `the named port "${entry.name}" allows nothing toward the rule's networks: external addresses have no named ports.` });
      }
    }
  }
  return warnings;
}

function named(policy: CompiledAdminPolicy, problem: AdminProblem): AdminProblem {
  return { ...problem, message: `${policy.tier} "${policy.info.name}": ${problem.message}` };
}

function byPlace(a: AdminProblem, b: AdminProblem): number {
  const uri = a.object.document.uri < b.object.document.uri ? -1 : a.object.document.uri > b.object.document.uri ? 1 : 0;
  if (uri !== 0) return uri;
  const ra = a.object.rangeOf(a.path, 'key').start;
  const rb = b.object.rangeOf(b.path, 'key').start;
  return ra.line - rb.line || ra.character - rb.character;
}
