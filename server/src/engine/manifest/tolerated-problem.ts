/**
 * A YAML problem that kubectl reads past (go-yaml, through sigs.k8s.io/yaml, accepts it) but that the
 * YAML spec refuses, and with it the `yaml` package and other tools (which ones depends on the problem). The document is
 * read as kubectl reads it and the problem is reported as a warning, not an error. Offsets are
 * relative to the parsed chunk, so a cached chunk stays valid wherever it moves in its file.
 */
export type ToleratedProblem = UnderIndentedContinuation | DuplicateKey | UnseparatedComment;

/** A continuation line of a multi-line quoted string indented no more than the string's parent. */
export interface UnderIndentedContinuation {
  kind: 'under-indented-continuation';
  /** The line's content (from its first non-blank character to its end). */
  start: number;
  end: number;
  /** Where the quoted string opens. */
  quoteOffset: number;
  /** `key` when the string is a map value, `dash` when it is a sequence item. */
  parent: 'key' | 'dash';
  /** Spaces the line starts with, and the fewest that YAML accepts there. */
  indent: number;
  requiredIndent: number;
  /** The line is indented with tabs, which YAML does not count as indentation. */
  tabs: boolean;
}

/** A key set a second time in the same map: kubectl keeps the last value. */
export interface DuplicateKey {
  kind: 'duplicate-key';
  /** The repeated key. */
  start: number;
  end: number;
  key: string;
  /** Where the key was set before. */
  previousOffset: number;
  previousEnd: number;
}

/** A `#` comment right after a value, with no space before it (`"v"#note`). */
export interface UnseparatedComment {
  kind: 'unseparated-comment';
  /** The `#`. */
  start: number;
  end: number;
}

/** The warning for `problem`; `lineOf` turns a chunk offset into a 1-based line of the file. */
export function describeToleratedProblem(problem: ToleratedProblem, lineOf: (offset: number) => number): string {
  // go-yaml v3 (kustomize, Flux) scans quoted strings like v2 does: only tools that follow the spec refuse these.
  const others = 'kubectl accepts it, YAML tools that follow the spec refuse it';
  if (problem.kind === 'unseparated-comment') {
    return `This \`#\` starts a comment with no space before it: ${others}; put a space before the \`#\`.`;
  }
  if (problem.kind === 'duplicate-key') {
    return `\`${problem.key}\` is set again here (before on line ${lineOf(problem.previousOffset)}): kubectl keeps this last value and ignores the earlier one, other YAML tools (kustomize, Flux) refuse duplicate keys; remove one of them.`;
  }
  const line = lineOf(problem.quoteOffset);
  const parent = problem.parent === 'key' ? 'its key' : 'its `-`';
  if (problem.tabs) {
    return `This line continues the quoted string of line ${line} but is indented with tabs, which YAML does not count as indentation: ${others}; indent it with at least ${problem.requiredIndent} spaces.`;
  }
  const missing = problem.requiredIndent - problem.indent;
  return `This line continues the quoted string of line ${line} but is not indented more than ${parent}: ${others}; indent it by at least ${missing} more ${missing === 1 ? 'space' : 'spaces'}.`;
}
