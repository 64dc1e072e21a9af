import type { LintConfig } from '../config/lint-config';
import type { LocatedFinding } from '../lint';
import type { ManifestFile } from '../manifest/manifest-file';
import type { SourceRange } from '../text/range';
import type { Workspace } from '../workspace/workspace';

/**
 * What the editor's answers are computed from: the file as last parsed for diagnostics, its
 * reported findings, and the workspace those came from. Answers never parse anything again.
 */
export interface AnswerContext {
  file: ManifestFile;
  workspace: Workspace;
  /** The file's reported findings (after suppressions), with their objects and reports. */
  findings: readonly LocatedFinding[];
  config: LintConfig;
  /** The titles of the checked fixes of a finding, when the caller has them (the editor's cache). */
  fixTitles?(finding: LocatedFinding): readonly string[];
  /** A link to a rule's page, when the caller can give one. */
  ruleLink?(ruleId: string): string | undefined;
}

/** A hover: Markdown, and the range it is about. */
export interface HoverAnswer {
  markdown: string;
  range: SourceRange;
}

/** A CodeLens: its line's range, its title, and the command it runs when clicked (if any). */
export interface LensAnswer {
  range: SourceRange;
  title: string;
  command?: { id: string; arguments: unknown[] };
}

/** A completion proposal. `kind` lets the editor pick an icon; `detail` says how much it matches. */
export interface CompletionAnswer {
  label: string;
  kind: 'label-key' | 'label-value' | 'namespace' | 'port';
  detail?: string;
  documentation?: string;
  /** The text to insert, when it differs from the label (a quoted value, say). */
  insertText?: string;
  /** The range the proposal replaces (the word under the cursor), when there is one. */
  range?: SourceRange;
}
