import assert from 'node:assert/strict';
import { it } from 'node:test';
import { netpolInvalid } from '../../../server/src/engine/rules/policy/netpol-invalid';
import { policyNotEvaluated } from '../../../server/src/engine/rules/policy/policy-not-evaluated';
import { yaml } from '../../support/dedent';
import { findingsOf, testRule } from '../rule-tester';

const ADMIN = 'is evaluated by `connectivity` and the connection hovers; workload-not-isolated and namespace-no-default-deny count only its Deny rules from or to every pod on every port, and netpol-egress-blocks-dns only its rules that allow DNS.';
const IGNORED = 'is not evaluated: connectivity results and the isolation checks (workload-not-isolated, namespace-no-default-deny...) ignore this policy.';

testRule(policyNotEvaluated, {
  valid: [
    {
      name: 'a networking.k8s.io/v1 NetworkPolicy is evaluated',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: api}
        spec:
          podSelector: {}
      `,
    },
    {
      name: 'extensions/v1beta1 and other versions of NetworkPolicy are refused by the API server: netpol-invalid reports them',
      code: yaml`
        apiVersion: extensions/v1beta1
        kind: NetworkPolicy
        metadata: {name: api-ingress, namespace: shop}
        spec:
          podSelector: {matchLabels: {app: api}}
        ---
        apiVersion: networking.k8s.io/v1beta1
        kind: NetworkPolicy
        metadata: {name: typo}
        spec:
          podSelector: {}
      `,
    },
    {
      name: 'Calico staged policies enforce nothing; a NetworkPolicy without apiVersion names no product; other kinds are not policies',
      code: yaml`
        apiVersion: projectcalico.org/v3
        kind: StagedNetworkPolicy
        metadata: {name: preview, namespace: shop}
        spec:
          selector: app == 'api'
        ---
        kind: NetworkPolicy
        metadata: {name: sloppy}
        spec:
          podSelector: {}
        ---
        apiVersion: projectcalico.org/v3
        kind: NetworkSet
        metadata: {name: partners}
        spec:
          nets: [203.0.113.0/24]
      `,
    },
  ],
  invalid: [
    {
      name: 'Calico NetworkPolicy and GlobalNetworkPolicy, CiliumNetworkPolicy, AdminNetworkPolicy, Antrea, GKE: on their kind',
      code: yaml`
        apiVersion: projectcalico.org/v3
        kind: NetworkPolicy
        metadata: {name: allow-api, namespace: shop}
        spec:
          selector: app == 'api'
        ---
        apiVersion: projectcalico.org/v3
        kind: GlobalNetworkPolicy
        metadata: {name: deny-all}
        spec:
          selector: all()
        ---
        apiVersion: cilium.io/v2
        kind: CiliumNetworkPolicy
        metadata: {name: allow-web}
        spec:
          endpointSelector: {}
        ---
        apiVersion: policy.networking.k8s.io/v1alpha1
        kind: AdminNetworkPolicy
        metadata: {name: tenants}
        spec:
          priority: 10
          subject: {namespaces: {}}
        ---
        apiVersion: crd.antrea.io/v1beta1
        kind: NetworkPolicy
        spec:
          priority: 5
        ---
        apiVersion: networking.gke.io/v1alpha1
        kind: FQDNNetworkPolicy
        metadata: {name: allow-github}
        spec:
          podSelector: {}
      `,
      findings: [
        { line: 2, column: 1, endLine: 2, endColumn: 20, message: `Calico NetworkPolicy "allow-api" ${IGNORED}`, severity: 'info' },
        { line: 8, column: 1, endLine: 8, endColumn: 26, message: `Calico GlobalNetworkPolicy "deny-all" ${IGNORED}`, severity: 'info' },
        { line: 14, column: 1, endLine: 14, endColumn: 26, message: `CiliumNetworkPolicy "allow-web" ${IGNORED}`, severity: 'info' },
        { line: 20, column: 1, endLine: 20, endColumn: 25, message: `AdminNetworkPolicy "tenants" ${ADMIN}`, severity: 'info' },
        { line: 27, column: 1, endLine: 27, endColumn: 20, message: `This Antrea NetworkPolicy ${IGNORED}`, severity: 'info' },
        { line: 32, column: 1, endLine: 32, endColumn: 24, message: `GKE FQDNNetworkPolicy "allow-github" ${IGNORED}`, severity: 'info' },
      ],
    },
    {
      name: 'a BaselineAdminNetworkPolicy and a policy.networking.k8s.io ClusterNetworkPolicy are evaluated by connectivity but not by the isolation checks; an Antrea ClusterNetworkPolicy is not evaluated',
      code: yaml`
        apiVersion: policy.networking.k8s.io/v1alpha1
        kind: BaselineAdminNetworkPolicy
        metadata: {name: default}
        spec:
          subject: {namespaces: {}}
        ---
        apiVersion: policy.networking.k8s.io/v1alpha2
        kind: ClusterNetworkPolicy
        metadata: {name: tenants}
        spec:
          tier: Admin
          priority: 10
        ---
        apiVersion: crd.antrea.io/v1beta1
        kind: ClusterNetworkPolicy
        metadata: {name: isolate}
        spec:
          priority: 5
      `,
      findings: [
        { line: 2, column: 1, endLine: 2, endColumn: 33, message: `BaselineAdminNetworkPolicy "default" ${ADMIN}`, severity: 'info' },
        { line: 8, column: 1, endLine: 8, endColumn: 27, message: `ClusterNetworkPolicy "tenants" ${ADMIN}`, severity: 'info' },
        { line: 15, column: 1, endLine: 15, endColumn: 27, message: `Antrea ClusterNetworkPolicy "isolate" ${IGNORED}`, severity: 'info' },
      ],
    },
  ],
});

it('netpol-invalid, not policy-not-evaluated, reports an extensions/v1beta1 NetworkPolicy, on its apiVersion', () => {
  const code = yaml`
    apiVersion: extensions/v1beta1
    kind: NetworkPolicy
    metadata: {name: api-ingress}
    spec:
      podSelector: {}
  `;
  assert.deepEqual(findingsOf(policyNotEvaluated, code), []);
  const invalid = findingsOf(netpolInvalid, code);
  assert.equal(invalid.length, 1);
  assert.equal(invalid[0].line, 1);
  assert.match(invalid[0].message, /removed in Kubernetes 1\.16/);
});
