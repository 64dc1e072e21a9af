import { rbacNetworkPolicyWrite } from '../../../server/src/engine/rules/platform/rbac-network-policy-write';
import { yaml } from '../../support/dedent';
import { testRule } from '../rule-tester';

testRule(rbacNetworkPolicyWrite, {
  valid: [
    {
      name: 'read-only access to network policies',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: policy-viewer}
        rules:
          - apiGroups: [networking.k8s.io, cilium.io, security.istio.io]
            resources: [networkpolicies, ciliumnetworkpolicies, "*"]
            verbs: [get, list, watch]
      `,
    },
    {
      name: 'write access to other resources, status subresources and routing kinds',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: {name: deployer, namespace: shop}
        rules:
          - apiGroups: [apps, ""]
            resources: [deployments, services, "*"]
            verbs: ["*"]
          - apiGroups: [networking.k8s.io]
            resources: [networkpolicies/status, ingresses]
            verbs: [update, patch]
          - apiGroups: [networking.istio.io]
            resources: [virtualservices, gateways]
            verbs: [create, update, delete]
          - nonResourceURLs: ["*"]
            verbs: ["*"]
      `,
    },
    {
      name: 'a RoleBinding and a Role of another API group',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: b}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: admin}
        subjects: [{kind: User, name: jane}]
        rules:
          - apiGroups: ["*"]
            resources: ["*"]
            verbs: ["*"]
        ---
        apiVersion: example.com/v1
        kind: Role
        rules:
          - apiGroups: ["*"]
            resources: ["*"]
            verbs: ["*"]
      `,
    },
    {
      name: 'unreadable rules are skipped',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        rules:
          - null
          - apiGroups: networking.k8s.io
            resources: networkpolicies
            verbs: create
          - {apiGroups: [networking.k8s.io], resources: [networkpolicies], verbs: [7, null]}
      `,
    },
  ],
  invalid: [
    {
      name: 'Role that can create and delete NetworkPolicies',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata:
          name: app-deployer
          namespace: shop
        rules:
          - apiGroups: [networking.k8s.io]
            resources: [networkpolicies]
            verbs:
              - get
              - list
              - create
              - delete
      `,
      findings: [
        { line: 12, column: 9, endLine: 12, endColumn: 15, message: 'Role "app-deployer" grants create, delete on networkpolicies (networking.k8s.io): whoever is bound to it can open or remove network isolation.' },
      ],
    },
    {
      name: 'cluster-admin-like wildcards, wildcard group with a named resource, named resources',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: controller}
        rules:
          - apiGroups: ['*']
            resources: ['*']
            verbs: ['*']
          - apiGroups: ["*"]
            resources: [networkpolicies, pods]
            verbs: [patch]
          - apiGroups: [projectcalico.org]
            resources: [tiers]
            resourceNames: [calico-system]
            verbs: [get, update]
      `,
      findings: [
        { line: 7, column: 13, endLine: 7, endColumn: 16, message: 'ClusterRole "controller" grants * on every resource of every API group: whoever is bound to it can open or remove network isolation.' },
        { line: 10, column: 13, endLine: 10, endColumn: 18, message: 'ClusterRole "controller" grants patch on networkpolicies (any API group): whoever is bound to it can open or remove network isolation.' },
        { line: 14, column: 18, endLine: 14, endColumn: 24, message: 'ClusterRole "controller" grants update on tiers (projectcalico.org) (only calico-system): whoever is bound to it can open or remove network isolation.' },
      ],
    },
    {
      name: 'mesh and CNI groups: Istio security (every resource), DestinationRules, Cilium, Linkerd, AdminNetworkPolicy',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: mesh-admin}
        rules:
          - apiGroups: [security.istio.io, networking.istio.io]
            resources: ["*"]
            verbs: [create, delete, patch]
          - apiGroups: [networking.istio.io]
            resources: [virtualservices, destinationrules]
            verbs: [deletecollection]
          - {apiGroups: [cilium.io], resources: [ciliumclusterwidenetworkpolicies], verbs: [update]}
          - apiGroups: [policy.linkerd.io, policy.networking.k8s.io]
            resources: [servers, adminnetworkpolicies]
            verbs: [create]
      `,
      findings: [
        { line: 7, column: 13, endLine: 7, endColumn: 19, message: 'ClusterRole "mesh-admin" grants create, delete, patch on every resource of security.istio.io; every resource of networking.istio.io: whoever is bound to it can open or remove network isolation.' },
        { line: 10, column: 13, endLine: 10, endColumn: 29, message: 'ClusterRole "mesh-admin" grants deletecollection on destinationrules (networking.istio.io): whoever is bound to it can open or remove network isolation.' },
        { line: 11, column: 85, endLine: 11, endColumn: 91, message: 'ClusterRole "mesh-admin" grants update on ciliumclusterwidenetworkpolicies (cilium.io): whoever is bound to it can open or remove network isolation.' },
        { line: 14, column: 13, endLine: 14, endColumn: 19, message: 'ClusterRole "mesh-admin" grants create on servers (policy.linkerd.io); adminnetworkpolicies (policy.networking.k8s.io): whoever is bound to it can open or remove network isolation.' },
      ],
    },
  ],
});
