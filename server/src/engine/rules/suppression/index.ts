import type { Rule } from '../rule';
import { suppressionMissingReason } from './suppression-missing-reason';
import { suppressionUnused } from './suppression-unused';

/** Rules about the suppressions written in manifests. */
export const SUPPRESSION_RULES: readonly Rule[] = [suppressionMissingReason, suppressionUnused];
