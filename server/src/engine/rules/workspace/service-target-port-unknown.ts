import { objectFix } from '../../fixes/object-fix';
import { isPlainObject } from '../../manifest/kube-object';
import type { Workload } from '../../model';
import type { WorkspaceRule } from '../rule';
import { servicePortsOf } from './pod-selection';
import { misspelledPortName } from './port-name-suggestion';
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
      targetPort: htpp
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
        const targetPath = ['spec', 'ports', index, 'targetPort'];
        const range = hasTarget ? object.rangeOf(targetPath, 'value') : object.rangeOf(['spec', 'ports', index, 'port'], 'pair');
        const servicePort = typeof entry.port === 'number' ? `Service port ${entry.port}` : 'the Service port';
        // A string of digits is not a port name: the API server refuses it (another rule's concern).
        if (typeof target === 'string' && target !== '' && !/^\d+$/.test(target)) {
          if (declared.some((port) => port.name === target && port.protocol === protocol)) continue;
          const otherProtocol = declared.some((port) => port.name === target);
          // A name declared with another protocol suggests a wrong protocol as much as a wrong name.
          const meant = otherProtocol || !hasTarget ? undefined : misspelledPortName(target, declared.flatMap((port) => (port.protocol === protocol && port.name ? [port.name] : [])));
          yield {
            object,
            range,
            message:
              `No container of the selected workloads (${names}) declares a port named "${target}" with protocol ${protocol}` +
              `${otherProtocol ? ' (only with another protocol)' : ''}: ${servicePort} has no endpoints.`,
            ...(meant ? { path: targetPath, data: { meant, targetWritten: true } } : {}),
          };
        } else if (typeof target === 'number' && declared.length > 0 && !declared.some((port) => port.port === target)) {
          const numbers = [...new Set(declared.map((port) => port.port))].sort((a, b) => a - b);
          const meant = theOnePortNumber(selected, protocol);
          yield {
            object,
            range,
            message:
              `The selected workloads (${names}) declare container port${numbers.length === 1 ? '' : 's'} ${listNames(numbers.map(String))} but not ${target}: ` +
              `${servicePort} may forward to a port nothing listens on.`,
            severity: 'info',
            ...(meant !== undefined ? { path: targetPath, data: { meant, targetWritten: hasTarget } } : {}),
          };
        }
      }
    }
  },
  *fixes(input) {
    const { path, data } = input.report;
    const meant = data?.meant;
    if (!path || (typeof meant !== 'string' && typeof meant !== 'number')) return;
    // Not preferred: the port the author meant is a guess from what the pods declare. `set`
    // replaces a written targetPort in its quoting, or adds one where `port` stood for it.
    const verb = data?.targetWritten === true ? 'Change' : 'Set';
    yield* objectFix(input, `${verb} targetPort to ${meant}`, (editor) => editor.set(path, meant));
  },
};

/**
 * The port number every selected workload declares for `protocol`, when each declares that one
 * number and no other: then an undeclared numeric targetPort can only have meant it. A workload
 * declaring no port for the protocol leaves where it listens unknown, so there is no such number.
 */
function theOnePortNumber(selected: readonly Workload[], protocol: string): number | undefined {
  const numbers = new Set<number>();
  for (const workload of selected) {
    const own = servicePortsOf(workload).filter((port) => port.protocol === protocol);
    if (own.length === 0) return undefined;
    for (const port of own) numbers.add(port.port);
  }
  return numbers.size === 1 ? [...numbers][0] : undefined;
}
