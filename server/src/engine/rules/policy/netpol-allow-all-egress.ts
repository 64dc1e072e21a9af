import { affectsDirection, networkPolicySpecOf, policyRulesOf } from '../../policy/network-policy';
import type { ObjectRule } from '../rule';
import { openRuleReport } from './open-rule';

export const netpolAllowAllEgress: ObjectRule = {
  id: 'netpol-allow-all-egress',
  title: 'NetworkPolicy egress rule allows every destination',
  severity: 'warning',
  category: 'network-policy',
  scope: 'object',
  explanation:
    'An egress rule matches a connection when any of its `to` peers matches the destination. A rule that is empty ' +
    '(`{}`), has no `to`, or has an empty `to: []` matches every destination: all pods in all namespaces, every ' +
    'external address and the cloud metadata service (169.254.169.254), which hands out the node\'s cloud ' +
    "credentials. A policy that looks like egress isolation then lets the selected pods connect anywhere on the rule's " +
    'ports, which is how a compromised pod exfiltrates data or moves laterally. The rule only reports policies whose ' +
    'egress applies (`policyTypes` includes Egress, or egress rules without `policyTypes`). A rule open to every ' +
    'destination but only on port 53 (UDP or TCP) is the common "allow DNS" rule: it is reported as info, since it ' +
    'lets pods use any resolver on the internet instead of the cluster DNS, and DNS queries to a server an attacker ' +
    'runs are a well-known way to carry data out (DNS tunnelling) past egress rules that block everything else; ' +
    'netpol-metadata-egress reports explicit `ipBlock`s that reach the metadata service.',
  remediation:
    'List the allowed destinations in `to`: a `podSelector` for pods of the same namespace, a `namespaceSelector` ' +
    '(with a `podSelector` in the same entry to narrow it) for other namespaces, or an `ipBlock` for external ' +
    'addresses, with `except: [169.254.169.254/32]` when the block contains the metadata address. For DNS, allow ' +
    'port 53 to the cluster DNS pods only (a `namespaceSelector` for kube-system with a `podSelector` for ' +
    '`k8s-app: kube-dns`). To deny all egress, use `egress: []` with `policyTypes: [Egress]`.',
  references: [
    'https://kubernetes.io/docs/concepts/services-networking/network-policies/#behavior-of-to-and-from-selectors',
    'https://kubernetes.io/docs/concepts/services-networking/network-policies/#allow-all-egress-traffic',
    'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/instancedata-data-retrieval.html',
    'https://attack.mitre.org/techniques/T1071/004/',
  ],
  examples: {
    insecure: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: api-egress
  namespace: shop
spec:
  podSelector:
    matchLabels: {app: api}
  policyTypes: [Egress]
  egress:
    - ports:
        - port: 5432
`,
    fixed: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: api-egress
  namespace: shop
spec:
  podSelector:
    matchLabels: {app: api}
  policyTypes: [Egress]
  egress:
    - to:
        - podSelector:
            matchLabels: {app: db}
      ports:
        - port: 5432
`,
  },
  *check(object) {
    const spec = networkPolicySpecOf(object);
    if (!spec || !affectsDirection(spec, 'Egress')) return;
    for (const rule of policyRulesOf(spec, 'Egress')) {
      const report = openRuleReport(object, rule);
      if (report) yield report;
    }
  },
};
