import { isPlainObject, type KubeObject } from '../manifest/kube-object';
import type { ObjectPath } from '../manifest/yaml-path';
import type { ContainerPort } from './cluster-types';

/**
 * The ports declared in `containers[*].ports` of the pod spec at `specPath`: the ones named ports
 * resolve against. Init containers are left out, as the specification says (`spec.containers`);
 * native sidecars (init containers with `restartPolicy: Always`) are the debatable case.
 * An entry without a valid `containerPort` (an integer in 1-65535) declares nothing.
 */
export function containerPortsOf(object: KubeObject, specPath: ObjectPath): ContainerPort[] {
  const containers = object.get([...specPath, 'containers']);
  if (!Array.isArray(containers)) return [];
  const result: ContainerPort[] = [];
  containers.forEach((container, containerIndex) => {
    if (!isPlainObject(container) || !Array.isArray(container.ports)) return;
    container.ports.forEach((entry, portIndex) => {
      if (!isPlainObject(entry)) return;
      const { containerPort, protocol, name } = entry;
      if (typeof containerPort !== 'number' || !Number.isInteger(containerPort) || containerPort < 1 || containerPort > 65535) return;
      result.push({
        port: containerPort,
        protocol: typeof protocol === 'string' ? protocol : 'TCP',
        ...(typeof name === 'string' && name !== '' ? { name } : {}),
        path: [...specPath, 'containers', containerIndex, 'ports', portIndex],
      });
    });
  });
  return result;
}
