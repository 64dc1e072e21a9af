import type { Suppression } from '../../suppression/suppression';
import type { SuppressionRule } from '../rule';
import { removeRuleId, removeSuppression } from './suppression-removal';

export const suppressionUnused: SuppressionRule = {
  id: 'suppression-unused',
  title: 'Suppression that suppresses nothing',
  severity: 'hint',
  category: 'suppression',
  scope: 'suppression',
  explanation:
    'A suppression that matches no finding is left over from a fixed problem, names a rule that does not exist ' +
    '(a typo), or sits on the wrong line. Left in place, it silently hides the next real finding of that rule there.',
  remediation:
    'Remove the suppression, or correct the rule id (see `kube-netsec rules`) and its placement: ' +
    '`kube-netsec-disable-next-line` applies to the next line with content, `kube-netsec-disable` to its whole ' +
    'YAML document, and a `kube-netsec.io/ignore-RULE` annotation to its object.',
  references: ['https://kubernetes.io/docs/concepts/overview/working-with-objects/annotations/'],
  examples: {
    insecure: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  # kube-netsec-disable-next-line host-network -- legacy exception
  hostNetwork: false
  containers:
    - name: web
      image: nginx:1.27
`,
    fixed: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  hostNetwork: false
  containers:
    - name: web
      image: nginx:1.27
`,
  },
  *check(suppressions, { ranRuleIds, knownRuleIds }) {
    for (const suppression of suppressions) {
      if (suppression.ruleIds.length === 0) {
        yield { message: `${suppression.form} names no rule: add the rule id(s) it is meant for.`, range: suppression.range, data: { suppression, whole: true } };
        continue;
      }
      const unknown = suppression.ruleIds.filter((ruleId) => !knownRuleIds.has(ruleId));
      const unused = suppression.ruleIds.filter((ruleId) => knownRuleIds.has(ruleId) && ranRuleIds.has(ruleId) && !suppression.used.has(ruleId));
      // A suppression none of whose rules holds anything can go whole; otherwise only the idle rule id.
      const whole = unknown.length + unused.length === suppression.ruleIds.length;
      for (const ruleId of suppression.ruleIds) {
        if (unknown.includes(ruleId)) {
          yield { message: `${suppression.form} names "${ruleId}", which is not a kube-netsec rule.`, range: suppression.range, data: { suppression, ruleId, whole } };
        } else if (unused.includes(ruleId)) {
          yield { message: `${suppression.form} suppresses nothing: there is no ${ruleId} finding ${where(suppression.scope.kind)}.`, range: suppression.range, data: { suppression, ruleId, whole } };
        }
      }
    }
  },
  // Removing a suppression that hid a finding would bring it back: the engine's check drops such a fix.
  *fixes({ report, text, finding }) {
    const { suppression, ruleId, whole } = (report.data ?? {}) as { suppression?: Suppression; ruleId?: string; whole?: boolean };
    if (!suppression || text === undefined) return;
    const edits = whole ? removeSuppression(suppression, text) : ruleId !== undefined ? [removeRuleId(suppression, text, ruleId)].filter((edit) => edit !== undefined) : undefined;
    if (!edits || edits.length === 0) return;
    const title = whole ? 'Remove the unused suppression' : `Remove ${ruleId} from the suppression`;
    yield { title, kind: 'quickfix', preferred: true, edits: [{ uri: finding.uri, edits }] };
  },
};

function where(scope: 'next-line' | 'document' | 'object'): string {
  return scope === 'next-line' ? 'on the next line' : scope === 'document' ? 'in this document' : 'on this object';
}
