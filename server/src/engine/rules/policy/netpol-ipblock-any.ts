import { cidrWithin, isWholeInternet, parseCidr, parseStrictCidr, PRIVATE_RANGES, privateRangeOf } from '../../net/cidr';
import { describeRulePorts, effectiveRulesOf, ipBlocksOf, networkPolicySpecOf, type IpBlockPeer } from '../../policy/network-policy';
import type { ObjectRule } from '../rule';
import { reachableMetadataAddress } from './metadata-access';

export const netpolIpblockAny: ObjectRule = {
  id: 'netpol-ipblock-any',
  title: 'NetworkPolicy ipBlock allows every address',
  severity: 'warning',
  category: 'network-policy',
  scope: 'object',
  explanation:
    'An `ipBlock` with `cidr: 0.0.0.0/0` (or `::/0`) matches every address of its family: as an ingress source it ' +
    'admits the whole internet, as an egress destination it lets the selected pods connect to any server, which is ' +
    'what exfiltration and command-and-control traffic need. Whether it also matches pods and nodes of the cluster ' +
    'depends on the CNI (some match any address, Cilium only addresses outside the cluster); where it does, the ' +
    'policy isolates nothing on those ports. ' +
    'Blocks whose `except` removes private ranges are the deliberate "internet but not the cluster" pattern and are ' +
    'not reported; egress blocks that reach the cloud metadata service are reported by netpol-metadata-egress instead.',
  remediation:
    'Allow the external ranges the workload really talks to (a partner network, a managed database, a proxy), or ' +
    'route egress through an egress gateway or proxy with its own allow-list. When internet access is intended, add ' +
    'the cluster and private ranges to `except` and limit the rule to the ports in use.',
  references: [
    'https://kubernetes.io/docs/concepts/services-networking/network-policies/#networkpolicy-resource',
    'https://kubernetes.io/docs/concepts/services-networking/network-policies/#behavior-of-to-and-from-selectors',
    'https://docs.cilium.io/en/latest/security/policy/layer3/',
  ],
  examples: {
    insecure: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: admin-ingress
spec:
  podSelector:
    matchLabels: {app: admin}
  ingress:
    - from:
        - ipBlock:
            cidr: 0.0.0.0/0
      ports:
        - port: 8443
`,
    fixed: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: admin-ingress
spec:
  podSelector:
    matchLabels: {app: admin}
  ingress:
    - from:
        - ipBlock:
            cidr: 203.0.113.0/24
      ports:
        - port: 8443
`,
  },
  *check(object) {
    const spec = networkPolicySpecOf(object);
    if (!spec) return;
    for (const block of ipBlocksOf(effectiveRulesOf(spec))) {
      const cidr = parseStrictCidr(block.cidr);
      if (!cidr || !isWholeInternet(cidr) || excludesPrivateRanges(block) || reachableMetadataAddress(block)) continue;
      const family = cidr.kind === 'ipv4' ? 'IPv4' : 'IPv6';
      const ports = describeRulePorts(block.peer.rule.fields?.ports);
      const verb = block.peer.rule.direction === 'Ingress' ? 'admits' : 'lets the selected pods reach';
      yield {
        message: `\`${block.cidr}\` ${verb} every ${family} address: the whole internet and, with many CNIs, every pod and node of the cluster (${ports}).`,
        range: object.rangeOf([...block.path, 'cidr'], 'value'),
      };
    }
  },
};

/** An `except` that overlaps a private range marks the "internet but not the cluster" pattern. */
function excludesPrivateRanges(block: IpBlockPeer): boolean {
  return block.except.some(({ text }) => {
    const except = parseCidr(text);
    return except !== undefined && (privateRangeOf(except) !== undefined || PRIVATE_RANGES.some((range) => cidrWithin(range, except)));
  });
}
