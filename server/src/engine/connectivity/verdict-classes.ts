import type { Workload } from '../model/cluster-types';
import { adminRulesFor } from './admin-analysis';
import type { CompiledAdminRule } from './admin-policy';
import type { ConnectivityAnalysis } from './analysis';
import type { CompiledPolicy, PolicyDirection } from './compiled-policy';
import { allowedOnSide, allowedSideOf, type AllowedSide } from './direction-verdict';
import type { PortSet } from './port-set';

/**
 * Workloads whose side of a connection is decided the same way toward every peer share a class, per
 * direction: the same isolating NetworkPolicies, the same admin and baseline rule lists, and, for
 * ingress when one of those rules names a port, the same container ports (named ports resolve on the
 * destination; a workload's labels and namespace only matter to the rules that select it, which the
 * lists already say). `allowed` is `allowedWithWorkload` computed once per (class, peer).
 *
 * A class also knows the peers it may allow at all: when NetworkPolicies isolate it, only peers that
 * a NetworkPolicy rule or an admin `Allow` rule of its lists admits can get a port (a Deny or a Pass
 * never opens one, and the NetworkPolicy default is deny); otherwise any peer may (`open`).
 */
export class VerdictClasses {
  readonly workloads: readonly Workload[];
  private readonly indexOf = new Map<string, number>();
  private readonly classIds: Record<PolicyDirection, Int32Array>;
  private readonly classes: VerdictClass[] = [];

  constructor(private readonly analysis: ConnectivityAnalysis) {
    this.workloads = analysis.model.workloads;
    this.workloads.forEach((workload, index) => this.indexOf.set(workload.key, index));
    const policyIndex = new Map<CompiledPolicy, number>(analysis.policies.map((policy, index) => [policy, index]));
    const listIds = new Map<readonly CompiledAdminRule[], number>();
    const listId = (list: readonly CompiledAdminRule[]) => {
      let id = listIds.get(list);
      if (id === undefined) listIds.set(list, (id = listIds.size));
      return id;
    };
    const byKey = new Map<string, number>();
    const classIds = { Ingress: new Int32Array(this.workloads.length), Egress: new Int32Array(this.workloads.length) };
    for (const direction of ['Ingress', 'Egress'] as const) {
      this.workloads.forEach((workload, index) => {
        const policies = analysis.isolatedBy.get(workload.key)?.[direction] ?? [];
        const { admin } = analysis;
        const adminRules = admin ? adminRulesFor(admin.adminRules, workload, direction) : NO_RULES;
        const baselineRules = admin && policies.length === 0 ? adminRulesFor(admin.baselineRules, workload, direction) : NO_RULES;
        const names = direction === 'Ingress' ? portNamesOf(policies, adminRules, baselineRules) : [];
        const key = `${direction}|${policies.map((policy) => policyIndex.get(policy)).join(',')}|${listId(adminRules)}|${listId(baselineRules)}|${names.length > 0 ? namedPortsProfile(workload, names) : ''}`;
        let id = byKey.get(key);
        if (id === undefined) {
          id = this.classes.length;
          byKey.set(key, id);
          this.classes.push({ direction, representative: workload, members: 0, open: policies.length === 0, allowing: allowingRules(analysis, direction, policies, adminRules, baselineRules) });
        }
        this.classes[id].members++;
        classIds[direction][index] = id;
      });
    }
    this.classIds = classIds;
  }

  classOf(index: number, direction: PolicyDirection): number {
    return this.classIds[direction][index];
  }

  /** Whether no NetworkPolicy isolates the workload in `direction`: any peer may be allowed. */
  isOpen(index: number, direction: PolicyDirection): boolean {
    return this.classes[this.classIds[direction][index]].open;
  }

  /** What workload `index` allows in `direction` with workload `peer` (both model positions). */
  allowed(index: number, direction: PolicyDirection, peer: number): PortSet {
    const verdictClass = this.classes[this.classIds[direction][index]];
    const side = (verdictClass.side ??= allowedSideOf(this.analysis, verdictClass.representative, direction));
    // A class of one asks each peer once: nothing to remember.
    if (verdictClass.members === 1) return allowedOnSide(this.analysis, side, this.workloads[peer]);
    const memo = (verdictClass.memo ??= new Array<PortSet | undefined>(this.workloads.length));
    return (memo[peer] ??= allowedOnSide(this.analysis, side, this.workloads[peer]));
  }

  /** The model positions of the peers an isolated class may allow (each once); computed once per class. */
  allowedPeers(index: number, direction: PolicyDirection): readonly number[] {
    const verdictClass = this.classes[this.classIds[direction][index]];
    if (!verdictClass.peers) {
      const peers = new Set<number>();
      for (const keys of verdictClass.allowing) for (const key of keys) peers.add(this.indexOf.get(key)!);
      verdictClass.peers = [...peers];
    }
    return verdictClass.peers;
  }
}

interface VerdictClass {
  direction: PolicyDirection;
  representative: Workload;
  members: number;
  open: boolean;
  side?: AllowedSide;
  /** By peer position, for classes of several workloads. */
  memo?: (PortSet | undefined)[];
  /** The admitted sets of the rules that can open a port to a peer. */
  allowing: readonly ReadonlySet<string>[];
  peers?: readonly number[];
}

const NO_RULES: readonly CompiledAdminRule[] = [];

function allowingRules(
  analysis: ConnectivityAnalysis,
  direction: PolicyDirection,
  policies: readonly CompiledPolicy[],
  adminRules: readonly CompiledAdminRule[],
  baselineRules: readonly CompiledAdminRule[],
): ReadonlySet<string>[] {
  const sets: ReadonlySet<string>[] = [];
  for (const policy of policies) {
    for (const rule of policy.rules[direction]) {
      const keys = analysis.admitted.get(rule);
      if (keys) sets.push(keys);
    }
  }
  for (const rule of [...adminRules, ...baselineRules]) {
    const keys = rule.action === 'Allow' ? analysis.admin?.admitted.get(rule) : undefined;
    if (keys) sets.push(keys);
  }
  return sets;
}

/** The port names the rules of one side use (sorted, each once): the only container ports that side depends on. */
function portNamesOf(policies: readonly CompiledPolicy[], adminRules: readonly CompiledAdminRule[], baselineRules: readonly CompiledAdminRule[]): string[] {
  const names = new Set<string>();
  for (const policy of policies) {
    for (const rule of policy.rules.Ingress) if (rule.ports !== 'all') for (const entry of rule.ports) if (entry.kind === 'named') names.add(entry.name);
  }
  for (const rule of [...adminRules, ...baselineRules]) if (rule.ports !== 'all') for (const entry of rule.ports.named) names.add(entry.name);
  return [...names].sort();
}

/** Each name's container ports in declared order, protocol as written (NetworkPolicies take every match, admin rules the first). */
function namedPortsProfile(workload: Workload, names: readonly string[]): string {
  return names.map((name) => workload.containerPorts.filter((port) => port.name === name).map((port) => `${port.protocol}/${port.port}`).join('+')).join(',');
}
