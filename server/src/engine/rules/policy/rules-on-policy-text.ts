/**
 * Rules that judge what a policy's rules allow or name: their peers, ports and selector keys. A fix
 * that makes the engine read rules it ignored before (a direction added to `policyTypes`, a
 * misspelled field renamed) reveals their findings on that text rather than causing them: the text
 * was written that way all along. Findings about traffic the fix itself blocks (DNS) or leaves open
 * (isolation) are not among them.
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
