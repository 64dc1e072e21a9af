import { isPlainObject } from '../../manifest/kube-object';
import type { ObjectRule } from '../rule';

const WRITE_VERBS = new Set(['create', 'update', 'patch', 'delete', 'deletecollection', '*']);

const CALICO_RESOURCES = ['networkpolicies', 'globalnetworkpolicies', 'networksets', 'globalnetworksets', 'tiers'];

/**
 * Resources that define network isolation, per API group. Only networking.istio.io's security-relevant
 * kinds are listed: routing kinds (VirtualService, Gateway) are written by deployment tools all the time.
 */
const POLICY_RESOURCES: Record<string, readonly string[]> = {
  'networking.k8s.io': ['networkpolicies'],
  extensions: ['networkpolicies'],
  'policy.networking.k8s.io': ['adminnetworkpolicies', 'baselineadminnetworkpolicies', 'clusternetworkpolicies'],
  'security.istio.io': ['authorizationpolicies', 'peerauthentications', 'requestauthentications'],
  'networking.istio.io': ['destinationrules', 'sidecars', 'envoyfilters', 'serviceentries'],
  'cilium.io': ['ciliumnetworkpolicies', 'ciliumclusterwidenetworkpolicies', 'ciliumcidrgroups'],
  'projectcalico.org': CALICO_RESOURCES,
  'crd.projectcalico.org': CALICO_RESOURCES,
  'policy.linkerd.io': ['servers', 'serverauthorizations', 'authorizationpolicies', 'meshtlsauthentications', 'networkauthentications'],
};

const ALL_POLICY_RESOURCE_NAMES = new Set(Object.values(POLICY_RESOURCES).flat());

export const rbacNetworkPolicyWrite: ObjectRule = {
  id: 'rbac-network-policy-write',
  title: 'Role can change network policies',
  severity: 'info',
  category: 'rbac',
  scope: 'object',
  explanation:
    'NetworkPolicies, Istio security resources (AuthorizationPolicy, PeerAuthentication, DestinationRule, Sidecar), ' +
    'Cilium, Calico and Linkerd policies are the network perimeter of the cluster. A Role or ClusterRole that can ' +
    'create, update, patch or delete them (directly, or through `*` verbs, resources or API groups) lets whoever is ' +
    'bound to it open that perimeter: allow all ingress, switch mTLS off, or delete a default-deny policy. Policy ' +
    'engines, CNI and mesh controllers legitimately need this, so it is reported as information for review.',
  remediation:
    'Grant write access to network policies only to the controllers and administrators that manage them, preferably ' +
    'through a GitOps pipeline. Give application roles read-only verbs (`get`, `list`, `watch`) on these resources, ' +
    'and avoid `*` in verbs, resources and API groups.',
  references: [
    'https://kubernetes.io/docs/concepts/security/rbac-good-practices/',
    'https://kubernetes.io/docs/reference/access-authn-authz/rbac/#role-and-clusterrole',
    'https://kubernetes.io/docs/concepts/services-networking/network-policies/',
  ],
  examples: {
    insecure: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: app-deployer
  namespace: shop
rules:
  - apiGroups: [networking.k8s.io]
    resources: [networkpolicies]
    verbs: [get, list, create, update, delete]
`,
    fixed: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: app-deployer
  namespace: shop
rules:
  - apiGroups: [networking.k8s.io]
    resources: [networkpolicies]
    verbs: [get, list, watch]
`,
  },
  *check(object) {
    if (object.kind !== 'Role' && object.kind !== 'ClusterRole') return;
    if (object.apiGroup !== undefined && object.apiGroup !== 'rbac.authorization.k8s.io') return;
    const rules = object.get(['rules']);
    if (!Array.isArray(rules)) return;
    const role = `${object.kind}${object.name ? ` "${object.name}"` : ''}`;
    for (const [index, rule] of rules.entries()) {
      if (!isPlainObject(rule)) continue;
      const verbs = strings(rule.verbs);
      const writeVerbIndex = verbs.findIndex((verb) => WRITE_VERBS.has(verb));
      if (writeVerbIndex === -1) continue;
      const covered = coveredPolicyResources(strings(rule.apiGroups), strings(rule.resources));
      if (covered.length === 0) continue;
      const writeVerbs = verbs.filter((verb) => WRITE_VERBS.has(verb));
      const names = strings(rule.resourceNames);
      const limited = names.length > 0 ? ` (only ${names.join(', ')})` : '';
      // The verb is reported: it is what turns a read-only rule on the same resources into a risk.
      yield {
        message: `${role} grants ${writeVerbs.join(', ')} on ${covered.join('; ')}${limited}: whoever is bound to it can open or remove network isolation.`,
        range: object.rangeOf(['rules', index, 'verbs', (rule.verbs as unknown[]).indexOf(verbs[writeVerbIndex])]),
      };
    }
  },
};

/** The network-policy resources that a rule's API groups and resources cover, described for messages. */
function coveredPolicyResources(groups: string[], resources: string[]): string[] {
  const covered: string[] = [];
  // Subresources (networkpolicies/status) do not change the policy.
  const topLevel = resources.filter((resource) => !resource.includes('/'));
  for (const group of groups) {
    if (group === '*') {
      if (topLevel.includes('*')) covered.push('every resource of every API group');
      else covered.push(...topLevel.filter((resource) => ALL_POLICY_RESOURCE_NAMES.has(resource)).map((resource) => `${resource} (any API group)`));
      continue;
    }
    const known = POLICY_RESOURCES[group];
    if (!known) continue;
    if (topLevel.includes('*')) covered.push(`every resource of ${group}`);
    else covered.push(...topLevel.filter((resource) => known.includes(resource)).map((resource) => `${resource} (${group})`));
  }
  return [...new Set(covered)];
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}
