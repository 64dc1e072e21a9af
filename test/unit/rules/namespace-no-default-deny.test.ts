import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildWorkspace, lintWorkspace, mergeConfigs, parseManifest } from '../../../server/src/engine';
import { namespaceNoDefaultDeny } from '../../../server/src/engine/rules/workspace/namespace-no-default-deny';
import { yaml } from '../../support/dedent';
import { testRule } from '../rule-tester';

const shopNamespace = yaml`
  apiVersion: v1
  kind: Namespace
  metadata:
    name: shop
`;

const webDeployment = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: web
    namespace: shop
  spec:
    template:
      metadata:
        labels: {app: web}
      spec:
        containers: [{name: web, image: web:1}]
`;

const denyAll = yaml`
  apiVersion: networking.k8s.io/v1
  kind: NetworkPolicy
  metadata:
    name: default-deny
    namespace: shop
  spec:
    podSelector: {}
    policyTypes: [Ingress, Egress]
`;

const baselineDenyAll = yaml`
  apiVersion: policy.networking.k8s.io/v1alpha1
  kind: BaselineAdminNetworkPolicy
  metadata:
    name: default
  spec:
    subject:
      namespaces: {}
    ingress:
      - name: deny-cluster
        action: Deny
        from: [{namespaces: {}}]
    egress:
      - name: deny-cluster
        action: Deny
        to: [{pods: {namespaceSelector: {}, podSelector: {}}}]
`;

testRule(namespaceNoDefaultDeny, {
  valid: [
    {
      name: 'a cluster-wide BaselineAdminNetworkPolicy denies every pod in both directions: the namespace has a default deny',
      code: `${shopNamespace}---\n${webDeployment}`,
      otherFiles: { 'cluster/baseline.yaml': baselineDenyAll },
    },
    {
      name: 'an AdminNetworkPolicy whose subject is the namespace denies every pod in both directions',
      code: `${shopNamespace}---\n${webDeployment}`,
      otherFiles: {
        'cluster/guard.yaml': yaml`
          apiVersion: policy.networking.k8s.io/v1alpha1
          kind: AdminNetworkPolicy
          metadata: {name: guard}
          spec:
            priority: 10
            subject: {namespaces: {matchLabels: {kubernetes.io/metadata.name: shop}}}
            ingress:
              - {action: Allow, from: [{namespaces: {matchLabels: {kubernetes.io/metadata.name: gateway}}}]}
              - {action: Deny, from: [{namespaces: {}}]}
            egress:
              - {action: Deny, to: [{namespaces: {}}]}
        `,
      },
    },
    {
      name: 'a podSelector: {} policy for both directions',
      code: `${shopNamespace}---\n${webDeployment}---\n${denyAll}`,
    },
    {
      name: 'absent podSelector selects every pod too; ingress and egress in separate policies',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          template:
            metadata:
              labels: {app: web}
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: deny-ingress}
        spec:
          policyTypes: [Ingress]
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: deny-egress, namespace: default}
        spec:
          podSelector: {matchLabels: {}}
          egress: [{to: [{namespaceSelector: {}}]}]
      `,
    },
    {
      name: 'a Namespace without workloads in the workspace',
      code: shopNamespace,
    },
    {
      name: 'host-network pods only: NetworkPolicies do not apply to them',
      code: yaml`
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: node-agent, namespace: monitoring}
        spec:
          template:
            metadata:
              labels: {app: node-agent}
            spec:
              hostNetwork: true
              containers: [{name: agent, image: agent:1}]
      `,
    },
    {
      name: 'the default-deny policy is in another file',
      code: webDeployment,
      otherFiles: { 'policies.yaml': denyAll },
    },
    {
      name: 'the Namespace object is in another file: the finding is shown there, not on the workload',
      code: webDeployment,
      otherFiles: { 'namespace.yaml': shopNamespace },
    },
    {
      name: '"" is the default namespace',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: debug, namespace: ""}
        spec:
          containers: [{name: shell, image: busybox:1.36}]
      `,
      otherFiles: {
        'deny.yaml': yaml`
          apiVersion: networking.k8s.io/v1
          kind: NetworkPolicy
          metadata: {name: deny, namespace: default}
          spec:
            podSelector: {}
            policyTypes: [Ingress, Egress]
        `,
      },
    },
    {
      name: 'the configured default namespace',
      config: { defaultNamespace: 'shop' },
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: debug}
        spec:
          containers: [{name: shell, image: busybox:1.36}]
      `,
      otherFiles: { 'deny.yaml': denyAll },
    },
    {
      name: 'system namespaces: the cluster runs components there that the workspace does not hold',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: oauth2-proxy, namespace: kube-system}
        spec:
          template:
            metadata:
              labels: {k8s-app: oauth2-proxy}
      `,
    },
  ],
  invalid: [
    {
      name: 'admin policies that deny only some ports, only ingress, or only the pods of some namespaces leave the rest without default deny',
      code: `${shopNamespace}---\n${webDeployment}`,
      otherFiles: {
        'cluster/baseline.yaml': yaml`
          apiVersion: policy.networking.k8s.io/v1alpha1
          kind: BaselineAdminNetworkPolicy
          metadata: {name: default}
          spec:
            subject: {namespaces: {}}
            ingress:
              - {action: Deny, from: [{namespaces: {}}]}
            egress:
              - {action: Deny, to: [{namespaces: {}}], ports: [{portNumber: {protocol: TCP, port: 25}}]}
              - {action: Deny, to: [{namespaces: {matchLabels: {team: db}}}]}
        `,
      },
      findings: [
        {
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 13,
          severity: 'info',
          message:
            'Namespace "shop" has no NetworkPolicy selecting all its pods for egress: its pods that no other policy selects, and every workload added later, ' +
            'may connect to any pod and any address, the internet included.',
        },
      ],
    },
    {
      name: 'a Namespace object with workloads and no policy: one finding for both directions, on its name',
      code: `${shopNamespace}---\n${webDeployment}`,
      findings: [
        {
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 13,
          severity: 'warning',
          message:
            'Namespace "shop" has no NetworkPolicy selecting all its pods for ingress or egress: its pods that no other policy selects, ' +
            'and every workload added later, accept connections from any pod and any address, and may connect to any pod and any address, the internet included.',
        },
      ],
    },
    {
      name: 'the workloads are in another file: the finding is on the Namespace',
      code: shopNamespace,
      otherFiles: { 'web.yaml': webDeployment },
      findings: [{ line: 4, column: 3, endLine: 4, endColumn: 13, message: /^Namespace "shop" has no NetworkPolicy selecting all its pods for ingress or egress: / }],
    },
    {
      name: 'no Namespace object: once, on the first workload in the file, naming the others; a policy with a label selector does not cover future pods',
      code: yaml`
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: web
          namespace: shop
        spec:
          template:
            metadata:
              labels: {app: web}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {namespace: shop, name: db}
        spec:
          template:
            metadata:
              labels: {app: db}
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: all-current-pods, namespace: shop}
        spec:
          podSelector:
            matchExpressions: [{key: app, operator: In, values: [web, db]}]
          policyTypes: [Ingress, Egress]
      `,
      findings: [
        {
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 12,
          message:
            'Namespace "shop" of StatefulSet "web" and Deployment "db" has no NetworkPolicy selecting all its pods for ingress or egress: its pods that no other policy selects, ' +
            'and every workload added later, accept connections from any pod and any address, and may connect to any pod and any address, the internet included.',
        },
      ],
    },
    {
      name: 'no Namespace object, workloads in several files: on the first in file order (test.yaml comes first), with the list capped',
      code: ['a', 'b', 'c', 'd', 'e'].map((name) => webDeployment.replace(/web/g, name)).join('---\n'),
      otherFiles: { 'z-more.yaml': webDeployment.replace(/web/g, 'f'), 'other.yaml': webDeployment.replace(/web/g, 'aa') },
      findings: [{ line: 4, column: 3, endLine: 4, endColumn: 10, message: /^Namespace "shop" of Deployment "a", Deployment "b", Deployment "c" and 4 more has no NetworkPolicy / }],
    },
    {
      name: 'only ingress is denied by default: egress is reported, as info',
      code: yaml`
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: report}
        spec:
          jobTemplate:
            spec:
              template:
                metadata:
                  labels: {app: report}
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: deny-ingress}
        spec:
          podSelector: {}
      `,
      findings: [
        {
          line: 3,
          column: 12,
          endLine: 3,
          endColumn: 24,
          severity: 'info',
          message:
            'Namespace "default" of CronJob "report" has no NetworkPolicy selecting all its pods for egress: its pods that no other policy selects, ' +
            'and every workload added later, may connect to any pod and any address, the internet included.',
        },
      ],
    },
    {
      name: 'only egress is denied by default: ingress is reported, as a warning',
      code: `${shopNamespace}---\n${webDeployment}---\n${denyAll.replace('[Ingress, Egress]', '[Egress]')}`,
      findings: [
        {
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 13,
          severity: 'warning',
          message: /^Namespace "shop" has no NetworkPolicy selecting all its pods for ingress: .*, accept connections from any pod and any address\.$/,
        },
      ],
    },
    {
      name: 'a default-deny policy of another namespace does not count; a Calico policy is another API',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          generateName: debug-
          namespace: shop
        spec:
          containers: [{name: shell, image: busybox:1.36}]
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: deny, namespace: payments}
        spec:
          podSelector: {}
          policyTypes: [Ingress, Egress]
        ---
        apiVersion: projectcalico.org/v3
        kind: NetworkPolicy
        metadata: {name: deny, namespace: shop}
        spec:
          selector: all()
          types: [Ingress, Egress]
      `,
      findings: [{ line: 4, column: 3, endLine: 4, endColumn: 23, message: /^Namespace "shop" of Pod "debug-" .* for ingress or egress/ }],
    },
    {
      name: 'pods owned by a ReplicaSet: once, on the first pod; a host-network workload of the namespace is not named',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: web-5d9c7-abcde
          ownerReferences: [{kind: ReplicaSet, name: web-5d9c7, controller: true}]
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: web-5d9c7-fghij
          ownerReferences: [{kind: ReplicaSet, name: web-5d9c7, controller: true}]
        ---
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: node-agent}
        spec:
          template:
            spec:
              hostNetwork: true
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: deny-egress}
        spec:
          podSelector: {}
          policyTypes: [Egress]
      `,
      findings: [{ line: 4, column: 3, endLine: 4, endColumn: 24, message: /^Namespace "default" of ReplicaSet "web-5d9c7" has no NetworkPolicy selecting all its pods for ingress: / }],
    },
  ],
});

describe('rule namespace-no-default-deny: one finding per namespace', () => {
  it('reports each namespace once, whatever the number of its workloads, files and missing directions', () => {
    const files = ['shop', 'payments'].flatMap((namespace) =>
      [1, 2, 3].map((index) => parseManifest(`${namespace}-${index}.yaml`, webDeployment.replace(/shop/g, namespace).replace(/web/g, `web-${index}`))),
    );
    const config = mergeConfigs({});
    const findings = [...lintWorkspace(buildWorkspace(files, config), { rules: [namespaceNoDefaultDeny], config }).values()].flat();
    assert.deepEqual(
      findings.map((finding) => [finding.uri, /^Namespace "(\w+)"/.exec(finding.message)?.[1], finding.severity]),
      [
        ['shop-1.yaml', 'shop', 'warning'],
        ['payments-1.yaml', 'payments', 'warning'],
      ],
    );
  });
});
