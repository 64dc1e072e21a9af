import type { LintConfig } from '../config/lint-config';
import type { KubeObject } from '../manifest/kube-object';
import type { ManifestFile } from '../manifest/manifest-file';
import type { Finding, Report } from '../rules/rule';
import type { SourceRange } from '../text/range';
import type { Workspace } from '../workspace/workspace';

/** Replace the text of `range` (file positions) with `newText`; an empty range inserts. */
export interface TextEdit {
  range: SourceRange;
  newText: string;
}

/** The edits of one file. `create` makes a new file whose whole text is the edits' text. */
export interface FileEdit {
  uri: string;
  edits: TextEdit[];
  create?: boolean;
}

/**
 * `quickfix` changes the text at fault; `insert-policy` adds a NetworkPolicy (or another policy
 * object); `suppress` writes a suppression comment. Editors group and order them by kind.
 */
export type FixKind = 'quickfix' | 'insert-policy' | 'suppress';

/** One way out of a finding, as plain text edits of one or more files. */
export interface Fix {
  title: string;
  kind: FixKind;
  /** The fix `fix` and fix-all apply; at most one per finding. */
  preferred?: boolean;
  edits: FileEdit[];
  /**
   * Rules whose findings the fix may reveal rather than cause: the problem it removes was hiding
   * them (a pod leaving the host network becomes subject to NetworkPolicies, so a missing default
   * deny now concerns it). Their new findings do not make the fix fail its check.
   */
  reveals?: readonly string[];
  /**
   * The fix removes part of what its finding reports (one of the two directions a workload is open
   * in): its rule may go on reporting the object, reworded. The finding as reported must still go,
   * and no finding of warning or above may be added.
   */
  partial?: boolean;
}

/** What a rule's `fixes` gets: the finding, the report behind it, and where it sits. */
export interface FixInput {
  finding: Finding;
  report: Report;
  /** The object the finding is about, when it is about one. */
  object?: KubeObject;
  file: ManifestFile;
  /** The file's current text, when known (fixes that append documents need its end). */
  text?: string;
  /** The workspace the finding was found in (cross-object rules), when there is one. */
  workspace?: Workspace;
  config: LintConfig;
}

/** A rule module's optional fix provider. Fixes it yields are checked by the engine before use. */
export type FixProvider = (input: FixInput) => Iterable<Fix>;
