// Plain texts (rule messages, fix titles) shown inside Markdown: `*.example.com` must not start an
// emphasis, nor `<none>` an HTML tag.

/** `text` with the characters Markdown would interpret escaped. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|~#]/g, (character) => `\\${character}`);
}

const SENTENCE_END = /(?<=[.!?])\s+(?=[A-Z`"(*])/;

/**
 * The first sentences of a Markdown text, as many as fit in `limit` characters (at least one), and
 * whether some were left out. Rule explanations go on to details a hover has no room for.
 */
export function leadSentences(text: string, limit: number): { text: string; cut: boolean } {
  const sentences = text.trim().split(SENTENCE_END);
  let lead = sentences[0];
  let taken = 1;
  while (taken < sentences.length && lead.length + 1 + sentences[taken].length <= limit) lead += ` ${sentences[taken++]}`;
  return { text: lead, cut: taken < sentences.length };
}
