import { isPlainObject, type KubeObject, type PlainObject } from '../manifest/kube-object';

export type PolicyDirection = 'Ingress' | 'Egress';

/** The spec of a core NetworkPolicy (networking.k8s.io, or the old extensions group), else undefined. */
export function networkPolicySpecOf(object: KubeObject): PlainObject | undefined {
  if (object.kind !== 'NetworkPolicy') return undefined;
  const group = object.apiGroup;
  if (group !== undefined && group !== 'networking.k8s.io' && group !== 'extensions') return undefined;
  const spec = object.get(['spec']);
  return isPlainObject(spec) ? spec : undefined;
}

/**
 * Whether a policy affects a direction: `policyTypes` when present; otherwise Ingress always and
 * Egress only when the policy has egress rules (the API server's defaulting).
 */
export function affectsDirection(spec: PlainObject, direction: PolicyDirection): boolean {
  if (Array.isArray(spec.policyTypes)) return spec.policyTypes.includes(direction);
  if (direction === 'Ingress') return true;
  return Array.isArray(spec.egress) && spec.egress.length > 0;
}

/** "TCP 80, UDP 53, TCP 8000-8080, TCP http" for a rule's `ports`, or "all ports" when absent. */
export function describeRulePorts(ports: unknown): string {
  if (!Array.isArray(ports) || ports.length === 0) return 'all ports';
  return ports
    .map((entry) => {
      if (!isPlainObject(entry)) return 'all ports';
      const protocol = typeof entry.protocol === 'string' ? entry.protocol : 'TCP';
      if (entry.port === undefined || entry.port === null) return `all ${protocol} ports`;
      const end = typeof entry.endPort === 'number' ? `-${entry.endPort}` : '';
      return `${protocol} ${String(entry.port)}${end}`;
    })
    .join(', ');
}
