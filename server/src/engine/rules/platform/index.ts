import type { Rule } from '../rule';

/** Service mesh, CNI policy, RBAC and control-plane rules. */
export const PLATFORM_RULES: readonly Rule[] = [];
