import type { SuppressionRule } from '../rule';

export const suppressionMissingReason: SuppressionRule = {
  id: 'suppression-missing-reason',
  title: 'Suppression without a reason',
  severity: 'hint',
  category: 'suppression',
  scope: 'suppression',
  explanation:
    'A suppressed finding is a security exception. Without a written reason, the next reviewer cannot tell a ' +
    'deliberate, reviewed decision (a CNI agent that must use the host network) from a warning silenced to make ' +
    'the squiggle go away, and the exception outlives the person who knew why.',
  remediation:
    'Write the reason after ` -- ` in the comment (`# kube-netsec-disable-next-line host-network -- CNI agent, ' +
    'reviewed in SEC-142`), or as the value of the `kube-netsec.io/ignore-RULE` annotation.',
  references: ['https://kubernetes.io/docs/concepts/security/security-checklist/'],
  examples: {
    insecure: `apiVersion: v1
kind: Pod
metadata:
  name: node-probe
spec:
  # kube-netsec-disable-next-line host-network
  hostNetwork: true
  containers:
    - name: probe
      image: registry.example.com/node-probe:1.0
`,
    fixed: `apiVersion: v1
kind: Pod
metadata:
  name: node-probe
spec:
  # kube-netsec-disable-next-line host-network -- measures node NIC latency; reviewed in SEC-142
  hostNetwork: true
  containers:
    - name: probe
      image: registry.example.com/node-probe:1.0
`,
  },
  *check(suppressions) {
    for (const suppression of suppressions) {
      if (suppression.reason !== '') continue;
      const how = suppression.scope.kind === 'object' ? 'give the reason as the annotation value' : 'write the reason after " -- "';
      yield { message: `This suppression of ${suppression.ruleIds.join(', ') || 'nothing'} gives no reason: ${how}.`, range: suppression.range };
    }
  },
};
