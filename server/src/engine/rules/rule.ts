import type { KubeObject, ObjectRef } from '../manifest/kube-object';
import type { ManifestFile } from '../manifest/manifest-file';
import type { SourceRange } from '../text/range';

export type Severity = 'error' | 'warning' | 'info' | 'hint';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

export type RuleCategory =
  | 'syntax'
  | 'pod-networking'
  | 'service'
  | 'ingress'
  | 'network-policy'
  | 'service-mesh'
  | 'cni-policy'
  | 'rbac'
  | 'control-plane';

/** What a rule is, for users: shown in hovers, the CLI's `rules` command and the generated docs. */
export interface RuleMeta {
  /** Stable public identifier (kebab-case): used in settings, suppressions and output. */
  id: string;
  title: string;
  severity: Severity;
  category: RuleCategory;
  /** Why the configuration is a risk (Markdown). */
  explanation: string;
  /** What to do instead (Markdown). */
  remediation: string;
  /** Kubernetes documentation, CVEs and other sources (URLs). */
  references: readonly string[];
}

/** One problem a rule found. */
export interface Report {
  message: string;
  range: SourceRange;
}

/** A rule that looks at one Kubernetes object at a time. */
export interface ObjectRule extends RuleMeta {
  scope: 'object';
  check(object: KubeObject): Iterable<Report>;
}

/** A rule that looks at a whole file (syntax problems, for example). */
export interface FileRule extends RuleMeta {
  scope: 'file';
  check(file: ManifestFile): Iterable<Report & { object?: KubeObject }>;
}

export type Rule = ObjectRule | FileRule;

/** A report turned into a finding: which rule, how severe, in which file and object. */
export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  uri: string;
  range: SourceRange;
  object?: ObjectRef;
}
