import { isPlainObject, type KubeObject } from '../../manifest/kube-object';
import { describeRulePorts, PEERS_KEY, rulePortsAllow, type PolicyRule } from '../../policy/network-policy';
import type { Report } from '../rule';

const EVERY_PEER = 'all pods in all namespaces and any external address';

/**
 * Reports an ingress or egress rule that matches every peer: empty (`{}`), without `from`/`to`, or with
 * an empty `from: []`/`to: []`. Shared by netpol-allow-all-ingress and netpol-allow-all-egress.
 */
export function openRuleReport(object: KubeObject, rule: PolicyRule): Report | undefined {
  const fields = rule.fields;
  if (!fields) return undefined;
  const key = PEERS_KEY[rule.direction];
  const peers = fields[key];
  const ports = describeRulePorts(fields.ports);
  const dns = rule.direction === 'Egress' && allowsDnsOnly(fields.ports);
  const everyone = rule.direction === 'Ingress' ? `admits every source: ${EVERY_PEER}` : dns ? `allows DNS (port 53) to any destination: ${DNS_ANYWHERE}` : `allows every destination: ${everyDestination(rule)}`;
  // DNS anywhere is the common "allow DNS" rule: milder than all egress, but worth knowing.
  const severity = dns ? ({ severity: 'info' } as const) : {};
  const kind = rule.direction === 'Ingress' ? 'ingress' : 'egress';
  if (Array.isArray(peers) && peers.length === 0) {
    return { message: `\`${key}: []\` is empty, so this rule ${everyone} (${ports}).`, range: object.rangeOf([...rule.path, key]), ...severity };
  }
  if (peers !== undefined && peers !== null) return undefined;
  const keys = Object.keys(fields);
  if (keys.length === 0) {
    return { message: `This ${kind} rule is empty, so it ${everyone} on all ports.`, range: object.rangeOf(rule.path, 'value') };
  }
  // The rule itself is the problem; its first key is where it starts on screen.
  return {
    message: `This ${kind} rule has no \`${key}\`, so it ${everyone} (${ports}).`,
    range: object.rangeOf([...rule.path, keys[0]], 'key'),
    ...severity,
  };
}

const DNS_ANYWHERE = 'any resolver on the internet as well as the cluster DNS, and DNS queries to any server can carry data out of the cluster';

/** Whether every `ports` entry is port 53 over UDP or TCP: the rule allows DNS and nothing else. */
function allowsDnsOnly(ports: unknown): boolean {
  if (!Array.isArray(ports) || ports.length === 0) return false;
  return ports.every(
    (entry) =>
      isPlainObject(entry) &&
      entry.port === 53 &&
      (entry.endPort === undefined || entry.endPort === null || entry.endPort === 53) &&
      (entry.protocol === undefined || entry.protocol === null || entry.protocol === 'UDP' || entry.protocol === 'TCP'),
  );
}

// An open egress rule also reaches the cloud metadata service (HTTP on port 80): say so here rather
// than in a second finding from netpol-metadata-egress, which only looks at ipBlocks.
function everyDestination(rule: PolicyRule): string {
  return rulePortsAllow(rule, 'TCP', 80)
    ? 'all pods in all namespaces, any external address and the cloud metadata service at 169.254.169.254'
    : EVERY_PEER;
}
