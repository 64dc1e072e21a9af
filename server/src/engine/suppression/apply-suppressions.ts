import type { ManifestDocument } from '../manifest/document';
import type { KubeObject } from '../manifest/kube-object';
import type { Finding, Report } from '../rules/rule';
import type { Suppression } from './suppression';

/** A finding with the object and document it came from, which suppressions are matched against. */
export interface LocatedFinding {
  finding: Finding;
  object?: KubeObject;
  document?: ManifestDocument;
  /** The rule's report behind the finding, with what its fixes need. */
  report?: Report;
}

/** Drops the findings a suppression covers, counting on each suppression what it was used for. */
export function applySuppressions(located: readonly LocatedFinding[], suppressions: readonly Suppression[]): LocatedFinding[] {
  const kept: LocatedFinding[] = [];
  for (const entry of located) {
    const covering = suppressions.filter((suppression) => suppression.ruleIds.includes(entry.finding.ruleId) && covers(suppression, entry));
    for (const suppression of covering) {
      suppression.used.set(entry.finding.ruleId, (suppression.used.get(entry.finding.ruleId) ?? 0) + 1);
    }
    if (covering.length === 0) kept.push(entry);
  }
  return kept;
}

function covers(suppression: Suppression, { finding, object, document }: LocatedFinding): boolean {
  const scope = suppression.scope;
  switch (scope.kind) {
    case 'next-line':
      return finding.range.start.line === scope.line;
    case 'document':
      return document === scope.document;
    case 'object':
      return object === scope.object;
  }
}
