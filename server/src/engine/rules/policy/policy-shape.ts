import { isPlainObject, type PlainObject } from '../../manifest/kube-object';
import type { ObjectPath } from '../../manifest/yaml-path';
import { allRulesOf, PEERS_KEY, type PolicyRule } from '../../policy/network-policy';
import type { Problem } from './structure-problem';

/**
 * The API server's own checks of a NetworkPolicy's shape, which the OpenAPI schema (and so
 * kubernetes-models) cannot express: at most two policyTypes, a peer must name something, an
 * ipBlock stands alone, selector operators and the values they need (ValidateNetworkPolicySpec and
 * ValidateLabelSelectorRequirement).
 */
export function shapeProblems(spec: PlainObject): Problem[] {
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

const OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist'];

/** Operators and their values (the OpenAPI schema types `operator` as any string). */
function selectorProblems(selector: unknown, path: ObjectPath): Problem[] {
  if (!isPlainObject(selector) || !Array.isArray(selector.matchExpressions)) return [];
  return selector.matchExpressions.flatMap((requirement, index): Problem[] => {
    if (!isPlainObject(requirement) || typeof requirement.operator !== 'string') return [];
    const requirementPath = [...path, 'matchExpressions', index];
    const values = requirement.values;
    const hasValues = Array.isArray(values) && values.length > 0;
    const operator = requirement.operator;
    if (!OPERATORS.includes(operator)) return [operatorProblem(operator, [...requirementPath, 'operator'])];
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

function operatorProblem(operator: string, path: ObjectPath): Problem {
  const fixed = OPERATORS.find((known) => known.toLowerCase() === operator.toLowerCase());
  const message = fixed
    ? `\`operator: ${operator}\` is not a selector operator: operators are case-sensitive, so write \`${fixed}\`.`
    : `\`operator: ${operator}\` is not a selector operator: the API server takes In, NotIn, Exists and DoesNotExist.`;
  return { path, part: 'pair', message, correction: fixed ? { value: fixed } : undefined };
}
