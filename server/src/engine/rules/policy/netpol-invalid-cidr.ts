import type { KubeObject } from '../../manifest/kube-object';
import { cidrSyntaxProblem, cidrWithin, hasHostBitsClear, networkAddress, parseCidr, sameBlock, type Cidr } from '../../net/cidr';
import { allRulesOf, ipBlocksOf, networkPolicySpecOf, type IpBlockPeer } from '../../policy/network-policy';
import { objectFix } from '../../fixes/object-fix';
import type { ObjectPath } from '../../manifest/yaml-path';
import type { ObjectRule, Report } from '../rule';
import { repairCidr } from './cidr-repair';
import { RULES_ON_POLICY_CONTENTS } from './rules-on-policy-text';

export const netpolInvalidCidr: ObjectRule = {
  id: 'netpol-invalid-cidr',
  title: 'NetworkPolicy ipBlock CIDR is invalid or ambiguous',
  severity: 'error',
  category: 'network-policy',
  scope: 'object',
  explanation:
    'The API server rejects an `ipBlock` whose `cidr` or `except` entries are not CIDRs, and an `except` entry that ' +
    'is not a strict subset of its `cidr` (outside it, of the other IP family, or equal to it). It also flags ' +
    'ambiguous texts: since Kubernetes 1.33 it warns about, and with strict IP/CIDR validation (KEP-4858) refuses, ' +
    'IPv4 parts with leading zeros (`010.0.0.0/8`, which some tools read as octal), IPv4-mapped IPv6 blocks, and ' +
    'blocks with bits set after the prefix. `10.1.2.3/8` is read as the whole `10.0.0.0/8`, although `10.1.2.3/32` ' +
    'was probably meant, so a policy meant for one host opens a network of sixteen million addresses; that case is ' +
    'a warning, since the API server applies such a policy (as the whole network) unless strict validation is on. This rule ' +
    'checks the texts; netpol-invalid reports a missing `cidr` or a value that is not text.',
  remediation:
    'Write the network address of the block (`10.0.0.0/8`), or `/32` (`/128` for IPv6) for a single host, without ' +
    'leading zeros or spaces, and keep every `except` entry a smaller block inside its `cidr`, of the same family. ' +
    'An entry outside its `cidr` excluded nothing of it: remove it, unless the `cidr` is the mistake.',
  references: [
    'https://kubernetes.io/docs/reference/kubernetes-api/policy-resources/network-policy-v1/#NetworkPolicySpec',
    'https://github.com/kubernetes/enhancements/tree/master/keps/sig-network/4858-ip-cidr-validation',
    'https://nvd.nist.gov/vuln/detail/CVE-2021-29923',
  ],
  examples: {
    insecure: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: backup-egress
spec:
  podSelector:
    matchLabels: {app: backup}
  policyTypes: [Egress]
  egress:
    - to:
        - ipBlock:
            cidr: 203.0.113.10/24
            except: [198.51.100.0/24]
`,
    fixed: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: backup-egress
spec:
  podSelector:
    matchLabels: {app: backup}
  policyTypes: [Egress]
  egress:
    - to:
        - ipBlock:
            cidr: 203.0.113.10/32
`,
  },
  *check(object) {
    const spec = networkPolicySpecOf(object);
    if (!spec) return;
    // The API server validates every rule, whatever `policyTypes` says.
    for (const block of ipBlocksOf(allRulesOf(spec))) yield* blockProblems(object, block);
  },
  *fixes(input) {
    const { path, data } = input.report;
    // Not preferred: the `cidr` may be the mistake rather than the entry.
    if (path && data?.remove === true) yield* objectFix(input, 'Remove this except entry', (editor) => editor.remove(path), { reveals: RULES_ON_POLICY_CONTENTS });
    if (!path || typeof data?.network !== 'string') return;
    const { network, host } = data;
    // What other rules say of the block, quoting the new text, is revealed: the fix allows nothing
    // the text did not say already, it only makes the text readable (to the engine as well).
    const reveals = RULES_ON_POLICY_CONTENTS;
    // The network is the block the text stands for, and the one an API server that takes the text
    // enforces: the preferred fix changes the text, not the traffic. The single host narrows a
    // `cidr` to what was probably meant; it is not offered for an `except`, where a smaller
    // exception would let more through.
    yield* objectFix(input, `Change to ${network}`, (editor) => editor.replaceScalar(path, network), { preferred: true, reveals });
    if (typeof host === 'string') yield* objectFix(input, `Change to the single host ${host}`, (editor) => editor.replaceScalar(path, host), { reveals });
  },
};

function* blockProblems(object: KubeObject, block: IpBlockPeer): Generator<Report> {
  if (block.cidr !== undefined) {
    const refused = block.cidr === '' ? '`cidr` is empty, so the API server rejects the policy.' : syntaxProblem('`cidr`', block.cidr);
    const ambiguous = refused ? undefined : hostBitsProblem('`cidr`', block.cidr);
    const path = [...block.path, 'cidr'];
    const problem = refused ?? ambiguous;
    if (problem) yield { message: problem, range: object.rangeOf(path, 'value'), ...repairOf(path, block.cidr, 'cidr'), ...(ambiguous ? AMBIGUOUS : {}) };
  }
  const cidr = block.cidr !== undefined && !cidrSyntaxProblem(block.cidr) ? parseCidr(block.cidr) : undefined;
  for (const { index, text } of block.except) {
    const what = '`except` entry';
    const syntax = syntaxProblem(what, text);
    const containment = syntax ? undefined : cidr ? containmentProblem(text, cidr) : undefined;
    const ambiguous = syntax || containment ? undefined : hostBitsProblem(what, text);
    const problem = syntax ?? containment?.message ?? ambiguous;
    const path = [...block.path, 'except', index];
    // An entry outside its cidr has no repair, only removal: it excluded nothing of the cidr, so the
    // policy then means what it read as. An entry equal to its cidr excluded all of it: removing it
    // would open the whole block.
    const fix = containment ? (containment.removable ? { path, data: { remove: true } } : {}) : repairOf(path, text, 'except');
    if (problem) yield { message: problem, range: object.rangeOf(path, 'value'), ...fix, ...(ambiguous ? AMBIGUOUS : {}) };
  }
}

// Bits after the prefix only draw a warning from the API server (unless strict IP validation is on):
// the policy is applied, as the whole network, so this is a warning where a refused text is an error.
const AMBIGUOUS = { severity: 'warning' } as const;

/** The report's fix data: the repaired text, and for a `cidr` the single host it may have meant. */
function repairOf(path: ObjectPath, text: string, field: 'cidr' | 'except'): Pick<Report, 'path' | 'data'> {
  const repair = repairCidr(text);
  if (!repair) return {};
  return { path, data: { network: repair.network, host: field === 'cidr' ? repair.host : undefined } };
}

function syntaxProblem(what: string, text: string): string | undefined {
  const shown = `${what} \`${text}\``;
  switch (cidrSyntaxProblem(text)) {
    case undefined:
      return undefined;
    case 'whitespace':
      return `${shown} has spaces around it, so the API server rejects the policy.`;
    case 'leading-zeros':
      return `${shown} has leading zeros, which some tools read as octal: Kubernetes warns about it and strict IP validation rejects it.`;
    case 'prefix-leading-zeros':
      return `${shown} has leading zeros in its prefix length: Kubernetes warns about it and strict IP validation rejects it.`;
    case 'ipv4-mapped':
      return `${shown} is an IPv4-mapped IPv6 block, which is ambiguous: Kubernetes warns about it and strict IP validation rejects it.`;
    case 'zone':
      return `${shown} has an interface zone (\`%...\`), which a CIDR cannot have, so the API server rejects the policy.`;
    default:
      return text.includes('/')
        ? `${shown} is not a valid CIDR, so the API server rejects the policy.`
        : `${shown} has no prefix length (\`/32\` for a single IPv4 address), so the API server rejects the policy.`;
  }
}

/** Warned about today, refused by strict validation: checked after the problems refused today. */
function hostBitsProblem(what: string, text: string): string | undefined {
  const cidr = parseCidr(text);
  const shown = `${what} \`${text}\``;
  if (cidr && !cidrSyntaxProblem(text) && !hasHostBitsClear(cidr)) {
    const network = `${networkAddress(cidr)}/${cidr.prefixLength}`;
    const host = `${cidr.address.toString()}/${cidr.kind === 'ipv4' ? 32 : 128}`;
    return `${shown} has bits set after its /${cidr.prefixLength} prefix: Kubernetes reads it as the whole ${network}, not ${host}, and strict IP validation rejects it.`;
  }
  return undefined;
}

/**
 * The API server's check: an `except` entry must be a strict subset of its `cidr`. `removable` when
 * the entry lies outside the cidr, so that it excluded nothing of it.
 */
function containmentProblem(text: string, cidr: Cidr): { message: string; removable: boolean } | undefined {
  const except = parseCidr(text);
  if (!except) return undefined;
  const shown = `\`except\` entry \`${text}\``;
  if (except.kind !== cidr.kind) {
    return { message: `${shown} is ${familyName(except)} but \`cidr\` ${cidr.text} is ${familyName(cidr)}, so it is not inside it and the API server rejects the policy.`, removable: true };
  }
  if (sameBlock(except, cidr)) return { message: `${shown} is the whole \`cidr\`: an except must be strictly smaller, so the API server rejects the policy.`, removable: false };
  if (cidrWithin(except, cidr)) return undefined;
  // A wider block that contains the cidr excluded all of it, as an equal one does.
  const removable = !cidrWithin(cidr, except);
  return { message: `${shown} is not inside \`cidr\` ${cidr.text}, so the API server rejects the policy.`, removable };
}

function familyName(cidr: Cidr): string {
  return cidr.kind === 'ipv4' ? 'IPv4' : 'IPv6';
}
