import type { Fix, FixInput, FixKind, TextEdit } from './fix';
import { YamlEditor } from './yaml-editor';

/**
 * A fix that edits the finding's own object, or nothing when the object cannot be edited safely
 * (the editor returned no edits). Rule modules build their quick fixes with it.
 */
export function* objectFix(
  input: FixInput,
  title: string,
  makeEdits: (editor: YamlEditor) => TextEdit[] | undefined,
  options: { preferred?: boolean; kind?: FixKind; reveals?: readonly string[] } = {},
): Iterable<Fix> {
  if (!input.object) return;
  const edits = makeEdits(new YamlEditor(input.object));
  if (!edits || edits.length === 0) return;
  yield { title, kind: options.kind ?? 'quickfix', preferred: options.preferred, reveals: options.reveals, edits: [{ uri: input.finding.uri, edits }] };
}
