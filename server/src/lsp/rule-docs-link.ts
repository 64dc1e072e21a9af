import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

// The bundles live in dist/; the rule pages ship beside them in docs/rules/ (in the .vsix too), so a
// diagnostic can link to its page without any network.
const RULE_DOCS = join(__dirname, '..', 'docs', 'rules');

/** The file URL of a rule's documentation page, when the page is there. */
export function ruleDocsUrl(ruleId: string): string | undefined {
  const page = join(RULE_DOCS, `${ruleId}.md`);
  return existsSync(page) ? pathToFileURL(page).href : undefined;
}
