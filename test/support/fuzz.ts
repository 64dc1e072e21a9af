import fc from 'fast-check';

/**
 * The fuzz tests' budget and seed. The normal test run uses a fixed seed and small budgets (a few
 * seconds in all); `npm run fuzz` (scripts/fuzz.ts) multiplies every budget by
 * KUBE_NETSEC_FUZZ_SCALE and may pick another KUBE_NETSEC_FUZZ_SEED. A failure prints the seed and
 * the path that replay it (fast-check's `seed` and `path` parameters).
 */
export const FUZZ_SEED = integerFromEnvironment('KUBE_NETSEC_FUZZ_SEED') ?? 20_261_204;
export const FUZZ_SCALE = Math.max(1, integerFromEnvironment('KUBE_NETSEC_FUZZ_SCALE') ?? 1);

/** fast-check parameters: the fixed seed and `numRuns` times the scale. */
export function fuzzParameters(numRuns: number): fc.Parameters<unknown> {
  return { seed: FUZZ_SEED, numRuns: scaled(numRuns), includeErrorInReport: true };
}

/** A budget (runs, edits, files) times the scale. */
export function scaled(budget: number): number {
  return Math.round(budget * FUZZ_SCALE);
}

function integerFromEnvironment(name: string): number | undefined {
  const value = process.env[name];
  if (value === undefined || value === '') return undefined;
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed)) throw new Error(`${name} must be an integer, not ${JSON.stringify(value)}`);
  return parsed;
}

/** A random edit of a text, placed relative to its length so that it applies to any text. */
export interface RandomEdit {
  /** Where the edit starts, in millionths of the text's length. */
  at: number;
  /** How many UTF-16 code units it removes (fewer at the text's end). */
  remove: number;
  insert: string;
}

// What a typist or a paste brings to YAML: every line end, indentation and tabs, the indicators,
// multi-byte and astral characters, characters that end no line (U+2028, NEL), and fragments of
// manifests, templates and separators.
const FRAGMENTS = [
  '\n', '\r', '\r\n', '\n\r', '\t', ' ', '  ', '    ', ':', ': ', '- ', '-', '---', '---\n', '\n---\n', '...\n', '#', ' # note',
  '"', "'", '{', '}', '[', ']', ',', '&a ', '*a', '<<: *a', '!', '!!str ', '|', '>-', '|\n  ', '?', '%YAML 1.2\n', '@', '`', '\\', '\\"',
  'é', '日本', '😀', '\u{10FFFF}', '\u2028', '\u2029', '\u0085', '\u00a0', '\u0000', '\ud800', '\udfff',
  'true', 'yes', 'null', '~', '0', '-1', '65536', '0x1F', '1e3', '0.0.0.0/0', '::/0', 'hostNetwork: true', 'hostPort: 80', 'privileged: true',
  'kind: Pod', 'kind: List', 'apiVersion: v1', 'metadata:', 'name: x', 'namespace: shop', 'spec:', 'items:', '{{ .Values.x }}', '\n  ', '\n    - ', 'name', 'x',
];

export const randomEdit: fc.Arbitrary<RandomEdit> = fc.record({
  at: fc.integer({ min: 0, max: 1_000_000 }),
  remove: fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 0, max: 6 }) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 300 }) }),
  insert: fc.oneof(
    { weight: 1, arbitrary: fc.constant('') },
    { weight: 4, arbitrary: fc.array(fc.constantFrom(...FRAGMENTS), { minLength: 1, maxLength: 4 }).map((parts) => parts.join('')) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
  ),
});

/** Where an edit applies in `text`: the offsets it replaces. */
export function editOffsets(text: string, edit: RandomEdit): { start: number; end: number } {
  const start = Math.floor((edit.at / 1_000_000) * text.length);
  return { start, end: Math.min(text.length, start + edit.remove) };
}

export function applyRandomEdit(text: string, edit: RandomEdit): string {
  const { start, end } = editOffsets(text, edit);
  return text.slice(0, start) + edit.insert + text.slice(end);
}
