import type { AdminAnalysis } from '../../connectivity/admin-analysis';
import type { AdminSelection, CompiledAdminRule } from '../../connectivity/admin-policy';
import type { ConnectivityAnalysis, PolicyDirection } from '../../connectivity';
import { matchesLabels, selectsEverything } from '../../connectivity';
import type { NamespaceInfo, Workload } from '../../model';

// Cluster-admin policies that deny by default: an AdminNetworkPolicy or the
// BaselineAdminNetworkPolicy with a `Deny` rule from (or to) every pod of every namespace, on every
// port. For the pods it covers, such a rule does what a namespace's default-deny NetworkPolicy does
// (the ANP's even more: no NetworkPolicy can re-open it), so the default-deny and isolation rules
// do not ask for one. v1alpha1 ingress peers cannot name addresses: such a deny leaves traffic from
// outside the cluster to the NetworkPolicies, as the messages of those rules say.

/** The first catch-all deny of the admin tiers whose subject covers every pod of `namespace`, now and later. */
export function adminDenyCoveringNamespace(analysis: ConnectivityAnalysis, namespace: NamespaceInfo, direction: PolicyDirection): CompiledAdminRule | undefined {
  return catchAllDenies(analysis.admin, direction).find((rule) => coversNamespace(rule.policy.subject, namespace));
}

/** The first catch-all deny of the admin tiers that applies to `workload` as a subject. */
export function adminDenyCoveringWorkload(analysis: ConnectivityAnalysis, workload: Workload, direction: PolicyDirection): CompiledAdminRule | undefined {
  const admin = analysis.admin;
  if (!admin) return undefined;
  return catchAllDenies(admin, direction).find((rule) => admin.selected.get(rule.policy)?.includes(workload));
}

function catchAllDenies(admin: AdminAnalysis | undefined, direction: PolicyDirection): CompiledAdminRule[] {
  if (!admin) return [];
  return admin.policies.flatMap((policy) => policy.rules[direction].filter((rule) => rule.action === 'Deny' && rule.ports === 'all' && rule.peers.some(selectsEveryPod)));
}

function selectsEveryPod(peer: CompiledAdminRule['peers'][number]): boolean {
  if (peer.kind === 'namespaces') return selectsEverything(peer.namespaces);
  return peer.kind === 'pods' && selectsEverything(peer.namespaces) && selectsEverything(peer.pods);
}

function coversNamespace(subject: AdminSelection, namespace: NamespaceInfo): boolean {
  if (subject.kind === 'namespaces') return matchesLabels(subject.namespaces, namespace.labels);
  return subject.kind === 'pods' && matchesLabels(subject.namespaces, namespace.labels) && selectsEverything(subject.pods);
}

