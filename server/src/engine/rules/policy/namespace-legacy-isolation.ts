import type { Fix, FixInput, TextEdit } from '../../fixes/fix';
import { objectFix } from '../../fixes/object-fix';
import { appendDocuments, newFile, policyFileBeside } from '../../fixes/placement';
import { YamlEditor } from '../../fixes/yaml-editor';
import { isPlainObject, type KubeObject } from '../../manifest/kube-object';
import { namespaceIsWritten } from '../../model/namespace-written';
import { isNamespaceObject } from '../../model/namespaces';
import { renderDefaultDeny } from '../../templates/catalogue';
import { freeName } from '../../templates/policy-names';
import type { ObjectPath } from '../../manifest/yaml-path';
import type { ObjectRule } from '../rule';
import { namespaceWidePolicies } from '../workspace/default-deny';
import { isSystemNamespace } from '../workspace/workspace-objects';

/** The namespace annotation of the beta NetworkPolicy API (Kubernetes 1.3 to 1.6). */
export const LEGACY_ISOLATION_ANNOTATION = 'net.beta.kubernetes.io/network-policy';

const ANNOTATION_PATH: ObjectPath = ['metadata', 'annotations', LEGACY_ISOLATION_ANNOTATION];

export const namespaceLegacyIsolation: ObjectRule = {
  id: 'namespace-legacy-isolation',
  title: 'Namespace relies on the removed network-policy isolation annotation',
  severity: 'warning',
  category: 'network-policy',
  scope: 'object',
  explanation:
    'Before NetworkPolicy became `networking.k8s.io/v1` in Kubernetes 1.7, a namespace opted in to isolation with the ' +
    '`net.beta.kubernetes.io/network-policy` annotation (`{"ingress": {"isolation": "DefaultDeny"}}`): its pods then ' +
    'accepted only what a NetworkPolicy allowed. Kubernetes 1.7 removed the annotation and made isolation per pod: ' +
    'a pod is isolated only when a NetworkPolicy selects it. Since then the annotation does nothing, so a namespace ' +
    'that still carries it looks isolated while every pod no policy selects accepts connections from anywhere. The ' +
    'rule reports the annotation as a warning when it asks for DefaultDeny, and as info otherwise (it asked for nothing ' +
    'the cluster does not already do).',
  remediation:
    'Add a NetworkPolicy with `podSelector: {}` and `policyTypes: [Ingress]` to the namespace, which is what the ' +
    'annotation meant, then allow the traffic each workload needs, and remove the annotation.',
  references: [
    'https://github.com/kubernetes/kubernetes/blob/master/CHANGELOG/CHANGELOG-1.7.md#network',
    'https://kubernetes.io/docs/concepts/services-networking/network-policies/#default-deny-all-ingress-traffic',
    'https://github.com/kubernetes/kubernetes/pull/39164',
  ],
  examples: {
    insecure: `apiVersion: v1
kind: Namespace
metadata:
  name: shop
  annotations:
    net.beta.kubernetes.io/network-policy: '{"ingress": {"isolation": "DefaultDeny"}}'
`,
    fixed: `apiVersion: v1
kind: Namespace
metadata:
  name: shop
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny-ingress
  namespace: shop
spec:
  podSelector: {}
  policyTypes: [Ingress]
`,
  },
  *check(object) {
    if (!isNamespaceObject(object) || !(LEGACY_ISOLATION_ANNOTATION in object.annotations)) return;
    const range = object.rangeOf(ANNOTATION_PATH, 'key');
    const removed = 'Kubernetes removed it in 1.7, when NetworkPolicy became networking.k8s.io/v1';
    if (asksDefaultDeny(object.annotations[LEGACY_ISOLATION_ANNOTATION])) {
      const namespace = object.name ? `namespace "${object.name}"` : 'this namespace';
      yield {
        message:
          `Annotation \`${LEGACY_ISOLATION_ANNOTATION}\` asks for ingress isolation (DefaultDeny), but ${removed}: it isolates no pod of ${namespace}. ` +
          'A NetworkPolicy with `podSelector: {}` and `policyTypes: [Ingress]` in the namespace does what it meant.',
        range,
        data: { defaultDeny: true },
      };
      return;
    }
    yield { message: `Annotation \`${LEGACY_ISOLATION_ANNOTATION}\` does nothing: ${removed}, and pods are isolated only by the NetworkPolicies that select them.`, range, severity: 'info' };
  },
  *fixes(input) {
    const { object, report } = input;
    if (!object) return;
    const removal = new YamlEditor(object).remove(ANNOTATION_PATH);
    if (!removal) return;
    if (report.data?.defaultDeny !== true) {
      yield* objectFix(input, 'Remove the obsolete annotation', () => removal, { preferred: true });
      return;
    }
    const added = defaultDenyFixes(input, object, removal);
    // Removing the annotation alone isolates nothing more: preferred only when a policy already isolates the namespace.
    yield* added;
    yield* objectFix(input, added.length > 0 ? 'Remove the obsolete annotation only (it isolates nothing)' : 'Remove the obsolete annotation', () => removal, { preferred: added.length === 0 });
  },
};

/** Whether the annotation's JSON asks for `{"ingress": {"isolation": "DefaultDeny"}}`. */
function asksDefaultDeny(value: string | undefined): boolean {
  if (value === undefined) return false;
  try {
    const parsed: unknown = JSON.parse(value);
    return isPlainObject(parsed) && isPlainObject(parsed.ingress) && parsed.ingress.isolation === 'DefaultDeny';
  } catch {
    return false;
  }
}

/**
 * The fixes that give the namespace the default-deny ingress policy the annotation meant, appended to
 * the file or in a new file beside it, each removing the annotation in the same change. None when a
 * policy already isolates all its pods for ingress, or for a system namespace (kube-system...), whose
 * components the repository does not hold.
 */
function defaultDenyFixes(input: FixInput, object: KubeObject, removal: TextEdit[]): Fix[] {
  const { workspace, text, finding } = input;
  const namespace = object.name;
  if (!workspace || text === undefined || !namespace || isSystemNamespace(namespace)) return [];
  if (namespaceWidePolicies(workspace.connectivity, namespace, 'Ingress').length > 0) return [];
  const taken = new Set(workspace.model.policies.filter((policy) => policy.namespace === namespace).map((policy) => policy.name));
  const yaml = renderDefaultDeny(freeName('default-deny-ingress', taken), namespaceIsWritten(workspace.model, namespace) ? namespace : undefined, ['Ingress']);
  const title = `Add default deny for namespace ${namespace} (ingress) and remove the annotation`;
  const appended = appendDocuments(finding.uri, text, yaml);
  // Never preferred, like namespace-no-default-deny's: the annotation has isolated nothing for years,
  // so a default deny now cuts connections that work today; fix-all must not add one unasked.
  const fixes: Fix[] = [{ title, kind: 'insert-policy', edits: [{ uri: finding.uri, edits: [...removal, ...appended.edits] }] }];
  const target = policyFileBeside(finding.uri, namespace);
  if (!workspace.files.some((file) => file.uri === target)) {
    fixes.push({ title: `${title} (policy in networkpolicies/${namespace}.yaml)`, kind: 'insert-policy', edits: [newFile(target, yaml), { uri: finding.uri, edits: removal }] });
  }
  return fixes;
}
