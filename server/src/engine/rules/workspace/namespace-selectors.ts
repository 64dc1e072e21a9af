import type { LabelSelector } from '../../connectivity';
import { NAMESPACE_NAME_LABEL } from '../../model';

// What a namespaceSelector says about namespaces the workspace may not define. Only the automatic
// `kubernetes.io/metadata.name` label is known for those; every other label is a guess.

/** Whether the selector tests the namespace name label at all. */
export function testsNamespaceName(selector: LabelSelector): boolean {
  return selector.kind === 'requirements' && selector.requirements.some((requirement) => requirement.key === NAMESPACE_NAME_LABEL);
}

/**
 * The namespaces a selector admits by name (`kubernetes.io/metadata.name` in matchLabels or an `In`
 * expression), or undefined when it does not pin names: then it may match namespaces of any name.
 */
export function namespacesNamedBy(selector: LabelSelector): readonly string[] | undefined {
  if (selector.kind !== 'requirements') return undefined;
  let names: string[] | undefined;
  for (const requirement of selector.requirements) {
    if (requirement.key !== NAMESPACE_NAME_LABEL || requirement.operator !== 'In') continue;
    names = names ? names.filter((name) => requirement.values.includes(name)) : [...requirement.values];
  }
  return names;
}
