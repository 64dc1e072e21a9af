import { isPlainObject, type KubeObject, type PlainObject } from '../manifest/kube-object';
import type { ObjectPath } from '../manifest/yaml-path';
import { isWholeInternet, parseCidr } from '../net/cidr';

/** The annotation that stands in for `spec.loadBalancerSourceRanges` when the field is empty. */
export const SOURCE_RANGES_ANNOTATION = 'service.beta.kubernetes.io/load-balancer-source-ranges';

const AWS_SCHEME = 'service.beta.kubernetes.io/aws-load-balancer-scheme';
const AWS_INTERNAL = 'service.beta.kubernetes.io/aws-load-balancer-internal';
const AWS_TYPE = 'service.beta.kubernetes.io/aws-load-balancer-type';

const lower = (value: string): string => value.trim().toLowerCase();
const isTrue = (value: string): boolean => lower(value) === 'true';

/**
 * Annotations with which a cloud provisions a private (VPC-internal) load balancer, as listed in the
 * Kubernetes Service documentation plus the providers' own variants (GKE legacy, OCI network LB).
 */
const INTERNAL_ANNOTATIONS: Readonly<Record<string, (value: string) => boolean>> = {
  'networking.gke.io/load-balancer-type': (value) => lower(value) === 'internal',
  'cloud.google.com/load-balancer-type': (value) => lower(value) === 'internal',
  // The in-tree AWS provider treats every value except "false" as internal (it once documented "0.0.0.0/0").
  [AWS_INTERNAL]: (value) => value.trim() !== '' && lower(value) !== 'false',
  'service.beta.kubernetes.io/azure-load-balancer-internal': isTrue,
  'service.beta.kubernetes.io/oci-load-balancer-internal': isTrue,
  'oci-network-load-balancer.oraclecloud.com/internal': isTrue,
  'service.kubernetes.io/ibm-load-balancer-cloud-provider-ip-type': (value) => lower(value) === 'private',
  'service.beta.kubernetes.io/openstack-internal-load-balancer': isTrue,
  'service.beta.kubernetes.io/cce-load-balancer-internal-vpc': isTrue,
  'service.kubernetes.io/qcloud-loadbalancer-internal-subnetid': (value) => value.trim() !== '',
  'service.beta.kubernetes.io/alibaba-cloud-loadbalancer-address-type': (value) => lower(value) === 'intranet',
};

/** Load balancer classes that only ever provision internal load balancers. */
const INTERNAL_CLASSES: ReadonlySet<string> = new Set(['networking.gke.io/l4-regional-internal']);

/**
 * Whether the annotations (and `spec.loadBalancerClass`) ask the cloud for a load balancer reachable
 * only from its private network. An explicit AWS `scheme` wins over every other AWS annotation.
 */
export function isInternalLoadBalancer(annotations: Readonly<Record<string, string>>, loadBalancerClass?: unknown): boolean {
  if (typeof loadBalancerClass === 'string' && INTERNAL_CLASSES.has(loadBalancerClass)) return true;
  const scheme = annotations[AWS_SCHEME];
  if (scheme !== undefined) return lower(scheme) === 'internal';
  for (const [key, isInternal] of Object.entries(INTERNAL_ANNOTATIONS)) {
    const value = annotations[key];
    if (value !== undefined && isInternal(value)) return true;
  }
  return managedByAwsLoadBalancerController(annotations, loadBalancerClass) && annotations[AWS_INTERNAL] === undefined;
}

/**
 * The AWS Load Balancer Controller (v2.2+) creates *internal* NLBs unless told `internet-facing`; it
 * takes over a Service only when asked to, through its class or the `external`/`nlb-ip` type.
 */
function managedByAwsLoadBalancerController(annotations: Readonly<Record<string, string>>, loadBalancerClass: unknown): boolean {
  if (loadBalancerClass === 'service.k8s.aws/nlb') return true;
  const type = annotations[AWS_TYPE];
  return type !== undefined && ['external', 'nlb-ip'].includes(lower(type));
}

/** One source range of a load balancer and where it is written (a list item, or the annotation). */
export interface SourceRangeEntry {
  text: string;
  path: ObjectPath;
}

/**
 * The source ranges the cloud provider applies, with the API's precedence: the field when it is not
 * empty, else the comma-separated annotation, else none (everyone may connect).
 */
export function sourceRangesOf(object: KubeObject, spec: PlainObject): { origin: 'field' | 'annotation' | 'none'; entries: SourceRangeEntry[] } {
  const field = spec.loadBalancerSourceRanges;
  if (Array.isArray(field) && field.length > 0) {
    const entries = field.flatMap((item, index) =>
      typeof item === 'string' ? [{ text: item.trim(), path: ['spec', 'loadBalancerSourceRanges', index] }] : [],
    );
    return { origin: 'field', entries };
  }
  const annotation = object.annotations[SOURCE_RANGES_ANNOTATION];
  if (annotation !== undefined && annotation.trim() !== '') {
    const path = ['metadata', 'annotations', SOURCE_RANGES_ANNOTATION];
    const entries = annotation
      .split(',')
      .map((text) => text.trim())
      .filter((text) => text !== '')
      .map((text) => ({ text, path }));
    return { origin: 'annotation', entries };
  }
  return { origin: 'none', entries: [] };
}

/** Whether a written range admits every address of its family (0.0.0.0/0, ::/0). */
export function admitsWholeInternet(text: string): boolean {
  const cidr = parseCidr(text);
  return cidr !== undefined && isWholeInternet(cidr);
}

/**
 * Whether an annotation enables the PROXY protocol on the load balancer (AWS, DigitalOcean, Linode,
 * Hetzner, OpenStack, OCI, Scaleway...), which hands the client address to the backend whatever
 * kube-proxy does to the packets.
 */
export function enablesProxyProtocol(annotations: Readonly<Record<string, string>>): boolean {
  return Object.entries(annotations).some(([key, value]) => {
    const name = key.toLowerCase();
    if (!/proxy-?protocol|ppv2/.test(name)) return false;
    return !['', 'false', 'none', 'disabled', '0', 'off'].includes(lower(value));
  });
}

/** A plain-object map of string values (annotations written somewhere else than metadata). */
export function stringMapOf(value: unknown): Record<string, string> {
  const result: Record<string, string> = {};
  if (!isPlainObject(value)) return result;
  for (const [key, entry] of Object.entries(value)) {
    if (entry !== null && entry !== undefined) result[key] = String(entry);
  }
  return result;
}
