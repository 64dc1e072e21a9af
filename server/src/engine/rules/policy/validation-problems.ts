import type { ObjectPath } from '../../manifest/yaml-path';
import type { ModelError } from './kubernetes-models-validation';
import { mapHeldBy } from './policy-field-names';
import { describeValue, partFor, type Problem } from './structure-problem';

/** The source text of the value at a path, to quote it as written (`1.10`, not the number 1.1). */
export type SourceOf = (path: ObjectPath) => string | undefined;

/**
 * kubernetes-models' errors as problems worded for people: one per place (its validator may fail
 * several ways at one place, as for a `port` that is neither a number nor a name), leaving out what
 * other rules report and the empty values the API server takes.
 */
export function validationProblems(errors: readonly ModelError[], sourceOf: SourceOf): Problem[] {
  const byPlace = new Map<string, ModelError[]>();
  for (const error of errors) {
    const place = JSON.stringify(error.path);
    byPlace.set(place, [...(byPlace.get(place) ?? []), error]);
  }
  return [...byPlace.values()].flatMap((atPlace) => {
    const reported = atPlace.filter((error) => !defaultedWhenMissing(error));
    if (reported.length === 0 || leftToOtherRules(reported) || takenWhenEmpty(reported[0])) return [];
    return [problemOf(reported, sourceOf)];
  });
}

/** A protocol in the wrong case and port numbers out of range are netpol-invalid-port's findings. */
function leftToOtherRules(errors: readonly ModelError[]): boolean {
  const { path, data } = errors[0];
  if (path.at(-3) !== 'ports') return false;
  const last = path.at(-1);
  if (last === 'protocol') return errors.every((error) => error.keyword === 'enum');
  // An integer fails here only by being out of the int32 range.
  return (last === 'port' || last === 'endPort') && Number.isInteger(data);
}

/**
 * The OpenAPI schema that kubernetes-models 4.5 compiles marks `spec.podSelector` required, but the
 * API server decodes a missing one to the empty selector (every pod of the namespace) and takes it.
 */
function defaultedWhenMissing({ path, keyword, params }: ModelError): boolean {
  return keyword === 'required' && path.length === 1 && path[0] === 'spec' && params.missingProperty === 'podSelector';
}

const LABEL_MAPS = new Set(['matchLabels', 'labels', 'annotations']);

/**
 * The API server decodes `null` to the empty value, and takes it where the OpenAPI schema does not
 * allow null: an empty rule or port entry (`-` with nothing after it), an empty label value. An
 * empty peer is refused, and policy-shape words that better than a type error.
 */
function takenWhenEmpty({ path, data }: ModelError): boolean {
  if (data !== null) return false;
  const parentKey = String(path.at(-2));
  if (typeof path.at(-1) === 'number') return ['ingress', 'egress', 'ports', 'from', 'to'].includes(parentKey);
  return LABEL_MAPS.has(parentKey);
}

function problemOf(errors: readonly ModelError[], sourceOf: SourceOf): Problem {
  const [first] = errors;
  const { path, data } = first;
  const last = path.at(-1);
  // An int-or-string (`port`) that is neither: the validator reports both branches and the `oneOf`.
  if (errors.some((error) => error.keyword === 'oneOf')) {
    return { path, part: partFor(data), message: `\`${String(last)}\` must be a number or a port name, not ${describeValue(data)}.` };
  }
  switch (first.keyword) {
    case 'type':
      return typeProblem(first, sourceOf);
    case 'enum':
      return enumProblem(path, data);
    case 'required':
      return requiredProblem(path, String(first.params.missingProperty));
    case 'format':
      return { path, part: partFor(data), message: `\`${String(last)}\` must be ${formatNoun(first.params.format)}, not ${describeValue(data)}.` };
    default:
      return { path, part: 'pair', message: `\`${String(last)}\` is not valid (${first.keyword}), so the API server rejects the policy.` };
  }
}

function typeProblem({ path, data, params }: ModelError, sourceOf: SourceOf): Problem {
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
      correction: written === undefined ? undefined : { quoted: written },
    };
  }
  const expected = expectedNoun(path, String(params.type));
  if (typeof last === 'number') {
    return { path, part: 'value', message: `Each entry of \`${String(parentKey)}\` must be ${expected}, not ${describeValue(data)}.` };
  }
  if (last === undefined) return { path: ['kind'], part: 'pair', message: `A NetworkPolicy must be a map, not ${describeValue(data)}.` };
  return { path, part: partFor(data), message: `\`${last}\` must be ${expected}, not ${describeValue(data)}.` };
}

function enumProblem(path: ObjectPath, data: unknown): Problem {
  const text = String(data);
  if (path.at(-1) === 'apiVersion') {
    const message =
      text === 'extensions/v1beta1'
        ? '`extensions/v1beta1` no longer serves NetworkPolicy (removed in Kubernetes 1.16), so the API server rejects this ' +
          'policy: use `networking.k8s.io/v1`.'
        : `\`apiVersion: ${text}\` does not serve NetworkPolicy, so the API server rejects this policy: use \`networking.k8s.io/v1\`.`;
    return { path, part: 'pair', message, correction: { value: 'networking.k8s.io/v1' } };
  }
  if (path.at(-2) === 'policyTypes') {
    const fixed = ['Ingress', 'Egress'].find((type) => type.toLowerCase() === text.toLowerCase());
    const message = fixed
      ? `\`${text}\` is not a policy type: policy types are case-sensitive, so write \`${fixed}\`.`
      : `\`${text}\` is not a policy type: the API server takes \`Ingress\` and \`Egress\` only.`;
    return { path, part: 'value', message, correction: fixed ? { value: fixed } : undefined };
  }
  return { path, part: 'pair', message: `\`${String(path.at(-1))}: ${text}\` is not a value the API server takes.` };
}

function requiredProblem(path: ObjectPath, missing: string): Problem {
  const last = path.at(-1);
  if (last === undefined) {
    return {
      path: ['kind'],
      part: 'pair',
      message: `This NetworkPolicy has no \`${missing}\`, so kubectl rejects it: add \`apiVersion: networking.k8s.io/v1\`.`,
    };
  }
  if (typeof last === 'string') return { path, part: 'key', message: `\`${last}\` has no \`${missing}\`, so the API server rejects the policy.` };
  const entry = path.at(-2) === 'matchExpressions' ? 'This selector requirement' : `This entry of \`${String(path.at(-2))}\``;
  return { path, part: 'value', message: `${entry} has no \`${missing}\`, so the API server rejects the policy.` };
}

/** What the value at `path` must be: the map or list of maps it stands for, else its JSON type. */
function expectedNoun(path: ObjectPath, type: string): string {
  const last = path.at(-1);
  if (typeof last === 'number') {
    const list = mapHeldBy(String(path.at(-2)));
    if (list?.list) return `${list.map.title} (a map)`;
  } else if (last !== undefined) {
    const held = mapHeldBy(last);
    // `metadata` is titled by its own name: "`metadata` must be a map", not "must be `metadata` (a map)".
    if (held) return held.list ?? (held.map.title === `\`${last}\`` ? 'a map' : `${held.map.title} (a map)`);
  }
  return TYPE_NOUNS[type] ?? `a ${type}`;
}

const TYPE_NOUNS: Readonly<Record<string, string>> = {
  integer: 'a whole number',
  number: 'a number',
  string: 'a string',
  boolean: 'true or false',
  array: 'a list',
  object: 'a map',
};

function formatNoun(format: unknown): string {
  if (format === 'date-time') return 'an RFC 3339 date and time (like 2025-01-31T12:00:00Z)';
  return `a valid ${String(format)}`;
}

function isScalar(data: unknown): boolean {
  return typeof data === 'number' || typeof data === 'boolean' || typeof data === 'string';
}
