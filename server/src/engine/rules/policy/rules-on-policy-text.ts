/**
 * Rules that judge what a policy's rules say: their peers, ports and selector keys. A fix that makes
 * rules readable or effective as written (a direction added to `policyTypes`, a misspelled field
 * renamed, a CIDR or protocol corrected) reveals their findings on that text rather than causing
 * them: the text said so all along. What a fix does to pods (DNS it blocks, pods it leaves without
 * isolation) is judged by other rules, which are not among these: such findings are caused.
 */
export const RULES_ON_POLICY_CONTENTS: readonly string[] = [
  'netpol-allow-all-ingress',
  'netpol-allow-all-egress',
  'netpol-ipblock-any',
  'netpol-ipblock-internal',
  'netpol-metadata-egress',
  'netpol-namespace-selector-all',
  'netpol-namespace-name-label',
  'netpol-label-key-typo',
];

/** Rules that check a policy's text is well-formed: they skip what sits under a misspelled field. */
export const RULES_ON_POLICY_STRUCTURE: readonly string[] = ['netpol-invalid', 'netpol-invalid-port', 'netpol-invalid-cidr'];
