import { applyTextEdits, editsOverlap, findRule, fixAllOfFile, fixesOf, lintWorkspaceLocated, type FileEdit, type Finding, type LintConfig, type LocatedFinding, type ManifestFile, type TextEdit } from '../engine';
import { CachedFixChecker } from './cached-fix-checker';

/** One round of fixing over the current texts. */
export interface FixPass {
  /** Every file's findings before the pass, as reported. */
  located: Map<string, LocatedFinding[]>;
  /** The findings that have a preferred fix which passes the engine's check (applied or not). */
  fixable: Finding[];
  /** The findings the pass fixes. */
  fixed: Finding[];
  /** The new texts of the files the pass edits or creates. */
  texts: Map<string, string>;
}

export interface FixPassInput {
  files: readonly ManifestFile[];
  textOf(uri: string): string | undefined;
  config: LintConfig;
  /** Whether findings of this rule are to be fixed. */
  selects(ruleId: string): boolean;
  log(message: string): void;
}

/** Edits meant to be applied together, and the findings they fix. */
interface Candidate {
  edits: FileEdit[];
  entries: LocatedFinding[];
}

/**
 * Plans one round of fixing: every file's preferred fixes combined (`fixAllOfFile`), then the
 * preferred fixes that edit other files or create them. Candidates that would edit the same text
 * (or create the same file) as an earlier one wait for the next round, where they are computed
 * again on the new texts. What is kept is checked again as a whole, since files share a workspace.
 */
export function planFixPass(input: FixPassInput): FixPass {
  const checker = new CachedFixChecker({ files: input.files, textOf: input.textOf, config: input.config });
  const located = lintWorkspaceLocated(checker.workspace, { config: input.config });
  const preferredOf = (entry: LocatedFinding) => fixesOf(entry, checker, input.log).find((fix) => fix.preferred);

  const local: Candidate[] = [];
  const elsewhere: Candidate[] = [];
  for (const [uri, entries] of located) {
    // Findings of rules without fixes can only be suppressed, which is never preferred.
    const selected = entries.filter(({ finding }) => input.selects(finding.ruleId) && findRule(finding.ruleId)?.fixes);
    if (selected.length === 0) continue;
    const fileFixes = fixAllOfFile(uri, selected, checker, input.log);
    const fixedHere = new Set(fileFixes.fixed);
    if (fileFixes.edits.length > 0) local.push({ edits: [{ uri, edits: fileFixes.edits }], entries: selected.filter(({ finding }) => fixedHere.has(finding)) });
    for (const entry of selected) {
      if (fixedHere.has(entry.finding)) continue;
      const preferred = preferredOf(entry);
      if (preferred?.edits.some((edit) => edit.uri !== uri || edit.create)) elsewhere.push({ edits: preferred.edits, entries: [entry] });
    }
  }
  const candidates = [...local, ...elsewhere];
  const fixable = candidates.flatMap(({ entries }) => entries.map(({ finding }) => finding));
  const kept = keepTogether(candidates, (parts) => {
    const entries = parts.flatMap((part) => part.entries);
    // What each fix may reveal, it may reveal in the combination too.
    const reveals = [...new Set(entries.flatMap((entry) => preferredOf(entry)?.reveals ?? []))];
    return checker.check({ title: 'Fix all files', kind: 'quickfix', edits: mergeEdits(parts), reveals }, entries.map(({ finding }) => finding)).ok;
  });
  const texts = new Map<string, string>();
  for (const { uri, edits, create } of mergeEdits(kept)) texts.set(uri, applyTextEdits(create ? '' : (input.textOf(uri) ?? ''), edits));
  return { located, fixable, fixed: kept.flatMap(({ entries }) => entries.map(({ finding }) => finding)), texts };
}

/**
 * The candidates that can be applied together: those whose edits do not meet an earlier one's,
 * all of them when their combination passes `passes`, else as many as pass when added one by one.
 * The first is kept without asking: it passed the check on its own.
 */
function keepTogether(candidates: readonly Candidate[], passes: (parts: readonly Candidate[]) => boolean): Candidate[] {
  const compatible: Candidate[] = [];
  for (const candidate of candidates) if (fitsWith(compatible, candidate)) compatible.push(candidate);
  if (compatible.length <= 1 || passes(compatible)) return compatible;
  const kept = [compatible[0]];
  for (const candidate of compatible.slice(1)) if (passes([...kept, candidate])) kept.push(candidate);
  return kept;
}

function fitsWith(accepted: readonly Candidate[], candidate: Candidate): boolean {
  const uris = candidate.edits.map((edit) => edit.uri);
  // Edits of one file in several parts would apply one after the other, not as one set: not merged.
  if (new Set(uris).size !== uris.length) return false;
  const merged = new Map(mergeEdits(accepted).map((edit) => [edit.uri, edit]));
  return candidate.edits.every((edit) => {
    const existing = merged.get(edit.uri);
    return !existing || (!existing.create && !edit.create && !editsOverlap([...existing.edits, ...edit.edits]));
  });
}

/** The candidates' edits as one FileEdit per file. */
function mergeEdits(parts: readonly Candidate[]): FileEdit[] {
  const byUri = new Map<string, { create: boolean; edits: TextEdit[] }>();
  for (const edit of parts.flatMap((part) => part.edits)) {
    const existing = byUri.get(edit.uri);
    if (existing) existing.edits.push(...edit.edits);
    else byUri.set(edit.uri, { create: edit.create === true, edits: [...edit.edits] });
  }
  return [...byUri].map(([uri, { create, edits }]) => (create ? { uri, create, edits } : { uri, edits }));
}
