import { isPlainObject } from '../manifest/kube-object';
import { labelText, type Labels } from '../model/labels';

/**
 * A compiled `metav1.LabelSelector`: `matchLabels` AND every `matchExpressions` requirement.
 *
 * A selector Kubernetes would refuse (an unknown or miscased operator, `In`/`NotIn` without values,
 * `Exists` with values, a missing key, a map or list where a string belongs, a selector that is not
 * a map) is `malformed` and matches nothing: the API server rejects such an object, so it can
 * neither select nor admit anything, and reading it as "match everything" would overstate what
 * the cluster allows. Scalar values (`version: 1`) are read as their text, like object labels.
 */
export type LabelSelector =
  | { kind: 'requirements'; requirements: readonly LabelRequirement[] }
  | { kind: 'malformed'; reason: string };

export type LabelRequirement =
  | { key: string; operator: 'In' | 'NotIn'; values: readonly string[] }
  | { key: string; operator: 'Exists' | 'DoesNotExist' };

export const MATCH_EVERYTHING: LabelSelector = { kind: 'requirements', requirements: [] };

/** Whether a selector has no requirement (`{}`): it matches every label set, now and later. */
export function selectsEverything(selector: LabelSelector): boolean {
  return selector.kind === 'requirements' && selector.requirements.length === 0;
}

/** Compiles a selector that is present (`{}` matches everything; `null` is read as `{}`). */
export function compileLabelSelector(value: unknown): LabelSelector {
  if (value === null || value === undefined) return MATCH_EVERYTHING;
  if (!isPlainObject(value)) return malformed('the selector is not a map');
  const requirements: LabelRequirement[] = [];
  const { matchLabels, matchExpressions } = value;
  if (matchLabels !== undefined && matchLabels !== null) {
    if (!isPlainObject(matchLabels)) return malformed('matchLabels is not a map');
    for (const [key, labelValue] of Object.entries(matchLabels)) {
      const text = labelText(labelValue);
      if (text === undefined) return malformed(`matchLabels.${key} is not a string`);
      requirements.push({ key, operator: 'In', values: [text] });
    }
  }
  if (matchExpressions !== undefined && matchExpressions !== null) {
    if (!Array.isArray(matchExpressions)) return malformed('matchExpressions is not a list');
    for (const expression of matchExpressions) {
      const requirement = compileExpression(expression);
      if (typeof requirement === 'string') return malformed(requirement);
      requirements.push(requirement);
    }
  }
  return { kind: 'requirements', requirements };
}

function compileExpression(expression: unknown): LabelRequirement | string {
  if (!isPlainObject(expression)) return 'a matchExpressions entry is not a map';
  const { key, operator, values } = expression;
  if (typeof key !== 'string' || key === '') return 'a matchExpressions entry has no key';
  const texts = values === undefined || values === null ? [] : Array.isArray(values) ? values.map(labelText) : undefined;
  if (texts === undefined || texts.some((text) => text === undefined)) return `the values of "${key}" are not a list of strings`;
  switch (operator) {
    case 'In':
    case 'NotIn':
      if (texts.length === 0) return `${operator} on "${key}" needs values`;
      return { key, operator, values: texts as string[] };
    case 'Exists':
    case 'DoesNotExist':
      if (texts.length > 0) return `${operator} on "${key}" takes no values`;
      return { key, operator };
    default:
      return `unknown operator ${JSON.stringify(operator)} on "${key}"`;
  }
}

export function matchesLabels(selector: LabelSelector, labels: Labels): boolean {
  if (selector.kind === 'malformed') return false;
  // A plain loop: the analysis matches selectors against every label class.
  for (const requirement of selector.requirements) {
    const present = Object.prototype.hasOwnProperty.call(labels, requirement.key);
    switch (requirement.operator) {
      case 'In':
        if (!present || !requirement.values.includes(labels[requirement.key])) return false;
        break;
      case 'NotIn':
        if (present && requirement.values.includes(labels[requirement.key])) return false;
        break;
      case 'Exists':
        if (!present) return false;
        break;
      case 'DoesNotExist':
        if (present) return false;
        break;
    }
  }
  return true;
}

function malformed(reason: string): LabelSelector {
  return { kind: 'malformed', reason };
}
