import type { LocatedFinding } from '../lint';
import type { Finding } from '../rules/rule';
import { editsOverlap } from './apply-edits';
import type { Fix, TextEdit } from './fix';
import type { FixChecker } from './fix-checker';
import { fixesOf } from './fixes-of';

/** The preferred fixes of a file applied together: the edits, the findings they fix, the new text. */
export interface FileFixes {
  uri: string;
  edits: TextEdit[];
  fixed: Finding[];
  /** The file's text once the edits are applied; undefined when there is nothing to fix. */
  text?: string;
}

/**
 * Every preferred fix of one file's findings that edits that file alone, combined: fixes whose
 * edits overlap an earlier one are left for a later run, and the combination is checked again as a
 * whole (fixes that are safe one by one may not be together). When the whole fails, fixes are added
 * one at a time and each kept only if the combination still passes.
 */
export function fixAllOfFile(uri: string, located: readonly LocatedFinding[], checker: FixChecker, log?: (message: string) => void): FileFixes {
  const candidates: { fix: Fix; findings: Finding[] }[] = [];
  // Several findings may offer the same fix (every finding of a namespace offers its default deny):
  // it is applied once, and fixes them all.
  const byEdits = new Map<string, { fix: Fix; findings: Finding[] }>();
  for (const entry of located) {
    if (entry.finding.uri !== uri) continue;
    const preferred = fixesOf(entry, checker, log, { preferredOnly: true }).find((fix) => fix.preferred);
    if (!preferred || !preferred.edits.every((edit) => edit.uri === uri && !edit.create)) continue;
    const key = JSON.stringify(editsOf(preferred));
    const same = byEdits.get(key);
    if (same) same.findings.push(entry.finding);
    else {
      const candidate = { fix: preferred, findings: [entry.finding] };
      byEdits.set(key, candidate);
      candidates.push(candidate);
    }
  }
  const accepted: typeof candidates = [];
  for (const candidate of candidates) {
    const edits = [...accepted.flatMap(({ fix }) => editsOf(fix)), ...editsOf(candidate.fix)];
    if (!editsOverlap(edits)) accepted.push(candidate);
  }
  const whole = combine(uri, accepted, checker);
  if (whole) return whole;
  let kept: typeof candidates = [];
  let result: FileFixes = { uri, edits: [], fixed: [] };
  for (const candidate of accepted) {
    const attempt = combine(uri, [...kept, candidate], checker);
    if (attempt) {
      kept = [...kept, candidate];
      result = attempt;
    } else log?.(`Fix "${candidate.fix.title}" is left out of fixing all of ${uri}: it does not combine with the others.`);
  }
  return result;
}

function editsOf(fix: Fix): TextEdit[] {
  return fix.edits.flatMap((edit) => edit.edits);
}

function combine(uri: string, parts: readonly { fix: Fix; findings: Finding[] }[], checker: FixChecker): FileFixes | undefined {
  if (parts.length === 0) return { uri, edits: [], fixed: [] };
  const edits = parts.flatMap(({ fix }) => editsOf(fix));
  const fixed = parts.flatMap(({ findings }) => findings);
  const reveals = [...new Set(parts.flatMap(({ fix }) => fix.reveals ?? []))];
  const verdict = checker.check({ title: 'Fix all', kind: 'quickfix', edits: [{ uri, edits }], reveals }, fixed);
  return verdict.ok ? { uri, edits, fixed, text: verdict.texts.get(uri) } : undefined;
}
