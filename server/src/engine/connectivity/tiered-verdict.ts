import type { AdminPolicyInfo, Workload } from '../model/cluster-types';
import type { AdminAction, AdminPorts, AdminTier, CompiledAdminRule } from './admin-policy';
import type { PolicyDirection } from './compiled-policy';
import { ALL_PORTS, intersectPorts, isEmptyPorts, isProtocol, NO_PORTS, portsOf, subtractPorts, unionPorts, type PortSet } from './port-set';

/** An admin rule that decided some (protocol, port) pairs of one direction, and which. */
export interface AdminRuleDecision {
  tier: AdminTier;
  policy: AdminPolicyInfo;
  direction: PolicyDirection;
  /** Index in the policy's `spec.ingress` or `spec.egress`. */
  ruleIndex: number;
  ruleName?: string;
  action: AdminAction;
  /** The pairs this rule decided (no earlier rule had). */
  ports: PortSet;
}

export interface TieredInput {
  direction: PolicyDirection;
  /** The admin rules of the subject, in evaluation order, and the baseline's. */
  adminRules: readonly CompiledAdminRule[];
  baselineRules: readonly CompiledAdminRule[];
  /** Whether a rule's peers match the other endpoint. */
  matches: (rule: CompiledAdminRule) => boolean;
  /** Where named ports resolve. */
  destination: Workload | 'external';
  /** What NetworkPolicies allow, when one selects the subject for this direction. */
  networkPolicies?: PortSet;
  /** Leaves `decisions` empty (the map needs only what is allowed). */
  withoutReasons?: boolean;
}

export interface TieredOutcome {
  allowed: PortSet;
  decisions: AdminRuleDecision[];
}

/**
 * One direction through the tiers (admin-policy-semantics.md §6): the first matching AdminNetworkPolicy
 * rule decides each pair (Pass hands it on); then NetworkPolicies decide, if one selects the subject,
 * and the baseline is not consulted; else the baseline's first matching rule; else allowed.
 */
export function tieredVerdict(input: TieredInput): TieredOutcome {
  const decisions: AdminRuleDecision[] = [];
  const admin = firstMatch(input.adminRules, input, ALL_PORTS, decisions);
  const undecided = unionPorts(admin.remaining, admin.passed);
  if (input.networkPolicies) return { allowed: unionPorts(admin.allowed, intersectPorts(input.networkPolicies, undecided)), decisions };
  if (isEmptyPorts(undecided)) return { allowed: admin.allowed, decisions };
  const baseline = firstMatch(input.baselineRules, input, undecided, decisions);
  return { allowed: unionPorts(unionPorts(admin.allowed, baseline.allowed), unionPorts(baseline.remaining, baseline.passed)), decisions };
}

/**
 * The outcome of the tiers for `allowedWithWorkload`, which runs for every pair. The outcome only
 * depends on which rules of the subject's lists match the other endpoint, and, when some rule has
 * named ports, on the destination's container ports: it is computed once per such signature, and
 * each endpoint's signature once per pair of lists (workloads the same policies select share lists).
 */
export class TierCache {
  private readonly lists = new Map<readonly CompiledAdminRule[], Map<readonly CompiledAdminRule[], ListPair>>();
  private readonly profiles = new Map<Workload, string>();
  private readonly externals = new Map<readonly CompiledAdminRule[], Map<readonly CompiledAdminRule[], Map<string, unknown>>>();
  /** For each list, each rule's admitted workloads as flags by model position (undefined: a rule without action). */
  private readonly members = new Map<readonly CompiledAdminRule[], (Uint8Array | undefined)[]>();
  private readonly flags = new Map<ReadonlySet<string>, Uint8Array>();
  private readonly signatures = new Map<readonly CompiledAdminRule[], (string | undefined)[]>();

  constructor(
    private readonly admitted: ReadonlyMap<CompiledAdminRule, ReadonlySet<string>>,
    /** The names admin rules use, the only container ports that matter. */
    private readonly portNames: readonly string[],
    /** Each workload's model position, by key. */
    private readonly positions: ReadonlyMap<string, number>,
  ) {}

  allowed(
    adminRules: readonly CompiledAdminRule[],
    baselineRules: readonly CompiledAdminRule[],
    direction: PolicyDirection,
    peer: Workload,
    destination: Workload,
    networkPolicies: PortSet | undefined,
    /** Whether `networkPolicies` is a set that other calls pass again (worth remembering the combination). */
    shared = true,
  ): PortSet {
    let byBaseline = this.lists.get(adminRules);
    if (!byBaseline) this.lists.set(adminRules, (byBaseline = new Map()));
    let pair = byBaseline.get(baselineRules);
    if (!pair) byBaseline.set(baselineRules, (pair = { named: [...adminRules, ...baselineRules].some(hasNamedPorts), signatures: new Array(this.positions.size), outcomes: new Map() }));
    const position = this.positions.get(peer.key) ?? -1;
    let outcomes = pair.signatures[position];
    if (outcomes === undefined) {
      const baseline = this.signature(baselineRules, position);
      const key = baseline === '' ? this.signature(adminRules, position) : `${this.signature(adminRules, position)}\uffff${baseline}`;
      outcomes = pair.outcomes.get(key);
      if (!outcomes) pair.outcomes.set(key, (outcomes = new Map()));
      if (position >= 0) pair.signatures[position] = outcomes;
    }
    // Without named ports the destination does not matter: one outcome per signature.
    const profile = pair.named ? this.profile(destination) : '';
    let layers = outcomes.get(profile);
    if (!layers) {
      const admitted = this.admitted;
      layers = adminLayers({ direction, adminRules, baselineRules, matches: (rule) => admitted.get(rule)?.has(peer.key) ?? false, destination, withoutReasons: true });
      outcomes.set(profile, layers);
    }
    if (!networkPolicies) return layers.withoutNetworkPolicies;
    if (isEmptyPorts(layers.undecided)) return layers.adminAllowed;
    // NetworkPolicy sets are mostly a rule's own (cached) set: the combination is too.
    if (!shared) return unionPorts(layers.adminAllowed, intersectPorts(networkPolicies, layers.undecided));
    let combined = layers.withNetworkPolicies.get(networkPolicies);
    if (!combined) layers.withNetworkPolicies.set(networkPolicies, (combined = unionPorts(layers.adminAllowed, intersectPorts(networkPolicies, layers.undecided))));
    return combined;
  }

  /** Egress toward addresses for the lists and `key` (the isolating NetworkPolicies), computed once. */
  external<T>(adminRules: readonly CompiledAdminRule[], baselineRules: readonly CompiledAdminRule[], key: string, compute: () => T): T {
    let byBaseline = this.externals.get(adminRules);
    if (!byBaseline) this.externals.set(adminRules, (byBaseline = new Map()));
    let byKey = byBaseline.get(baselineRules);
    if (!byKey) byBaseline.set(baselineRules, (byKey = new Map()));
    if (!byKey.has(key)) byKey.set(key, compute());
    return byKey.get(key) as T;
  }

  /** Which rules of `rules` admit the workload at `position`, as text; computed once per list and workload. */
  private signature(rules: readonly CompiledAdminRule[], position: number): string {
    if (position < 0 || rules.length === 0) return '';
    let texts = this.signatures.get(rules);
    if (!texts) this.signatures.set(rules, (texts = new Array<string | undefined>(this.positions.size)));
    let text = texts[position];
    if (text === undefined) {
      const members = this.membersOf(rules);
      // One character per matching rule (its index), built in one go: concatenating allocates per step.
      const matching: number[] = [];
      for (let index = 0; index < members.length; index++) {
        if (members[index]?.[position]) matching.push(index);
      }
      text = matching.length === 0 ? '' : matching.length === 1 ? String.fromCharCode(matching[0]) : String.fromCharCode(...matching);
      texts[position] = text;
    }
    return text;
  }

  // Flags by position: a signature costs one array read per rule instead of two hash lookups.
  private membersOf(rules: readonly CompiledAdminRule[]): (Uint8Array | undefined)[] {
    let members = this.members.get(rules);
    if (!members) this.members.set(rules, (members = rules.map((rule) => (rule.action === undefined ? undefined : this.flagsOf(rule)))));
    return members;
  }

  // By admitted set: rules that admit the same workloads share their set (admin-analysis.ts).
  private flagsOf(rule: CompiledAdminRule): Uint8Array {
    const admitted = this.admitted.get(rule) ?? NO_KEYS;
    let flags = this.flags.get(admitted);
    if (!flags) {
      flags = new Uint8Array(this.positions.size);
      for (const key of admitted) {
        const position = this.positions.get(key);
        if (position !== undefined) flags[position] = 1;
      }
      this.flags.set(admitted, flags);
    }
    return flags;
  }

  /** How the names admin rules use resolve on a workload (its first container port of each name). */
  private profile(workload: Workload): string {
    let profile = this.profiles.get(workload);
    if (profile === undefined) {
      profile = this.portNames
        .map((name) => {
          const port = workload.containerPorts.find((declared) => declared.name === name);
          return port ? `${port.protocol}/${port.port}` : '';
        })
        .join(',');
      this.profiles.set(workload, profile);
    }
    return profile;
  }
}

const NO_KEYS: ReadonlySet<string> = new Set();

interface ListPair {
  named: boolean;
  /** Each endpoint's outcomes (by destination profile) by model position, shared by the endpoints with one signature. */
  signatures: (Map<string, TieredLayers> | undefined)[];
  outcomes: Map<string, Map<string, TieredLayers>>;
}

function hasNamedPorts(rule: CompiledAdminRule): boolean {
  return rule.ports !== 'all' && rule.ports.named.length > 0;
}

interface TieredLayers {
  adminAllowed: PortSet;
  /** What the ANP layer leaves (passed or unmatched). */
  undecided: PortSet;
  /** The outcome when no NetworkPolicy selects the subject: the baseline and the default decide `undecided`. */
  withoutNetworkPolicies: PortSet;
  /** The outcome with what NetworkPolicies allow, by that set. */
  withNetworkPolicies: Map<PortSet, PortSet>;
}

/** Both layers' outcome for one signature; the baseline part is unused when NetworkPolicies isolate. */
function adminLayers(input: TieredInput): TieredLayers {
  const admin = firstMatch(input.adminRules, input, ALL_PORTS, []);
  const undecided = unionPorts(admin.remaining, admin.passed);
  const withNetworkPolicies = new Map<PortSet, PortSet>();
  if (isEmptyPorts(undecided) || input.baselineRules.length === 0) return { adminAllowed: admin.allowed, undecided, withoutNetworkPolicies: unionPorts(admin.allowed, undecided), withNetworkPolicies };
  const baseline = firstMatch(input.baselineRules, input, undecided, []);
  const withoutNetworkPolicies = unionPorts(unionPorts(admin.allowed, baseline.allowed), unionPorts(baseline.remaining, baseline.passed));
  return { adminAllowed: admin.allowed, undecided, withoutNetworkPolicies, withNetworkPolicies };
}

function firstMatch(rules: readonly CompiledAdminRule[], input: TieredInput, start: PortSet, decisions: AdminRuleDecision[]) {
  let remaining = start;
  let allowed = NO_PORTS;
  let passed = NO_PORTS;
  for (const rule of rules) {
    if (isEmptyPorts(remaining)) break;
    if (rule.action === undefined || !input.matches(rule)) continue;
    const ports = intersectPorts(adminRulePorts(rule.ports, input.destination), remaining);
    if (isEmptyPorts(ports)) continue;
    remaining = subtractPorts(remaining, ports);
    if (rule.action === 'Allow') allowed = unionPorts(allowed, ports);
    else if (rule.action === 'Pass') passed = unionPorts(passed, ports);
    if (!input.withoutReasons) decisions.push({
      tier: rule.policy.tier,
      policy: rule.policy.info,
      direction: rule.direction,
      ruleIndex: rule.index,
      ...(rule.name !== undefined ? { ruleName: rule.name } : {}),
      action: rule.action,
      ports,
    });
  }
  return { remaining, allowed, passed };
}

/**
 * What a rule's ports cover toward `destination`. A named port takes the port and the protocol of the
 * destination's first container port with that name; toward addresses it covers nothing.
 */
export function adminRulePorts(ports: AdminPorts, destination: Workload | 'external'): PortSet {
  if (ports === 'all') return ALL_PORTS;
  if (destination === 'external' || ports.named.length === 0) return ports.numbers;
  let result = ports.numbers;
  for (const entry of ports.named) {
    const declared = destination.containerPorts.find((port) => port.name === entry.name);
    if (declared && isProtocol(declared.protocol)) result = unionPorts(result, portsOf(declared.protocol, declared.port));
  }
  return result;
}
