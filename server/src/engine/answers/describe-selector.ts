import type { LabelRequirement, LabelSelector } from '../connectivity/label-selector';
import { NAMESPACE_NAME_LABEL } from '../model/namespaces';

// Label selectors in words, the way `kubectl get -l` writes them: `tier=backend`, `env in (a, b)`.

/** "`tier=backend`, `env notin (dev)`"; undefined for a selector that matches everything. */
export function requirementsText(selector: LabelSelector): string | undefined {
  if (selector.kind === 'malformed') return `an invalid selector (${selector.reason})`;
  if (selector.requirements.length === 0) return undefined;
  return selector.requirements.map((requirement) => `\`${requirementText(requirement)}\``).join(', ');
}

function requirementText(requirement: LabelRequirement): string {
  switch (requirement.operator) {
    case 'In':
      return requirement.values.length === 1 ? `${requirement.key}=${requirement.values[0]}` : `${requirement.key} in (${requirement.values.join(', ')})`;
    case 'NotIn':
      return `${requirement.key} notin (${requirement.values.join(', ')})`;
    case 'Exists':
      return requirement.key;
    case 'DoesNotExist':
      return `!${requirement.key}`;
  }
}

/** "pods with `tier=backend`", or "all pods" for an empty selector. */
export function podsText(selector: LabelSelector): string {
  const requirements = requirementsText(selector);
  if (selector.kind === 'malformed') return `no pods (${requirements})`;
  return requirements ? `pods with ${requirements}` : 'all pods';
}

/**
 * "every namespace", "namespace `shop`" (a selector on the automatic name label only), or
 * "namespaces with `team=a`".
 */
export function namespacesText(selector: LabelSelector): string {
  if (selector.kind === 'malformed') return `no namespace (${requirementsText(selector)})`;
  if (selector.requirements.length === 0) return 'every namespace';
  const [only] = selector.requirements;
  if (selector.requirements.length === 1 && only.key === NAMESPACE_NAME_LABEL && only.operator === 'In') {
    return `${only.values.length === 1 ? 'namespace' : 'namespaces'} ${only.values.map((name) => `\`${name}\``).join(', ')}`;
  }
  return `namespaces with ${requirementsText(selector)}`;
}
