import { FixChecker, findingKey, type Finding, type Fix, type FixVerdict } from '../engine';

/**
 * A FixChecker that remembers its verdicts: fixing asks about the same fix several times in a pass
 * (fix-all, then the fixes that edit other files, then their `reveals`), and each check re-lints
 * the workspace. The verdict depends only on the edits, the revealed rules and the findings fixed.
 */
export class CachedFixChecker extends FixChecker {
  private readonly verdicts = new Map<string, FixVerdict>();

  override check(fix: Fix, finding: Finding | readonly Finding[]): FixVerdict {
    const targets = Array.isArray(finding) ? (finding as readonly Finding[]) : [finding as Finding];
    const key = JSON.stringify([fix.edits, fix.reveals ?? [], targets.map((target) => [target.uri, findingKey(target)])]);
    let verdict = this.verdicts.get(key);
    if (!verdict) {
      verdict = super.check(fix, finding);
      this.verdicts.set(key, verdict);
    }
    return verdict;
  }
}
