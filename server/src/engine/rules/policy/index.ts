import type { Rule } from '../rule';
import { netpolAllowAllIngress } from './netpol-allow-all-ingress';

/** NetworkPolicy rules that look at one policy at a time. */
export const POLICY_RULES: readonly Rule[] = [netpolAllowAllIngress];
