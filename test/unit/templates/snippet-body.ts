/**
 * The text a VS Code snippet body inserts when every placeholder keeps its default: tabstops
 * (`$1`, `${1}`, `$0`) insert nothing, placeholders (`${1:default}`, nested too) their default,
 * choices (`${1|a,b|}`) their first option. Variables and transforms are not used by our snippets
 * and are refused, so a new snippet that needs them fails its test rather than being misread.
 */
export function expandSnippet(body: string | readonly string[]): string {
  const text = typeof body === 'string' ? body : body.join('\n');
  const [expanded, end] = expandUntil(text, 0, false);
  if (end !== text.length) throw new Error(`Unexpected "}" at ${end} in snippet`);
  return expanded;
}

function expandUntil(text: string, start: number, inPlaceholder: boolean): [string, number] {
  let out = '';
  let at = start;
  while (at < text.length) {
    const char = text[at];
    if (char === '\\' && '$}\\'.includes(text[at + 1] ?? '')) {
      out += text[at + 1];
      at += 2;
    } else if (char === '}' && inPlaceholder) {
      return [out, at];
    } else if (char === '$') {
      const [inserted, next] = expandDollar(text, at);
      out += inserted;
      at = next;
    } else {
      out += char;
      at++;
    }
  }
  if (inPlaceholder) throw new Error('Unclosed placeholder in snippet');
  return [out, at];
}

function expandDollar(text: string, at: number): [string, number] {
  const bare = /^\$(\d+)/.exec(text.slice(at));
  if (bare) return ['', at + bare[0].length];
  const braced = /^\$\{(\d+)(\}|:|\|)/.exec(text.slice(at));
  if (!braced) throw new Error(`Unsupported snippet syntax at ${at}: ${text.slice(at, at + 12)}`);
  const after = at + braced[0].length;
  if (braced[2] === '}') return ['', after];
  if (braced[2] === ':') {
    const [inner, close] = expandUntil(text, after, true);
    return [inner, close + 1];
  }
  const close = text.indexOf('|}', after);
  if (close === -1) throw new Error('Unclosed choice in snippet');
  return [text.slice(after, close).split(',')[0], close + 2];
}
