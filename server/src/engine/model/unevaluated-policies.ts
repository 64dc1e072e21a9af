import type { KubeObject } from '../manifest/kube-object';

/** A network-policy object the connectivity analysis does not evaluate, and the product it belongs to. */
export interface UnevaluatedPolicy {
  object: KubeObject;
  /** "Calico", "Cilium", "Antrea", "GKE", "Kubernetes"... */
  product: string;
}

/**
 * Network-policy kinds the connectivity analysis does not evaluate, by API group. They change who
 * can reach whom in a cluster that runs them, so answers that ignore them must say so.
 * `networking.k8s.io/v1` NetworkPolicy is evaluated (its other versions are not), and so are
 * AdminNetworkPolicy, BaselineAdminNetworkPolicy (v1alpha1 fields) and the network policy API's
 * ClusterNetworkPolicy (v1alpha2 fields, read onto its tier); Antrea's ClusterNetworkPolicy is not.
 * Calico's staged policies are left out: they preview a policy's effect and enforce nothing.
 */
const UNEVALUATED_KINDS: readonly { product: string; groups: readonly string[]; kinds: readonly string[] }[] = [
  { product: 'Calico', groups: ['projectcalico.org', 'crd.projectcalico.org'], kinds: ['NetworkPolicy', 'GlobalNetworkPolicy'] },
  { product: 'Cilium', groups: ['cilium.io'], kinds: ['CiliumNetworkPolicy', 'CiliumClusterwideNetworkPolicy'] },
  { product: 'Antrea', groups: ['crd.antrea.io', 'security.antrea.tanzu.vmware.com'], kinds: ['NetworkPolicy', 'ClusterNetworkPolicy'] },
  // The FQDN egress policies of GKE Dataplane V2.
  { product: 'GKE', groups: ['networking.gke.io'], kinds: ['FQDNNetworkPolicy'] },
  { product: 'OVN-Kubernetes', groups: ['k8s.ovn.org'], kinds: ['EgressFirewall'] },
  { product: 'OpenShift', groups: ['network.openshift.io'], kinds: ['EgressNetworkPolicy'] },
];

/**
 * The policy product of an object the analysis ignores although it restricts traffic, or undefined
 * (an evaluated NetworkPolicy, or not a policy). Objects without `apiVersion` are taken as
 * evaluated or unrelated: nothing says which product they belong to.
 */
export function unevaluatedPolicyOf(object: KubeObject): UnevaluatedPolicy | undefined {
  const group = object.apiGroup;
  if (group === undefined) return undefined;
  if (object.kind === 'NetworkPolicy' && (group === 'networking.k8s.io' || group === 'extensions')) {
    return object.apiVersion === 'networking.k8s.io/v1' ? undefined : { object, product: 'Kubernetes' };
  }
  const entry = UNEVALUATED_KINDS.find(({ groups, kinds }) => groups.includes(group) && kinds.includes(object.kind));
  return entry ? { object, product: entry.product } : undefined;
}

/** The unevaluated policies among `objects`, in their order. */
export function unevaluatedPolicies(objects: readonly KubeObject[]): UnevaluatedPolicy[] {
  return objects.flatMap((object) => {
    const policy = unevaluatedPolicyOf(object);
    return policy ? [policy] : [];
  });
}
