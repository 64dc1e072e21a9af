import { createHash } from 'node:crypto';
import type { LocatedFinding, SourceRange } from '../engine';

/**
 * A finding's identity across runs and unrelated edits: its rule, file, object (kind, namespace,
 * name) and where in the object it is (the report's YAML path, else the text at fault), never its
 * line or column. Findings of the same identity in one file are told apart by their order.
 */
export function fingerprintsOf(entries: readonly LocatedFinding[], file: string, text: string | undefined): Map<LocatedFinding, string> {
  const lines = text?.split('\n');
  const occurrences = new Map<string, number>();
  const fingerprints = new Map<LocatedFinding, string>();
  for (const entry of entries) {
    const identity = JSON.stringify([entry.finding.ruleId, file, objectIdentity(entry), placeInObject(entry, lines)]);
    const occurrence = occurrences.get(identity) ?? 0;
    occurrences.set(identity, occurrence + 1);
    fingerprints.set(entry, createHash('sha256').update(`${identity}\u0000${occurrence}`).digest('hex').slice(0, 32));
  }
  return fingerprints;
}

function objectIdentity({ finding }: LocatedFinding): (string | null)[] {
  const object = finding.object;
  return object ? [object.apiVersion?.split('/').slice(0, -1).join('/') ?? null, object.kind, object.namespace ?? null, object.name ?? null] : [];
}

function placeInObject({ report, finding }: LocatedFinding, lines: readonly string[] | undefined): unknown {
  if (report?.path && report.path.length > 0) return report.path;
  // Blank runs collapsed: re-indenting a block is an unrelated edit.
  return lines === undefined ? null : textAt(lines, finding.range).replace(/\s+/g, ' ').trim();
}

function textAt(lines: readonly string[], { start, end }: SourceRange): string {
  const covered = lines.slice(start.line, end.line + 1);
  if (covered.length === 0) return '';
  if (covered.length === 1) return covered[0].slice(start.character, end.character);
  return [covered[0].slice(start.character), ...covered.slice(1, -1), covered[covered.length - 1].slice(0, end.character)].join('\n');
}
