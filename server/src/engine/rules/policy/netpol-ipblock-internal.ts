import { hasHostBitsClear, parseStrictCidr, privateRangeOf } from '../../net/cidr';
import { effectiveRulesOf, ipBlocksOf, networkPolicySpecOf } from '../../policy/network-policy';
import type { ObjectRule } from '../rule';

export const netpolIpblockInternal: ObjectRule = {
  id: 'netpol-ipblock-internal',
  title: 'NetworkPolicy ipBlock names a private range',
  severity: 'info',
  category: 'network-policy',
  scope: 'object',
  explanation:
    'Pod, Service and node addresses come from private ranges (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, the shared ' +
    '100.64.0.0/10, fc00::/7). An `ipBlock` in such a range that stands for workloads of the cluster is fragile and ' +
    'often wider than meant: pod addresses change on every restart, so a block that covers today\'s pods covers ' +
    "tomorrow's others; a Service's cluster IP is translated to pod addresses before most implementations apply " +
    'policies, so it never matches; and whether pod-to-pod traffic matches `ipBlock` at all depends on the CNI. The ' +
    'finding is informational, because private ranges also hold legitimate external peers (a VPN, a peered VPC, a ' +
    'load balancer subnet). `except` entries are never reported: removing private ranges is the correct pattern.',
  remediation:
    'Select pods with `podSelector` and namespaces with `namespaceSelector` (for example on ' +
    '`kubernetes.io/metadata.name`), which follow the workloads wherever they run. Keep `ipBlock` for addresses ' +
    'outside the cluster, as narrow as possible.',
  references: [
    'https://kubernetes.io/docs/concepts/services-networking/network-policies/#networkpolicy-resource',
    'https://kubernetes.io/docs/concepts/services-networking/network-policies/#behavior-of-to-and-from-selectors',
    'https://www.rfc-editor.org/rfc/rfc1918',
  ],
  examples: {
    insecure: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: db-ingress
  namespace: shop
spec:
  podSelector:
    matchLabels: {app: db}
  ingress:
    - from:
        - ipBlock:
            cidr: 10.244.0.0/16
      ports:
        - port: 5432
`,
    fixed: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: db-ingress
  namespace: shop
spec:
  podSelector:
    matchLabels: {app: db}
  ingress:
    - from:
        - podSelector:
            matchLabels: {app: api}
      ports:
        - port: 5432
`,
  },
  *check(object) {
    const spec = networkPolicySpecOf(object);
    if (!spec) return;
    for (const block of ipBlocksOf(effectiveRulesOf(spec))) {
      // A block with host bits set is ambiguous: netpol-invalid-cidr reports it, and what it stands for is unclear.
      const cidr = parseStrictCidr(block.cidr);
      const range = cidr && hasHostBitsClear(cidr) ? privateRangeOf(cidr) : undefined;
      if (!range) continue;
      yield {
        message:
          `\`${block.cidr}\` lies in the private range ${range.text}: if it stands for pods, Services or nodes of the cluster, ` +
          'it breaks when addresses change and Service IPs never match, so selectors are the reliable way.',
        range: object.rangeOf([...block.path, 'cidr'], 'value'),
      };
    }
  },
};
