import { isPlainObject, type PlainObject } from '../../manifest/kube-object';
import type { ObjectPath } from '../../manifest/yaml-path';
import { didYouMean } from './did-you-mean';
import { isLabelSelector, mapHeldBy, NETWORK_POLICY_FIELDS, type PolicyMap } from './policy-field-names';
import { listOf, type Problem } from './structure-problem';

const UNKNOWN_FIELD_CONSEQUENCE = 'kubectl rejects unknown fields, and tools that drop them apply the policy without it.';

/**
 * The unknown fields of a NetworkPolicy, which kubernetes-models lets through: typos (with the
 * field meant), fields indented a level too deep, labels written straight into a selector. Only
 * known fields are followed, so nothing under a misspelled field is reported again.
 */
export function unknownFieldProblems(policy: PlainObject): Problem[] {
  const problems: Problem[] = [];
  const visit = (value: unknown, path: ObjectPath, map: PolicyMap, enclosing: PolicyMap | undefined) => {
    if (!isPlainObject(value)) return;
    const unknown = Object.keys(value).filter((key) => !map.fields.includes(key));
    if (unknown.length > 0) problems.push(...unknownKeyProblems(path, unknown, map, enclosing));
    for (const field of map.fields) {
      const held = mapHeldBy(field);
      const child = value[field];
      if (!held) continue;
      if (!held.list) visit(child, [...path, field], held.map, map);
      else if (Array.isArray(child)) child.forEach((item, index) => visit(item, [...path, field, index], held.map, map));
    }
  };
  visit(policy, [], NETWORK_POLICY_FIELDS, undefined);
  return problems;
}

/** The unknown keys of one map, one problem per mistake. */
function unknownKeyProblems(path: ObjectPath, keys: readonly string[], map: PolicyMap, enclosing: PolicyMap | undefined): Problem[] {
  const problems: Problem[] = [];
  const misplaced: string[] = [];
  const labels: string[] = [];
  for (const key of keys) {
    const suggestion = didYouMean(key, map.fields);
    if (suggestion) {
      problems.push({
        path: [...path, key],
        part: 'key',
        message: `\`${key}\` is not a field of ${map.title}: did you mean \`${suggestion}\`? ${UNKNOWN_FIELD_CONSEQUENCE}`,
        correction: { key: suggestion },
      });
    } else if (enclosing?.fields.includes(key)) {
      misplaced.push(key);
    } else if (isLabelSelector(map)) {
      labels.push(key);
    } else {
      const takes = map.fields.length <= 4 ? `, which takes ${listOf(map.fields)}` : '';
      problems.push({ path: [...path, key], part: 'key', message: `\`${key}\` is not a field of ${map.title}${takes}: ${UNKNOWN_FIELD_CONSEQUENCE}` });
    }
  }
  if (misplaced.length > 0 && enclosing) {
    const owner = enclosing.title.replace(/^an? /, 'the ');
    const [verb, pronoun, belong] = misplaced.length === 1 ? ['is not a field', 'it is', 'belongs'] : ['are not fields', 'they are', 'belong'];
    problems.push({
      path: [...path, misplaced[0]],
      part: 'key',
      message: `${listOf(misplaced)} ${verb} of ${map.title}: ${pronoun} indented one level too deep and ${belong} to ${owner}.`,
    });
  }
  if (labels.length > 0) {
    const verb = labels.length === 1 ? 'is not a field' : 'are not fields';
    problems.push({
      path: [...path, labels[0]],
      part: 'key',
      message:
        `${listOf(labels)} ${verb} of a label selector: labels go under \`matchLabels\`. kubectl rejects the policy, and tools ` +
        'that drop unknown fields leave an empty selector, which matches everything.',
    });
  }
  return problems;
}
