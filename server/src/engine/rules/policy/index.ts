import type { Rule } from '../rule';
import { netpolAllowAllEgress } from './netpol-allow-all-egress';
import { netpolAllowAllIngress } from './netpol-allow-all-ingress';
import { netpolIgnoredRules } from './netpol-ignored-rules';
import { netpolInvalid } from './netpol-invalid';
import { netpolInvalidCidr } from './netpol-invalid-cidr';
import { netpolInvalidPort } from './netpol-invalid-port';
import { netpolIpblockAny } from './netpol-ipblock-any';
import { netpolIpblockInternal } from './netpol-ipblock-internal';
import { netpolLabelKeyTypo } from './netpol-label-key-typo';
import { netpolMetadataEgress } from './netpol-metadata-egress';
import { netpolNamespaceNameLabel } from './netpol-namespace-name-label';
import { netpolNamespaceSelectorAll } from './netpol-namespace-selector-all';
import { namespaceLegacyIsolation } from './namespace-legacy-isolation';
import { netpolSuspiciousCidr } from './netpol-suspicious-cidr';
import { policyNotEvaluated } from './policy-not-evaluated';

/** Network-policy rules that look at one object at a time. */
export const POLICY_RULES: readonly Rule[] = [
  netpolInvalid,
  netpolInvalidCidr,
  netpolSuspiciousCidr,
  netpolInvalidPort,
  netpolIgnoredRules,
  netpolAllowAllIngress,
  netpolAllowAllEgress,
  netpolNamespaceSelectorAll,
  netpolIpblockAny,
  netpolMetadataEgress,
  netpolIpblockInternal,
  netpolLabelKeyTypo,
  netpolNamespaceNameLabel,
  policyNotEvaluated,
  namespaceLegacyIsolation,
];
