import { isPlainObject, type KubeObject, type PlainObject } from '../../manifest/kube-object';
import { followPath, type ObjectPath } from '../../manifest/yaml-path';
import type { Report } from '../rule';
import { kubernetesModelsErrors } from './kubernetes-models-validation';
import { shapeProblems } from './policy-shape';
import type { Problem } from './structure-problem';
import { unknownFieldProblems } from './unknown-fields';
import { validationProblems } from './validation-problems';

/**
 * The structure problems of a NetworkPolicy, one per mistake: what kubernetes-models' validator
 * finds (wrong types, missing or wrong `apiVersion`, missing required fields), the unknown fields
 * it lets through, and the API server's shape checks on the parts whose structure is sound.
 * Values that are well-typed but wrong (ports, protocols, CIDRs) are other rules' business.
 */
export function structureProblems(object: KubeObject): Report[] {
  const value: PlainObject = { ...object.value, kind: object.kind };
  // Items of a NetworkPolicyList may inherit their apiVersion from the list.
  if (object.apiVersion !== undefined) value.apiVersion = object.apiVersion;
  if (value.apiVersion === undefined && looksLikeCalico(value.spec)) {
    return [{ message: CALICO_WITHOUT_API_VERSION, range: object.rangeOf(['kind']) }];
  }

  const problems = [...validationProblems(kubernetesModelsErrors(value), (path) => sourceText(object, path)), ...unknownFieldProblems(value)];
  const troubled = problems.map((problem) => problem.path);
  const sound = (path: ObjectPath) => !troubled.some((bad) => startsWith(bad, path) || startsWith(path, bad));
  if (isPlainObject(value.spec)) problems.push(...shapeProblems(value.spec).filter((problem) => sound(problem.path)));

  return dedupe(problems).map((problem) => ({
    message: problem.message,
    range: object.rangeOf(problem.path, problem.part),
    ...(problem.correction && { path: problem.path, data: problem.correction }),
  }));
}

const CALICO_WITHOUT_API_VERSION =
  'This NetworkPolicy has no `apiVersion`, so kubectl rejects it; its fields (`selector`, `action`...) are those of a ' +
  'Calico policy, which is `apiVersion: projectcalico.org/v3`.';

/** Calico's own NetworkPolicy (projectcalico.org/v3) has `selector`, `types`, `order`, `tier` and rules with an `action`. */
function looksLikeCalico(spec: unknown): boolean {
  if (!isPlainObject(spec)) return false;
  if (['selector', 'types', 'order', 'tier', 'serviceAccountSelector'].some((key) => key in spec)) return true;
  return ['ingress', 'egress'].some((key) => {
    const rules = spec[key];
    return Array.isArray(rules) && rules.some((rule) => isPlainObject(rule) && 'action' in rule);
  });
}

function sourceText(object: KubeObject, path: ObjectPath): string | undefined {
  const { yaml, source } = object.document;
  const node = followPath(yaml, yaml.contents, [...object.basePath, ...path]).node;
  return node?.range ? source.slice(node.range[0], node.range[1]) : undefined;
}

function startsWith(path: ObjectPath, prefix: ObjectPath): boolean {
  return prefix.length <= path.length && prefix.every((step, index) => path[index] === step);
}

// One finding per place: the first problem found there wins (kubernetes-models' before an unknown field's).
function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const id = JSON.stringify(problem.path);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
