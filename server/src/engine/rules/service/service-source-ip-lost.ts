import type { ObjectRule } from '../rule';
import { clientIpProxyBehind } from '../../services/client-ip-proxies';
import { enablesProxyProtocol } from '../../services/load-balancer';
import { isNodeExposed, serviceSpecOf, serviceTypeOf } from '../../services/service';
import { objectFix } from '../../fixes/object-fix';

export const serviceSourceIpLost: ObjectRule = {
  id: 'service-source-ip-lost',
  title: 'Ingress proxy behind externalTrafficPolicy Cluster sees node IPs, not clients',
  severity: 'warning',
  category: 'service',
  scope: 'object',
  explanation:
    'With `externalTrafficPolicy: Cluster` (the default), kube-proxy source-NATs external traffic arriving on a ' +
    'NodePort or LoadBalancer Service to an address of the node that forwards it. An ingress proxy behind such a Service ' +
    '(ingress-nginx, NGINX Ingress Controller, the Istio ingress gateway, Traefik) then sees node addresses: its IP ' +
    'allow-lists and per-client limits either block every real client or, when they allow the node network (a ' +
    'typical "internal only" rule such as `10.0.0.0/8`), admit the whole internet. `loadBalancerSourceRanges` is ' +
    'not affected (the cloud firewall and kube-proxy check it before the NAT), so it is not reported; nor are ' +
    'Services whose load balancer sends the client address with the PROXY protocol.',
  remediation:
    'Set `externalTrafficPolicy: Local` on the proxy\'s Service so the client address is kept (the load balancer ' +
    'then only sends traffic to nodes that run a proxy pod), or enable the PROXY protocol on the load balancer and ' +
    'in the proxy.',
  references: [
    'https://kubernetes.io/docs/tutorials/services/source-ip/#source-ip-for-services-with-type-nodeport',
    'https://kubernetes.io/docs/reference/networking/virtual-ips/#external-traffic-policy',
    'https://kubernetes.github.io/ingress-nginx/deploy/baremetal/',
    'https://istio.io/latest/docs/tasks/security/authorization/authz-ingress/',
  ],
  examples: {
    insecure: `apiVersion: v1
kind: Service
metadata:
  name: ingress-nginx-controller
  namespace: ingress-nginx
spec:
  type: LoadBalancer
  selector:
    app.kubernetes.io/name: ingress-nginx
    app.kubernetes.io/component: controller
  ports:
    - name: https
      port: 443
      targetPort: https
`,
    fixed: `apiVersion: v1
kind: Service
metadata:
  name: ingress-nginx-controller
  namespace: ingress-nginx
spec:
  type: LoadBalancer
  externalTrafficPolicy: Local
  selector:
    app.kubernetes.io/name: ingress-nginx
    app.kubernetes.io/component: controller
  ports:
    - name: https
      port: 443
      targetPort: https
`,
  },
  *check(object) {
    const spec = serviceSpecOf(object);
    if (!spec) return;
    const type = serviceTypeOf(spec);
    if (!isNodeExposed(type)) return;
    const policy = spec.externalTrafficPolicy;
    if (policy !== undefined && policy !== null && policy !== 'Cluster') return;
    if (enablesProxyProtocol(object.annotations)) return;
    const proxy = clientIpProxyBehind(object, spec);
    if (!proxy) return;
    const policyText = policy === 'Cluster' ? 'externalTrafficPolicy Cluster' : 'externalTrafficPolicy Cluster (the default)';
    yield {
      path: ['spec', 'externalTrafficPolicy'],
      data: { type },
      message:
        `This ${type} Service sends traffic to ${proxy.name} with ${policyText}, so kube-proxy source-NATs external ` +
        `clients to node addresses. Its ${proxy.ipRules} then match the nodes, not the clients.`,
      range: object.rangeOf(policy === 'Cluster' ? ['spec', 'externalTrafficPolicy'] : ['spec', 'type']),
    };
  },
  // Not preferred: with Local, only nodes that run a proxy pod accept the traffic. A cloud load
  // balancer health-checks the nodes and follows; clients of a node port must know which nodes to use.
  *fixes(input) {
    const path = input.report.path;
    if (!path) return;
    const caveat = input.report.data?.type === 'NodePort' ? ' (nodes without a proxy pod stop answering on the node port)' : '';
    yield* objectFix(input, `Set externalTrafficPolicy: Local${caveat}`, (editor) => editor.set(path, 'Local'));
  },
};
