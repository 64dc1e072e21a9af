import { namespaceLegacyIsolation } from '../../../server/src/engine/rules/policy/namespace-legacy-isolation';
import { yaml } from '../../support/dedent';
import { testFixes } from '../fix-tester';

const annotated = yaml`
  apiVersion: v1
  kind: Namespace
  metadata:
    name: shop
    annotations:
      owner: team-shop
      net.beta.kubernetes.io/network-policy: '{"ingress": {"isolation": "DefaultDeny"}}'
  ---
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: web, namespace: shop}
  spec:
    selector: {matchLabels: {app: web}}
    template:
      metadata: {labels: {app: web}}
      spec: {containers: [{name: web, image: web:1}]}
`;

const withoutAnnotation = annotated.replace(/^ *net\.beta\.kubernetes\.io\/network-policy: .*\n/m, '');

const denyIngress = yaml`
  apiVersion: networking.k8s.io/v1
  kind: NetworkPolicy
  metadata:
    name: default-deny-ingress
    namespace: shop
  spec:
    podSelector: {}
    policyTypes:
      - Ingress
`;

testFixes(namespaceLegacyIsolation, [
  {
    name: 'DefaultDeny: the default-deny ingress policy it meant, with the annotation removed, in a new file, or the removal alone (none preferred: a default deny cuts connections that work today)',
    code: annotated,
    fixes: [
      { title: 'Add default deny for namespace shop (ingress) and remove the annotation', preferred: false, output: `${withoutAnnotation}---\n${denyIngress}` },
      { title: 'Add default deny for namespace shop (ingress) and remove the annotation (policy in networkpolicies/shop.yaml)', preferred: false, output: withoutAnnotation },
      { title: 'Remove the obsolete annotation only (it isolates nothing)', preferred: false, output: withoutAnnotation },
    ],
  },
  {
    name: 'a policy already isolates the namespace: removing the annotation is the fix',
    code: annotated,
    otherFiles: {
      'policies.yaml': yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: deny-all, namespace: shop}
        spec:
          podSelector: {}
          policyTypes: [Ingress, Egress]
      `,
    },
    fixes: [{ title: 'Remove the obsolete annotation', preferred: true, output: withoutAnnotation }],
  },
  {
    name: 'the only annotation of a system namespace, asking for DefaultAllow: removed with its map',
    code: yaml`
      apiVersion: v1
      kind: Namespace
      metadata:
        name: kube-system
        annotations:
          net.beta.kubernetes.io/network-policy: '{"ingress": {"isolation": "DefaultAllow"}}'
    `,
    fixes: [
      {
        title: 'Remove the obsolete annotation',
        preferred: true,
        output: yaml`
          apiVersion: v1
          kind: Namespace
          metadata:
            name: kube-system
        `,
      },
    ],
  },
  {
    name: 'DefaultDeny on a system namespace: no default deny offered (the cluster runs components there), only the removal',
    code: yaml`
      apiVersion: v1
      kind: Namespace
      metadata:
        name: kube-system
        annotations: {net.beta.kubernetes.io/network-policy: '{"ingress": {"isolation": "DefaultDeny"}}'}
    `,
    fixes: [
      {
        title: 'Remove the obsolete annotation',
        preferred: true,
        output: yaml`
          apiVersion: v1
          kind: Namespace
          metadata:
            name: kube-system
        `,
      },
    ],
  },
]);
