import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findingsOf } from '../rule-tester';
import { buildWorkspace, lintWorkspace, mergeConfigs, parseManifest } from '../../../server/src/engine';
import { workloadNotIsolated } from '../../../server/src/engine/rules/workspace/workload-not-isolated';
import { yaml } from '../../support/dedent';
import { testRule } from '../rule-tester';

const webIngressPolicy = yaml`
  apiVersion: networking.k8s.io/v1
  kind: NetworkPolicy
  metadata: {name: web-ingress, namespace: shop}
  spec:
    podSelector:
      matchLabels: {app: web}
    ingress:
      - from: [{podSelector: {matchLabels: {app: gateway}}}]
`;

const apiDeployment = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: api, namespace: shop}
  spec:
    template:
      metadata:
        labels:
          app: api
      spec:
        containers: [{name: api, image: api:1}]
`;

testRule(workloadNotIsolated, {
  valid: [
    {
      name: 'the BaselineAdminNetworkPolicy denies its ingress from every pod: no NetworkPolicy is needed to isolate it',
      code: `${apiDeployment}---\n${webIngressPolicy}`,
      otherFiles: {
        'cluster/baseline.yaml': yaml`
          apiVersion: policy.networking.k8s.io/v1alpha1
          kind: BaselineAdminNetworkPolicy
          metadata: {name: default}
          spec:
            subject: {pods: {namespaceSelector: {}, podSelector: {matchLabels: {app: api}}}}
            ingress:
              - {action: Deny, from: [{namespaces: {}}]}
        `,
      },
    },
    {
      name: 'a namespace without policies is left to namespace-no-default-deny',
      code: apiDeployment,
    },
    {
      name: 'selected for ingress; the namespace has no egress policy',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: shop}
        spec:
          template:
            metadata:
              labels: {app: web, tier: frontend}
        ---
      ` + webIngressPolicy,
    },
    {
      name: 'selected by a policy in another file',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: shop}
        spec:
          template:
            metadata:
              labels: {app: web}
      `,
      otherFiles: { 'policy.yaml': webIngressPolicy },
    },
    {
      name: 'a default-deny policy selects every pod of the namespace',
      code: apiDeployment,
      otherFiles: {
        'deny.yaml': yaml`
          apiVersion: networking.k8s.io/v1
          kind: NetworkPolicy
          metadata: {name: deny, namespace: shop}
          spec:
            podSelector: {}
            policyTypes: [Ingress, Egress]
          ---
        ` + webIngressPolicy,
      },
    },
    {
      name: 'host-network pods: NetworkPolicies do not apply to them',
      code: yaml`
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: node-agent, namespace: shop}
        spec:
          template:
            metadata:
              labels: {app: node-agent}
            spec:
              hostNetwork: true
      `,
      otherFiles: { 'policy.yaml': webIngressPolicy },
    },
    {
      name: 'policies of other namespaces and other APIs do not count',
      code: apiDeployment,
      otherFiles: {
        'policies.yaml': yaml`
          apiVersion: networking.k8s.io/v1
          kind: NetworkPolicy
          metadata: {name: web-ingress, namespace: payments}
          spec:
            podSelector: {matchLabels: {app: web}}
          ---
          apiVersion: projectcalico.org/v3
          kind: NetworkPolicy
          metadata: {name: web, namespace: shop}
          spec:
            selector: app == 'web'
        `,
      },
    },
  ],
  invalid: [
    {
      name: 'pod labels that match no selector: on the pod template labels',
      code: `${apiDeployment}---\n${webIngressPolicy}`,
      findings: [
        {
          line: 7,
          column: 7,
          endLine: 7,
          endColumn: 13,
          message: 'Deployment "api" is selected by no NetworkPolicy for ingress, although namespace "shop" has ingress policies: any pod or address may connect to it.',
        },
      ],
    },
    {
      name: 'the policies are in another file; both directions in one finding, a warning',
      code: apiDeployment,
      otherFiles: {
        'policies.yaml': webIngressPolicy + yaml`
          ---
          apiVersion: networking.k8s.io/v1
          kind: NetworkPolicy
          metadata: {name: web-egress, namespace: shop}
          spec:
            podSelector: {matchLabels: {app: web}}
            policyTypes: [Egress]
        `,
      },
      findings: [
        {
          line: 7,
          column: 7,
          endLine: 7,
          endColumn: 13,
          severity: 'warning',
          message:
            'Deployment "api" is selected by no NetworkPolicy for ingress or egress, although namespace "shop" has ingress and egress policies: ' +
            'any pod or address may connect to it, and it may connect to any pod or address.',
        },
      ],
    },
    {
      name: 'open in egress only: info',
      code: apiDeployment,
      otherFiles: {
        'policies.yaml': yaml`
          apiVersion: networking.k8s.io/v1
          kind: NetworkPolicy
          metadata: {name: deny-ingress, namespace: shop}
          spec:
            podSelector: {}
          ---
          apiVersion: networking.k8s.io/v1
          kind: NetworkPolicy
          metadata: {name: web-egress, namespace: shop}
          spec:
            podSelector: {matchLabels: {app: web}}
            policyTypes: [Egress]
        `,
      },
      findings: [
        {
          line: 7,
          column: 7,
          endLine: 7,
          endColumn: 13,
          severity: 'info',
          message: 'Deployment "api" is selected by no NetworkPolicy for egress, although namespace "shop" has egress policies: it may connect to any pod or address.',
        },
      ],
    },
    {
      name: 'pods owned by a ReplicaSet: once, on the first pod\'s labels',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: api-5d9c7-abcde
          namespace: shop
          labels: {app: api}
          ownerReferences: [{kind: ReplicaSet, name: api-5d9c7, controller: true}]
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: api-5d9c7-fghij
          namespace: shop
          labels: {app: api}
          ownerReferences: [{kind: ReplicaSet, name: api-5d9c7, controller: true}]
        ---
      ` + webIngressPolicy,
      findings: [{ line: 6, column: 3, endLine: 6, endColumn: 9, message: /^ReplicaSet "api-5d9c7" is selected by no NetworkPolicy for ingress,/ }],
    },
    {
      name: 'a CronJob, a stand-alone pod with labels and one without (on its name), flow style',
      code: yaml`
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: report, namespace: shop}
        spec:
          jobTemplate:
            spec:
              template:
                metadata: {labels: {app: report}}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: debug, namespace: shop, labels: {app: debug}}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: shell, namespace: shop}
        ---
      ` + webIngressPolicy,
      findings: [
        { line: 8, column: 20, endLine: 8, endColumn: 26, message: /^CronJob "report" is selected by no NetworkPolicy for ingress/ },
        { line: 12, column: 42, endLine: 12, endColumn: 48, message: /^Pod "debug" / },
        { line: 16, column: 12, endLine: 16, endColumn: 23, message: /^Pod "shell" / },
      ],
    },
  ],
});

describe('rule workload-not-isolated: severities and files', () => {
  it('reports a workload defined in two files once, on the definition that takes effect (the last in path order)', () => {
    const config = mergeConfigs({});
    const files = [parseManifest('base/api.yaml', apiDeployment), parseManifest('overlay/api.yaml', apiDeployment), parseManifest('policy.yaml', webIngressPolicy)];
    const findings = [...lintWorkspace(buildWorkspace(files, config), { rules: [workloadNotIsolated], config }).values()].flat();
    assert.deepEqual(
      findings.map((finding) => [finding.uri, finding.range.start.line + 1, finding.severity]),
      [['overlay/api.yaml', 7, 'warning']],
    );
  });

  it('shows the finding of a workload in its own file', () => {
    assert.equal(findingsOf(workloadNotIsolated, webIngressPolicy, {}, { 'api.yaml': apiDeployment }).length, 0);
  });
});
