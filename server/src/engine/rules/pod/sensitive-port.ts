import { isPlainObject, type KubeObject, type PlainObject } from '../../manifest/kube-object';
import type { ObjectRule, Report } from '../rule';
import { isInternalLoadBalancer } from '../../services/load-balancer';
import { serviceSpecOf, serviceTypeOf } from '../../services/service';
import { containersOf, podSpecOf } from '../../workloads/pod-spec';
import { describePort, portNumber } from './ports';

export const sensitivePort: ObjectRule = {
  id: 'sensitive-port',
  title: 'Administrative or datastore port exposed outside the pod network',
  severity: 'warning',
  category: 'pod-networking',
  scope: 'object',
  explanation:
    'Ports such as etcd (2379), the kubelet API (10250), Docker (2375), Redis (6379), PostgreSQL (5432) or MongoDB ' +
    '(27017) give control of a node or direct access to data, and are scanned for constantly. A database behind a ' +
    'ClusterIP Service is normal, so the rule reports such a port only where it leaves the pod network: a Service of ' +
    'type `NodePort` or `LoadBalancer`, or with `externalIPs` (its `port`, or its numeric `targetPort`), and a ' +
    'container bound on the node (a `hostPort`, or a `containerPort` of a `hostNetwork` pod). An internal load ' +
    'balancer is reported too: the whole private network, and every node port, can reach it. The list of ports is the ' +
    "`sensitivePorts` setting; SSH (22) is `ssh-port`'s job unless added to it.",
  remediation:
    'Keep datastores and admin APIs behind a ClusterIP Service, restricted with a NetworkPolicy to the pods that need ' +
    'them. If they must be reached from outside, use an internal load balancer with `loadBalancerSourceRanges`, or a ' +
    'VPN or bastion, and require authentication and TLS on the service itself.',
  references: [
    'https://kubernetes.io/docs/concepts/services-networking/service/#publishing-services-service-types',
    'https://kubernetes.io/docs/concepts/services-networking/service/#external-ips',
    'https://kubernetes.io/docs/reference/networking/ports-and-protocols/',
    'https://kubernetes.io/docs/tasks/administer-cluster/securing-a-cluster/',
  ],
  examples: {
    insecure: `apiVersion: v1
kind: Service
metadata:
  name: redis
spec:
  type: LoadBalancer
  selector: {app: redis}
  ports:
    - port: 6379
`,
    fixed: `apiVersion: v1
kind: Service
metadata:
  name: redis
spec:
  selector: {app: redis}
  ports:
    - port: 6379
`,
  },
  *check(object, context) {
    const sensitive = new Set(context.config.sensitivePorts);
    if (sensitive.size === 0) return;
    if (object.kind === 'Service') yield* checkService(object, sensitive);
    else yield* checkContainers(object, sensitive);
  },
};

function* checkService(object: KubeObject, sensitive: ReadonlySet<number>): Iterable<Report> {
  const spec = serviceSpecOf(object);
  if (!spec || !Array.isArray(spec.ports)) return;
  const exposure = serviceExposure(object, spec);
  if (!exposure) return;
  for (const [index, port] of spec.ports.entries()) {
    if (!isPlainObject(port)) continue;
    const path = ['spec', 'ports', index];
    const number = portNumber(port.port);
    const target = portNumber(port.targetPort);
    if (number !== undefined && sensitive.has(number)) {
      yield { message: `Service port ${describePort(number)} is exposed outside the cluster ${exposure}.`, range: object.rangeOf([...path, 'port']) };
    } else if (target !== undefined && sensitive.has(target)) {
      yield {
        message: `Service port ${String(port.port)} forwards to port ${describePort(target)} and is exposed outside the cluster ${exposure}.`,
        range: object.rangeOf([...path, 'targetPort']),
      };
    }
  }
}

/** How a Service is reachable from outside the cluster network, or undefined for ClusterIP-only ones. */
function serviceExposure(object: KubeObject, spec: PlainObject): string | undefined {
  const ways: string[] = [];
  const type = serviceTypeOf(spec);
  if (type === 'LoadBalancer') {
    ways.push(isInternalLoadBalancer(object.annotations, spec.loadBalancerClass) ? 'through its internal load balancer' : 'through its load balancer');
  } else if (type === 'NodePort') {
    ways.push("on a port of every node's address");
  }
  const externalIPs = Array.isArray(spec.externalIPs) ? spec.externalIPs.filter((ip) => typeof ip === 'string') : [];
  if (externalIPs.length > 0) ways.push(`on the external IP${externalIPs.length > 1 ? 's' : ''} ${externalIPs.join(', ')}`);
  return ways.length > 0 ? ways.join(' and ') : undefined;
}

function* checkContainers(object: KubeObject, sensitive: ReadonlySet<number>): Iterable<Report> {
  const pod = podSpecOf(object);
  if (!pod) return;
  const hostNetwork = pod.spec.hostNetwork === true;
  for (const container of containersOf(pod)) {
    const ports = container.container.ports;
    if (!Array.isArray(ports)) continue;
    for (const [index, port] of ports.entries()) {
      if (!isPlainObject(port)) continue;
      const path = [...container.path, 'ports', index];
      const containerPort = portNumber(port.containerPort);
      const hostPort = portNumber(port.hostPort);
      // hostPort 0 is the API's way of writing "no host port".
      const published = hostPort !== undefined && hostPort !== 0 ? hostPort : undefined;
      // A plain containerPort of a pod on the pod network is not exposure: reachability inside the
      // cluster is NetworkPolicy's business.
      if (!hostNetwork && published === undefined) continue;
      if (containerPort !== undefined && sensitive.has(containerPort)) {
        const described = describePort(containerPort);
        const message = hostNetwork
          ? `Container "${container.name}" listens on port ${described} in the node's network namespace (hostNetwork), reachable at every address of the node.`
          : `Container "${container.name}" publishes port ${described} on every node it runs on, as host port ${published}.`;
        yield { message, range: object.rangeOf([...path, 'containerPort']) };
      } else if (published !== undefined && sensitive.has(published)) {
        yield {
          message: `Container "${container.name}" publishes host port ${describePort(published)} on every node it runs on.`,
          range: object.rangeOf([...path, 'hostPort']),
        };
      }
    }
  }
}
