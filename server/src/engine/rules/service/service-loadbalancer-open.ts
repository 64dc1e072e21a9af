import type { ObjectRule } from '../rule';
import { admitsWholeInternet, isInternalLoadBalancer, SOURCE_RANGES_ANNOTATION, sourceRangesOf } from '../../services/load-balancer';
import { serviceSpecOf, serviceTypeOf } from '../../services/service';
import { objectFix } from '../../fixes/object-fix';
import type { FixInput } from '../../fixes/fix';
import type { ObjectPath } from '../../manifest/yaml-path';
import { allEdits } from './all-edits';
import { rewriteCommaList } from './comma-list';
import { PLACEHOLDER_NOTE, placeholderRangeFor } from './source-range-placeholder';

export const serviceLoadbalancerOpen: ObjectRule = {
  id: 'service-loadbalancer-open',
  title: 'LoadBalancer Service accepts connections from any address',
  severity: 'warning',
  category: 'service',
  scope: 'object',
  explanation:
    'A `LoadBalancer` Service gets an address from the cloud provider, usually a public one. Without ' +
    '`loadBalancerSourceRanges` (or its annotation form `service.beta.kubernetes.io/load-balancer-source-ranges`, ' +
    'used when the field is empty), or with `0.0.0.0/0` or `::/0` in it, the cloud firewall admits the whole ' +
    'internet to every port of the Service. Services marked internal with the provider\'s annotation (GKE, AWS, ' +
    'Azure, OCI, IBM, OpenStack, Alibaba, Baidu, Tencent) or class get a private address and are not reported.',
  remediation:
    'List the client networks in `spec.loadBalancerSourceRanges`, or make the load balancer internal with your ' +
    "provider's annotation (for example `networking.gke.io/load-balancer-type: \"Internal\"`, " +
    '`service.beta.kubernetes.io/aws-load-balancer-scheme: internal`, ' +
    '`service.beta.kubernetes.io/azure-load-balancer-internal: "true"`). For public web traffic, prefer an ' +
    'Ingress or Gateway in front of a ClusterIP Service.',
  references: [
    'https://kubernetes.io/docs/tasks/access-application-cluster/configure-cloud-provider-firewall/',
    'https://kubernetes.io/docs/concepts/services-networking/service/#internal-load-balancer',
    'https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/guide/service/annotations/',
  ],
  examples: {
    insecure: `apiVersion: v1
kind: Service
metadata:
  name: grafana
spec:
  type: LoadBalancer
  selector: {app: grafana}
  ports:
    - port: 443
      targetPort: 3000
`,
    fixed: `apiVersion: v1
kind: Service
metadata:
  name: grafana
spec:
  type: LoadBalancer
  loadBalancerSourceRanges:
    - 203.0.113.0/24
  selector: {app: grafana}
  ports:
    - port: 443
      targetPort: 3000
`,
  },
  *check(object) {
    const spec = serviceSpecOf(object);
    if (!spec || serviceTypeOf(spec) !== 'LoadBalancer') return;
    if (isInternalLoadBalancer(object.annotations, spec.loadBalancerClass)) return;
    const name = object.name ?? '(unnamed)';
    const ranges = sourceRangesOf(object, spec);
    if (ranges.origin === 'none') {
      yield {
        path: ['spec', 'loadBalancerSourceRanges'],
        message: `LoadBalancer Service "${name}" has no loadBalancerSourceRanges, so its load balancer accepts connections from any address.`,
        range: object.rangeOf(['spec', 'type']),
      };
      return;
    }
    const where = ranges.origin === 'field' ? 'loadBalancerSourceRanges' : SOURCE_RANGES_ANNOTATION;
    for (const entry of ranges.entries) {
      if (!admitsWholeInternet(entry.text)) continue;
      yield {
        path: entry.path,
        data: { origin: ranges.origin, range: entry.text },
        message: `${entry.text} in ${where} admits every address, so LoadBalancer Service "${name}" is open to the whole internet.`,
        range: object.rangeOf(entry.path, 'value'),
      };
    }
  },
  // None is preferred: a placeholder range, or dropping an address the author listed, is a choice
  // about who may connect that only the author can make, not one for fix-all.
  *fixes(input) {
    const path = input.report.path;
    if (!path) return;
    const range = input.report.data?.range;
    if (typeof range !== 'string') {
      const placeholder = placeholderRangeFor();
      yield* objectFix(input, `Restrict the load balancer to ${placeholder} ${PLACEHOLDER_NOTE}`, (editor) => editor.append(path, placeholder));
      return;
    }
    const placeholder = placeholderRangeFor(range);
    if (input.report.data?.origin === 'annotation') {
      yield* annotationFixes(input, range, placeholder);
      return;
    }
    // A range written twice is one problem: every copy goes, or the fix would leave it open.
    const copies = copiesOf(input, range);
    yield* objectFix(input, `Replace ${range} with ${placeholder} ${PLACEHOLDER_NOTE}`, (editor) => allEdits(copies.map((copy) => editor.replaceScalar(copy, placeholder))));
    if (otherRestrictedRanges(input, range)) {
      yield* objectFix(input, `Remove ${range}, keeping the other ranges`, (editor) => allEdits(copies.map((copy) => editor.remove(copy))));
    }
  },
};

/** The paths of the field's entries that read `range`. */
function copiesOf(input: FixInput, range: string): ObjectPath[] {
  const spec = input.object && serviceSpecOf(input.object);
  const field = spec?.loadBalancerSourceRanges;
  if (!Array.isArray(field)) return [];
  return field.flatMap((item, index) => (typeof item === 'string' && item.trim() === range ? [['spec', 'loadBalancerSourceRanges', index]] : []));
}

/** The same fixes on the comma-separated annotation: the value is rewritten, its other entries kept. */
function* annotationFixes(input: FixInput, range: string, placeholder: string) {
  const value = input.object?.annotations[SOURCE_RANGES_ANNOTATION];
  const path = input.report.path;
  if (value === undefined || !path) return;
  const replaced = rewriteCommaList(value, (entry) => (entry === range ? placeholder : undefined));
  yield* objectFix(input, `Replace ${range} with ${placeholder} in ${SOURCE_RANGES_ANNOTATION} ${PLACEHOLDER_NOTE}`, (editor) => editor.replaceScalar(path, replaced));
  const others = value.split(',').filter((entry) => entry.trim() !== range && entry.trim() !== '');
  if (others.some((entry) => !admitsWholeInternet(entry))) {
    const remaining = rewriteCommaList(value, (entry) => (entry === range ? null : undefined));
    yield* objectFix(input, `Remove ${range} from ${SOURCE_RANGES_ANNOTATION}, keeping the other ranges`, (editor) => editor.replaceScalar(path, remaining));
  }
}

/** Whether the field lists a range besides `range` that does not admit the whole internet. */
function otherRestrictedRanges(input: FixInput, range: string): boolean {
  const spec = input.object && serviceSpecOf(input.object);
  const field = spec?.loadBalancerSourceRanges;
  return Array.isArray(field) && field.some((item) => typeof item === 'string' && item.trim() !== range && item.trim() !== '' && !admitsWholeInternet(item));
}
