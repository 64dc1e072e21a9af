import { isPlainObject, type KubeObject, type PlainObject } from '../manifest/kube-object';
import type { ObjectPath } from '../manifest/yaml-path';
import type { ContainerPort } from './cluster-types';
import { isPortNumber, portProtocol } from './port-defaults';

export interface ContainerPortsOptions {
  /**
   * Also the ports of native sidecars (init containers with `restartPolicy: Always`), on which
   * Services resolve named target ports too.
   */
  nativeSidecars?: boolean;
}

/**
 * The ports declared in `containers[*].ports` of the pod spec at `specPath`: the ones named ports
 * resolve against. Init containers are left out, as the specification says (`spec.containers`);
 * native sidecars only on request. An entry without a valid `containerPort` (an integer in
 * 1-65535) or with a protocol that is not a string declares nothing; the protocol is read with the
 * API server's default (TCP when absent or empty).
 */
export function containerPortsOf(object: KubeObject, specPath: ObjectPath, options: ContainerPortsOptions = {}): ContainerPort[] {
  const result = portsOfContainers(object, [...specPath, 'containers'], () => true);
  if (options.nativeSidecars) result.push(...portsOfContainers(object, [...specPath, 'initContainers'], (container) => container.restartPolicy === 'Always'));
  return result;
}

function portsOfContainers(object: KubeObject, listPath: ObjectPath, included: (container: PlainObject) => boolean): ContainerPort[] {
  const containers = object.get(listPath);
  if (!Array.isArray(containers)) return [];
  const result: ContainerPort[] = [];
  containers.forEach((container, containerIndex) => {
    if (!isPlainObject(container) || !included(container) || !Array.isArray(container.ports)) return;
    container.ports.forEach((entry, portIndex) => {
      if (!isPlainObject(entry)) return;
      const { containerPort, name } = entry;
      const protocol = portProtocol(entry.protocol);
      if (!isPortNumber(containerPort) || protocol === undefined) return;
      result.push({
        port: containerPort,
        protocol,
        ...(typeof name === 'string' && name !== '' ? { name } : {}),
        path: [...listPath, containerIndex, 'ports', portIndex],
      });
    });
  });
  return result;
}
