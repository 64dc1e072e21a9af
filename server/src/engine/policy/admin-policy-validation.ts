import { isPlainObject, type KubeObject, type PlainObject } from '../manifest/kube-object';
import type { ObjectPath } from '../manifest/yaml-path';
import { cidrSyntaxProblem, parseAddress, parseCidr } from '../net/cidr';
import { isValidLabelKey, isValidLabelValue, LABEL_KEY_SYNTAX, LABEL_VALUE_SYNTAX } from './label-syntax';

/**
 * How a problem of an AdminNetworkPolicy or BaselineAdminNetworkPolicy weighs for the connectivity
 * analysis (admin-policy-semantics §1, §2):
 * - `load-fatal`: the analysis stops whatever the workloads (a `networks` entry: once there is one);
 * - `evaluation-fatal`: the analysis stops when its evaluation reaches the item (eager checking, for
 *   every policy that selects a workload, is allowed). Reaching is the analysis's to decide: the
 *   subject of a policy without rules, say, is never reached, yet it is listed here;
 * - `warning`: reported, never fatal;
 * - `type-error`: a field of the wrong JSON type; the whole object is skipped with a warning.
 *
 * The API server rejects every problem except warnings. Other problems of an object with a type error
 * are still listed (for the editor); the analysis skips such an object and so never reaches them.
 */
export type AdminPolicyProblemKind = 'load-fatal' | 'evaluation-fatal' | 'warning' | 'type-error';

export interface AdminPolicyProblem {
  /** The place at fault, relative to the object: the deepest written part of it. */
  path: ObjectPath;
  message: string;
  kind: AdminPolicyProblemKind;
}

export const ADMIN_NETWORK_POLICY = 'AdminNetworkPolicy';
export const BASELINE_ADMIN_NETWORK_POLICY = 'BaselineAdminNetworkPolicy';

export const MIN_PRIORITY = 0;
export const MAX_PRIORITY = 1000;
export const BASELINE_POLICY_NAME = 'default';

type PolicyKind = typeof ADMIN_NETWORK_POLICY | typeof BASELINE_ADMIN_NETWORK_POLICY;
type Direction = 'ingress' | 'egress';

const PEER_LIST = { ingress: 'from', egress: 'to' } as const;
const PEER_FIELDS = { ingress: ['namespaces', 'pods'], egress: ['namespaces', 'pods', 'nodes', 'networks'] } as const;
const PORT_FIELDS = ['portNumber', 'namedPort', 'portRange'] as const;
const ACTIONS: Record<PolicyKind, readonly string[]> = {
  AdminNetworkPolicy: ['Allow', 'Deny', 'Pass'],
  BaselineAdminNetworkPolicy: ['Allow', 'Deny'],
};
const OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist'];
const MIN_PORT = 1;
const MAX_PORT = 65535;
const INT32 = 2 ** 31;

/** Whether an object is an AdminNetworkPolicy or a BaselineAdminNetworkPolicy (by kind only, §1). */
export function isAdminPolicyKind(object: KubeObject): boolean {
  return object.kind === ADMIN_NETWORK_POLICY || object.kind === BASELINE_ADMIN_NETWORK_POLICY;
}

/** The priority of an AdminNetworkPolicy as the analysis reads it: absent or null is 0; undefined when not an integer. */
export function adminPolicyPriority(object: KubeObject): number | undefined {
  const priority = object.get(['spec', 'priority']);
  if (priority === undefined || priority === null) return 0;
  return isInteger(priority) ? priority : undefined;
}

/** Whether the analysis skips the object (a type error, §1). */
export function isSkipped(problems: readonly AdminPolicyProblem[]): boolean {
  return problems.some((problem) => problem.kind === 'type-error');
}

/**
 * The problems of one AdminNetworkPolicy or BaselineAdminNetworkPolicy, read with the v1alpha1 field
 * names whatever its apiVersion (§1); [] for any other kind. Problems between objects (equal
 * priorities, a second baseline policy, equal names) are not here.
 */
export function adminPolicyProblems(object: KubeObject): AdminPolicyProblem[] {
  if (!isAdminPolicyKind(object)) return [];
  const checker = new AdminPolicyChecker(object.kind as PolicyKind);
  checker.checkObject(object);
  return checker.problems;
}

/**
 * The problems of a spec written with the v1alpha1 field names (a ClusterNetworkPolicy's mapped spec,
 * policy/cluster-network-policy), paths from `spec`. No name check: that is the object's.
 */
export function adminPolicySpecProblems(kind: PolicyKind, spec: PlainObject): AdminPolicyProblem[] {
  const checker = new AdminPolicyChecker(kind);
  checker.checkSpec(spec, ['spec']);
  return checker.problems;
}

class AdminPolicyChecker {
  readonly problems: AdminPolicyProblem[] = [];

  constructor(private readonly kind: PolicyKind) {}

  checkObject(object: KubeObject): void {
    if (this.kind === BASELINE_ADMIN_NETWORK_POLICY && object.name !== BASELINE_POLICY_NAME) {
      const written = object.name === undefined ? '' : `, not "${object.name}"`;
      this.add(object.get(['metadata', 'name']) === undefined ? ['metadata'] : ['metadata', 'name'], `a BaselineAdminNetworkPolicy must be named default${written}`, 'load-fatal');
    }
    const spec = object.get(['spec']);
    if (isAbsent(spec)) {
      this.checkSpec({}, ['spec']);
      return;
    }
    if (this.expectMap(['spec'], spec)) this.checkSpec(spec, ['spec']);
  }

  checkSpec(spec: PlainObject, path: ObjectPath): void {
    if (this.kind === ADMIN_NETWORK_POLICY) this.checkPriority(spec.priority, [...path, 'priority']);
    this.checkSubject(spec.subject, path);
    for (const direction of ['ingress', 'egress'] as const) {
      const rules = spec[direction];
      const rulesPath = [...path, direction];
      if (isAbsent(rules) || !this.expectList(rulesPath, rules)) continue;
      rules.forEach((rule, index) => this.checkRule(direction, rule, [...rulesPath, index]));
    }
  }

  private checkPriority(priority: unknown, path: ObjectPath): void {
    if (isAbsent(priority)) return;
    if (!this.expectInteger(path, priority)) return;
    if (priority < MIN_PRIORITY || priority > MAX_PRIORITY) this.add(path, `priority ${priority} is outside ${MIN_PRIORITY}..${MAX_PRIORITY}`, 'load-fatal');
  }

  private checkSubject(subject: unknown, specPath: ObjectPath): void {
    const path = [...specPath, 'subject'];
    if (isAbsent(subject)) {
      this.add(subject === null ? path : specPath, 'subject must set exactly one of namespaces and pods', 'evaluation-fatal');
      return;
    }
    if (!this.expectMap(path, subject)) return;
    const set = ['namespaces', 'pods'].filter((field) => !isAbsent(subject[field]));
    if (set.length !== 1) this.add(path, `subject must set exactly one of namespaces and pods${set.length > 1 ? ', not both' : ''}`, 'evaluation-fatal');
    if (!isAbsent(subject.namespaces)) this.checkSelector(subject.namespaces, [...path, 'namespaces']);
    if (!isAbsent(subject.pods)) this.checkPodsSelector(subject.pods, [...path, 'pods']);
  }

  private checkRule(direction: Direction, rule: unknown, path: ObjectPath): void {
    // A null item decodes to an empty rule, so it lacks an action and peers.
    if (rule !== null && !this.expectMap(path, rule)) return;
    const fields: PlainObject = rule ?? {};
    if (!isAbsent(fields.name)) this.expectString([...path, 'name'], fields.name);
    this.checkAction(fields.action, path);
    this.checkPeers(direction, fields[PEER_LIST[direction]], path);
    if (!isAbsent(fields.ports) && this.expectList([...path, 'ports'], fields.ports)) {
      fields.ports.forEach((entry, index) => this.checkPort(entry, [...path, 'ports', index]));
    }
  }

  private checkAction(action: unknown, rulePath: ObjectPath): void {
    const allowed = ACTIONS[this.kind];
    const choices = listOf(allowed, 'or');
    if (isAbsent(action)) {
      this.add(action === null ? [...rulePath, 'action'] : rulePath, `the rule needs an action: ${choices}`, 'evaluation-fatal');
      return;
    }
    const path = [...rulePath, 'action'];
    if (!this.expectString(path, action) || allowed.includes(action)) return;
    if (action === 'Pass' && this.kind === BASELINE_ADMIN_NETWORK_POLICY) {
      this.add(path, `a BaselineAdminNetworkPolicy rule cannot Pass: its action must be ${choices}`, 'evaluation-fatal');
      return;
    }
    this.add(path, `action "${action}" is not ${choices} (actions are case-sensitive)`, 'evaluation-fatal');
  }

  private checkPeers(direction: Direction, peers: unknown, rulePath: ObjectPath): void {
    const key = PEER_LIST[direction];
    const path = [...rulePath, key];
    if (isAbsent(peers) || (Array.isArray(peers) && peers.length === 0)) {
      this.add(peers === undefined ? rulePath : path, `${an(direction)} rule needs at least one peer in ${key}`, 'evaluation-fatal');
      return;
    }
    if (!this.expectList(path, peers)) return;
    peers.forEach((peer, index) => this.checkPeer(direction, peer, [...path, index]));
  }

  private checkPeer(direction: Direction, peer: unknown, path: ObjectPath): void {
    if (peer !== null && !this.expectMap(path, peer)) return;
    const fields: PlainObject = peer ?? {};
    const allowed = PEER_FIELDS[direction];
    const set = allowed.filter((field) => !isAbsent(fields[field]));
    if (set.length !== 1) {
      const extra = set.length > 1 ? `, not ${listOf(set, 'and')}` : '';
      this.add(path, `${an(direction)} peer must set exactly one of ${listOf(allowed, 'and')}${extra}`, 'evaluation-fatal');
    }
    if (!isAbsent(fields.namespaces)) this.checkSelector(fields.namespaces, [...path, 'namespaces']);
    if (!isAbsent(fields.pods)) this.checkPodsSelector(fields.pods, [...path, 'pods']);
    if (direction === 'ingress') return;
    if (!isAbsent(fields.nodes)) {
      if (this.checkSelector(fields.nodes, [...path, 'nodes'])) {
        this.add([...path, 'nodes'], 'a nodes peer matches nothing: node addresses are not part of the model', 'warning');
      }
    }
    if (!isAbsent(fields.networks) && this.expectList([...path, 'networks'], fields.networks)) {
      fields.networks.forEach((network, index) => this.checkNetwork(network, [...path, 'networks', index]));
    }
  }

  private checkNetwork(network: unknown, path: ObjectPath): void {
    if (!this.expectString(path, network)) return;
    const problem = cidrSyntaxProblem(network);
    const cidr = parseCidr(network);
    if (cidr && (problem === undefined || problem === 'ipv4-mapped')) {
      if (cidr.kind === 'ipv6') this.add(path, `IPv6 network ${network} is ignored: the connectivity analysis covers IPv4 only`, 'warning');
      return;
    }
    const address = parseAddress(network);
    const hint = address && !network.includes('/') ? `: a network needs a prefix length, as in ${network.trim()}/${address.kind() === 'ipv4' ? 32 : 128}` : ' (a.b.c.d/n or an IPv6 CIDR)';
    this.add(path, `"${network}" is not a CIDR${hint}`, 'load-fatal');
  }

  private checkPort(entry: unknown, path: ObjectPath): void {
    if (entry !== null && !this.expectMap(path, entry)) return;
    const fields: PlainObject = entry ?? {};
    const set = PORT_FIELDS.filter((field) => !isAbsent(fields[field]));
    if (set.length !== 1) {
      const extra = set.length > 1 ? `, not ${listOf(set, 'and')}` : '';
      this.add(path, `a ports entry must set exactly one of ${listOf(PORT_FIELDS, 'and')}${extra}`, 'evaluation-fatal');
    }
    if (!isAbsent(fields.namedPort)) this.expectString([...path, 'namedPort'], fields.namedPort);
    if (!isAbsent(fields.portNumber) && this.expectMap([...path, 'portNumber'], fields.portNumber)) {
      this.checkProtocol(fields.portNumber.protocol, [...path, 'portNumber', 'protocol']);
      if (!isAbsent(fields.portNumber.port)) this.expectInteger([...path, 'portNumber', 'port'], fields.portNumber.port);
    }
    if (!isAbsent(fields.portRange) && this.expectMap([...path, 'portRange'], fields.portRange)) this.checkPortRange(fields.portRange, [...path, 'portRange']);
  }

  private checkProtocol(protocol: unknown, path: ObjectPath): void {
    if (!isAbsent(protocol)) this.expectString(path, protocol);
  }

  private checkPortRange(range: PlainObject, path: ObjectPath): void {
    this.checkProtocol(range.protocol, [...path, 'protocol']);
    const start = this.rangeBound(range, 'start', path);
    const end = this.rangeBound(range, 'end', path);
    if (start !== undefined && end !== undefined && end < start) this.add([...path, 'end'], `portRange end ${end} is below its start ${start}`, 'evaluation-fatal');
  }

  /** A bound in 1..65535, else undefined (reported; an absent bound decodes to 0). */
  private rangeBound(range: PlainObject, bound: 'start' | 'end', rangePath: ObjectPath): number | undefined {
    const value = range[bound];
    const path = [...rangePath, bound];
    if (isAbsent(value)) {
      this.add(value === null ? path : rangePath, `portRange needs ${an(bound)} in ${MIN_PORT}..${MAX_PORT}`, 'evaluation-fatal');
      return undefined;
    }
    if (!this.expectInteger(path, value)) return undefined;
    if (value >= MIN_PORT && value <= MAX_PORT) return value;
    this.add(path, `portRange ${bound} ${value} is outside ${MIN_PORT}..${MAX_PORT}`, 'evaluation-fatal');
    return undefined;
  }

  private checkPodsSelector(pods: unknown, path: ObjectPath): void {
    if (!this.expectMap(path, pods)) return;
    for (const key of ['namespaceSelector', 'podSelector']) {
      if (!isAbsent(pods[key])) this.checkSelector(pods[key], [...path, key]);
    }
  }

  /** Checks a present label selector; true when it is a valid one. */
  private checkSelector(selector: unknown, path: ObjectPath): boolean {
    if (!this.expectMap(path, selector)) return false;
    const before = this.problems.length;
    const { matchLabels, matchExpressions } = selector;
    if (!isAbsent(matchLabels) && this.expectMap([...path, 'matchLabels'], matchLabels)) {
      for (const [key, value] of Object.entries(matchLabels)) {
        const labelPath = [...path, 'matchLabels', key];
        this.checkLabelKey(key, labelPath);
        // A null value decodes to the empty string, which is a valid label value.
        if (value !== null && this.expectString(labelPath, value)) this.checkLabelValue(value, labelPath);
      }
    }
    if (!isAbsent(matchExpressions) && this.expectList([...path, 'matchExpressions'], matchExpressions)) {
      matchExpressions.forEach((expression, index) => this.checkExpression(expression, [...path, 'matchExpressions', index]));
    }
    return this.problems.length === before;
  }

  private checkExpression(expression: unknown, path: ObjectPath): void {
    if (!this.expectMap(path, expression)) return;
    const { key, operator, values } = expression;
    if (isAbsent(key)) this.add(path, 'a match expression needs a key', 'evaluation-fatal');
    else if (this.expectString([...path, 'key'], key)) this.checkLabelKey(key, [...path, 'key']);
    const texts = isAbsent(values) ? [] : this.expectList([...path, 'values'], values) ? values : undefined;
    texts?.forEach((value, index) => {
      if (this.expectString([...path, 'values', index], value)) this.checkLabelValue(value, [...path, 'values', index]);
    });
    if (isAbsent(operator)) {
      this.add(path, `a match expression needs an operator: ${listOf(OPERATORS, 'or')}`, 'evaluation-fatal');
      return;
    }
    const operatorPath = [...path, 'operator'];
    if (!this.expectString(operatorPath, operator)) return;
    if (!OPERATORS.includes(operator)) {
      this.add(operatorPath, `unknown operator "${operator}": it must be ${listOf(OPERATORS, 'or')} (operators are case-sensitive)`, 'evaluation-fatal');
      return;
    }
    if (texts === undefined) return;
    const needsValues = operator === 'In' || operator === 'NotIn';
    if (needsValues && texts.length === 0) this.add(isAbsent(values) ? operatorPath : [...path, 'values'], `${operator} needs at least one value`, 'evaluation-fatal');
    if (!needsValues && texts.length > 0) this.add([...path, 'values'], `${operator} takes no values`, 'evaluation-fatal');
  }

  private checkLabelKey(key: string, path: ObjectPath): void {
    if (!isValidLabelKey(key)) this.add(path, `"${key}" is not a valid label key (${LABEL_KEY_SYNTAX})`, 'evaluation-fatal');
  }

  private checkLabelValue(value: string, path: ObjectPath): void {
    if (!isValidLabelValue(value)) this.add(path, `"${value}" is not a valid label value (${LABEL_VALUE_SYNTAX})`, 'evaluation-fatal');
  }

  private expectMap(path: ObjectPath, value: unknown): value is PlainObject {
    return this.expect(path, value, isPlainObject(value), 'a map');
  }

  private expectList(path: ObjectPath, value: unknown): value is unknown[] {
    return this.expect(path, value, Array.isArray(value), 'a list');
  }

  private expectString(path: ObjectPath, value: unknown): value is string {
    return this.expect(path, value, typeof value === 'string', 'text');
  }

  private expectInteger(path: ObjectPath, value: unknown): value is number {
    return this.expect(path, value, isInteger(value), 'a whole number');
  }

  private expect(path: ObjectPath, value: unknown, ok: boolean, expected: string): boolean {
    if (!ok) this.add(path, `${fieldName(path)} must be ${expected}, not ${describeValue(value)}`, 'type-error');
    return ok;
  }

  private add(path: ObjectPath, message: string, kind: AdminPolicyProblemKind): void {
    this.problems.push({ path, message, kind });
  }
}

/** Null decodes like an absent field (§1). */
function isAbsent(value: unknown): value is null | undefined {
  return value === null || value === undefined;
}

function isInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= -INT32 && value < INT32;
}

/** "priority", "the value of label app", "an entry of from". */
function fieldName(path: ObjectPath): string {
  const last = path.at(-1);
  const parent = path.at(-2);
  if (typeof last === 'number') return `an entry of ${String(parent)}`;
  if (parent === 'matchLabels') return `the value of label ${last}`;
  return String(last);
}

function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (isPlainObject(value)) return 'a map';
  if (typeof value === 'string') return `the text "${value}"`;
  return `the ${typeof value} ${String(value)}`;
}

function listOf(names: readonly string[], conjunction: 'and' | 'or'): string {
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} ${conjunction} ${names.at(-1)}`;
}

function an(word: string): string {
  return `${/^[aeiou]/.test(word) ? 'an' : 'a'} ${word}`;
}
