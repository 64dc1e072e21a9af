import { isPlainObject } from '../../manifest/kube-object';
import type { ObjectRule } from '../rule';
import { containersOf, podSpecOf } from '../../workloads/pod-spec';
import { objectFix } from '../../fixes/object-fix';
import { usesHostNetwork } from './security-context';

export const hostPort: ObjectRule = {
  id: 'host-port',
  title: 'Container binds a port on the node',
  severity: 'warning',
  category: 'pod-networking',
  scope: 'object',
  explanation:
    "A `hostPort` forwards a port of every node the pod runs on to the container. The port is reachable by anyone " +
    'who can reach the node, outside any Service or load balancer, and it limits scheduling to one such pod per node.',
  remediation:
    'Remove `hostPort` and expose the container through a Service (ClusterIP, or a LoadBalancer restricted with ' +
    '`loadBalancerSourceRanges`). Node-level agents that really need it belong in a dedicated, restricted namespace.',
  references: [
    'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline',
    'https://kubernetes.io/docs/concepts/configuration/overview/#services',
  ],
  examples: {
    insecure: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: nginx:1.27
          ports:
            - containerPort: 8080
              hostPort: 80
`,
    fixed: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: nginx:1.27
          ports:
            - containerPort: 8080
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector: {app: web}
  ports:
    - port: 80
      targetPort: 8080
`,
  },
  *check(object) {
    const pod = podSpecOf(object);
    if (!pod) return;
    for (const container of containersOf(pod)) {
      const ports = container.container.ports;
      if (!Array.isArray(ports)) continue;
      for (const [index, port] of ports.entries()) {
        // hostPort 0 is the API's way of writing "no host port".
        if (!isPlainObject(port) || port.hostPort === undefined || port.hostPort === null || port.hostPort === 0) continue;
        const path = [...container.path, 'ports', index, 'hostPort'];
        yield {
          path,
          data: { removable: !usesHostNetwork(pod) && port.containerPort !== undefined },
          message: `Container "${container.name}" binds host port ${String(port.hostPort)} on every node it runs on, outside any Service.`,
          range: object.rangeOf(path),
        };
      }
    }
  },
  *fixes(input) {
    const path = input.report.path;
    // Not offered in the host network, where the container binds the port on the node whatever hostPort
    // says (the API server defaults hostPort to containerPort there), nor for an entry without a
    // containerPort, which would be left meaningless.
    if (!path || input.report.data?.removable !== true) return;
    yield* objectFix(input, 'Remove hostPort', (editor) => editor.remove(path), { preferred: true });
  },
};
