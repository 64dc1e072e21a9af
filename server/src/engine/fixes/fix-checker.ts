import type { LintConfig } from '../config/lint-config';
import { fileFindings, reportableLocatedFindings, workspaceFindings, type LocatedFinding } from '../lint';
import type { ManifestFile } from '../manifest/manifest-file';
import { parseManifest } from '../manifest/manifest-file';
import { ChunkCache } from '../manifest/chunk-cache';
import type { Finding, Severity } from '../rules/rule';
import { buildWorkspace, type Workspace } from '../workspace/workspace';
import { applyTextEdits, editsOverlap } from './apply-edits';
import type { Fix, TextEdit } from './fix';
import { movedFindings, sameObjects } from './moved-findings';

/** The files a fix may be checked against, and how to read the text of the ones it edits. */
export interface FixEnvironment {
  /** Every file of the workspace (or of the CLI's paths), the finding's own included. */
  files: readonly ManifestFile[];
  /** The current text of a file, by URI; undefined when it is not known (the fix is then refused). */
  textOf(uri: string): string | undefined;
  config: LintConfig;
  /**
   * The workspace and its cross-object findings (before suppressions) as a check just computed
   * them with `config`, when the caller has them: the checker then does not compute them again.
   */
  baseline?: { workspace: Workspace; cross: Map<string, LocatedFinding[]> };
}

export type FixVerdict = { ok: true; texts: Map<string, string> } | { ok: false; reason: string };

const BLOCKING: ReadonlySet<Severity> = new Set(['warning', 'error']);

/**
 * Checks fixes the way a careful reviewer would: applies the edits in memory, parses the result and
 * runs every rule again (cross-object rules over the whole workspace). A fix passes only when the
 * edited files still parse as well as before, its finding is gone, and no finding of severity
 * warning or above appears anywhere. The state before any fix is computed once and shared.
 */
export class FixChecker {
  private before?: { workspace: Workspace; cross: Map<string, LocatedFinding[]> };
  private readonly reportedBefore = new Map<string, Finding[]>();

  constructor(readonly environment: FixEnvironment) {}

  /** The workspace as it is, before any fix. */
  get workspace(): Workspace {
    return this.baseline().workspace;
  }

  /** Checks one fix of `finding`, or edits meant to fix all of `finding` together. */
  check(fix: Fix, finding: Finding | readonly Finding[]): FixVerdict {
    const targets = Array.isArray(finding) ? (finding as readonly Finding[]) : [finding as Finding];
    const edited = new Map<string, ManifestFile>();
    const texts = new Map<string, string>();
    const changes = new Map<string, { oldText: string; edits: TextEdit[] }>();
    for (const fileEdit of fix.edits) {
      if (editsOverlap(fileEdit.edits)) return { ok: false, reason: 'its edits overlap' };
      const existing = this.environment.files.find((file) => file.uri === fileEdit.uri);
      const original = fileEdit.create ? '' : this.environment.textOf(fileEdit.uri);
      if (fileEdit.create && (existing || this.environment.textOf(fileEdit.uri) !== undefined)) return { ok: false, reason: `${fileEdit.uri} already exists` };
      if (original === undefined) return { ok: false, reason: `the text of ${fileEdit.uri} is not known` };
      const text = applyTextEdits(texts.get(fileEdit.uri) ?? original, fileEdit.edits);
      // Only the documents the fix edits are parsed again: the others come from the file's own parse.
      const file = parseManifest(fileEdit.uri, text, existing && !fileEdit.create ? ChunkCache.of(existing) : undefined);
      if (file.syntaxProblems.length > (existing?.syntaxProblems.length ?? 0) || (file.objects.length === 0 && text.trim() !== '')) {
        return { ok: false, reason: `${fileEdit.uri} would no longer parse` };
      }
      edited.set(fileEdit.uri, file);
      if (!changes.has(fileEdit.uri)) changes.set(fileEdit.uri, { oldText: original, edits: [] });
      // Edits of a second FileEdit of the same file apply to the first one's result: no fast path then.
      if (texts.has(fileEdit.uri)) changes.delete(fileEdit.uri);
      else changes.get(fileEdit.uri)?.edits.push(...fileEdit.edits);
      texts.set(fileEdit.uri, text);
    }
    const after = this.layoutOnly(edited, changes) ?? this.findingsAfter(edited);
    // Each target finding must be gone: as many fewer of its kind as there are targets of that kind.
    const wanted = new Map<string, { target: Finding; count: number }>();
    for (const target of targets) {
      const key = `${target.uri}\u0000${findingKey(target)}`;
      const entry = wanted.get(key);
      if (entry) entry.count++;
      else wanted.set(key, { target, count: 1 });
    }
    // The finding as reported must be gone, and its rule must report its object less often, unless
    // the fix reveals more of that rule (a misspelled field hid the mistakes under it).
    for (const { target, count } of wanted.values()) {
      const before = this.reported(target.uri);
      const afterInFile = after.get(target.uri) ?? [];
      const exact = findingKey(target);
      const subject = subjectKey(target);
      const exactGone = afterInFile.filter((candidate) => findingKey(candidate) === exact).length <= before.filter((candidate) => findingKey(candidate) === exact).length - count;
      const fewer = afterInFile.filter((candidate) => subjectKey(candidate) === subject).length <= before.filter((candidate) => subjectKey(candidate) === subject).length - count;
      if (!exactGone || (!fewer && !fix.partial && !fix.reveals?.includes(target.ruleId))) return { ok: false, reason: `its finding would still be reported (${target.ruleId})` };
    }
    for (const [uri, findings] of after) {
      const added = newBlockingFinding(this.reported(uri), findings.filter((candidate) => !fix.reveals?.includes(candidate.ruleId)));
      if (added) return { ok: false, reason: `it would add ${added.severity} ${added.ruleId} (${added.message})` };
    }
    return { ok: true, texts };
  }

  private baseline(): { workspace: Workspace; cross: Map<string, LocatedFinding[]> } {
    if (!this.before && this.environment.baseline) this.before = this.environment.baseline;
    if (!this.before) {
      const workspace = buildWorkspace(this.environment.files, { defaultNamespace: this.environment.config.defaultNamespace, dns: this.environment.config.dns });
      this.before = { workspace, cross: workspaceFindings(workspace, { config: this.environment.config }) };
    }
    return this.before;
  }

  /** What a file reports now: all its findings for the files a fix edits, cross-object ones elsewhere. */
  private reported(uri: string): Finding[] {
    let findings = this.reportedBefore.get(uri);
    if (!findings) {
      const { cross } = this.baseline();
      const file = this.environment.files.find((candidate) => candidate.uri === uri);
      findings = file ? reportable(file, cross.get(uri) ?? [], this.environment.config, true) : [];
      this.reportedBefore.set(uri, findings);
    }
    return findings;
  }

  /**
   * The findings after a fix that changes no object's value (comments, layout): cross-object
   * findings cannot change, so the baseline's are moved into the edited text instead of running
   * the cross-object rules again. Undefined when some edited file's objects changed.
   */
  private layoutOnly(edited: ReadonlyMap<string, ManifestFile>, changes: ReadonlyMap<string, { oldText: string; edits: TextEdit[] }>): Map<string, Finding[]> | undefined {
    const result = new Map<string, Finding[]>();
    for (const [uri, file] of edited) {
      const before = this.environment.files.find((candidate) => candidate.uri === uri);
      const change = changes.get(uri);
      if (!before || !change || !sameObjects(before, file)) return undefined;
      const cross = movedFindings(this.baseline().cross.get(uri) ?? [], before, file, change.oldText, applyTextEdits(change.oldText, change.edits), change.edits);
      result.set(uri, reportable(file, cross, this.environment.config, true));
    }
    return result;
  }

  // Files a fix does not edit keep their own single-file findings: only cross-object findings can
  // change there, so those are all that is compared.
  private findingsAfter(edited: ReadonlyMap<string, ManifestFile>): Map<string, Finding[]> {
    const files = [...this.environment.files.map((file) => edited.get(file.uri) ?? file), ...[...edited.values()].filter((file) => !this.environment.files.some((existing) => existing.uri === file.uri))];
    const workspace = buildWorkspace(files, { defaultNamespace: this.environment.config.defaultNamespace, dns: this.environment.config.dns });
    const cross = workspaceFindings(workspace, { config: this.environment.config });
    const result = new Map<string, Finding[]>();
    for (const file of files) {
      const isEdited = edited.has(file.uri);
      if (!isEdited && !cross.has(file.uri) && !this.baseline().cross.has(file.uri)) continue;
      result.set(file.uri, reportable(file, cross.get(file.uri) ?? [], this.environment.config, isEdited));
    }
    return result;
  }
}

function reportable(file: ManifestFile, cross: readonly LocatedFinding[], config: LintConfig, withFileRules: boolean): Finding[] {
  const own = withFileRules ? fileFindings(file, { config }) : [];
  return reportableLocatedFindings(file, [...own, ...cross], { config }).map(({ finding }) => finding);
}

/** What identifies a finding across an edit that moves it: rule, object and message, not position. */
export function findingKey(finding: Finding): string {
  return `${subjectKey(finding)}\u0000${finding.message}`;
}

/**
 * A finding's rule and object, without its message: a message may mention what a fix changed
 * ("privileged in a host-network pod"), and such a rewording is not a new finding.
 */
export function subjectKey(finding: Finding): string {
  const object = finding.object;
  return [finding.ruleId, object?.kind ?? '', object?.namespace ?? '', object?.name ?? ''].join('\u0000');
}

function countBy(findings: readonly Finding[], key: (finding: Finding) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const finding of findings) counts.set(key(finding), (counts.get(key(finding)) ?? 0) + 1);
  return counts;
}

/** A finding of warning or above whose rule and object have more such findings after than before. */
function newBlockingFinding(before: readonly Finding[], after: readonly Finding[]): Finding | undefined {
  const blocking = (findings: readonly Finding[]) => findings.filter((finding) => BLOCKING.has(finding.severity));
  const counts = countBy(blocking(before), subjectKey);
  for (const finding of blocking(after)) {
    const key = subjectKey(finding);
    const left = counts.get(key) ?? 0;
    if (left === 0) return finding;
    counts.set(key, left - 1);
  }
  return undefined;
}
