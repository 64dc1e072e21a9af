import { DIRECTIONS, type PolicyDirection } from '../../connectivity';
import type { WorkspaceRule } from '../rule';
import { namespaceWidePolicies } from './default-deny';
import { isSystemNamespace, nameRange, namespaceOfObject, usesHostNetwork, workloadName, workloadsByNamespace } from './workspace-objects';
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
    'policy, separately for ingress and egress, on its Namespace object when the workspace has one, else on each ' +
    'of its workloads. A missing egress default-deny is reported as info: it is less common and needs DNS and ' +
    'other dependencies allowed explicitly, while a missing ingress default-deny is a warning. Host-network pods ' +
    'are left out (NetworkPolicies do not apply to them), and so are system namespaces (kube-system, kube-public, ' +
    'kube-node-lease, openshift-*): the cluster runs components there that the repository does not hold, and a ' +
    'default-deny would cut them off.',
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
    for (const [namespace, workloads] of workloadsByNamespace(model)) {
      if (isSystemNamespace(namespace)) continue;
      const isolable = workloads.filter((workload) => !usesHostNetwork(workload));
      if (isolable.length === 0) continue;
      for (const direction of DIRECTIONS) {
        if (namespaceWidePolicies(workspace.connectivity, namespace, direction).length > 0) continue;
        const severity = direction === 'Egress' ? ({ severity: 'info' } as const) : {};
        const missing = `no NetworkPolicy selecting all its pods for ${direction.toLowerCase()}`;
        const namespaceObject = model.namespaces.get(namespace)?.object;
        if (namespaceObject) {
          yield {
            object: namespaceObject,
            range: nameRange(namespaceObject),
            message: `Namespace "${namespace}" has ${missing}: its pods that no other policy selects, and every workload added later, ${CONSEQUENCE[direction]}.`,
            ...severity,
          };
          continue;
        }
        for (const workload of isolable) {
          for (const member of workload.members) {
            yield {
              object: member.object,
              range: nameRange(member.object),
              message: `Namespace "${namespace}" of ${workloadName(workload)} has ${missing}: its pods that no other policy selects, and every workload added later, ${CONSEQUENCE[direction]}.`,
              ...severity,
            };
          }
        }
      }
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
