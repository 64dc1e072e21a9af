import { isPlainObject, type PlainObject } from '../../manifest/kube-object';
import type { ObjectPath } from '../../manifest/yaml-path';
import type { ContainerRef, PodSpecRef } from '../../workloads/pod-spec';

// Reading container security settings for the capability and privilege rules. Capabilities exist only
// in a container's securityContext: the pod-level securityContext has no `capabilities` field.

export type CapabilityListName = 'add' | 'drop';

/** One entry of `securityContext.capabilities.add` or `.drop`. */
export interface CapabilityEntry {
  index: number;
  /** As written. */
  text: string;
  /** Upper-cased and trimmed, `CAP_` prefix kept: "net_raw" -> "NET_RAW", "cap_net_raw" -> "CAP_NET_RAW". */
  upper: string;
}

export function containerSecurityContext(container: ContainerRef): PlainObject | undefined {
  const context = container.container.securityContext;
  return isPlainObject(context) ? context : undefined;
}

/** The string entries of a capability list (non-strings are skipped: they are a schema problem). */
export function capabilityEntries(container: ContainerRef, list: CapabilityListName): CapabilityEntry[] {
  const capabilities = containerSecurityContext(container)?.capabilities;
  const entries = isPlainObject(capabilities) ? capabilities[list] : undefined;
  if (!Array.isArray(entries)) return [];
  const result: CapabilityEntry[] = [];
  entries.forEach((text, index) => {
    if (typeof text === 'string') result.push({ index, text, upper: text.trim().toUpperCase() });
  });
  return result;
}

/** The path of a capability list, or of one of its entries, relative to the object. */
export function capabilityPath(container: ContainerRef, list: CapabilityListName, index?: number): ObjectPath {
  const path = [...container.path, 'securityContext', 'capabilities', list];
  return index === undefined ? path : [...path, index];
}

/**
 * The capability an `add` entry grants, without a `CAP_` prefix. Kubernetes spells capabilities
 * without it; a prefixed name is counted as granted all the same, since whether a runtime honours
 * it varies and a linter should not assume the grant is harmless.
 */
export function grantedCapability(entry: CapabilityEntry): string {
  return entry.upper.startsWith('CAP_') ? entry.upper.slice('CAP_'.length) : entry.upper;
}

/**
 * Whether the container's processes can never hold capabilities: a non-root user (the container's
 * `runAsUser`/`runAsNonRoot`, else the pod's) gets none at exec, and with
 * `allowPrivilegeEscalation: false` (no_new_privs) no setuid or file-capability binary can give
 * them back. (Runtimes set no ambient capabilities for non-root users.)
 */
export function cannotGainCapabilities(pod: PodSpecRef, container: ContainerRef): boolean {
  const own = containerSecurityContext(container) ?? {};
  if (own.allowPrivilegeEscalation !== false) return false;
  const podContext = isPlainObject(pod.spec.securityContext) ? pod.spec.securityContext : {};
  const user = own.runAsUser ?? podContext.runAsUser;
  const nonRoot = own.runAsNonRoot ?? podContext.runAsNonRoot;
  if (typeof user === 'number') return user > 0;
  return nonRoot === true;
}

export function isPrivileged(container: ContainerRef): boolean {
  return containerSecurityContext(container)?.privileged === true;
}

/**
 * Windows pods have no Linux capabilities (the API rejects them when `spec.os.name` is windows). Many
 * manifests still say so only through the node selector, which the scheduler enforces just as well.
 */
export function isWindowsPod(pod: PodSpecRef): boolean {
  const os = pod.spec.os;
  if (isPlainObject(os)) return isWindows(os.name);
  const selector = pod.spec.nodeSelector;
  return isPlainObject(selector) && (isWindows(selector['kubernetes.io/os']) || isWindows(selector['beta.kubernetes.io/os']));
}

function isWindows(value: unknown): boolean {
  return typeof value === 'string' && value.trim().toLowerCase() === 'windows';
}

export function usesHostNetwork(pod: PodSpecRef): boolean {
  return pod.spec.hostNetwork === true;
}

/**
 * Where to point for a container-wide finding with nothing more specific: its `name`, else its
 * `image`, else the whole item.
 */
export function containerAnchor(container: ContainerRef): { path: ObjectPath; part: 'pair' | 'value' } {
  for (const key of ['name', 'image']) {
    if (container.container[key] !== undefined) return { path: [...container.path, key], part: 'pair' };
  }
  return { path: container.path, part: 'value' };
}
