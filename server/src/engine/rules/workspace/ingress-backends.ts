import { defaultBackendKeyOf, ingressRulesOf } from '../../ingress/ingress';
import { isPlainObject, type PlainObject } from '../../manifest/kube-object';
import type { ObjectPath } from '../../manifest/yaml-path';

/** A Service an Ingress routes to, with the paths of its name and port (all from the object root). */
export interface ServiceBackend {
  name: string;
  namePath: ObjectPath;
  /** The Service port by number or name; absent when the backend names none. */
  port?: { value: number | string; path: ObjectPath };
}

/**
 * The Service backends of an Ingress spec: the default backend and every path's backend, in the
 * `service: {name, port: {number | name}}` form (networking.k8s.io/v1) or the older
 * `serviceName`/`servicePort` form (v1beta1). Resource backends are not Services and are left out.
 */
export function serviceBackendsOf(spec: PlainObject): ServiceBackend[] {
  const backends: ServiceBackend[] = [];
  const defaultKey = defaultBackendKeyOf(spec);
  if (defaultKey) pushBackend(backends, spec[defaultKey], ['spec', defaultKey]);
  for (const rule of ingressRulesOf(spec)) {
    const http = rule.rule.http;
    if (!isPlainObject(http) || !Array.isArray(http.paths)) continue;
    http.paths.forEach((entry, index) => {
      if (isPlainObject(entry)) pushBackend(backends, entry.backend, [...rule.path, 'http', 'paths', index, 'backend']);
    });
  }
  return backends;
}

function pushBackend(backends: ServiceBackend[], backend: unknown, path: ObjectPath): void {
  if (!isPlainObject(backend)) return;
  const { service } = backend;
  if (isPlainObject(service)) {
    if (typeof service.name !== 'string' || service.name === '') return;
    const port = isPlainObject(service.port) ? service.port : {};
    const servicePath = [...path, 'service'];
    const value = typeof port.number === 'number' ? { value: port.number, key: 'number' } : typeof port.name === 'string' && port.name !== '' ? { value: port.name, key: 'name' } : undefined;
    backends.push({ name: service.name, namePath: [...servicePath, 'name'], ...(value ? { port: { value: value.value, path: [...servicePath, 'port', value.key] } } : {}) });
    return;
  }
  if (typeof backend.serviceName !== 'string' || backend.serviceName === '') return;
  const { servicePort } = backend;
  // servicePort is an IntOrString; a string of digits is read as the number it spells.
  const value = typeof servicePort === 'number' ? servicePort : typeof servicePort === 'string' && servicePort !== '' ? (/^\d+$/.test(servicePort) ? Number(servicePort) : servicePort) : undefined;
  backends.push({ name: backend.serviceName, namePath: [...path, 'serviceName'], ...(value !== undefined ? { port: { value, path: [...path, 'servicePort'] } } : {}) });
}
