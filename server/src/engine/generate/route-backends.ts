import { GATEWAY_API_GROUP } from '../gateway/gateway-api';
import { ingressSpecOf } from '../ingress/ingress';
import { isPlainObject, type KubeObject } from '../manifest/kube-object';
import { serviceBackendsOf } from '../rules/workspace/ingress-backends';
import { namespaceOfObject, parsedCleanly } from '../rules/workspace/workspace-objects';
import type { Workspace } from '../workspace/workspace';
import { evidenceAt, type Evidence } from './evidence';
import { serviceKey, type WorkspaceService } from './workspace-services';

/** A Service that an Ingress or a Gateway API route sends traffic to, and on which of its ports. */
export interface RouteBackend {
  service: WorkspaceService;
  /** The Service port by number or name; undefined means all its ports. */
  port?: number | string;
  via: 'ingress' | 'gateway-route';
  /** For a route, the namespaces of its parent Gateways (where most implementations run the proxy). */
  gatewayNamespaces: readonly string[];
  evidence: Evidence;
}

const ROUTE_KINDS: ReadonlySet<string> = new Set(['HTTPRoute', 'GRPCRoute', 'TLSRoute', 'TCPRoute', 'UDPRoute']);

/** The Services of the workspace that its Ingresses and Gateway API routes point at. */
export function routeBackends(workspace: Workspace, services: ReadonlyMap<string, WorkspaceService>): RouteBackend[] {
  return [...ingressBackends(workspace, services), ...gatewayRouteBackends(workspace, services)];
}

function ingressBackends(workspace: Workspace, services: ReadonlyMap<string, WorkspaceService>): RouteBackend[] {
  return workspace.objectsOfKind('Ingress').flatMap((object) => {
    const spec = ingressSpecOf(object);
    if (!spec || !parsedCleanly(object)) return [];
    const namespace = namespaceOfObject(workspace, object);
    return serviceBackendsOf(spec).flatMap((backend) => {
      const service = services.get(serviceKey(namespace, backend.name));
      if (!service) return [];
      return [{ service, port: backend.port?.value, via: 'ingress' as const, gatewayNamespaces: [], evidence: evidenceAt(object, backend.namePath, `backend of Ingress ${object.name ?? ''}`.trim()) }];
    });
  });
}

function gatewayRouteBackends(workspace: Workspace, services: ReadonlyMap<string, WorkspaceService>): RouteBackend[] {
  const routes = [...ROUTE_KINDS].flatMap((kind) => workspace.objectsOfKind(kind)).filter((object) => parsedCleanly(object) && (object.apiGroup === undefined || object.apiGroup === GATEWAY_API_GROUP));
  return routes.flatMap((route) => {
    const namespace = namespaceOfObject(workspace, route);
    const gatewayNamespaces = parentGatewayNamespaces(route, namespace);
    const rules = route.get(['spec', 'rules']);
    if (!Array.isArray(rules) || gatewayNamespaces.length === 0) return [];
    return rules.flatMap((rule, ruleIndex) => {
      const refs = isPlainObject(rule) && Array.isArray(rule.backendRefs) ? rule.backendRefs : [];
      return refs.flatMap((ref, refIndex) => {
        if (!isPlainObject(ref) || typeof ref.name !== 'string' || !isServiceRef(ref)) return [];
        const service = services.get(serviceKey(typeof ref.namespace === 'string' ? ref.namespace : namespace, ref.name));
        if (!service) return [];
        const path = ['spec', 'rules', ruleIndex, 'backendRefs', refIndex, 'name'];
        const port = typeof ref.port === 'number' ? ref.port : undefined;
        return [{ service, port, via: 'gateway-route' as const, gatewayNamespaces, evidence: evidenceAt(route, path, `backendRef of ${route.kind} ${route.name ?? ''}`.trim()) }];
      });
    });
  });
}

// A backendRef is a Service unless it names another kind or group.
function isServiceRef(ref: Record<string, unknown>): boolean {
  return (ref.kind === undefined || ref.kind === 'Service') && (ref.group === undefined || ref.group === '');
}

function parentGatewayNamespaces(route: KubeObject, namespace: string): string[] {
  const parents = route.get(['spec', 'parentRefs']);
  if (!Array.isArray(parents)) return [];
  const namespaces = parents.flatMap((parent) => {
    if (!isPlainObject(parent) || (parent.kind !== undefined && parent.kind !== 'Gateway')) return [];
    return [typeof parent.namespace === 'string' && parent.namespace !== '' ? parent.namespace : namespace];
  });
  return [...new Set(namespaces)];
}
