import { serviceSourceIpLost } from '../../../server/src/engine/rules/service/service-source-ip-lost';
import { yaml } from '../../support/dedent';
import { testRule } from '../rule-tester';

testRule(serviceSourceIpLost, {
  valid: [
    {
      name: 'ingress-nginx with externalTrafficPolicy Local keeps client addresses',
      code: yaml`
        apiVersion: v1
        kind: Service
        metadata: {name: ingress-nginx-controller}
        spec:
          type: LoadBalancer
          externalTrafficPolicy: Local
          selector: {app.kubernetes.io/name: ingress-nginx, app.kubernetes.io/component: controller}
      `,
    },
    {
      name: 'loadBalancerSourceRanges with Cluster policy: enforced before the NAT, so not reported',
      code: yaml`
        apiVersion: v1
        kind: Service
        metadata: {name: api}
        spec:
          type: LoadBalancer
          externalTrafficPolicy: Cluster
          loadBalancerSourceRanges: [203.0.113.0/24]
          selector: {app: api}
      `,
    },
    {
      name: 'the PROXY protocol hands the client address to the proxy',
      code: yaml`
        apiVersion: v1
        kind: Service
        metadata:
          name: ingress-nginx-controller
          annotations:
            service.beta.kubernetes.io/aws-load-balancer-proxy-protocol: "*"
        spec:
          type: LoadBalancer
          selector: {app.kubernetes.io/name: ingress-nginx, app.kubernetes.io/component: controller}
      `,
    },
    {
      name: 'the controller admission webhook is a ClusterIP Service',
      code: yaml`
        apiVersion: v1
        kind: Service
        metadata: {name: ingress-nginx-controller-admission}
        spec:
          selector: {app.kubernetes.io/name: ingress-nginx, app.kubernetes.io/component: controller}
          ports: [{port: 443, targetPort: webhook}]
      `,
    },
    {
      name: 'another ingress-nginx component, and an ordinary application',
      code: yaml`
        apiVersion: v1
        kind: Service
        metadata: {name: ingress-nginx-defaultbackend}
        spec:
          type: NodePort
          selector: {app.kubernetes.io/name: ingress-nginx, app.kubernetes.io/component: default-backend}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: shop}
        spec:
          type: LoadBalancer
          selector: {app: shop}
      `,
    },
    {
      name: 'the PROXY protocol on a Linode load balancer',
      code: yaml`
        apiVersion: v1
        kind: Service
        metadata:
          annotations: {service.beta.kubernetes.io/linode-loadbalancer-proxy-protocol: v2}
        spec:
          type: LoadBalancer
          selector: {app.kubernetes.io/name: traefik}
      `,
    },
  ],
  invalid: [
    {
      name: 'ingress-nginx LoadBalancer with the default policy',
      code: yaml`
        apiVersion: v1
        kind: Service
        metadata: {name: ingress-nginx-controller, namespace: ingress-nginx}
        spec:
          type: LoadBalancer
          selector:
            app.kubernetes.io/name: ingress-nginx
            app.kubernetes.io/component: controller
      `,
      findings: [
        {
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 21,
          message:
            'This LoadBalancer Service sends traffic to ingress-nginx with externalTrafficPolicy Cluster (the default), so kube-proxy ' +
            'source-NATs external clients to node addresses. Its allowlist-source-range/denylist-source-range annotations and ' +
            'per-client rate limits then match the nodes, not the clients.',
        },
      ],
    },
    {
      name: 'explicit Cluster on bare-metal NodePorts (current labels, former stable chart)',
      code: yaml`
        apiVersion: v1
        kind: Service
        metadata: {name: ingress-nginx-controller}
        spec:
          type: NodePort
          externalTrafficPolicy: Cluster
          selector: {app.kubernetes.io/name: ingress-nginx, app.kubernetes.io/instance: ingress-nginx}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: legacy-chart}
        spec:
          externalTrafficPolicy: Cluster
          type: NodePort
          selector: {app: nginx-ingress, component: controller}
      `,
      findings: [
        { line: 6, column: 3, endLine: 6, endColumn: 33, message: /^This NodePort Service sends traffic to ingress-nginx with externalTrafficPolicy Cluster, so/ },
        { line: 13, column: 3, endLine: 13, endColumn: 33, message: /^This NodePort Service sends traffic to ingress-nginx / },
      ],
    },
    {
      name: 'Istio ingress gateway, Traefik (by its labels), NGINX Ingress Controller with PROXY protocol disabled',
      code: yaml`
        apiVersion: v1
        kind: Service
        metadata: {name: istio-ingressgateway, namespace: istio-system}
        spec: {type: LoadBalancer, selector: {istio: ingressgateway}}
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: traefik
          labels: {app.kubernetes.io/name: traefik}
        spec:
          type: LoadBalancer
          selector: {app.kubernetes.io/instance: traefik-kube-system}
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: nginx-ingress
          annotations: {service.beta.kubernetes.io/do-loadbalancer-enable-proxy-protocol: "false"}
        spec:
          type: LoadBalancer
          selector: {app: nginx-ingress}
      `,
      findings: [
        { line: 4, column: 8, endLine: 4, endColumn: 26, message: /to the Istio ingress gateway .* Its AuthorizationPolicy ipBlocks then match the nodes/ },
        { line: 12, column: 3, endLine: 12, endColumn: 21, message: /to Traefik .* Its ipAllowList middlewares/ },
        { line: 21, column: 3, endLine: 21, endColumn: 21, message: /to NGINX Ingress Controller / },
      ],
    },
  ],
});
