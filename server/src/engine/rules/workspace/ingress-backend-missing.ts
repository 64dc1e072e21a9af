import { ingressSpecOf } from '../../ingress/ingress';
import { isPlainObject, type PlainObject } from '../../manifest/kube-object';
import { serviceSpecOf, serviceTypeOf } from '../../services/service';
import type { Workspace } from '../../workspace/workspace';
import type { WorkspaceRule } from '../rule';
import { serviceBackendsOf } from './ingress-backends';
import { isSystemNamespace, listNames, namespaceOfObject, parsedCleanly } from './workspace-objects';

export const ingressBackendMissing: WorkspaceRule = {
  id: 'ingress-backend-missing',
  title: 'Ingress backend Service or port is not defined',
  severity: 'info',
  category: 'ingress',
  scope: 'workspace',
  explanation:
    'An Ingress routes each path (and its default backend) to a Service of its own namespace, by name, and to one ' +
    'of its ports, by number or by name. When the Service or the port does not exist, the controller has no ' +
    'endpoints for the route: requests get errors (a 503 from ingress-nginx), and a typo can leave a route ' +
    'silently pointing at nothing. The rule checks `service.name` and `service.port` (networking.k8s.io/v1) and ' +
    '`serviceName`/`servicePort` (v1beta1), but only when the workspace defines Services in the namespace, so an ' +
    'Ingress kept apart from its application is not reported; system namespaces (kube-system, kube-public, ' +
    'kube-node-lease, openshift-*) and resource backends are not checked.',
  remediation:
    'Name a Service of the same namespace and one of its ports (`spec.ports[*].port`, or `spec.ports[*].name` ' +
    'with `port.name`), or add the missing Service.',
  references: [
    'https://kubernetes.io/docs/concepts/services-networking/ingress/#the-ingress-resource',
    'https://kubernetes.io/docs/reference/kubernetes-api/service-resources/ingress-v1/#IngressBackend',
  ],
  examples: {
    insecure: `apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: shop
spec:
  selector: {app: web}
  ports:
    - {name: http, port: 80, targetPort: 8080}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
  namespace: shop
spec:
  ingressClassName: nginx
  rules:
    - host: shop.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: webb
                port: {number: 80}
`,
    fixed: `apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: shop
spec:
  selector: {app: web}
  ports:
    - {name: http, port: 80, targetPort: 8080}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
  namespace: shop
spec:
  ingressClassName: nginx
  rules:
    - host: shop.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: web
                port: {number: 80}
`,
  },
  *check(workspace) {
    const services = servicesByNamespace(workspace);
    for (const object of workspace.objectsOfKind('Ingress')) {
      const spec = ingressSpecOf(object);
      if (!spec || !parsedCleanly(object)) continue;
      const namespace = namespaceOfObject(workspace, object);
      const defined = services.get(namespace);
      if (!defined || isSystemNamespace(namespace)) continue;
      for (const backend of serviceBackendsOf(spec)) {
        const specs = defined.get(backend.name);
        if (!specs) {
          const known = [...defined.keys()].sort().map((name) => `"${name}"`);
          yield {
            object,
            range: object.rangeOf(backend.namePath, 'value'),
            message: `Service "${backend.name}" is not defined in namespace "${namespace}" in the workspace (it has ${listNames(known)}): requests routed to this backend fail.`,
          };
          continue;
        }
        const { port } = backend;
        // ExternalName Services need no ports; a Service without a port list is judged elsewhere.
        if (!port || specs.some((spec) => serviceTypeOf(spec) === 'ExternalName' || !Array.isArray(spec.ports))) continue;
        const ports = specs.flatMap((spec) => (spec.ports as unknown[]).filter(isPlainObject));
        const key = typeof port.value === 'number' ? 'port' : 'name';
        if (ports.some((entry) => entry[key] === port.value)) continue;
        const listed = ports.map((entry) => (typeof entry.name === 'string' && entry.name !== '' ? `${String(entry.port)} "${entry.name}"` : String(entry.port)));
        yield {
          object,
          range: object.rangeOf(port.path, 'value'),
          message:
            `Service "${backend.name}" has no port ${typeof port.value === 'number' ? port.value : `named "${port.value}"`}` +
            `${listed.length > 0 ? ` (its ports: ${listed.join(', ')})` : ''}: requests routed to this backend fail.`,
        };
      }
    }
  },
};

/** The specs of the core Services of the workspace, by namespace and name (a name may be defined twice). */
function servicesByNamespace(workspace: Workspace): Map<string, Map<string, PlainObject[]>> {
  const result = new Map<string, Map<string, PlainObject[]>>();
  for (const object of workspace.objectsOfKind('Service')) {
    const spec = serviceSpecOf(object);
    if (!spec || !object.name || !parsedCleanly(object)) continue;
    const namespace = namespaceOfObject(workspace, object);
    let byName = result.get(namespace);
    if (!byName) result.set(namespace, (byName = new Map()));
    const list = byName.get(object.name);
    if (list) list.push(spec);
    else byName.set(object.name, [spec]);
  }
  return result;
}
