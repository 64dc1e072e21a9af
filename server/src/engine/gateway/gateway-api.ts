import ipaddr from 'ipaddr.js';
import { isPlainObject, type KubeObject, type PlainObject } from '../manifest/kube-object';
import type { ObjectPath } from '../manifest/yaml-path';
import { parseAddress } from '../net/cidr';
import { isInternalLoadBalancer, stringMapOf } from '../services/load-balancer';

export const GATEWAY_API_GROUP = 'gateway.networking.k8s.io';

/**
 * The spec of a Gateway API `Gateway` (any version), else undefined. Istio's own `Gateway`
 * (networking.istio.io) is a different resource; without an apiVersion, the shape decides.
 */
export function gatewaySpecOf(object: KubeObject): PlainObject | undefined {
  if (object.kind !== 'Gateway') return undefined;
  if (object.apiGroup !== undefined && object.apiGroup !== GATEWAY_API_GROUP) return undefined;
  const spec = object.get(['spec']);
  return isPlainObject(spec) ? spec : undefined;
}

/** One listener of a Gateway, with its path. */
export interface ListenerRef {
  listener: PlainObject;
  path: ObjectPath;
  name: string;
  protocol?: string;
  hostname?: string;
}

export function listenersOf(spec: PlainObject): ListenerRef[] {
  if (!Array.isArray(spec.listeners)) return [];
  return spec.listeners.flatMap((listener, index) => {
    if (!isPlainObject(listener)) return [];
    return [
      {
        listener,
        path: ['spec', 'listeners', index],
        name: typeof listener.name === 'string' ? listener.name : `#${index + 1}`,
        protocol: typeof listener.protocol === 'string' ? listener.protocol : undefined,
        hostname: typeof listener.hostname === 'string' && listener.hostname.trim() !== '' ? listener.hostname : undefined,
      },
    ];
  });
}

/**
 * GatewayClasses whose load balancers are private by construction: GKE's internal Application Load
 * Balancers, Amazon VPC Lattice service networks, and Istio waypoints (in-mesh proxies).
 */
const INTERNAL_GATEWAY_CLASSES: ReadonlySet<string> = new Set([
  'gke-l7-rilb',
  'gke-l7-rilb-mc',
  'gke-l7-cross-regional-internal-managed',
  'gke-l7-cross-regional-internal-managed-mc',
  'amazon-vpc-lattice',
  'istio-waypoint',
]);

/**
 * Whether a Gateway is marked as reachable only from a private network: an internal GatewayClass, an
 * internal-load-balancer annotation in `spec.infrastructure.annotations` (propagated to the generated
 * Service) or in `metadata.annotations` (which Istio and others copy), or only private IP addresses
 * requested in `spec.addresses`. Anything else counts as possibly public.
 */
export function isInternalGateway(object: KubeObject, spec: PlainObject): boolean {
  if (typeof spec.gatewayClassName === 'string' && INTERNAL_GATEWAY_CLASSES.has(spec.gatewayClassName)) return true;
  const infrastructure = isPlainObject(spec.infrastructure) ? spec.infrastructure : {};
  if (isInternalLoadBalancer(stringMapOf(infrastructure.annotations))) return true;
  if (isInternalLoadBalancer(object.annotations)) return true;
  return requestsOnlyPrivateAddresses(spec.addresses);
}

const PRIVATE_RANGES: ReadonlySet<string> = new Set(['private', 'uniqueLocal', 'loopback', 'linkLocal', 'carrierGradeNat']);

function requestsOnlyPrivateAddresses(addresses: unknown): boolean {
  if (!Array.isArray(addresses) || addresses.length === 0) return false;
  return addresses.every((entry) => {
    if (!isPlainObject(entry) || typeof entry.value !== 'string') return false;
    if (entry.type !== undefined && entry.type !== 'IPAddress') return false;
    const address = parseAddress(entry.value);
    if (!address) return false;
    const plain = address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress() ? (address as ipaddr.IPv6).toIPv4Address() : address;
    return PRIVATE_RANGES.has(plain.range());
  });
}
