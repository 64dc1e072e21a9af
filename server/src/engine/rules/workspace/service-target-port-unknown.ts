import { isPlainObject } from '../../manifest/kube-object';
import type { WorkspaceRule } from '../rule';
import { servicePortsOf } from './pod-selection';
import { selectingServices } from './service-selection';
import { listNames, workloadName } from './workspace-objects';

export const serviceTargetPortUnknown: WorkspaceRule = {
  id: 'service-target-port-unknown',
  title: 'Service targetPort is not declared by the pods it selects',
  severity: 'warning',
  category: 'service',
  scope: 'workspace',
  explanation:
    "A Service forwards each port to its `targetPort` on the selected pods (the same number as `port` when absent). " +
    'A named `targetPort` is looked up on each pod: the container port with that `name` and the Service port\'s ' +
    'protocol. When no selected pod declares it, the pods are not endpoints of that port and its traffic goes ' +
    'nowhere (a warning). A numeric `targetPort` needs no declaration, as `containerPort` is informational, so a ' +
    'number that none of the declared ports has is only suspicious (info): usually a port changed in the ' +
    'workload but not in the Service. The rule judges Services whose selector matches workloads of the workspace.',
  remediation:
    "Point `targetPort` at a port the selected containers declare: a `containerPort` number or the `name` of a " +
    'declared port with the same protocol, or declare the port the application listens on in the pod template.',
  references: [
    'https://kubernetes.io/docs/concepts/services-networking/service/#field-spec-ports',
    'https://kubernetes.io/docs/reference/kubernetes-api/service-resources/service-v1/#ServiceSpec',
  ],
  examples: {
    insecure: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: registry.example.com/shop/web:1.4.2
          ports:
            - {name: http, containerPort: 8080}
---
apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: shop
spec:
  selector:
    app: web
  ports:
    - port: 80
      targetPort: web-http
`,
    fixed: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: registry.example.com/shop/web:1.4.2
          ports:
            - {name: http, containerPort: 8080}
---
apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: shop
spec:
  selector:
    app: web
  ports:
    - port: 80
      targetPort: http
`,
  },
  *check(workspace) {
    for (const { object, spec, selected } of selectingServices(workspace)) {
      if (selected.length === 0 || !Array.isArray(spec.ports)) continue;
      const declared = selected.flatMap(servicePortsOf);
      const names = listNames(selected.map(workloadName));
      for (const [index, entry] of spec.ports.entries()) {
        if (!isPlainObject(entry)) continue;
        const protocol = typeof entry.protocol === 'string' ? entry.protocol : 'TCP';
        const hasTarget = entry.targetPort !== undefined && entry.targetPort !== null;
        const target = hasTarget ? entry.targetPort : entry.port;
        const range = hasTarget ? object.rangeOf(['spec', 'ports', index, 'targetPort'], 'value') : object.rangeOf(['spec', 'ports', index, 'port'], 'pair');
        const servicePort = typeof entry.port === 'number' ? `Service port ${entry.port}` : 'the Service port';
        // A string of digits is not a port name: the API server refuses it (another rule's concern).
        if (typeof target === 'string' && target !== '' && !/^\d+$/.test(target)) {
          if (declared.some((port) => port.name === target && port.protocol === protocol)) continue;
          const otherProtocol = declared.some((port) => port.name === target);
          yield {
            object,
            range,
            message:
              `No container of the selected workloads (${names}) declares a port named "${target}" with protocol ${protocol}` +
              `${otherProtocol ? ' (only with another protocol)' : ''}: ${servicePort} has no endpoints.`,
          };
        } else if (typeof target === 'number' && declared.length > 0 && !declared.some((port) => port.port === target)) {
          const numbers = [...new Set(declared.map((port) => port.port))].sort((a, b) => a - b);
          yield {
            object,
            range,
            message:
              `The selected workloads (${names}) declare container port${numbers.length === 1 ? '' : 's'} ${listNames(numbers.map(String))} but not ${target}: ` +
              `${servicePort} may forward to a port nothing listens on.`,
            severity: 'info',
          };
        }
      }
    }
  },
};
