import type { Fix, FixInput } from '../../fixes/fix';
import { objectFix } from '../../fixes/object-fix';
import type { Report } from '../rule';
import { cappedList } from '../../text/name-lists';
import type { SelectorCorrection } from './selector-correction';

/** What a "selects nothing" report carries for its fix: the path at fault and the correction. */
export function correctionReport(correction: SelectorCorrection | undefined): Pick<Report, 'path' | 'data'> {
  return correction ? { path: correction.path, data: { correction } } : {};
}

/**
 * The fix of a report made with `correctionReport`. Never preferred: a label one letter away from
 * another may be meant (pods outside the workspace may carry it), so the author confirms it.
 */
export function* selectorCorrectionFixes(input: FixInput): Iterable<Fix> {
  const correction = input.report.data?.correction as SelectorCorrection | undefined;
  if (!correction) return;
  yield* objectFix(input, correctionTitle(correction), (editor) =>
    correction.edit === 'rename-key' ? editor.renameKey(correction.path, correction.meant) : editor.replaceScalar(correction.path, correction.meant),
  );
}

/** "Change app: postgress to postgres (selects 1 workload: db)". */
export function correctionTitle(correction: SelectorCorrection): string {
  const { key, value, meant, selected, noun } = correction;
  const change = correction.part === 'value' ? `${key}: ${value} to ${meant}` : `${key}: ${value} to ${meant}: ${value}`;
  const names = cappedList(selected, 3);
  return `Change ${change} (selects ${selected.length} ${noun}${selected.length === 1 ? '' : 's'}: ${names})`;
}
