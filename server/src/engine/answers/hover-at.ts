import type { KubeObject } from '../manifest/kube-object';
import type { ObjectPath } from '../manifest/yaml-path';
import { isCoreNetworkPolicy } from '../policy/network-policy';
import type { Position } from '../text/range';
import { podMetadataOf } from '../workloads/pod-metadata';
import type { Workspace } from '../workspace/workspace';
import type { AnswerContext, HoverAnswer } from './answer';
import { diagnosticHover, findingsAt, SECTION_RULE } from './diagnostic-hover';
import { fieldDocAt } from './field-doc-hover';
import { locationAt, type ManifestLocation } from './location';
import { policySummary } from './policy-summary';
import { selectorSummary } from './selector-summary';
import { workloadSummary } from './workload-summary';

/**
 * The hover at a position: the findings reported there (with what the place is about below them),
 * else a summary of the policy, workload or selector under the cursor, else the field's doc.
 * It reads the parse and the workspace of the context; nothing is parsed again.
 */
export function hoverAt(context: AnswerContext, position: Position): HoverAnswer | undefined {
  const location = locationAt(context.file, position);
  const placeAnswer = location?.object ? answerAt(context.workspace, location.object, location) : undefined;
  const findings = findingsAt(context.findings, position);
  if (findings.length > 0) {
    const markdown = [diagnosticHover(context, findings), placeAnswer].filter((part) => part !== undefined).join(SECTION_RULE);
    return { markdown, range: location?.range ?? findings[0].finding.range };
  }
  return location && placeAnswer !== undefined ? { markdown: placeAnswer, range: location.range } : undefined;
}

/** What the key or value under the cursor is about, in the order the most telling answer wins. */
function answerAt(workspace: Workspace, object: KubeObject, { path, part }: ManifestLocation): string | undefined {
  if (isCoreNetworkPolicy(object) && isPolicyHeadline(path, part)) return policySummary(workspace, object);
  if (isWorkloadHeadline(object, path, part)) {
    const summary = workloadSummary(workspace, object);
    if (summary !== undefined) return summary;
  }
  const fieldDoc = fieldDocAt(object, path);
  const selector = selectorSummary(workspace, object, path);
  // Inside a selector, what it matches now says more than what the field is; the doc follows it.
  if (selector !== undefined) return fieldDoc === undefined ? selector : `${selector}${SECTION_RULE}${fieldDoc}`;
  if (fieldDoc !== undefined) return fieldDoc;
  // A pod-template label no doc is about still belongs to the workload's identity.
  return isPodLabel(object, path) ? workloadSummary(workspace, object) : undefined;
}

/** A policy's name, its `spec` key or its `spec.podSelector` key. */
function isPolicyHeadline(path: ObjectPath, part: ManifestLocation['part']): boolean {
  return isPath(path, ['metadata', 'name']) || (part === 'key' && (isPath(path, ['spec']) || isPath(path, ['spec', 'podSelector'])));
}

/** A workload's name, or the `labels` key of the metadata its pods get. */
function isWorkloadHeadline(object: KubeObject, path: ObjectPath, part: ManifestLocation['part']): boolean {
  if (isPath(path, ['metadata', 'name'])) return true;
  const metadata = podMetadataOf(object);
  return part === 'key' && metadata !== undefined && isPath(path, [...metadata.path, 'labels']);
}

function isPodLabel(object: KubeObject, path: ObjectPath): boolean {
  const metadata = podMetadataOf(object);
  return metadata !== undefined && path.length === metadata.path.length + 2 && isPath(path.slice(0, -1), [...metadata.path, 'labels']);
}

function isPath(path: ObjectPath, expected: ObjectPath): boolean {
  return path.length === expected.length && expected.every((step, index) => path[index] === step);
}
