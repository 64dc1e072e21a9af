import { isAdminPolicyKind, isClusterNetworkPolicy } from '../../model/admin-policies';
import { unevaluatedPolicyOf, type UnevaluatedPolicy } from '../../model/unevaluated-policies';
import type { ObjectRule } from '../rule';

// Products whose kinds name them already (CiliumNetworkPolicy).
const NAMED_BY_KIND = new Set(['Cilium']);

export const policyNotEvaluated: ObjectRule = {
  id: 'policy-not-evaluated',
  title: 'Network policy the connectivity analysis does not evaluate',
  severity: 'info',
  category: 'network-policy',
  scope: 'object',
  explanation:
    'kube-netsec evaluates Kubernetes `networking.k8s.io/v1` NetworkPolicies. Policies of network plugins and other ' +
    'APIs (Calico NetworkPolicy and GlobalNetworkPolicy, CiliumNetworkPolicy and CiliumClusterwideNetworkPolicy, ' +
    'Antrea NetworkPolicy and ClusterNetworkPolicy, GKE ' +
    'FQDNNetworkPolicy, OVN-Kubernetes EgressFirewall, OpenShift EgressNetworkPolicy) also decide who can reach whom ' +
    'in a cluster that runs them, but the connectivity results and the isolation checks (workload-not-isolated, ' +
    'namespace-no-default-deny...) ignore them: a workload reported as open may be isolated by such a policy, and ' +
    'one reported as reachable may be blocked. AdminNetworkPolicy, BaselineAdminNetworkPolicy and the network policy ' +
    "API's ClusterNetworkPolicy (`policy.networking.k8s.io`, read onto its `Admin` or `Baseline` tier) are evaluated by " +
    '`kube-netsec connectivity` and the connection hovers; of the isolation checks, workload-not-isolated and ' +
    'namespace-no-default-deny count only their `Deny` rules from or to every pod on every port, and ' +
    'netpol-egress-blocks-dns counts only their rules that allow DNS: the rule marks them too, with that wording. ' +
    'Calico staged policies are not reported: they preview a policy and ' +
    'enforce nothing. A NetworkPolicy of another version (`extensions/v1beta1`, removed in Kubernetes 1.16) is ' +
    'refused by the API server: netpol-invalid reports it, with the fix.',
  remediation:
    "Check what these policies allow with the plugin's own tools (`calicoctl`, `cilium policy`, `antctl`...), since " +
    'the results shown here do not include them. When a Kubernetes NetworkPolicy can say the same (pods, namespaces, ' +
    'CIDRs and ports; no layer 7, FQDN, deny or priority rules), write it as one: it works with any network plugin ' +
    'and the analysis evaluates it.',
  references: [
    'https://kubernetes.io/docs/concepts/services-networking/network-policies/',
    'https://network-policy-api.sigs.k8s.io/',
    'https://docs.tigera.io/calico/latest/reference/resources/networkpolicy',
    'https://docs.cilium.io/en/stable/security/policy/',
  ],
  examples: {
    insecure: `apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata:
  name: api-ingress
  namespace: shop
spec:
  endpointSelector:
    matchLabels: {app: api}
  ingress:
    - fromEndpoints:
        - matchLabels: {app: web}
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
  *check(object) {
    if (isAdminPolicyKind(object.kind) || isClusterNetworkPolicy(object)) {
      const name = object.name ? `${object.kind} "${object.name}"` : `This ${object.kind}`;
      yield {
        message: `${name} is evaluated by \`connectivity\` and the connection hovers; workload-not-isolated and namespace-no-default-deny count only its Deny rules from or to every pod on every port, and netpol-egress-blocks-dns only its rules that allow DNS.`,
        range: object.rangeOf(['kind']),
      };
      return;
    }
    const policy = unevaluatedPolicyOf(object);
    // Other versions of the Kubernetes NetworkPolicy are refused by the API server: netpol-invalid's.
    if (!policy || policy.product === 'Kubernetes') return;
    yield {
      message: `${describe(policy)} is not evaluated: connectivity results and the isolation checks (workload-not-isolated, namespace-no-default-deny...) ignore this policy.`,
      range: object.rangeOf(['kind']),
    };
  },
};

/** `Calico NetworkPolicy "allow-web"`, `CiliumNetworkPolicy "allow-web"`: the product when the kind does not name it. */
function describe({ object, product }: UnevaluatedPolicy): string {
  const kind = NAMED_BY_KIND.has(product) ? object.kind : `${product} ${object.kind}`;
  return object.name ? `${kind} "${object.name}"` : `This ${kind}`;
}
