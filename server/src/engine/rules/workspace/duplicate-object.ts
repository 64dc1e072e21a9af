import type { KubeObject } from '../../manifest/kube-object';
import { isClusterScopedKind, type DuplicateGroup } from '../../model/effective-objects';
import { relativeFileName } from '../../text/relative-file-name';
import type { Workspace } from '../../workspace/workspace';
import type { RelatedLocation, WorkspaceRule } from '../rule';
import { nameRange, namespaceOfObject } from './workspace-objects';

export const duplicateObject: WorkspaceRule = {
  id: 'duplicate-object',
  title: 'Object defined more than once',
  severity: 'info',
  category: 'manifest',
  scope: 'workspace',
  explanation:
    'When several documents define the same object (same API group, kind, namespace and name), `kubectl apply` ' +
    'applies them one after the other and the cluster keeps the last one: the earlier definitions have no effect. ' +
    'Whoever reviews an earlier one (a tight NetworkPolicy, say) is misled about what runs. kube-netsec reads ' +
    'the files the same way: the checks across objects (which pods a policy isolates, which pods a Service ' +
    'routes to, which workloads are isolated) use only the definition that takes effect, and this rule marks ' +
    'each definition it replaces, with a link to the one that takes effect.\n\n' +
    'Within a file the later document wins; across files, the file that comes later in path order wins, the ' +
    'order in which `kubectl apply -f DIR` and `kube-netsec lint DIR` read a folder. Objects of different API ' +
    'groups are different objects (a core Service and a Knative Service of one name), but a Deployment written ' +
    'as `extensions/v1beta1` and one written as `apps/v1` are one object. A namespaced object without ' +
    '`metadata.namespace` is in the default namespace; objects named only by `generateName` never collide. ' +
    'Files that a `kustomization.yaml` of the workspace names as patches (`patches[].path`, ' +
    '`patchesStrategicMerge`) are not definitions and take no part. Otherwise kustomize bases and overlays are ' +
    'not merged: a folder that holds both, each defining the same object in full, or several variants of one ' +
    'sample, reports each earlier definition here, and the checks use the one that comes last in path order.',
  remediation:
    'Keep one definition of each object among the files applied together: delete the copy, or give it a ' +
    'name of its own. Variants that are never applied together (an HA and a single-replica install, an overlay ' +
    'and its base) can be left out of the check with the `exclude` setting, and the output of `kustomize build` ' +
    'checked instead. A duplicate you mean to keep can be suppressed with a reason.',
  references: [
    'https://kubernetes.io/docs/tasks/manage-kubernetes-objects/declarative-config/',
    'https://kubernetes.io/docs/concepts/overview/working-with-objects/names/',
  ],
  examples: {
    insecure: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: api-ingress
  namespace: shop
spec:
  podSelector:
    matchLabels: {app: api}
  ingress:
    - from:
        - podSelector:
            matchLabels: {app: web}
---
# Copied from a test environment: same name, so it replaces the policy above.
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: api-ingress
  namespace: shop
spec:
  podSelector:
    matchLabels: {app: api}
  ingress:
    - {}
`,
    fixed: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: api-ingress
  namespace: shop
spec:
  podSelector:
    matchLabels: {app: api}
  ingress:
    - from:
        - podSelector:
            matchLabels: {app: web}
`,
  },
  *check(workspace) {
    for (const group of workspace.model.duplicates) {
      const related: RelatedLocation[] = [{ uri: group.effective.document.uri, range: nameRange(group.effective), message: 'The definition that takes effect' }];
      for (const object of group.replaced) {
        yield { object, range: nameRange(object), message: messageOf(workspace, object, group), related };
      }
    }
  },
};

function messageOf(workspace: Workspace, object: KubeObject, group: DuplicateGroup): string {
  const namespace = isClusterScopedKind(object.kind) ? '' : ` in namespace "${namespaceOfObject(workspace, object)}"`;
  const subject = `${object.kind} "${object.name}"${namespace}`;
  const where = locationOf(group.effective, object.document.uri);
  const consequence = 'the checks across objects (policies, Services, isolation) use that one, as `kubectl apply` would.';
  const count = group.replaced.length + 1;
  if (count === 2) return `${subject} is defined again ${where}, and that later definition replaces this one: ${consequence}`;
  return `${subject} is defined ${count} times; the last definition, ${where}, replaces this one: ${consequence}`;
}

/** "at line 14" in the same file, "in web.yaml at line 14" in another one. */
function locationOf(object: KubeObject, fromUri: string): string {
  const line = nameRange(object).start.line + 1;
  const uri = object.document.uri;
  return uri === fromUri ? `at line ${line}` : `in ${relativeFileName(fromUri, uri)} at line ${line}`;
}
