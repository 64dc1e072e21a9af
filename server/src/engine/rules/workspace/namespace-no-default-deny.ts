import { DIRECTIONS, type PolicyDirection } from '../../connectivity';
import type { KubeObject } from '../../manifest/kube-object';
import type { Workload } from '../../model';
import type { WorkspaceRule } from '../rule';
import { adminDenyCoveringNamespace } from './admin-default-deny';
import { namespaceWidePolicies } from './default-deny';
import { isSystemNamespace, listNames, nameRange, namespaceOfObject, usesHostNetwork, workloadName, workloadsByNamespace } from './workspace-objects';
import { defaultDenyInsertion } from '../../templates/default-deny-insertion';
import { isNamespaceObject } from '../../model/namespaces';

/** What pods outside any policy may do, per direction: the consequence named in messages. */
const CONSEQUENCE: Record<PolicyDirection, string> = {
  Ingress: 'accept connections from any pod and any address',
  Egress: 'may connect to any pod and any address, the internet included',
};

export const namespaceNoDefaultDeny: WorkspaceRule = {
  id: 'namespace-no-default-deny',
  title: 'Namespace has no default-deny NetworkPolicy',
  severity: 'warning',
  category: 'network-policy',
  scope: 'workspace',
  explanation:
    'A pod that no NetworkPolicy selects is not isolated: it accepts connections from every pod of the cluster ' +
    'and every address that can route to it, and may connect anywhere. Only a policy whose `podSelector` is empty ' +
    '(`{}`) selects every pod of its namespace, including workloads added later; policies that select pods by label ' +
    'leave every other pod open. The rule reports a namespace that has workloads in the workspace but no such ' +
    'policy once, naming the directions it lacks, on its Namespace object when the workspace has one, else on ' +
    'its first workload in file order (the message names the others). A namespace that lacks only an egress ' +
    'default-deny is reported as info: it is less common and needs DNS and other dependencies allowed ' +
    'explicitly, while a missing ingress default-deny is a warning. Host-network pods ' +
    'are left out (most network plugins do not apply NetworkPolicies to them), and so are system namespaces (kube-system, kube-public, ' +
    'kube-node-lease, openshift-*): the cluster runs components there that the repository does not hold, and a ' +
    'default-deny would cut them off. A cluster-admin policy that denies by default counts as a default deny for ' +
    'the pods it covers: an AdminNetworkPolicy or the BaselineAdminNetworkPolicy whose subject takes in the whole ' +
    'namespace, with a `Deny` rule from (or to) every pod of every namespace on every port.',
  remediation:
    'Add a default-deny policy to the namespace (`podSelector: {}` with `policyTypes: [Ingress]`, and `Egress` ' +
    'when outbound traffic should be restricted too), then allow the traffic each workload needs with policies ' +
    'that select it. With egress isolation, allow DNS to the cluster DNS (UDP and TCP 53).',
  references: [
    'https://kubernetes.io/docs/concepts/services-networking/network-policies/#default-policies',
    'https://kubernetes.io/docs/tasks/administer-cluster/declare-network-policy/',
    'https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF',
  ],
  examples: {
    insecure: `apiVersion: v1
kind: Namespace
metadata:
  name: shop
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: registry.example.com/shop/web:1.4.2
`,
    fixed: `apiVersion: v1
kind: Namespace
metadata:
  name: shop
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: registry.example.com/shop/web:1.4.2
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny
  namespace: shop
spec:
  podSelector: {}
  policyTypes: [Ingress, Egress]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: allow-dns
  namespace: shop
spec:
  podSelector: {}
  policyTypes: [Egress]
  egress:
    - to:
        - namespaceSelector:
            matchLabels: {kubernetes.io/metadata.name: kube-system}
          podSelector:
            matchLabels: {k8s-app: kube-dns}
      ports:
        - {protocol: UDP, port: 53}
        - {protocol: TCP, port: 53}
`,
  },
  *check(workspace) {
    const { model } = workspace;
    const order = inputOrder(model.objects);
    for (const [namespace, workloads] of workloadsByNamespace(model)) {
      if (isSystemNamespace(namespace)) continue;
      const isolable = workloads.filter((workload) => !usesHostNetwork(workload));
      if (isolable.length === 0) continue;
      const info = model.namespaces.get(namespace);
      // A cluster-admin policy that denies every pod by default covers the namespace as a default-deny NetworkPolicy would.
      const missing = DIRECTIONS.filter(
        (direction) => namespaceWidePolicies(workspace.connectivity, namespace, direction).length === 0 && !(info && adminDenyCoveringNamespace(workspace.connectivity, info, direction)),
      );
      if (missing.length === 0) continue;
      // One fact per namespace, whatever the number of its workloads and missing directions.
      const fact = `has no NetworkPolicy selecting all its pods for ${missing.map((direction) => direction.toLowerCase()).join(' or ')}`;
      const consequence = `its pods that no other policy selects, and every workload added later, ${missing.map((direction) => CONSEQUENCE[direction]).join(', and ')}`;
      const severity = missing.includes('Ingress') ? {} : ({ severity: 'info' } as const);
      const namespaceObject = model.namespaces.get(namespace)?.object;
      if (namespaceObject) {
        yield { object: namespaceObject, range: nameRange(namespaceObject), message: `Namespace "${namespace}" ${fact}: ${consequence}.`, ...severity };
        continue;
      }
      // Without a Namespace object, the finding sits on the namespace's first workload in the files.
      const ordered = isolable
        .map((workload) => ({ workload, first: firstMember(workload, order) }))
        .sort((a, b) => a.first.index - b.first.index);
      const names = listNames(ordered.map(({ workload }) => workloadName(workload)));
      const object = ordered[0].first.object;
      yield { object, range: nameRange(object), message: `Namespace "${namespace}" of ${names} ${fact}: ${consequence}.`, ...severity };
    }
  },
  *fixes({ object, workspace, finding, text }) {
    if (!object || !workspace || text === undefined) return;
    const namespace = isNamespaceObject(object) ? object.name : namespaceOfObject(workspace, object);
    if (!namespace) return;
    // Never preferred: a default deny cuts every connection no policy allows, across the namespace,
    // so fixing all of a file (or saving it) must not add one unasked.
    const inFile = defaultDenyInsertion(workspace, finding.uri, text, namespace, 'end-of-file');
    if (inFile) yield inFile;
    const beside = defaultDenyInsertion(workspace, finding.uri, text, namespace, 'new-file');
    if (beside) yield beside;
  },
};

/** Each object's place in the input (file order, then document order). */
function inputOrder(objects: readonly KubeObject[]): ReadonlyMap<KubeObject, number> {
  return new Map(objects.map((object, index) => [object, index]));
}

/** A workload's member object that comes first in the input. */
function firstMember(workload: Workload, order: ReadonlyMap<KubeObject, number>): { object: KubeObject; index: number } {
  const placed = workload.members.map(({ object }) => ({ object, index: order.get(object) ?? Number.MAX_SAFE_INTEGER }));
  return placed.reduce((first, candidate) => (candidate.index < first.index ? candidate : first));
}
