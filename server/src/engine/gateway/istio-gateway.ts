import { isPlainObject, type KubeObject, type PlainObject } from '../manifest/kube-object';
import type { ObjectPath } from '../manifest/yaml-path';

/** The spec of an Istio `Gateway` (networking.istio.io, any version), else undefined. */
export function istioGatewaySpecOf(object: KubeObject): PlainObject | undefined {
  if (object.kind !== 'Gateway') return undefined;
  if (object.apiGroup !== undefined && object.apiGroup !== 'networking.istio.io') return undefined;
  const spec = object.get(['spec']);
  return isPlainObject(spec) ? spec : undefined;
}

/** One server of an Istio Gateway: its port protocol (upper case), hosts and TLS settings. */
export interface IstioServerRef {
  server: PlainObject;
  path: ObjectPath;
  protocol?: string;
  /** Hosts without their optional `namespace/` prefix. */
  hosts: string[];
  tls?: PlainObject;
}

export function istioServersOf(spec: PlainObject): IstioServerRef[] {
  if (!Array.isArray(spec.servers)) return [];
  return spec.servers.flatMap((server, index) => {
    if (!isPlainObject(server)) return [];
    const port = isPlainObject(server.port) ? server.port : {};
    const hosts = Array.isArray(server.hosts)
      ? server.hosts.filter((host): host is string => typeof host === 'string').map((host) => host.slice(host.indexOf('/') + 1))
      : [];
    return [
      {
        server,
        path: ['spec', 'servers', index],
        protocol: typeof port.protocol === 'string' ? port.protocol.toUpperCase() : undefined,
        hosts,
        tls: isPlainObject(server.tls) ? server.tls : undefined,
      },
    ];
  });
}
