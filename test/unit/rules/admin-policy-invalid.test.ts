import { adminPolicyInvalid } from '../../../server/src/engine/rules/policy/admin-policy-invalid';
import { testRule } from '../rule-tester';

const REJECTED = 'The API server rejects this object; `kube-netsec connectivity` stops with this error.';

/** An AdminNetworkPolicy (line 1) whose spec starts on line 5. */
function anp(spec: string, name = 'guard', kind = 'AdminNetworkPolicy'): string {
  return `apiVersion: policy.networking.k8s.io/v1alpha1\nkind: ${kind}\nmetadata:\n  name: ${name}\n${spec}`;
}

const SUBJECT = 'spec:\n  priority: 5\n  subject:\n    namespaces: {}\n';

testRule(adminPolicyInvalid, {
  valid: [
    {
      name: 'a valid AdminNetworkPolicy',
      code: anp(`${SUBJECT}  egress:\n    - action: Deny\n      to:\n        - networks: [10.1.2.3/8]\n      ports:\n        - portRange: {start: 80, end: 80}\n`),
    },
    { name: 'a valid BaselineAdminNetworkPolicy named default', code: anp('spec:\n  subject:\n    pods: {podSelector: {}}\n  ingress:\n    - action: Allow\n      from: [{namespaces: {}}]\n', 'default', 'BaselineAdminNetworkPolicy') },
    { name: 'a v1alpha2 ClusterNetworkPolicy is another kind', code: anp('spec:\n  tier: Admin\n  priority: 5000\n', 'guard', 'ClusterNetworkPolicy') },
  ],
  invalid: [
    {
      name: 'a priority outside 0..1000, on its value',
      code: anp('spec:\n  priority: 1001\n  subject:\n    namespaces: {}\n'),
      findings: [{ line: 6, column: 13, endLine: 6, endColumn: 17, severity: 'error', message: `Priority 1001 is outside 0..1000. ${REJECTED}` }],
    },
    {
      name: 'a baseline policy not named default, on the name',
      code: anp('spec:\n  subject:\n    namespaces: {}\n', 'baseline', 'BaselineAdminNetworkPolicy'),
      findings: [{ line: 4, column: 9, endLine: 4, endColumn: 17, message: `A BaselineAdminNetworkPolicy must be named default, not "baseline". ${REJECTED}` }],
    },
    {
      name: 'no subject, on the spec key',
      code: anp('spec:\n  priority: 5\n'),
      findings: [{ line: 5, column: 1, endLine: 5, endColumn: 5, message: `Subject must set exactly one of namespaces and pods. ${REJECTED}` }],
    },
    {
      name: 'a subject with both fields, on its key',
      code: anp('spec:\n  subject:\n    namespaces: {}\n    pods: {}\n'),
      findings: [{ line: 6, column: 3, endLine: 6, endColumn: 10, message: `Subject must set exactly one of namespaces and pods, not both. ${REJECTED}` }],
    },
    {
      name: 'a rule without an action, on the rule',
      code: anp(`${SUBJECT}  ingress:\n    - name: r\n      from: [{pods: {}}]\n`),
      findings: [{ line: 10, column: 7, endLine: 11, endColumn: 25, message: `The rule needs an action: Allow, Deny or Pass. ${REJECTED}` }],
    },
    {
      name: 'an action in the wrong case, on its value',
      code: anp(`${SUBJECT}  ingress:\n    - action: allow\n      from: [{pods: {}}]\n`),
      findings: [{ line: 10, column: 15, endLine: 10, endColumn: 20, message: `Action "allow" is not Allow, Deny or Pass (actions are case-sensitive). ${REJECTED}` }],
    },
    {
      name: 'an egress peer with two fields, on the peer',
      code: anp(`${SUBJECT}  egress:\n    - action: Allow\n      to:\n        - namespaces: {}\n          networks: [10.0.0.0/8]\n`),
      findings: [
        {
          line: 12,
          column: 11,
          endLine: 13,
          endColumn: 33,
          message: `An egress peer must set exactly one of namespaces, pods, nodes and networks, not namespaces and networks. ${REJECTED}`,
        },
      ],
    },
    {
      name: 'an address without a prefix length in networks, on the entry',
      code: anp(`${SUBJECT}  egress:\n    - action: Deny\n      to:\n        - networks: [8.8.8.8]\n`),
      findings: [{ line: 12, column: 22, endLine: 12, endColumn: 29, message: `"8.8.8.8" is not a CIDR: a network needs a prefix length, as in 8.8.8.8/32. ${REJECTED}` }],
    },
    {
      name: 'a reversed port range, on its end',
      code: anp(`${SUBJECT}  ingress:\n    - action: Allow\n      from: [{pods: {}}]\n      ports:\n        - portRange: {start: 90, end: 80}\n`),
      findings: [{ line: 13, column: 39, endLine: 13, endColumn: 41, message: `PortRange end 80 is below its start 90. ${REJECTED}` }],
    },
    {
      name: 'an unknown selector operator, on its value',
      code: anp('spec:\n  subject:\n    namespaces:\n      matchExpressions: [{key: team, operator: in, values: [a]}]\n'),
      findings: [
        {
          line: 8,
          column: 48,
          endLine: 8,
          endColumn: 50,
          message: `Unknown operator "in": it must be In, NotIn, Exists or DoesNotExist (operators are case-sensitive). ${REJECTED}`,
        },
      ],
    },
    {
      name: 'a field of the wrong type: the object is left out',
      code: anp('spec:\n  priority: "5"\n  subject:\n    namespaces: {}\n'),
      findings: [{ line: 6, column: 13, endLine: 6, endColumn: 16, message: 'Priority must be a whole number, not the text "5". The API server rejects this object; `kube-netsec connectivity` leaves it out.' }],
    },
    {
      name: 'a nodes peer and an IPv6 network are infos: the cluster applies them',
      code: anp(`${SUBJECT}  egress:\n    - action: Allow\n      to:\n        - nodes: {}\n        - networks: [fd00::/8]\n`),
      findings: [
        {
          line: 12,
          column: 11,
          endLine: 12,
          endColumn: 16,
          severity: 'info',
          message: 'A nodes peer matches nothing: node addresses are not part of the model. The cluster applies it as written; only the connectivity map of `kube-netsec connectivity` leaves it out.',
        },
        {
          line: 13,
          column: 22,
          endLine: 13,
          endColumn: 30,
          severity: 'info',
          message: 'IPv6 network fd00::/8 is ignored: the connectivity analysis covers IPv4 only. The cluster applies it as written; only the connectivity map of `kube-netsec connectivity` leaves it out.',
        },
      ],
    },
  ],
});
