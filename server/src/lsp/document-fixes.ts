import type { Diagnostic } from 'vscode-languageserver';
import { fixAllOfFile, fixesOf, type CheckedFix, type FileFixes, type Fix, type FixChecker, type LocatedFinding } from '../engine';
import type { PolicyPlacement } from '../engine/templates';
import { defaultDenyFixes } from './default-deny-fixes';
import { DIAGNOSTIC_SOURCE } from './to-diagnostic';

/**
 * The findings behind one open document's published diagnostics, and their fixes. Fixes are checked
 * by re-linting, which costs a few milliseconds per fix: they are computed when a code action asks
 * for them and kept until the document is checked again.
 */
export class DocumentFixes {
  private readonly fixes = new Map<LocatedFinding, CheckedFix[]>();
  private all?: FileFixes;
  private readonly defaultDeny = new Map<PolicyPlacement, Fix[]>();

  constructor(
    readonly uri: string,
    /** The document version the findings are of. */
    readonly version: number,
    readonly located: readonly LocatedFinding[],
    private readonly checker: () => FixChecker,
    private readonly log: (message: string) => void,
  ) {}

  /** The finding a diagnostic the server published stands for (rule, range and message all match). */
  findingOf(diagnostic: Diagnostic): LocatedFinding | undefined {
    if (diagnostic.source !== DIAGNOSTIC_SOURCE) return undefined;
    const code = String(diagnostic.code);
    const { start, end } = diagnostic.range;
    return this.located.find(({ finding }) => {
      const range = finding.range;
      return (
        finding.ruleId === code &&
        finding.message === diagnostic.message &&
        range.start.line === start.line &&
        range.start.character === start.character &&
        range.end.line === end.line &&
        range.end.character === end.character
      );
    });
  }

  /** Whether the fixes of `entry` are already computed (asking for them again costs nothing). */
  hasFixesOf(entry: LocatedFinding): boolean {
    return this.fixes.has(entry);
  }

  /** The checked fixes of one of the document's findings; dropped fixes are logged with the reason. */
  fixesOf(entry: LocatedFinding): CheckedFix[] {
    let fixes = this.fixes.get(entry);
    if (!fixes) {
      fixes = fixesOf(entry, this.checker(), this.log);
      this.fixes.set(entry, fixes);
    }
    return fixes;
  }

  /** The preferred fixes of every finding of the document, combined. */
  fixAll(): FileFixes {
    this.all ??= fixAllOfFile(this.uri, this.located, this.checker(), this.log);
    return this.all;
  }

  /** The default-deny policies the document's namespaces lack, placed as the settings say. */
  defaultDenyFixes(placement: PolicyPlacement): Fix[] {
    let fixes = this.defaultDeny.get(placement);
    if (!fixes) {
      fixes = defaultDenyFixes(this.checker(), this.uri, placement, this.log);
      this.defaultDeny.set(placement, fixes);
    }
    return fixes;
  }
}
