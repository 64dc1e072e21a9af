import type { KubeObject } from '../manifest/kube-object';
import type { ManifestFile } from '../manifest/manifest-file';
import { kustomizePatchUris } from './kustomize-patches';
import { parsedCleanly } from './parsed-cleanly';

/**
 * Objects that several documents define (same API group, kind, namespace and name): the one that
 * takes effect and the ones it replaces, in input order.
 */
export interface DuplicateGroup {
  /** "group/Kind namespace/name" ("" group for core objects, no namespace for cluster-scoped kinds). */
  identity: string;
  effective: KubeObject;
  /** Earlier definitions, in input order, that `effective` replaces. */
  replaced: readonly KubeObject[];
}

export interface EffectiveObjects {
  /** The objects that take effect, in input order (file order, then document order). */
  objects: readonly KubeObject[];
  duplicates: readonly DuplicateGroup[];
}

/**
 * The objects of a set of files as `kubectl apply -f` would leave them in a cluster: when several
 * documents define the same object, the last one wins, within a file and across files (files are
 * given in path order, the order kubectl applies a folder in). Objects of documents that did not
 * parse cleanly are left out: their content is a guess while someone types. So are the files a
 * kustomization of the set names as patches: kustomize merges them into the objects they name, and
 * taken as definitions they would replace a whole Deployment by its `replicas`. Objects named only
 * by `generateName` never collide: the API server names each one anew.
 */
export function effectiveObjects(files: readonly ManifestFile[], defaultNamespace: string): EffectiveObjects {
  const byIdentity = new Map<string, KubeObject[]>();
  const clean: KubeObject[] = [];
  const patches = kustomizePatchUris(files);
  for (const file of files) {
    if (patches.has(file.uri)) continue;
    for (const object of file.objects) {
      if (!parsedCleanly(object)) continue;
      clean.push(object);
      const identity = identityOf(object, defaultNamespace);
      if (identity === undefined) continue;
      const list = byIdentity.get(identity);
      if (list) list.push(object);
      else byIdentity.set(identity, [object]);
    }
  }
  const duplicates: DuplicateGroup[] = [];
  const replaced = new Set<KubeObject>();
  for (const [identity, list] of byIdentity) {
    if (list.length < 2) continue;
    const effective = list[list.length - 1];
    const earlier = list.slice(0, -1);
    for (const object of earlier) replaced.add(object);
    duplicates.push({ identity, effective, replaced: earlier });
  }
  return { objects: replaced.size === 0 ? clean : clean.filter((object) => !replaced.has(object)), duplicates };
}

/** The definition that takes effect in place of `object`, when a later document defines the same object. */
export function replacingDefinition(duplicates: readonly DuplicateGroup[], object: KubeObject): KubeObject | undefined {
  return duplicates.find((group) => group.replaced.includes(object))?.effective;
}

/** "group/Kind namespace/name", or undefined for an object without a kind or a name. */
export function identityOf(object: KubeObject, defaultNamespace: string): string | undefined {
  if (!object.kind || !object.name) return undefined;
  const group = canonicalGroup(object);
  if (isClusterScopedKind(object.kind)) return `${group}/${object.kind} ${object.name}`;
  return `${group}/${object.kind} ${object.namespace || defaultNamespace}/${object.name}`;
}

// `extensions` served Deployments, DaemonSets, ReplicaSets, Ingresses, NetworkPolicies and
// PodSecurityPolicies before their own groups did: one object, whichever group a manifest names.
const MOVED_FROM_EXTENSIONS: Readonly<Record<string, string>> = {
  Deployment: 'apps',
  DaemonSet: 'apps',
  ReplicaSet: 'apps',
  Ingress: 'networking.k8s.io',
  NetworkPolicy: 'networking.k8s.io',
  PodSecurityPolicy: 'policy',
};

function canonicalGroup(object: KubeObject): string {
  const group = object.apiGroup ?? '';
  return group === 'extensions' ? (MOVED_FROM_EXTENSIONS[object.kind] ?? group) : group;
}

/** Whether objects of this kind have no namespace (Kubernetes' and the common policy engines' kinds). */
export function isClusterScopedKind(kind: string): boolean {
  return CLUSTER_SCOPED_KINDS.has(kind);
}

/**
 * Kinds without a namespace: `metadata.namespace` on them means nothing. Kubernetes' own, and those
 * of the network-policy engines (Calico, Cilium, Antrea, the network-policy API) and cert-manager.
 */
const CLUSTER_SCOPED_KINDS: ReadonlySet<string> = new Set([
  'Namespace',
  'Node',
  'PersistentVolume',
  'ClusterRole',
  'ClusterRoleBinding',
  'CustomResourceDefinition',
  'StorageClass',
  'IngressClass',
  'PriorityClass',
  'RuntimeClass',
  'CSIDriver',
  'CSINode',
  'APIService',
  'ValidatingWebhookConfiguration',
  'MutatingWebhookConfiguration',
  'ValidatingAdmissionPolicy',
  'ValidatingAdmissionPolicyBinding',
  'PodSecurityPolicy',
  'CertificateSigningRequest',
  'ClusterTrustBundle',
  'VolumeAttachment',
  'VolumeAttributesClass',
  'FlowSchema',
  'PriorityLevelConfiguration',
  'MutatingAdmissionPolicy',
  'MutatingAdmissionPolicyBinding',
  'ServiceCIDR',
  'IPAddress',
  'DeviceClass',
  'ResourceSlice',
  'GatewayClass',
  'AdminNetworkPolicy',
  'BaselineAdminNetworkPolicy',
  'ClusterNetworkPolicy',
  'GlobalNetworkPolicy',
  'GlobalNetworkSet',
  'HostEndpoint',
  'Tier',
  'ClusterGroup',
  'CiliumClusterwideNetworkPolicy',
  'CiliumCIDRGroup',
  'CiliumClusterwideEnvoyConfig',
  'ClusterIssuer',
]);
