import { serviceLoadbalancerOpen } from '../../../server/src/engine/rules/service/service-loadbalancer-open';
import { yaml } from '../../support/dedent';
import { testRule } from '../rule-tester';

testRule(serviceLoadbalancerOpen, {
  valid: [
    {
      name: 'source ranges restrict the clients',
      code: yaml`
        apiVersion: v1
        kind: Service
        metadata: {name: api}
        spec:
          type: LoadBalancer
          loadBalancerSourceRanges: [203.0.113.0/24, "2001:db8::/32"]
      `,
    },
    {
      name: 'annotation form of the source ranges, used when the field is absent',
      code: yaml`
        apiVersion: v1
        kind: Service
        metadata:
          name: api
          annotations:
            service.beta.kubernetes.io/load-balancer-source-ranges: "203.0.113.0/24,198.51.100.7/32"
        spec:
          type: LoadBalancer
      `,
    },
    {
      name: 'the field wins over an open annotation',
      code: yaml`
        apiVersion: v1
        kind: Service
        metadata:
          annotations:
            service.beta.kubernetes.io/load-balancer-source-ranges: 0.0.0.0/0
        spec:
          type: LoadBalancer
          loadBalancerSourceRanges: [10.0.0.0/8]
      `,
    },
    {
      name: 'GKE internal load balancer, current and legacy annotation',
      code: yaml`
        apiVersion: v1
        kind: Service
        metadata:
          annotations: {networking.gke.io/load-balancer-type: "Internal"}
        spec: {type: LoadBalancer}
        ---
        apiVersion: v1
        kind: Service
        metadata:
          annotations: {cloud.google.com/load-balancer-type: internal}
        spec: {type: LoadBalancer}
        ---
        apiVersion: v1
        kind: Service
        spec: {type: LoadBalancer, loadBalancerClass: networking.gke.io/l4-regional-internal}
      `,
    },
    {
      name: 'AWS internal: scheme, legacy annotation (any value but "false"), Load Balancer Controller default',
      code: yaml`
        apiVersion: v1
        kind: Service
        metadata:
          annotations: {service.beta.kubernetes.io/aws-load-balancer-scheme: internal}
        spec: {type: LoadBalancer}
        ---
        apiVersion: v1
        kind: Service
        metadata:
          annotations: {service.beta.kubernetes.io/aws-load-balancer-internal: 0.0.0.0/0}
        spec: {type: LoadBalancer}
        ---
        apiVersion: v1
        kind: Service
        metadata:
          annotations: {service.beta.kubernetes.io/aws-load-balancer-type: external}
        spec: {type: LoadBalancer}
        ---
        apiVersion: v1
        kind: Service
        spec: {type: LoadBalancer, loadBalancerClass: service.k8s.aws/nlb}
      `,
    },
    {
      name: 'Azure, OCI, OCI network load balancer, IBM, OpenStack, Alibaba',
      code: yaml`
        apiVersion: v1
        kind: Service
        metadata:
          annotations: {service.beta.kubernetes.io/azure-load-balancer-internal: "true"}
        spec: {type: LoadBalancer}
        ---
        apiVersion: v1
        kind: Service
        metadata:
          annotations: {service.beta.kubernetes.io/oci-load-balancer-internal: true}
        spec: {type: LoadBalancer}
        ---
        apiVersion: v1
        kind: Service
        metadata:
          annotations: {oci-network-load-balancer.oraclecloud.com/internal: "true"}
        spec: {type: LoadBalancer}
        ---
        apiVersion: v1
        kind: Service
        metadata:
          annotations: {service.kubernetes.io/ibm-load-balancer-cloud-provider-ip-type: private}
        spec: {type: LoadBalancer}
        ---
        apiVersion: v1
        kind: Service
        metadata:
          annotations: {service.beta.kubernetes.io/openstack-internal-load-balancer: "true"}
        spec: {type: LoadBalancer}
        ---
        apiVersion: v1
        kind: Service
        metadata:
          annotations: {service.beta.kubernetes.io/alibaba-cloud-loadbalancer-address-type: intranet}
        spec: {type: LoadBalancer}
      `,
    },
    {
      name: 'an internal load balancer with 0.0.0.0/0 only admits its private network',
      code: yaml`
        apiVersion: v1
        kind: Service
        metadata:
          annotations: {service.beta.kubernetes.io/azure-load-balancer-internal: "true"}
        spec:
          type: LoadBalancer
          loadBalancerSourceRanges: [0.0.0.0/0]
      `,
    },
    {
      name: 'NodePort and ClusterIP Services have no load balancer',
      code: yaml`
        apiVersion: v1
        kind: Service
        spec: {type: NodePort, loadBalancerSourceRanges: [0.0.0.0/0]}
        ---
        apiVersion: v1
        kind: Service
        spec: {ports: [{port: 80}]}
      `,
    },
    {
      name: 'a look-alike: 0.0.0.0/8 starts like the whole internet but is not',
      code: yaml`
        apiVersion: v1
        kind: Service
        spec:
          type: LoadBalancer
          loadBalancerSourceRanges: [0.0.0.0/8]
      `,
    },
  ],
  invalid: [
    {
      name: 'no source ranges',
      code: yaml`
        apiVersion: v1
        kind: Service
        metadata: {name: frontend-external}
        spec:
          type: LoadBalancer
          selector: {app: frontend}
          ports: [{port: 80, targetPort: 8080}]
      `,
      findings: [{ line: 5, column: 3, endLine: 5, endColumn: 21, message: 'LoadBalancer Service "frontend-external" has no loadBalancerSourceRanges, so its load balancer accepts connections from any address.' }],
    },
    {
      name: 'whole-internet entries in the field, block and flow lists',
      code: yaml`
        apiVersion: v1
        kind: Service
        metadata: {name: db}
        spec:
          type: LoadBalancer
          loadBalancerSourceRanges:
            - 10.0.0.0/8
            - 0.0.0.0/0
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: db6}
        spec: {type: LoadBalancer, loadBalancerSourceRanges: ["2001:db8::/32", "::/0"]}
      `,
      findings: [
        { line: 8, column: 7, endLine: 8, endColumn: 16, message: '0.0.0.0/0 in loadBalancerSourceRanges admits every address, so LoadBalancer Service "db" is open to the whole internet.' },
        { line: 13, column: 72, endLine: 13, endColumn: 78, message: /^::\/0 in loadBalancerSourceRanges admits every address/ },
      ],
    },
    {
      name: 'annotation form with 0.0.0.0/0 when the field is an empty list',
      code: yaml`
        apiVersion: v1
        kind: Service
        metadata:
          name: api
          annotations:
            service.beta.kubernetes.io/load-balancer-source-ranges: "10.0.0.0/8, 0.0.0.0/0"
        spec:
          type: LoadBalancer
          loadBalancerSourceRanges: []
      `,
      findings: [{ line: 6, column: 61, endLine: 6, endColumn: 84, message: /^0\.0\.0\.0\/0 in service\.beta\.kubernetes\.io\/load-balancer-source-ranges admits every address/ }],
    },
    {
      name: 'explicitly public or internal set to false',
      code: yaml`
        apiVersion: v1
        kind: Service
        metadata:
          name: aws-public
          annotations:
            service.beta.kubernetes.io/aws-load-balancer-type: external
            service.beta.kubernetes.io/aws-load-balancer-scheme: internet-facing
        spec:
          type: LoadBalancer
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: aws-legacy
          annotations:
            service.beta.kubernetes.io/aws-load-balancer-type: nlb-ip
            service.beta.kubernetes.io/aws-load-balancer-internal: "false"
        spec:
          type: LoadBalancer
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: azure
          annotations: {service.beta.kubernetes.io/azure-load-balancer-internal: "false"}
        spec:
          type: LoadBalancer
      `,
      findings: [
        { line: 9, column: 3, endLine: 9, endColumn: 21, message: /"aws-public" has no loadBalancerSourceRanges/ },
        { line: 19, column: 3, endLine: 19, endColumn: 21, message: /"aws-legacy" has no loadBalancerSourceRanges/ },
        { line: 27, column: 3, endLine: 27, endColumn: 21, message: /"azure" has no loadBalancerSourceRanges/ },
      ],
    },
  ],
});
