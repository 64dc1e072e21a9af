import type { ObjectRule } from '../rule';
import { admitsWholeInternet, isInternalLoadBalancer, SOURCE_RANGES_ANNOTATION, sourceRangesOf } from '../../services/load-balancer';
import { serviceSpecOf, serviceTypeOf } from '../../services/service';

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
        message: `LoadBalancer Service "${name}" has no loadBalancerSourceRanges, so its load balancer accepts connections from any address.`,
        range: object.rangeOf(['spec', 'type']),
      };
      return;
    }
    const where = ranges.origin === 'field' ? 'loadBalancerSourceRanges' : SOURCE_RANGES_ANNOTATION;
    for (const entry of ranges.entries) {
      if (!admitsWholeInternet(entry.text)) continue;
      yield {
        message: `${entry.text} in ${where} admits every address, so LoadBalancer Service "${name}" is open to the whole internet.`,
        range: object.rangeOf(entry.path, 'value'),
      };
    }
  },
};
