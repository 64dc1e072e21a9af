import { isPlainObject, type KubeObject, type PlainObject } from '../../manifest/kube-object';
import type { ObjectPath } from '../../manifest/yaml-path';
import { isWholeInternet, parseCidr } from '../../net/cidr';
import type { ObjectRule, Report } from '../rule';
import { customResourceSpecOf } from './custom-resource';

const CALICO_GROUPS = ['projectcalico.org', 'crd.projectcalico.org'];

// Fields of a Calico entity rule that narrow which peers match. `ports` and `notPorts` narrow the
// ports, not the peers, so a rule with only those still admits every address.
const PEER_RESTRICTIONS = ['nets', 'notNets', 'selector', 'notSelector', 'namespaceSelector', 'serviceAccounts', 'services'] as const;

// Ingress rules are open when the source is; egress rules when the destination is.
const DIRECTIONS = [
  { key: 'ingress', type: 'Ingress', peer: 'source', label: 'Ingress', allows: (peers: string) => `${peers} to connect` },
  { key: 'egress', type: 'Egress', peer: 'destination', label: 'Egress', allows: (peers: string) => `connections to ${peers}` },
] as const;

export const calicoAllowAll: ObjectRule = {
  id: 'calico-allow-all',
  title: 'Calico policy rule allows every source or destination',
  severity: 'warning',
  category: 'cni-policy',
  scope: 'object',
  explanation:
    'A Calico NetworkPolicy or GlobalNetworkPolicy rule with `action: Allow` matches every peer when its `source` ' +
    '(for ingress) or `destination` (for egress) has no `nets`, `selector`, `namespaceSelector`, `serviceAccounts`, ' +
    '`services` or their negations, or when its only restriction is `nets: [0.0.0.0/0]` (or `::/0`). Such a rule ' +
    'allows every workload, every host and every external address, on the rule\'s ports, and because Calico stops at ' +
    'the first matching rule, later Deny rules and lower-order policies never see that traffic.',
  remediation:
    'Name the peers: a `selector` (with a `namespaceSelector` for other namespaces) for workloads, `serviceAccounts` ' +
    'for identities, or `nets` / a NetworkSet selector with the narrow ranges that need access. Keep wide rules for ' +
    'what really needs them (DNS to the cluster resolvers, for example) and restrict them by protocol and port.',
  references: [
    'https://docs.tigera.io/calico/latest/reference/resources/networkpolicy#rule',
    'https://docs.tigera.io/calico/latest/reference/resources/globalnetworkpolicy#entityrule',
    'https://docs.tigera.io/calico/latest/network-policy/get-started/calico-policy/calico-network-policy',
  ],
  examples: {
    insecure: `apiVersion: projectcalico.org/v3
kind: NetworkPolicy
metadata:
  name: allow-api
  namespace: shop
spec:
  selector: app == 'api'
  types: [Ingress]
  ingress:
    - action: Allow
      protocol: TCP
      destination:
        ports: [8080]
`,
    fixed: `apiVersion: projectcalico.org/v3
kind: NetworkPolicy
metadata:
  name: allow-api
  namespace: shop
spec:
  selector: app == 'api'
  types: [Ingress]
  ingress:
    - action: Allow
      protocol: TCP
      source:
        selector: app == 'frontend'
      destination:
        ports: [8080]
`,
  },
  *check(object) {
    const spec = customResourceSpecOf(object, ['NetworkPolicy', 'GlobalNetworkPolicy'], CALICO_GROUPS);
    // A core NetworkPolicy has no apiVersion here only in a sloppy manifest; its rules have no `action` anyway.
    if (!spec) return;
    for (const direction of DIRECTIONS) {
      if (Array.isArray(spec.types) && !spec.types.includes(direction.type)) continue;
      const rules = spec[direction.key];
      if (!Array.isArray(rules)) continue;
      for (const [index, rule] of rules.entries()) {
        if (!isPlainObject(rule) || typeof rule.action !== 'string' || rule.action.trim().toLowerCase() !== 'allow') continue;
        const report = openPeer(object, ['spec', direction.key, index], rule, direction, `${direction.label} rule ${index}`);
        if (report) yield report;
      }
    }
  },
};

function openPeer(object: KubeObject, path: ObjectPath, rule: PlainObject, direction: (typeof DIRECTIONS)[number], label: string): Report | undefined {
  const peer = isPlainObject(rule[direction.peer]) ? (rule[direction.peer] as PlainObject) : {};
  const ports = describePorts(rule);
  const restrictions = PEER_RESTRICTIONS.filter((field) => isSet(peer[field]));
  if (restrictions.length === 0) {
    return {
      message: `${label} has no ${direction.peer} restriction, so it allows ${direction.allows('every workload, host and external address')} (${ports}).`,
      range: object.rangeOf([...path, 'action']),
    };
  }
  if (restrictions.length !== 1 || restrictions[0] !== 'nets' || !Array.isArray(peer.nets)) return undefined;
  const index = peer.nets.findIndex((net) => typeof net === 'string' && isWholeInternetCidr(net));
  if (index === -1) return undefined;
  const net = String(peer.nets[index]);
  const reach = net.includes(':') ? 'every IPv6 address' : 'every IPv4 address';
  return {
    message: `${label} allows ${direction.peer} nets ${net}, which covers ${reach} inside or outside the cluster (${ports}).`,
    range: object.rangeOf([...path, direction.peer, 'nets', index]),
  };
}

// Calico treats empty strings, lists and maps as "not set".
function isSet(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  if (isPlainObject(value)) return Object.values(value).some(isSet);
  return true;
}

function isWholeInternetCidr(text: string): boolean {
  const cidr = parseCidr(text);
  return cidr !== undefined && isWholeInternet(cidr);
}

/** "TCP ports 80, 443", "all UDP ports", "all ports" for a rule's protocol and destination ports. */
function describePorts(rule: PlainObject): string {
  const protocol = typeof rule.protocol === 'string' || typeof rule.protocol === 'number' ? String(rule.protocol).toUpperCase() : undefined;
  const destination = isPlainObject(rule.destination) ? rule.destination : {};
  const ports = Array.isArray(destination.ports) ? destination.ports.map(String) : [];
  if (ports.length === 0) return protocol ? `all ${protocol} ports` : 'all ports';
  return `${protocol ? `${protocol} ` : ''}port${ports.length === 1 ? '' : 's'} ${ports.join(', ')}`;
}
