import { objectFix } from '../../fixes/object-fix';
import { isPlainObject, type KubeObject } from '../../manifest/kube-object';
import type { ObjectPath } from '../../manifest/yaml-path';
import type { ContainerPort, Workload } from '../../model';
import { isApiProtocol, portProtocol, serviceTargetOf, targetPortDefaultText, type ApiProtocol, type TargetPortDefault } from '../../model/port-defaults';
import type { Report, WorkspaceRule } from '../rule';
import { declaresAllPodPorts, servicePortsOf } from './pod-selection';
import { misspelledPortName } from './port-name-suggestion';
import { selectingServices } from './service-selection';
import type { SourceRange } from '../../text/range';
import { listNames, workloadName } from './workspace-objects';

export const serviceTargetPortUnknown: WorkspaceRule = {
  id: 'service-target-port-unknown',
  title: 'Service targetPort is not declared by the pods it selects',
  severity: 'warning',
  category: 'service',
  scope: 'workspace',
  explanation:
    "A Service forwards each port to its `targetPort` on the selected pods, read as the API server stores it: " +
    'absent, `0` or `""`, it is the number in `port`; the protocol is TCP when absent. A named `targetPort` is ' +
    "looked up on each pod: the container port with that `name` and the Service port's protocol. When no selected " +
    'pod declares it, the port has no endpoints and its traffic goes nowhere (a warning); when some workloads ' +
    'declare it and others do not, the pods of the others get none of its traffic (info, naming them). A numeric ' +
    "`targetPort` needs no declaration, as `containerPort` is informational, so a number that a workload's declared " +
    'ports of that protocol leave out is only suspicious (info): usually a port changed in the workload but not in ' +
    'the Service. The rule judges Services whose selector matches workloads of the workspace, and leaves out ports ' +
    'the API server refuses (a protocol other than `TCP`, `UDP` or `SCTP` in capitals, a quoted number as ' +
    '`targetPort`).',
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
      // Pods an operator adds containers to (Prometheus' "web" port) declare ports no manifest shows.
      if (selected.length === 0 || !Array.isArray(spec.ports) || !selected.every(declaresAllPodPorts)) continue;
      const declared = new Map(selected.map((workload) => [workload, servicePortsOf(workload)]));
      for (const [index, entry] of spec.ports.entries()) {
        if (!isPlainObject(entry)) continue;
        // The API server refuses a Service with another protocol (`tcp` included) or with a
        // target it cannot store (a quoted number): such a port has no endpoints to judge.
        const protocol = portProtocol(entry.protocol);
        const target = serviceTargetOf(entry);
        if (!isApiProtocol(protocol) || target.kind === 'invalid') continue;
        const unwritten = entry.targetPort === undefined || entry.targetPort === null;
        const port: ServicePort = {
          object,
          protocol,
          path: ['spec', 'ports', index, 'targetPort'],
          range: unwritten ? object.rangeOf(['spec', 'ports', index, 'port'], 'pair') : object.rangeOf(['spec', 'ports', index, 'targetPort'], 'value'),
          targetWritten: !unwritten,
          text: typeof entry.port === 'number' ? `Service port ${entry.port}` : 'the Service port',
        };
        if (target.kind === 'name') yield* namedTarget(port, target.name, declared);
        else yield* numericTarget(port, target.port, target.defaulted, declared);
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

/** One entry of a Service's `ports`, read with the API server's defaults, and where to report on it. */
interface ServicePort {
  object: KubeObject;
  protocol: ApiProtocol;
  /** Path of its `targetPort`, written or not (a fix sets it). */
  path: ObjectPath;
  /** The written targetPort, or the `port` pair that stands for an absent one. */
  range: SourceRange;
  targetWritten: boolean;
  /** "Service port 80". */
  text: string;
}

/**
 * A named targetPort resolves on each pod: the endpoints of the Service port are the pods that
 * declare a port of that name and protocol. None of them is a Service port that goes nowhere; some
 * of them, a workload whose pods get none of its traffic.
 */
function* namedTarget(port: ServicePort, name: string, declared: ReadonlyMap<Workload, ContainerPort[]>): Iterable<Report & { object: KubeObject }> {
  const { protocol } = port;
  const selected = [...declared.keys()];
  const serving = selected.filter((workload) => declared.get(workload)!.some((own) => own.name === name && own.protocol === protocol));
  const lacking = selected.filter((workload) => !serving.includes(workload));
  if (lacking.length === 0) return;
  const others = [...new Set(lacking.flatMap((workload) => declared.get(workload)!.flatMap((own) => (own.name === name ? [own.protocol] : []))))].sort();
  const otherText = others.length > 0 ? ` (only with protocol ${listNames(others)})` : '';
  if (serving.length > 0) {
    yield {
      object: port.object,
      range: port.range,
      message:
        `${listNames(lacking.map(workloadName))} ${lacking.length === 1 ? 'declares' : 'declare'} no port named "${name}" with protocol ${protocol}${otherText}, ` +
        `unlike ${listNames(serving.map(workloadName))}: ${port.text} forwards only to the pods of ${listNames(serving.map(workloadName))}.`,
      severity: 'info',
    };
    return;
  }
  // A name declared with another protocol suggests a wrong protocol as much as a wrong name.
  const names = [...declared.values()].flatMap((ports) => ports.flatMap((own) => (own.protocol === protocol && own.name ? [own.name] : [])));
  const meant = others.length > 0 ? undefined : misspelledPortName(name, names);
  yield {
    object: port.object,
    range: port.range,
    message: `No container of the selected workloads (${listNames(selected.map(workloadName))}) declares a port named "${name}" with protocol ${protocol}${otherText}: ${port.text} has no endpoints.`,
    ...(meant ? { path: port.path, data: { meant, targetWritten: true } } : {}),
  };
}

/**
 * A numeric targetPort needs no declaration (`containerPort` is informational), so a number that a
 * workload's declared ports of the protocol leave out is only suspicious (info). A workload that
 * declares no port of the protocol leaves where it listens unknown and is not judged.
 */
function* numericTarget(port: ServicePort, target: number, defaulted: TargetPortDefault | undefined, declared: ReadonlyMap<Workload, ContainerPort[]>): Iterable<Report & { object: KubeObject }> {
  const { protocol } = port;
  const own = (workload: Workload) => declared.get(workload)!.filter((entry) => entry.protocol === protocol);
  const selected = [...declared.keys()];
  const serving = selected.filter((workload) => own(workload).some((entry) => entry.port === target));
  const lacking = selected.filter((workload) => own(workload).length > 0 && !serving.includes(workload));
  if (lacking.length === 0) return;
  const numbers = [...new Set(lacking.flatMap((workload) => own(workload).map((entry) => entry.port)))].sort((a, b) => a - b);
  const ports = `${protocol} container port${numbers.length === 1 ? '' : 's'} ${listNames(numbers.map(String))} but not ${target}${defaulted ? ` (${targetPortDefaultText(defaulted)})` : ''}`;
  const lackingNames = listNames(lacking.map(workloadName));
  if (serving.length > 0) {
    yield {
      object: port.object,
      range: port.range,
      message: `${lackingNames} ${lacking.length === 1 ? 'declares' : 'declare'} ${ports}, unlike ${listNames(serving.map(workloadName))}: ${port.text} may forward to a port nothing listens on in ${lacking.length === 1 ? 'its' : 'their'} pods.`,
      severity: 'info',
    };
    return;
  }
  const meant = theOnePortNumber(selected, declared, protocol);
  yield {
    object: port.object,
    range: port.range,
    message: `The selected workloads (${lackingNames}) declare ${ports}: ${port.text} may forward to a port nothing listens on.`,
    severity: 'info',
    ...(meant !== undefined ? { path: port.path, data: { meant, targetWritten: port.targetWritten } } : {}),
  };
}

/**
 * The port number every selected workload declares for `protocol`, when each declares that one
 * number and no other: then an undeclared numeric targetPort can only have meant it. A workload
 * declaring no port for the protocol leaves where it listens unknown, so there is no such number.
 */
function theOnePortNumber(selected: readonly Workload[], declared: ReadonlyMap<Workload, ContainerPort[]>, protocol: string): number | undefined {
  const numbers = new Set<number>();
  for (const workload of selected) {
    const own = declared.get(workload)!.filter((port) => port.protocol === protocol);
    if (own.length === 0) return undefined;
    for (const port of own) numbers.add(port.port);
  }
  return numbers.size === 1 ? [...numbers][0] : undefined;
}
