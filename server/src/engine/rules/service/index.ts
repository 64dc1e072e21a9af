import type { Rule } from '../rule';

/** Service, Ingress and Gateway API rules. */
export const SERVICE_RULES: readonly Rule[] = [];
