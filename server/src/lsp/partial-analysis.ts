import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { DIAGNOSTIC_SOURCE } from './to-diagnostic';

/** The code of the notice shown when a check ran out of time. */
export const PARTIAL_ANALYSIS_CODE = 'analysis-partial';

/**
 * The notice on an open document when the workspace check ran out of its time budget: the
 * cross-file rules named did not run, so findings of theirs may be missing (none is made up).
 */
export function partialAnalysisDiagnostic(skippedRules: readonly string[], elapsedMs: number): Diagnostic {
  const rules = skippedRules.length === 1 ? `the cross-file rule ${skippedRules[0]} did not run` : `${skippedRules.length} cross-file rules did not run (${skippedRules.join(', ')})`;
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    source: DIAGNOSTIC_SOURCE,
    code: PARTIAL_ANALYSIS_CODE,
    message: `kube-netsec: analysis took too long; results may be partial: ${rules} after the workspace check had taken ${elapsedMs} ms. They run again after the next change.`,
  };
}
