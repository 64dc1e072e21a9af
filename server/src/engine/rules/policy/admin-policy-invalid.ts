import { isPlainObject, type KubeObject } from '../../manifest/kube-object';
import type { ObjectPath } from '../../manifest/yaml-path';
import { adminPolicyProblems, type AdminPolicyProblem } from '../../policy/admin-policy-validation';
import type { SourceRange } from '../../text/range';
import type { ObjectRule, Report } from '../rule';

/** What each kind of problem means for the cluster and for `kube-netsec connectivity`. */
const CONSEQUENCE: Record<AdminPolicyProblem['kind'], string> = {
  'load-fatal': 'The API server rejects this object; `kube-netsec connectivity` stops with this error.',
  'evaluation-fatal': 'The API server rejects this object; `kube-netsec connectivity` stops with this error.',
  'type-error': 'The API server rejects this object; `kube-netsec connectivity` leaves it out.',
  warning: 'The cluster applies it as written; only the connectivity map of `kube-netsec connectivity` leaves it out.',
};

export const adminPolicyInvalid: ObjectRule = {
  id: 'admin-policy-invalid',
  title: 'AdminNetworkPolicy or BaselineAdminNetworkPolicy the API server rejects',
  severity: 'error',
  category: 'network-policy',
  scope: 'object',
  explanation:
    'AdminNetworkPolicy and BaselineAdminNetworkPolicy (`policy.networking.k8s.io/v1alpha1`) are custom ' +
    'resources whose schema the API server enforces: a priority outside 0..1000, a baseline policy not named ' +
    '`default`, a subject or peer that sets none or several of its fields, a rule without an action or without ' +
    'peers, a `ports` entry that sets none or several of `portNumber`, `namedPort` and `portRange`, a port range ' +
    'outside 1..65535 or reversed, a `networks` entry that is no CIDR, `Pass` in a baseline policy, an invalid ' +
    'label selector or a field of the wrong type. `kubectl apply` fails on such an object, so the cluster keeps ' +
    'whatever policy it had before, or none: the guardrail the file describes is not in force.\n\n' +
    'The same problems stop `kube-netsec connectivity` (a field of the wrong type only leaves the object out), so ' +
    'the finding says so. Two things the connectivity map cannot follow are reported at a lower severity: a ' +
    '`nodes` peer (node addresses are not in the manifests, so the map lets it match nothing) and an IPv6 ' +
    '`networks` entry (the map covers IPv4 only). The cluster applies both as written.',
  remediation:
    'Correct the field the finding points at: a priority from 0 to 1000, the name `default` for the one baseline ' +
    'policy, exactly one of `namespaces` and `pods` in the subject and in each peer, an `action` of `Allow`, ' +
    '`Deny` or `Pass` (`Allow` or `Deny` in a baseline policy), a CIDR with its prefix length (`10.0.0.1/32`).',
  references: [
    'https://network-policy-api.sigs.k8s.io/reference/spec/',
    'https://network-policy-api.sigs.k8s.io/api-overview/',
    'https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#syntax-and-character-set',
  ],
  examples: {
    insecure: `apiVersion: policy.networking.k8s.io/v1alpha1
kind: AdminNetworkPolicy
metadata:
  name: deny-external-dns
spec:
  priority: 10
  subject:
    namespaces: {}
  egress:
    - name: deny-public-resolvers
      action: deny
      to:
        - networks: [8.8.8.8, 1.1.1.1/32]
`,
    fixed: `apiVersion: policy.networking.k8s.io/v1alpha1
kind: AdminNetworkPolicy
metadata:
  name: deny-external-dns
spec:
  priority: 10
  subject:
    namespaces: {}
  egress:
    - name: deny-public-resolvers
      action: Deny
      to:
        - networks: [8.8.8.8/32, 1.1.1.1/32]
`,
  },
  *check(object) {
    for (const problem of adminPolicyProblems(object)) yield reportOf(object, problem);
  },
};

function reportOf(object: KubeObject, problem: AdminPolicyProblem): Report {
  const report: Report = {
    message: `${capitalised(problem.message)}. ${CONSEQUENCE[problem.kind]}`,
    range: rangeOfProblem(object, problem.path),
    path: problem.path,
  };
  return problem.kind === 'warning' ? { ...report, severity: 'info' } : report;
}

/** A scalar's value, a map's or list's key (its block can be long), a list item as a whole, an empty value's key. */
function rangeOfProblem(object: KubeObject, path: ObjectPath): SourceRange {
  const value = object.get(path);
  if (typeof path.at(-1) === 'number') return object.rangeOf(path, 'value');
  if (value === null || value === undefined) return object.rangeOf(path, 'key');
  return object.rangeOf(path, Array.isArray(value) || isPlainObject(value) ? 'key' : 'value');
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
