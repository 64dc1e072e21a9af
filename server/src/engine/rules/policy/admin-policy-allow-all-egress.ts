import { isPlainObject, type KubeObject } from '../../manifest/kube-object';
import type { ObjectPath } from '../../manifest/yaml-path';
import { isWholeInternet, parseStrictCidr } from '../../net/cidr';
import { ADMIN_NETWORK_POLICY } from '../../policy/admin-policy-validation';
import type { ObjectRule } from '../rule';

export const adminPolicyAllowAllEgress: ObjectRule = {
  id: 'admin-policy-allow-all-egress',
  title: 'AdminNetworkPolicy allows egress to every address',
  severity: 'warning',
  category: 'network-policy',
  scope: 'object',
  explanation:
    'An AdminNetworkPolicy egress rule with `action: Allow` toward `networks: [0.0.0.0/0]` (or `::/0`, or any ' +
    'other `/0`) lets the pods of its subject connect to every address of that family, and AdminNetworkPolicy ' +
    'rules come before every NetworkPolicy and the BaselineAdminNetworkPolicy: no namespace owner can restrict ' +
    'that traffic any more, and an egress default deny in the subject\'s namespaces stops nothing. The API says ' +
    'that `networks` also match cluster-internal traffic, so `0.0.0.0/0` allows egress to every IPv4 pod and ' +
    'node as well, not only to the internet. (`kube-netsec connectivity` follows the reference analyzer, where ' +
    '`networks` match external addresses only.)\n\n' +
    'Only `Allow` is reported: a `Deny` toward `0.0.0.0/0` is the usual guardrail, and a `Pass` leaves the ' +
    'decision to the NetworkPolicies.',
  remediation:
    'Allow the networks the subject really needs (a partner range, a managed database, a proxy) and leave the ' +
    'rest to the namespaces\' NetworkPolicies with `action: Pass`, or restrict the rule to the ports in use. If ' +
    'the point is "do not block the internet", `Pass` toward `0.0.0.0/0` keeps NetworkPolicies in charge.',
  references: [
    'https://network-policy-api.sigs.k8s.io/reference/spec/',
    'https://network-policy-api.sigs.k8s.io/api-overview/',
  ],
  examples: {
    insecure: `apiVersion: policy.networking.k8s.io/v1alpha1
kind: AdminNetworkPolicy
metadata:
  name: egress-for-builds
spec:
  priority: 20
  subject:
    namespaces:
      matchLabels: {team: ci}
  egress:
    - name: allow-internet
      action: Allow
      to:
        - networks: [0.0.0.0/0]
`,
    fixed: `apiVersion: policy.networking.k8s.io/v1alpha1
kind: AdminNetworkPolicy
metadata:
  name: egress-for-builds
spec:
  priority: 20
  subject:
    namespaces:
      matchLabels: {team: ci}
  egress:
    - name: allow-package-mirror
      action: Allow
      to:
        - networks: [203.0.113.0/24]
      ports:
        - portNumber: {protocol: TCP, port: 443}
`,
  },
  *check(object) {
    if (object.kind !== ADMIN_NETWORK_POLICY) return;
    for (const { path, text, rule } of wholeFamilyNetworks(object)) {
      const family = text.includes(':') ? 'IPv6' : 'IPv4';
      yield {
        message:
          `\`${text}\` lets the pods of this policy's subject connect to every ${family} address (${describePorts(rule.ports)}), pods and nodes of the cluster included, ` +
          'above every NetworkPolicy and the BaselineAdminNetworkPolicy: no namespace can restrict it.',
        range: object.rangeOf(path, 'value'),
        path,
      };
    }
  },
};

/** The `/0` entries of `networks` peers in the egress rules whose action is exactly `Allow` (actions are case-sensitive). */
function wholeFamilyNetworks(object: KubeObject): { path: ObjectPath; text: string; rule: Record<string, unknown> }[] {
  const rules = object.get(['spec', 'egress']);
  if (!Array.isArray(rules)) return [];
  return rules.flatMap((rule, ruleIndex) => {
    if (!isPlainObject(rule) || rule.action !== 'Allow' || !Array.isArray(rule.to)) return [];
    // \`ports: []\` matches nothing (and the API server refuses it): such a rule allows nothing.
    if (Array.isArray(rule.ports) && rule.ports.length === 0) return [];
    return rule.to.flatMap((peer, peerIndex) => {
      if (!isPlainObject(peer) || !Array.isArray(peer.networks)) return [];
      return peer.networks.flatMap((text, index) => {
        const cidr = typeof text === 'string' ? parseStrictCidr(text) : undefined;
        if (!cidr || !isWholeInternet(cidr)) return [];
        return [{ path: ['spec', 'egress', ruleIndex, 'to', peerIndex, 'networks', index], text: text as string, rule }];
      });
    });
  });
}

/** "all ports", or "TCP 443, UDP 53, TCP 8000-8080, port http" for an admin rule's `ports`. */
function describePorts(ports: unknown): string {
  if (!Array.isArray(ports)) return 'all ports';
  return ports
    .map((entry) => {
      if (!isPlainObject(entry)) return 'an invalid entry';
      if (typeof entry.namedPort === 'string') return `port ${entry.namedPort}`;
      const number = isPlainObject(entry.portNumber) ? entry.portNumber : undefined;
      if (number) return `${typeof number.protocol === 'string' ? number.protocol : 'TCP'} ${String(number.port)}`;
      const range = isPlainObject(entry.portRange) ? entry.portRange : undefined;
      if (range) return `${typeof range.protocol === 'string' ? range.protocol : 'TCP'} ${String(range.start)}-${String(range.end)}`;
      return 'an invalid entry';
    })
    .join(', ');
}
