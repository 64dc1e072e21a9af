import { isPlainObject, type KubeObject, type PlainObject } from '../../manifest/kube-object';
import type { ObjectPath } from '../../manifest/yaml-path';
import { isWholeInternet, parseCidr } from '../../net/cidr';
import type { ObjectRule, Report } from '../rule';

// Entities that include every address outside the cluster ("all" adds every cluster endpoint too).
const WORLD_ENTITIES: Record<string, string> = {
  world: 'any address outside the cluster',
  'world-ipv4': 'any IPv4 address outside the cluster',
  'world-ipv6': 'any IPv6 address outside the cluster',
  all: 'every endpoint of the cluster and any address outside it',
};

/** Allow rules only: `ingressDeny` and `egressDeny` with the same peers deny, which is the safe side. */
const DIRECTIONS = [
  { key: 'ingress', deny: 'ingressDeny', label: 'Ingress', entities: 'fromEntities', cidrs: 'fromCIDR', cidrSets: 'fromCIDRSet', fqdns: undefined },
  { key: 'egress', deny: 'egressDeny', label: 'Egress', entities: 'toEntities', cidrs: 'toCIDR', cidrSets: 'toCIDRSet', fqdns: 'toFQDNs' },
] as const;

export const ciliumAllowWorld: ObjectRule = {
  id: 'cilium-allow-world',
  title: 'Cilium policy allows traffic to or from the whole internet',
  severity: 'warning',
  category: 'cni-policy',
  scope: 'object',
  explanation:
    'In a CiliumNetworkPolicy or CiliumClusterwideNetworkPolicy, the `world` entity (and `all`, which includes it) ' +
    'and the CIDRs `0.0.0.0/0` and `::/0` match every address outside the cluster. In an ingress rule they let ' +
    'anyone on the internet connect to the selected endpoints (or nodes, for host policies) on the allowed ports; in ' +
    'an egress rule they let the endpoints reach any external address, which is how data leaves a compromised pod. ' +
    'A `toFQDNs` pattern of `"*"` does the same for every name the endpoint resolves.',
  remediation:
    'Name the peers instead: `fromEndpoints`/`toEndpoints` for cluster workloads, `fromCIDRSet`/`toCIDRSet` with ' +
    'the narrow ranges that need access, or `toFQDNs` with the external names the workload really calls. Restrict the ' +
    'remaining world rules with `toPorts`.',
  references: [
    'https://docs.cilium.io/en/stable/security/policy/language/#entities-based',
    'https://docs.cilium.io/en/stable/security/policy/language/#ip-cidr-based',
    'https://docs.cilium.io/en/stable/security/policy/language/#dns-based',
  ],
  examples: {
    insecure: `apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata:
  name: api
  namespace: shop
spec:
  endpointSelector:
    matchLabels: {app: api}
  ingress:
    - fromEntities:
        - world
      toPorts:
        - ports:
            - port: "8080"
              protocol: TCP
`,
    fixed: `apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata:
  name: api
  namespace: shop
spec:
  endpointSelector:
    matchLabels: {app: api}
  ingress:
    - fromEndpoints:
        - matchLabels: {app: frontend}
      toPorts:
        - ports:
            - port: "8080"
              protocol: TCP
`,
  },
  *check(object) {
    for (const { path, spec } of ciliumSpecsOf(object)) {
      for (const direction of DIRECTIONS) {
        const rules = spec[direction.key];
        // Deny rules win over allow rules: "all" allowed with "world" denied on every port is cluster-only.
        if (!Array.isArray(rules) || deniesWorldOnAllPorts(spec[direction.deny], direction.entities)) continue;
        for (const [index, rule] of rules.entries()) {
          if (!isPlainObject(rule)) continue;
          const where = path[0] === 'specs' ? ` of specs[${String(path[1])}]` : '';
          yield* worldPeers(object, [...path, direction.key, index], rule, direction, `${direction.label} rule ${index}${where}`);
        }
      }
    }
  },
};

/** The policy specs of a Cilium policy: `spec`, and every item of `specs`. */
function ciliumSpecsOf(object: KubeObject): { path: ObjectPath; spec: PlainObject }[] {
  if (object.kind !== 'CiliumNetworkPolicy' && object.kind !== 'CiliumClusterwideNetworkPolicy') return [];
  if (object.apiGroup !== undefined && object.apiGroup !== 'cilium.io') return [];
  const specs: { path: ObjectPath; spec: PlainObject }[] = [];
  const spec = object.get(['spec']);
  if (isPlainObject(spec)) specs.push({ path: ['spec'], spec });
  const list = object.get(['specs']);
  if (Array.isArray(list)) list.forEach((item: unknown, index) => isPlainObject(item) && specs.push({ path: ['specs', index], spec: item }));
  return specs;
}

function* worldPeers(object: KubeObject, path: ObjectPath, rule: PlainObject, direction: (typeof DIRECTIONS)[number], label: string): Iterable<Report> {
  const ingress = direction.key === 'ingress';
  const ports = describeToPorts(rule.toPorts);
  const consequence = (peer: string) =>
    ingress ? `${peer} can connect to the selected endpoints (${ports})` : `the selected endpoints can connect to ${peer} (${ports})`;

  for (const [index, entity] of listOf(rule[direction.entities])) {
    const reach = typeof entity === 'string' ? WORLD_ENTITIES[entity.trim().toLowerCase()] : undefined;
    if (!reach) continue;
    yield { message: `${label} allows the "${String(entity)}" entity: ${consequence(reach)}.`, range: object.rangeOf([...path, direction.entities, index]) };
  }
  for (const [index, cidr] of listOf(rule[direction.cidrs])) {
    if (!isWholeInternetText(cidr)) continue;
    yield { message: `${label} allows ${String(cidr)}: ${consequence(addressesOf(String(cidr)))}.`, range: object.rangeOf([...path, direction.cidrs, index]) };
  }
  for (const [index, set] of listOf(rule[direction.cidrSets])) {
    if (!isPlainObject(set) || !isWholeInternetText(set.cidr)) continue;
    // Carving out private ranges with `except` still leaves the whole internet.
    const except = Array.isArray(set.except) && set.except.length > 0 ? ` (except ${set.except.length} range${set.except.length === 1 ? '' : 's'})` : '';
    yield {
      message: `${label} allows ${String(set.cidr)}${except}: ${consequence(addressesOf(String(set.cidr)))}.`,
      range: object.rangeOf([...path, direction.cidrSets, index, 'cidr']),
    };
  }
  if (!direction.fqdns) return;
  for (const [index, fqdn] of listOf(rule[direction.fqdns])) {
    if (!isPlainObject(fqdn) || typeof fqdn.matchPattern !== 'string' || fqdn.matchPattern.trim() !== '*') continue;
    yield {
      message: `${label} allows toFQDNs matchPattern "*": ${consequence('any host name they resolve')}.`,
      range: object.rangeOf([...path, direction.fqdns, index, 'matchPattern']),
    };
  }
}

function deniesWorldOnAllPorts(denyRules: unknown, entitiesKey: string): boolean {
  if (!Array.isArray(denyRules)) return false;
  return denyRules.some(
    (rule) =>
      isPlainObject(rule) &&
      !(Array.isArray(rule.toPorts) && rule.toPorts.length > 0) &&
      listOf(rule[entitiesKey]).some(([, entity]) => typeof entity === 'string' && ['world', 'all'].includes(entity.trim().toLowerCase())),
  );
}

function listOf(value: unknown): [number, unknown][] {
  return Array.isArray(value) ? [...value.entries()] : [];
}

function isWholeInternetText(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const cidr = parseCidr(value);
  return cidr !== undefined && isWholeInternet(cidr);
}

function addressesOf(cidr: string): string {
  return cidr.includes(':') ? 'any IPv6 address' : 'any IPv4 address';
}

/** "TCP 80, ANY 53" for a rule's `toPorts`, or "all ports" when absent. */
function describeToPorts(toPorts: unknown): string {
  if (!Array.isArray(toPorts) || toPorts.length === 0) return 'all ports';
  const ports: string[] = [];
  for (const entry of toPorts) {
    if (!isPlainObject(entry) || !Array.isArray(entry.ports) || entry.ports.length === 0) return 'all ports';
    for (const port of entry.ports) {
      if (!isPlainObject(port)) continue;
      const protocol = typeof port.protocol === 'string' ? port.protocol.toUpperCase() : 'ANY';
      const end = port.endPort !== undefined && port.endPort !== null ? `-${String(port.endPort)}` : '';
      const number = port.port === undefined || port.port === null || String(port.port) === '0' ? 'all ports' : `${String(port.port)}${end}`;
      ports.push(`${protocol} ${number}`);
    }
  }
  return ports.length > 0 ? ports.join(', ') : 'all ports';
}
