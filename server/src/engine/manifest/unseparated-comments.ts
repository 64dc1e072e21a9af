import type { Document } from 'yaml';
import type { UnseparatedComment } from './tolerated-problem';

const UNSEPARATED_COMMENT = /^Comments must be separated from other tokens by white space/;

/**
 * Takes the `yaml` package's "comments must be separated" errors out of `document` and returns them
 * as tolerated problems. The spec wants a space before the `#` of a comment; go-yaml's scanner, after
 * a token, reads a `#` as a comment start with or without one (`"v"#c`, `[a]#c`), and the `yaml`
 * package reads the same value, so only the report changes.
 */
export function takeUnseparatedComments(document: Document.Parsed): UnseparatedComment[] {
  const problems: UnseparatedComment[] = [];
  document.errors = document.errors.filter((error) => {
    if (error.code !== 'MISSING_CHAR' || !UNSEPARATED_COMMENT.test(error.message)) return true;
    problems.push({ kind: 'unseparated-comment', start: error.pos[0], end: error.pos[0] + 1 });
    return false;
  });
  return problems;
}
