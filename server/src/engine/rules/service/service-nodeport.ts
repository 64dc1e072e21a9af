import { isPlainObject } from '../../manifest/kube-object';
import type { ObjectRule } from '../rule';
import { serviceSpecOf, serviceTypeOf } from '../../services/service';
import { objectFix } from '../../fixes/object-fix';
import type { ObjectPath } from '../../manifest/yaml-path';
import { allEdits } from './all-edits';

/**
 * Fields the API server rejects on a ClusterIP Service: they only mean something for node ports or
 * a load balancer. (Only `externalTrafficPolicy` is valid on a NodePort Service, but the others are
 * often left behind by a type change.)
 */
const EXTERNAL_ONLY_FIELDS = ['healthCheckNodePort', 'allocateLoadBalancerNodePorts', 'loadBalancerSourceRanges', 'loadBalancerClass'];

export const serviceNodeport: ObjectRule = {
  id: 'service-nodeport',
  title: 'Service opens a port on every node',
  severity: 'warning',
  category: 'service',
  scope: 'object',
  explanation:
    'A `NodePort` Service makes kube-proxy listen on the same port (30000-32767 by default) on every node of the ' +
    'cluster, on all node addresses. Anyone who can reach any node reaches the Service, outside of any load ' +
    'balancer, ingress controller or `loadBalancerSourceRanges`, and with the default `externalTrafficPolicy: ' +
    'Cluster` the pods see node addresses instead of clients, so IP-based NetworkPolicy rules cannot tell them apart. ' +
    'LoadBalancer Services also allocate node ports (unless `allocateLoadBalancerNodePorts: false`); they are reported ' +
    'by `service-loadbalancer-open` instead, because the load balancer is their intended entry point.',
  remediation:
    'Use a `ClusterIP` Service behind an Ingress or Gateway, or a `LoadBalancer` restricted with ' +
    '`loadBalancerSourceRanges`. If a NodePort is really needed (bare-metal ingress), make sure the node firewall ' +
    'only admits the expected sources on the node port range.',
  references: [
    'https://kubernetes.io/docs/concepts/services-networking/service/#type-nodeport',
    'https://kubernetes.io/docs/reference/networking/virtual-ips/#external-traffic-policy',
  ],
  examples: {
    insecure: `apiVersion: v1
kind: Service
metadata:
  name: admin
spec:
  type: NodePort
  selector: {app: admin}
  ports:
    - port: 80
      targetPort: 8080
      nodePort: 30080
`,
    fixed: `apiVersion: v1
kind: Service
metadata:
  name: admin
spec:
  selector: {app: admin}
  ports:
    - port: 80
      targetPort: 8080
`,
  },
  *check(object) {
    const spec = serviceSpecOf(object);
    if (!spec || serviceTypeOf(spec) !== 'NodePort') return;
    const ports = Array.isArray(spec.ports) ? spec.ports : [];
    // nodePort 0 or absent: the API server picks one.
    const fixed = ports.flatMap((port) => (isPlainObject(port) && port.nodePort ? [String(port.nodePort)] : []));
    const where = fixed.length > 0 ? `node port${fixed.length > 1 ? 's' : ''} ${fixed.join(', ')}` : 'a node port';
    yield {
      path: ['spec', 'type'],
      message: `Service "${object.name ?? '(unnamed)'}" is exposed on ${where} of every node, reachable by anyone who can reach a node.`,
      range: object.rangeOf(['spec', 'type']),
    };
  },
  *fixes(input) {
    const spec = input.object && serviceSpecOf(input.object);
    if (!spec) return;
    const removed: ObjectPath[] = EXTERNAL_ONLY_FIELDS.filter((field) => spec[field] !== undefined).map((field) => ['spec', field]);
    // externalIPs keep a ClusterIP Service externally accessible, where externalTrafficPolicy stays valid.
    const hasExternalIps = Array.isArray(spec.externalIPs) && spec.externalIPs.length > 0;
    if (spec.externalTrafficPolicy !== undefined && !hasExternalIps) removed.push(['spec', 'externalTrafficPolicy']);
    const ports = Array.isArray(spec.ports) ? spec.ports : [];
    ports.forEach((port, index) => {
      if (isPlainObject(port) && port.nodePort !== undefined) removed.push(['spec', 'ports', index, 'nodePort']);
    });
    yield* objectFix(input, 'Change type to ClusterIP', (editor) => allEdits([editor.replaceScalar(['spec', 'type'], 'ClusterIP'), ...removed.map((path) => editor.remove(path))]), {
      preferred: true,
    });
  },
};
