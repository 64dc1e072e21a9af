import { adminPolicyAllowAllEgress } from '../../../server/src/engine/rules/policy/admin-policy-allow-all-egress';
import { testRule } from '../rule-tester';

/** An AdminNetworkPolicy whose egress rules start on line 10. */
function anp(egress: string, kind = 'AdminNetworkPolicy'): string {
  return `apiVersion: policy.networking.k8s.io/v1alpha1\nkind: ${kind}\nmetadata:\n  name: egress\nspec:\n  priority: 5\n  subject:\n    namespaces: {}\n  egress:\n${egress}`;
}

const EVERY = 'pods and nodes of the cluster included, above every NetworkPolicy and the BaselineAdminNetworkPolicy: no namespace can restrict it.';

testRule(adminPolicyAllowAllEgress, {
  valid: [
    { name: 'a narrower network', code: anp('    - action: Allow\n      to:\n        - networks: [203.0.113.0/24]\n') },
    { name: 'Deny toward 0.0.0.0/0 is the usual guardrail', code: anp('    - action: Deny\n      to:\n        - networks: [0.0.0.0/0]\n') },
    { name: 'Pass leaves the decision to NetworkPolicies', code: anp('    - action: Pass\n      to:\n        - networks: [0.0.0.0/0]\n') },
    { name: 'an action in the wrong case is no Allow (admin-policy-invalid reports it)', code: anp('    - action: allow\n      to:\n        - networks: [0.0.0.0/0]\n') },
    { name: 'ports: [] matches nothing', code: anp('    - action: Allow\n      to:\n        - networks: [0.0.0.0/0]\n      ports: []\n') },
    { name: 'a BaselineAdminNetworkPolicy comes below NetworkPolicies', code: anp('    - action: Allow\n      to:\n        - networks: [0.0.0.0/0]\n', 'BaselineAdminNetworkPolicy') },
    { name: 'a NetworkPolicy is another kind', code: 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: x\nspec:\n  podSelector: {}\n  egress:\n    - to:\n        - ipBlock: {cidr: 0.0.0.0/0}\n' },
  ],
  invalid: [
    {
      name: '0.0.0.0/0 with Allow, on the CIDR',
      code: anp('    - action: Allow\n      to:\n        - networks: [10.0.0.0/8, 0.0.0.0/0]\n'),
      findings: [{ line: 12, column: 34, endLine: 12, endColumn: 43, message: `\`0.0.0.0/0\` lets the pods of this policy's subject connect to every IPv4 address (all ports), ${EVERY}` }],
    },
    {
      name: '::/0 and a /0 with host bits, with the rule\'s ports',
      code: anp('    - action: Allow\n      to:\n        - networks: ["::/0"]\n        - networks: [10.0.0.0/0]\n      ports:\n        - portNumber: {port: 443}\n        - portRange: {protocol: UDP, start: 1000, end: 2000}\n'),
      findings: [
        { line: 12, column: 22, endLine: 12, endColumn: 28, message: `\`::/0\` lets the pods of this policy's subject connect to every IPv6 address (TCP 443, UDP 1000-2000), ${EVERY}` },
        { line: 13, column: 22, endLine: 13, endColumn: 32, message: `\`10.0.0.0/0\` lets the pods of this policy's subject connect to every IPv4 address (TCP 443, UDP 1000-2000), ${EVERY}` },
      ],
    },
  ],
});
