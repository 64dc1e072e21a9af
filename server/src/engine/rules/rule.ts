import type { KubeObject, ObjectRef } from '../manifest/kube-object';
import type { ManifestFile } from '../manifest/manifest-file';
import type { LintConfig } from '../config/lint-config';
import type { Suppression } from '../suppression/suppression';
import type { SourceRange } from '../text/range';
import type { Workspace } from '../workspace/workspace';
import type { ObjectPath } from '../manifest/yaml-path';
import type { FixProvider } from '../fixes/fix';

export type Severity = 'error' | 'warning' | 'info' | 'hint';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

export type RuleCategory =
  | 'syntax'
  | 'manifest'
  | 'suppression'
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
  /**
   * A short insecure manifest the rule reports and the same manifest fixed, for the docs. Tests check
   * that the rule fires on the first and stays silent on the second.
   */
  examples: { insecure: string; fixed: string };
}

/** What rules may read besides the object: the user's configuration. */
export interface RuleContext {
  config: LintConfig;
}

/** One problem a rule found. */
export interface Report {
  message: string;
  range: SourceRange;
  /**
   * This finding's severity when it differs from the rule's default (a milder or graver case of the
   * same problem). A severity the user configures for the rule wins over both.
   */
  severity?: Severity;
  /** The path at fault, relative to the object, for fixes that edit it. */
  path?: ObjectPath;
  /** Facts a fix needs that the message only describes (a suggested value, a missing type...). */
  data?: Readonly<Record<string, unknown>>;
  /** Other places the finding is about (the other definition of a duplicate object, say). */
  related?: readonly RelatedLocation[];
}

/** A place in some file that a finding refers to, with what it is. */
export interface RelatedLocation {
  uri: string;
  range: SourceRange;
  message: string;
}

/** What every rule may add to its metadata and check: ways to fix what it reports. */
interface Fixable {
  /**
   * The fixes of one of this rule's findings. The engine applies each in memory and offers only
   * those after which the file still parses, the finding is gone and no new warning appears.
   */
  fixes?: FixProvider;
}

/** A rule that looks at one Kubernetes object at a time. */
export interface ObjectRule extends RuleMeta, Fixable {
  scope: 'object';
  check(object: KubeObject, context: RuleContext): Iterable<Report>;
}

/** A rule that looks at a whole file (syntax problems, for example). */
export interface FileRule extends RuleMeta, Fixable {
  scope: 'file';
  check(file: ManifestFile, context: RuleContext): Iterable<Report & { object?: KubeObject }>;
}

/**
 * A rule that looks across objects and files: workloads against policies, Services against pods.
 * Each report names the object it is about, which decides the file it is shown in.
 */
export interface WorkspaceRule extends RuleMeta, Fixable {
  scope: 'workspace';
  check(workspace: Workspace, context: RuleContext): Iterable<Report & { object: KubeObject }>;
}

/** What the suppression rules learn once suppressions have been applied. */
export interface SuppressionContext extends RuleContext {
  /** Ids of the rules that ran: only their suppressions can be judged unused. */
  ranRuleIds: ReadonlySet<string>;
  /** Ids of every registered rule. */
  knownRuleIds: ReadonlySet<string>;
}

/** A rule about the suppressions written in a file (missing reasons, unused suppressions). */
export interface SuppressionRule extends RuleMeta, Fixable {
  scope: 'suppression';
  check(suppressions: readonly Suppression[], context: SuppressionContext): Iterable<Report>;
}

export type Rule = ObjectRule | FileRule | WorkspaceRule | SuppressionRule;

/** A report turned into a finding: which rule, how severe, in which file and object. */
export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  uri: string;
  range: SourceRange;
  object?: ObjectRef;
  related?: readonly RelatedLocation[];
}
