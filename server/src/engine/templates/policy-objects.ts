import type { PolicyDirection } from '../connectivity';
import { NAMESPACE_NAME_LABEL, type Labels } from '../model';
import type { PortProtocol } from './template';

// Plain objects of the policies templates write, in the key order people write them in.

type Plain = Record<string, unknown>;

/** A core NetworkPolicy; `namespace` undefined leaves it to the namespace it is applied to. */
export function networkPolicy(name: string, namespace: string | undefined, podLabels: Labels | undefined, policyTypes: readonly PolicyDirection[], rules: Plain = {}): Plain {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: objectMetadata(name, namespace),
    spec: { podSelector: podSelector(podLabels), policyTypes: [...policyTypes], ...rules },
  };
}

export function objectMetadata(name: string, namespace: string | undefined): Plain {
  return namespace ? { name, namespace } : { name };
}

/** `{}` (every pod) for no labels, else `matchLabels`. */
export function podSelector(labels: Labels | undefined): Plain {
  return labels && Object.keys(labels).length > 0 ? { matchLabels: { ...labels } } : {};
}

/** A peer of every pod of one namespace, chosen by the name label the API server sets. */
export function namespacePeer(namespace: string, podLabels?: Labels): Plain {
  const peer: Plain = { namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: namespace } } };
  if (podLabels && Object.keys(podLabels).length > 0) peer.podSelector = podSelector(podLabels);
  return peer;
}

// The egress rule to the cluster DNS is the one the rules' fixes and the generator write, for the configured DNS.
export { clusterDnsRule } from '../rules/workspace/dns-access';

/** A rule's `ports` for one port, or nothing (every port) when none is given. */
export function portsOf(port: number | undefined, protocol: PortProtocol | undefined): Plain {
  return port === undefined ? {} : { ports: [{ protocol: protocol ?? 'TCP', port }] };
}
