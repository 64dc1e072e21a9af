import type { ErrorObject } from 'ajv';
import type { RangePart } from '../../manifest/document';
import { isPlainObject, type KubeObject, type PlainObject } from '../../manifest/kube-object';
import { followPath, type ObjectPath } from '../../manifest/yaml-path';
import { allRulesOf, PEERS_KEY, type PolicyRule } from '../../policy/network-policy';
import type { Report } from '../rule';
import { didYouMean } from './did-you-mean';
import { fieldsOf, networkPolicySchemaErrors, schemaAt, type SchemaNode } from './policy-schema';

/**
 * The structure problems of a NetworkPolicy, one per mistake: wrong types, unknown or misplaced
 * fields, missing required fields, and the shape rules the API server adds (a peer must name
 * something; an ipBlock stands alone; selector operators and their values; at most two policyTypes).
 * Values that are well-typed but wrong (ports, protocols, CIDRs) are other rules' business.
 */
export function structureProblems(object: KubeObject): Report[] {
  const value: PlainObject = { ...object.value, kind: object.kind };
  // Items of a NetworkPolicyList may inherit their apiVersion from the list.
  if (object.apiVersion !== undefined) value.apiVersion = object.apiVersion;
  if (value.apiVersion === undefined && looksLikeCalico(value.spec)) {
    return [{ message: CALICO_WITHOUT_API_VERSION, range: object.rangeOf(['kind']) }];
  }

  const problems: Problem[] = [];
  const unknownKeys = new Map<string, { path: ObjectPath; keys: string[] }>();
  for (const error of networkPolicySchemaErrors(value)) {
    const path = toObjectPath(error.instancePath, value);
    if (error.keyword === 'additionalProperties') {
      const id = JSON.stringify(path);
      const entry = unknownKeys.get(id) ?? { path, keys: [] };
      entry.keys.push(String(error.params.additionalProperty));
      unknownKeys.set(id, entry);
      continue;
    }
    const problem = schemaProblem(path, error, (at) => sourceText(object, at));
    if (problem) problems.push(problem);
  }
  for (const { path, keys } of unknownKeys.values()) problems.push(...unknownKeyProblems(path, keys));

  // The API server's own shape checks, on the parts whose structure is sound.
  const troubled = problems.map((problem) => problem.path);
  const sound = (path: ObjectPath) => !troubled.some((bad) => startsWith(bad, path) || startsWith(path, bad));
  if (isPlainObject(value.spec)) problems.push(...shapeProblems(value.spec).filter((problem) => sound(problem.path)));

  return dedupe(problems).map((problem) => ({ message: problem.message, range: object.rangeOf(problem.path, problem.part) }));
}

interface Problem {
  /** Where the mistake is (for ranges, and to keep one finding per mistake). */
  path: ObjectPath;
  part: RangePart;
  message: string;
}

const CALICO_WITHOUT_API_VERSION =
  'This NetworkPolicy has no `apiVersion`, so kubectl rejects it; its fields (`selector`, `action`...) are those of a ' +
  'Calico policy, which is `apiVersion: projectcalico.org/v3`.';

const UNKNOWN_FIELD_CONSEQUENCE = 'kubectl rejects unknown fields, and tools that drop them apply the policy without it.';

const LABEL_MAPS = new Set(['matchLabels', 'labels', 'annotations']);

/** The source text of the value at a path, to quote it as written (`1.10`, not the number 1.1). */
type SourceOf = (path: ObjectPath) => string | undefined;

function schemaProblem(path: ObjectPath, error: ErrorObject, sourceOf: SourceOf): Problem | undefined {
  const last = path.at(-1);
  switch (error.keyword) {
    case 'type':
      return typeProblem(path, error, sourceOf);
    case 'enum':
      return enumProblem(path, error.data);
    case 'required': {
      const missing = String(error.params.missingProperty);
      if (path.length === 0) {
        return {
          path: ['kind'],
          part: 'pair',
          message: `This NetworkPolicy has no \`${missing}\`, so kubectl rejects it: add \`apiVersion: networking.k8s.io/v1\`.`,
        };
      }
      if (last === 'ipBlock') return { path, part: 'key', message: '`ipBlock` has no `cidr`, so the API server rejects the policy.' };
      return { path, part: 'value', message: `This selector requirement has no \`${missing}\`, so the API server rejects the policy.` };
    }
    default:
      return { path, part: 'pair', message: `\`${String(last)}\` ${error.message ?? 'is not valid'}.` };
  }
}

function typeProblem(path: ObjectPath, error: ErrorObject, sourceOf: SourceOf): Problem {
  const data: unknown = error.data;
  const last = path.at(-1);
  const parentKey = path.at(-2);
  if (typeof last === 'string' && typeof parentKey === 'string' && LABEL_MAPS.has(parentKey)) {
    const what = parentKey === 'annotations' ? 'Annotation' : 'Label';
    const written = isScalar(data) ? (sourceOf(path) ?? String(data)) : undefined;
    const shown = written === undefined ? describeValue(data) : `the ${typeof data} ${written}`;
    const quote = written === undefined ? '' : ` ("${written}")`;
    return {
      path,
      part: 'value',
      message: `${what} \`${last}\` is ${shown}, but ${what.toLowerCase()} values must be strings: quote it${quote}.`,
    };
  }
  if (last === 'port' && typeof parentKey === 'number') {
    return { path, part: partFor(data), message: `\`port\` must be a number or a port name, not ${describeValue(data)}.` };
  }
  const expected = expectedNoun(schemaAt(path), error.params.type);
  if (typeof last === 'number') {
    return { path, part: 'value', message: `Each entry of \`${String(parentKey)}\` must be ${expected}, not ${describeValue(data)}.` };
  }
  if (last === undefined) return { path: ['kind'], part: 'pair', message: `A NetworkPolicy must be a map, not ${describeValue(data)}.` };
  return { path, part: partFor(data), message: `\`${last}\` must be ${expected}, not ${describeValue(data)}.` };
}

function enumProblem(path: ObjectPath, data: unknown): Problem {
  const last = path.at(-1);
  const text = String(data);
  if (last === 'apiVersion') {
    const message =
      text === 'extensions/v1beta1'
        ? '`extensions/v1beta1` no longer serves NetworkPolicy (removed in Kubernetes 1.16), so the API server rejects this ' +
          'policy: use `networking.k8s.io/v1`.'
        : `\`apiVersion: ${text}\` does not serve NetworkPolicy, so the API server rejects this policy: use \`networking.k8s.io/v1\`.`;
    return { path, part: 'pair', message };
  }
  if (path.at(-2) === 'policyTypes') {
    const fixed = ['Ingress', 'Egress'].find((type) => type.toLowerCase() === text.toLowerCase());
    const message = fixed
      ? `\`${text}\` is not a policy type: policy types are case-sensitive, so write \`${fixed}\`.`
      : `\`${text}\` is not a policy type: the API server takes \`Ingress\` and \`Egress\` only.`;
    return { path, part: 'value', message };
  }
  const operators = ['In', 'NotIn', 'Exists', 'DoesNotExist'];
  const fixed = operators.find((operator) => operator.toLowerCase() === text.toLowerCase());
  const message = fixed
    ? `\`operator: ${text}\` is not a selector operator: operators are case-sensitive, so write \`${fixed}\`.`
    : `\`operator: ${text}\` is not a selector operator: the API server takes In, NotIn, Exists and DoesNotExist.`;
  return { path, part: 'pair', message };
}

/** Unknown keys of one map: typos (did you mean), fields indented a level too deep, labels written straight into a selector. */
function unknownKeyProblems(path: ObjectPath, keys: string[]): Problem[] {
  const schema = schemaAt(path);
  const title = String(schema?.title ?? 'this map');
  const own = fieldsOf(schema);
  const enclosing = enclosingObjectPath(path);
  const enclosingSchema = enclosing ? schemaAt(enclosing) : undefined;
  const problems: Problem[] = [];
  const misplaced: string[] = [];
  const labels: string[] = [];
  for (const key of keys) {
    const suggestion = didYouMean(key, own);
    if (suggestion) {
      problems.push({
        path: [...path, key],
        part: 'key',
        message: `\`${key}\` is not a field of ${title}: did you mean \`${suggestion}\`? ${UNKNOWN_FIELD_CONSEQUENCE}`,
      });
    } else if (fieldsOf(enclosingSchema).includes(key)) {
      misplaced.push(key);
    } else if (title === 'a label selector') {
      labels.push(key);
    } else {
      const takes = own.length > 0 && own.length <= 4 ? `, which takes ${listOf(own)}` : '';
      problems.push({ path: [...path, key], part: 'key', message: `\`${key}\` is not a field of ${title}${takes}: ${UNKNOWN_FIELD_CONSEQUENCE}` });
    }
  }
  if (misplaced.length > 0) {
    const owner = String(enclosingSchema?.title ?? 'the enclosing map').replace(/^an? /, 'the ');
    const [verb, pronoun, belong] = misplaced.length === 1 ? ['is not a field', 'it is', 'belongs'] : ['are not fields', 'they are', 'belong'];
    problems.push({
      path: [...path, misplaced[0]],
      part: 'key',
      message: `${listOf(misplaced)} ${verb} of ${title}: ${pronoun} indented one level too deep and ${belong} to ${owner}.`,
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

function shapeProblems(spec: PlainObject): Problem[] {
  const problems: Problem[] = [];
  if (Array.isArray(spec.policyTypes) && spec.policyTypes.length > 2) {
    problems.push({
      path: ['spec', 'policyTypes'],
      part: 'key',
      message: `\`policyTypes\` lists ${spec.policyTypes.length} entries, but the API server accepts at most two (Ingress and Egress).`,
    });
  }
  problems.push(...selectorProblems(spec.podSelector, ['spec', 'podSelector']));
  for (const rule of allRulesOf(spec)) problems.push(...peerProblems(rule));
  return problems;
}

const PEER_FIELDS = ['podSelector', 'namespaceSelector', 'ipBlock'] as const;

function peerProblems(rule: PolicyRule): Problem[] {
  const key = PEERS_KEY[rule.direction];
  const peers = rule.fields?.[key];
  if (!Array.isArray(peers)) return [];
  const problems: Problem[] = [];
  peers.forEach((peer, index) => {
    const path = [...rule.path, key, index];
    if (peer !== null && !isPlainObject(peer)) return;
    const fields = peer ?? {};
    const named = PEER_FIELDS.filter((field) => fields[field] !== undefined && fields[field] !== null);
    if (named.length === 0) {
      const empty = PEER_FIELDS.find((field) => field in fields);
      problems.push(
        empty
          ? {
              path: [...path, empty],
              part: 'key',
              message: `\`${empty}\` has no value, so this peer names nothing and the API server rejects the policy${emptyValueHint(empty)}.`,
            }
          : {
              path,
              part: 'value',
              message: 'This peer is empty: a peer needs a `podSelector`, `namespaceSelector` or `ipBlock`, so the API server rejects the policy.',
            },
      );
    } else if (named.includes('ipBlock') && named.length > 1) {
      const other = named.find((field) => field !== 'ipBlock');
      problems.push({ path: [...path, 'ipBlock'], part: 'key', message: `\`ipBlock\` cannot share a peer with \`${other}\`, so the API server rejects the policy.` });
    }
    problems.push(...selectorProblems(fields.podSelector, [...path, 'podSelector']));
    problems.push(...selectorProblems(fields.namespaceSelector, [...path, 'namespaceSelector']));
  });
  return problems;
}

function emptyValueHint(field: string): string {
  if (field === 'podSelector') return ' (`podSelector: {}` selects every pod of the namespace)';
  if (field === 'namespaceSelector') return ' (`namespaceSelector: {}` selects every namespace)';
  return '';
}

/** Operators and their values (the API server's ValidateLabelSelectorRequirement). */
function selectorProblems(selector: unknown, path: ObjectPath): Problem[] {
  if (!isPlainObject(selector) || !Array.isArray(selector.matchExpressions)) return [];
  return selector.matchExpressions.flatMap((requirement, index): Problem[] => {
    if (!isPlainObject(requirement) || typeof requirement.operator !== 'string') return [];
    const requirementPath = [...path, 'matchExpressions', index];
    const values = requirement.values;
    const hasValues = Array.isArray(values) && values.length > 0;
    const operator = requirement.operator;
    if ((operator === 'In' || operator === 'NotIn') && !hasValues) {
      const where = values === undefined ? requirementPath : [...requirementPath, 'values'];
      return [
        {
          path: where,
          part: values === undefined ? 'value' : 'pair',
          message: `\`operator: ${operator}\` needs at least one entry in \`values\`, so the API server rejects the selector.`,
        },
      ];
    }
    if ((operator === 'Exists' || operator === 'DoesNotExist') && hasValues) {
      return [{ path: [...requirementPath, 'values'], part: 'key', message: `\`values\` must be empty with \`operator: ${operator}\`, so the API server rejects the selector.` }];
    }
    return [];
  });
}

/** Calico's own NetworkPolicy (projectcalico.org/v3) has `selector`, `types`, `order`, `tier` and rules with an `action`. */
function looksLikeCalico(spec: unknown): boolean {
  if (!isPlainObject(spec)) return false;
  if (['selector', 'types', 'order', 'tier', 'serviceAccountSelector'].some((key) => key in spec)) return true;
  return ['ingress', 'egress'].some((key) => {
    const rules = spec[key];
    return Array.isArray(rules) && rules.some((rule) => isPlainObject(rule) && 'action' in rule);
  });
}

/** The map that contains the map at `path` (skipping the list a rule or peer sits in). */
function enclosingObjectPath(path: ObjectPath): ObjectPath | undefined {
  if (path.length === 0) return undefined;
  let end = path.length - 1;
  while (end > 0 && typeof path[end] === 'number') end--;
  if (typeof path[end] === 'number') return undefined;
  return typeof path[path.length - 1] === 'number' ? path.slice(0, end) : path.slice(0, -1);
}

/** ajv's JSON pointer ("/spec/ingress/0/ports") as a path, with list indexes as numbers. */
function toObjectPath(pointer: string, root: unknown): ObjectPath {
  const path: (string | number)[] = [];
  let current = root;
  for (const raw of pointer.split('/').slice(1)) {
    const step = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(current)) {
      path.push(Number(step));
      current = current[Number(step)];
    } else {
      path.push(step);
      current = isPlainObject(current) ? current[step] : undefined;
    }
  }
  return path;
}

function expectedNoun(schema: SchemaNode | undefined, types: unknown): string {
  const wanted = [types].flat().filter((type) => type !== 'null');
  const title = typeof schema?.title === 'string' ? schema.title : undefined;
  if (title && wanted.includes('object')) return `${title} (a map)`;
  if (title) return title;
  if (wanted.includes('integer')) return 'a whole number';
  if (wanted.includes('string')) return 'a string';
  if (wanted.includes('array')) return 'a list';
  return 'a map';
}

function describeValue(data: unknown): string {
  if (data === null || data === undefined) return 'empty';
  if (Array.isArray(data)) return 'a list';
  if (isPlainObject(data)) return 'a map';
  if (typeof data === 'string') return `the text "${data}"`;
  return `the ${typeof data} ${String(data)}`;
}

function sourceText(object: KubeObject, path: ObjectPath): string | undefined {
  const { yaml, source } = object.document;
  const node = followPath(yaml, yaml.contents, [...object.basePath, ...path]).node;
  return node?.range ? source.slice(node.range[0], node.range[1]) : undefined;
}

function isScalar(data: unknown): boolean {
  return typeof data === 'number' || typeof data === 'boolean' || typeof data === 'string';
}

// A scalar is reported with its key; a map or list only on its key, not on its whole block.
function partFor(data: unknown): RangePart {
  return Array.isArray(data) || isPlainObject(data) ? 'key' : 'pair';
}

function listOf(names: readonly string[]): string {
  const quoted = names.map((name) => `\`${name}\``);
  return quoted.length <= 1 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}`;
}

function startsWith(path: ObjectPath, prefix: ObjectPath): boolean {
  return prefix.length <= path.length && prefix.every((step, index) => path[index] === step);
}

// One finding per place: the first problem found there wins (a type error before an enum error).
function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const id = JSON.stringify(problem.path);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
