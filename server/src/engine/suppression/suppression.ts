import type { KubeObject } from '../manifest/kube-object';
import type { ManifestDocument } from '../manifest/document';
import type { SourceRange } from '../text/range';

/** Where a suppression applies. */
export type SuppressionScope =
  | { kind: 'next-line'; line: number }
  | { kind: 'document'; document: ManifestDocument }
  | { kind: 'object'; object: KubeObject };

/**
 * A request, written in the manifest, not to report some rules here: a `kube-netsec-disable-next-line`
 * or `kube-netsec-disable` comment, or a `kube-netsec.io/ignore-RULE` annotation.
 */
export interface Suppression {
  /** How it is written, for messages: "kube-netsec-disable-next-line", or the annotation key. */
  form: string;
  ruleIds: string[];
  /** The justification after "--" (comments) or the annotation value; empty when missing. */
  reason: string;
  scope: SuppressionScope;
  /** Where it is written: the comment, or the annotation pair. */
  range: SourceRange;
  /** How many findings it suppressed, per rule id (filled in when applied). */
  used: Map<string, number>;
}
