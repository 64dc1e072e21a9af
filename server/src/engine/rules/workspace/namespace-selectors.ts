import type { LabelSelector } from '../../connectivity';
import { NAMESPACE_NAME_LABEL, type ClusterModel } from '../../model';

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

/**
 * Whether a namespaceSelector that matches no namespace is worth reporting: the workspace defines
 * Namespace objects, the selector does not go by name (a name usually means a namespace managed
 * elsewhere), and each label it requires is carried by some Namespace object (so a value is wrong,
 * not a namespace missing from the repository).
 */
export function namespaceMismatchIsJudgeable(selector: LabelSelector, model: ClusterModel): boolean {
  if (selector.kind === 'malformed' || testsNamespaceName(selector)) return false;
  const definedLabels = definedNamespaceLabels(model);
  if (definedLabels.length === 0) return false;
  return requiredKeys(selector).every((key) => definedLabels.some((labels) => Object.prototype.hasOwnProperty.call(labels, key)));
}

/** The labels of the Namespace objects of the workspace (not of namespaces only workloads imply). */
export function definedNamespaceLabels(model: ClusterModel): Readonly<Record<string, string>>[] {
  return [...model.namespaces.values()].flatMap((info) => (info.object ? [info.labels] : []));
}

/** The label keys a namespace must carry to match (`In` and `Exists`, matchLabels included). */
export function requiredKeys(selector: LabelSelector): string[] {
  if (selector.kind !== 'requirements') return [];
  return selector.requirements.filter((requirement) => requirement.operator === 'In' || requirement.operator === 'Exists').map((requirement) => requirement.key);
}
