import type { KubeObject } from '../../manifest/kube-object';
import { adminPolicyProblems, BASELINE_ADMIN_NETWORK_POLICY, BASELINE_POLICY_NAME, isSkipped } from '../../policy/admin-policy-validation';
import { relativeFileName } from '../../text/relative-file-name';
import type { Workspace } from '../../workspace/workspace';
import type { WorkspaceRule } from '../rule';
import { nameRange } from './workspace-objects';

export const baselinePolicyInvalid: WorkspaceRule = {
  id: 'baseline-policy-invalid',
  title: 'More than one BaselineAdminNetworkPolicy',
  severity: 'error',
  category: 'network-policy',
  scope: 'workspace',
  explanation:
    'A cluster holds at most one BaselineAdminNetworkPolicy, and it must be named `default`: the API server ' +
    'refuses any other name, so a second baseline policy in the manifests is either refused (another name) or ' +
    'replaces the first (the same name, as `kubectl apply` keeps the last definition). Either way the rules of ' +
    'one of them never apply, and whoever reads that one is misled about the cluster\'s defaults. ' +
    '`kube-netsec connectivity` reads every definition it is given and stops with this error.\n\n' +
    'This rule reports every baseline policy but one: the one named `default` that takes effect, else the first. ' +
    'A name other than `default` is reported by admin-policy-invalid; a definition replaced by a later one of ' +
    'the same name is also reported by duplicate-object.\n\n' +
    'Having no BaselineAdminNetworkPolicy is not reported: it is optional, and without one the traffic that no ' +
    'AdminNetworkPolicy or NetworkPolicy decides is allowed, as in any cluster without policies. Missing ' +
    'isolation is what namespace-no-default-deny and workload-not-isolated report.',
  remediation:
    'Merge the rules into the one policy named `default` (its rules are checked in written order) and delete ' +
    'the other definitions.',
  references: [
    'https://network-policy-api.sigs.k8s.io/reference/spec/',
    'https://network-policy-api.sigs.k8s.io/api-overview/',
  ],
  examples: {
    insecure: `apiVersion: policy.networking.k8s.io/v1alpha1
kind: BaselineAdminNetworkPolicy
metadata:
  name: default
spec:
  subject:
    namespaces: {}
  ingress:
    - action: Deny
      from:
        - namespaces: {}
---
apiVersion: policy.networking.k8s.io/v1alpha1
kind: BaselineAdminNetworkPolicy
metadata:
  name: default
spec:
  subject:
    namespaces: {}
  egress:
    - action: Deny
      to:
        - networks: [0.0.0.0/0]
`,
    fixed: `apiVersion: policy.networking.k8s.io/v1alpha1
kind: BaselineAdminNetworkPolicy
metadata:
  name: default
spec:
  subject:
    namespaces: {}
  ingress:
    - action: Deny
      from:
        - namespaces: {}
  egress:
    - action: Deny
      to:
        - networks: [0.0.0.0/0]
`,
  },
  *check(workspace) {
    const baselines = baselinePolicies(workspace);
    const first = baselines.find((object) => object.name === BASELINE_POLICY_NAME && workspace.model.objects.includes(object)) ?? baselines[0];
    for (const object of baselines) {
      if (object === first) continue;
      yield {
        object,
        range: object.rangeOf(['kind'], 'value'),
        message:
          `There is already a BaselineAdminNetworkPolicy "${first.name ?? ''}" ${locationOf(first, object.document.uri)}, and a cluster holds only one (named default): ` +
          '`kube-netsec connectivity` stops with this error.',
        related: [{ uri: first.document.uri, range: nameRange(first), message: 'The other BaselineAdminNetworkPolicy' }],
      };
    }
  },
};

/**
 * Every definition of a baseline policy, replaced ones included (the connectivity analysis reads them
 * all), in input order; objects with a field of the wrong type are left out as the analysis leaves them out.
 */
function baselinePolicies(workspace: Workspace): KubeObject[] {
  const replaced = workspace.model.duplicates.filter((group) => group.effective.kind === BASELINE_ADMIN_NETWORK_POLICY).flatMap((group) => group.replaced);
  const all = [...replaced, ...workspace.objectsOfKind(BASELINE_ADMIN_NETWORK_POLICY)];
  const order = (object: KubeObject) => [object.document.uri, nameRange(object).start.line] as const;
  all.sort((a, b) => {
    const [uriA, lineA] = order(a);
    const [uriB, lineB] = order(b);
    return uriA === uriB ? lineA - lineB : uriA < uriB ? -1 : 1;
  });
  return all.filter((object) => !isSkipped(adminPolicyProblems(object)));
}

/** "at line 3" in the same file, "in base.yaml at line 3" in another one. */
function locationOf(object: KubeObject, fromUri: string): string {
  const line = nameRange(object).start.line + 1;
  return object.document.uri === fromUri ? `at line ${line}` : `in ${relativeFileName(fromUri, object.document.uri)} at line ${line}`;
}
