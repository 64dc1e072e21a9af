import type { Rule } from '../rule';
import { hostNetwork } from './host-network';
import { hostPort } from './host-port';

/** Pod and container networking rules. */
export const POD_RULES: readonly Rule[] = [hostNetwork, hostPort];
