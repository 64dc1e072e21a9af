import { isPlainObject } from '../../manifest/kube-object';
import type { ObjectRule } from '../rule';
import { containersOf, podSpecOf } from '../../workloads/pod-spec';
import { isTcp, portNumber } from './ports';

const SSH_PORT = 22;

export const sshPort: ObjectRule = {
  id: 'ssh-port',
  title: 'Container declares an SSH port',
  severity: 'warning',
  category: 'pod-networking',
  scope: 'object',
  explanation:
    'A container that serves SSH (TCP port 22, or a port named `ssh`) opens a remote login path that bypasses the ' +
    "cluster's access control, audit logging and RBAC on `kubectl exec`: anyone who can reach the pod, from any pod " +
    'of the cluster unless a NetworkPolicy stops them, can try its passwords and keys. Long-lived SSH keys in images ' +
    'are also a common leak.',
  remediation:
    'Remove the SSH server and use `kubectl exec` or `kubectl debug` (audited, RBAC-controlled) to reach a container. ' +
    'If SSH is the product (a Git server), restrict who can reach the port with a NetworkPolicy and expose it ' +
    'deliberately through a Service.',
  references: [
    'https://kubernetes.io/docs/tasks/debug/debug-application/get-shell-running-container/',
    'https://kubernetes.io/docs/tasks/debug/debug-application/debug-running-pod/#ephemeral-container',
    'https://kubernetes.io/docs/concepts/services-networking/network-policies/',
  ],
  examples: {
    insecure: `apiVersion: v1
kind: Pod
metadata:
  name: toolbox
spec:
  containers:
    - name: toolbox
      image: registry.example.com/toolbox:1.0
      ports:
        - containerPort: 22
`,
    fixed: `apiVersion: v1
kind: Pod
metadata:
  name: toolbox
spec:
  containers:
    - name: toolbox
      image: registry.example.com/toolbox:1.0
`,
  },
  *check(object) {
    const pod = podSpecOf(object);
    if (!pod) return;
    for (const container of containersOf(pod)) {
      const ports = container.container.ports;
      if (!Array.isArray(ports)) continue;
      for (const [index, port] of ports.entries()) {
        if (!isPlainObject(port) || !isTcp(port.protocol)) continue;
        const path = [...container.path, 'ports', index];
        const number = portNumber(port.containerPort);
        if (number === SSH_PORT) {
          yield {
            message: `Container "${container.name}" declares SSH port 22, a remote login path around kubectl's access control and audit log.`,
            range: object.rangeOf([...path, 'containerPort']),
          };
        } else if (typeof port.name === 'string' && port.name.toLowerCase() === 'ssh') {
          // A port named ssh on another number is the same service.
          yield {
            message: `Container "${container.name}" declares a port named "${port.name}" (${String(port.containerPort)}), a remote login path around kubectl's access control and audit log.`,
            range: object.rangeOf([...path, 'name']),
          };
        }
      }
    }
  },
};
