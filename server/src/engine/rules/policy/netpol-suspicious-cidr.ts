import ipaddr from 'ipaddr.js';
import { objectFix } from '../../fixes/object-fix';
import { networkAddress, parseStrictCidr, type Cidr } from '../../net/cidr';
import { effectiveRulesOf, ipBlocksOf, networkPolicySpecOf, type IpBlockPeer } from '../../policy/network-policy';
import type { ObjectRule } from '../rule';
import { RULES_ON_POLICY_CONTENTS } from './rules-on-policy-text';

// Blocks of at least this prefix that start at the zero address lie inside the reserved 0.0.0.0/8
// ("this network", RFC 1122), from which no pod, node or host has its address.
const RESERVED_ZERO_PREFIX = 8;

export const netpolSuspiciousCidr: ObjectRule = {
  id: 'netpol-suspicious-cidr',
  title: 'NetworkPolicy ipBlock looks like "everywhere" but is not',
  severity: 'warning',
  category: 'network-policy',
  scope: 'object',
  explanation:
    '`0.0.0.0/0` (`::/0` for IPv6) is every address. The same address with any other prefix length is a much smaller ' +
    'block that starts at the zero address: `0.0.0.0/8`, `0.0.0.0/16` or `0.0.0.0/32` lie inside the reserved ' +
    '"this network" block 0.0.0.0/8, which no pod, node or external host has its address in, so the peer matches no ' +
    'traffic at all; `0.0.0.0/1` is only half of the IPv4 addresses. Such a block is almost always a typo for ' +
    '`0.0.0.0/0`, and the policy does not do what its author tested or expects: the traffic meant to be allowed is ' +
    'blocked, which tends to be "fixed" by loosening something else. Blocks written next to their neighbour ' +
    '(`0.0.0.0/1` with `128.0.0.0/1`, or a list of public ranges such as `0.0.0.0/5`, `8.0.0.0/7`...) are a deliberate ' +
    'split and are not reported. netpol-invalid-cidr reports blocks with bits set after the prefix and `except` ' +
    'entries outside their `cidr`.',
  remediation:
    'Write `0.0.0.0/0` (`::/0`) when every address is meant, with `except` entries for what must stay out (the ' +
    'cluster\'s private ranges, 169.254.169.254/32), or the narrow block of the peers that need access.',
  references: [
    'https://kubernetes.io/docs/reference/kubernetes-api/policy-resources/network-policy-v1/#NetworkPolicySpec',
    'https://www.rfc-editor.org/rfc/rfc6890#section-2.2.2',
    'https://www.rfc-editor.org/rfc/rfc4291#section-2.4',
  ],
  examples: {
    insecure: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: api-egress
spec:
  podSelector:
    matchLabels: {app: api}
  policyTypes: [Egress]
  egress:
    - to:
        - ipBlock:
            cidr: 0.0.0.0/8
      ports:
        - port: 443
`,
    fixed: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: api-egress
spec:
  podSelector:
    matchLabels: {app: api}
  policyTypes: [Egress]
  egress:
    - to:
        - ipBlock:
            cidr: 203.0.113.0/24
      ports:
        - port: 443
`,
  },
  *check(object) {
    const spec = networkPolicySpecOf(object);
    if (!spec) return;
    const blocks = ipBlocksOf(effectiveRulesOf(spec));
    const written = blocks.flatMap((block) => parseStrictCidr(block.cidr) ?? []);
    for (const block of blocks) {
      const cidr = parseStrictCidr(block.cidr);
      if (!cidr || !startsAtZero(cidr) || cidr.prefixLength === 0 || hasNeighbour(cidr, written)) continue;
      const everything = cidr.kind === 'ipv4' ? '0.0.0.0/0' : '::/0';
      yield {
        message: `\`cidr\` \`${block.cidr}\` is not every address: ${coverage(cidr)} \`${everything}\` is every ${familyName(cidr)} address.`,
        range: object.rangeOf(cidrPath(block), 'value'),
        path: cidrPath(block),
        data: { everything, family: familyName(cidr) },
      };
    }
  },
  *fixes(input) {
    const { path, data } = input.report;
    if (!path || typeof data?.everything !== 'string') return;
    const everything = data.everything;
    // Not preferred: it widens the peer to every address, which fixing a whole file must not do unasked.
    // What other rules then say of `0.0.0.0/0` is what the author meant the policy to say.
    yield* objectFix(input, `Change to ${everything} (every ${String(data.family)} address)`, (editor) => editor.replaceScalar(path, everything), { reveals: RULES_ON_POLICY_CONTENTS });
  },
};

function cidrPath(block: IpBlockPeer) {
  return [...block.path, 'cidr'];
}

function startsAtZero(cidr: Cidr): boolean {
  return cidr.address.toByteArray().every((byte) => byte === 0);
}

/** What the block covers, in words: its first and last address, and what that range is. */
function coverage(cidr: Cidr): string {
  const first = cidr.address.toString();
  const last = lastAddress(cidr).toString();
  const span = first === last ? `it is the single address ${first}` : `it covers only ${first}–${last}`;
  if (cidr.prefixLength >= RESERVED_ZERO_PREFIX) {
    return cidr.kind === 'ipv4'
      ? `${span}, inside the reserved "this network" block 0.0.0.0/8 that no pod or host has its address in, so this peer matches no traffic.`
      : `${span}, inside the reserved ::/8 block.`;
  }
  const share = cidr.prefixLength === 1 ? 'half' : `1/${2 ** cidr.prefixLength}`;
  return `${span}, ${share} of the ${familyName(cidr)} addresses.`;
}

function lastAddress(cidr: Cidr): ipaddr.IPv4 | ipaddr.IPv6 {
  const text = `${cidr.address.toString()}/${cidr.prefixLength}`;
  return cidr.kind === 'ipv4' ? ipaddr.IPv4.broadcastAddressFromCIDR(text) : ipaddr.IPv6.broadcastAddressFromCIDR(text);
}

/** Whether another written block starts right after this one: ranges split on purpose. */
function hasNeighbour(cidr: Cidr, written: readonly Cidr[]): boolean {
  const next = nextAddress(lastAddress(cidr));
  return next !== undefined && written.some((other) => other.kind === cidr.kind && networkAddress(other) === next.toString());
}

function nextAddress(address: ipaddr.IPv4 | ipaddr.IPv6): ipaddr.IPv4 | ipaddr.IPv6 | undefined {
  const bytes = address.toByteArray();
  for (let index = bytes.length - 1; index >= 0; index--) {
    if (bytes[index] < 255) {
      bytes[index]++;
      return ipaddr.fromByteArray(bytes);
    }
    bytes[index] = 0;
  }
  return undefined;
}

function familyName(cidr: Cidr): string {
  return cidr.kind === 'ipv4' ? 'IPv4' : 'IPv6';
}
