import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SHOW_RULE_DOCUMENTATION_COMMAND } from './to-code-action';

// The bundles live in dist/; the rule pages ship beside them in docs/rules/ (in the .vsix too), so a
// diagnostic can link to its page without any network.
const RULE_DOCS = join(__dirname, '..', 'docs', 'rules');

/** The file URL of a rule's documentation page, when the page is there. */
export function ruleDocsUrl(ruleId: string): string | undefined {
  const page = join(RULE_DOCS, `${ruleId}.md`);
  return existsSync(page) ? pathToFileURL(page).href : undefined;
}

/**
 * The link a hover gives to a rule's page. Our VS Code client trusts one command in hovers, which
 * opens the page rendered (a file link would open the Markdown source); other editors get the file URL.
 */
export function ruleDocsLink(ruleId: string, commandLinks: boolean): string | undefined {
  if (!commandLinks) return ruleDocsUrl(ruleId);
  return ruleDocsUrl(ruleId) && `command:${SHOW_RULE_DOCUMENTATION_COMMAND}?${encodeURIComponent(JSON.stringify([ruleId]))}`;
}
