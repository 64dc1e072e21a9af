import { isPlainObject, type KubeObject } from '../manifest/kube-object';
import type { ObjectPath } from '../manifest/yaml-path';
import type { Workload } from '../model/cluster-types';
import { ingressSpecOf } from '../ingress/ingress';
import { serviceBackendsOf } from '../rules/workspace/ingress-backends';
import { selectingServices, type SelectingService } from '../rules/workspace/service-selection';
import { namespaceOfObject, parsedCleanly } from '../rules/workspace/workspace-objects';
import { isInternalLoadBalancer } from '../services/load-balancer';
import { isNodeExposed, serviceTypeOf } from '../services/service';
import { containersOf, podSpecOf } from '../workloads/pod-spec';
import type { Workspace } from '../workspace/workspace';

export type ExposureKind = 'LoadBalancer' | 'NodePort' | 'Ingress' | 'hostNetwork' | 'hostPort';

/**
 * One way traffic from outside the cluster reaches a workload without passing through pod networking
 * alone: a LoadBalancer or NodePort Service selecting it, an Ingress routing to such a Service or any
 * Service selecting it, its pods on the host network, or a container's hostPort. The same knowledge
 * as the rules service-loadbalancer-open, service-nodeport, host-network and host-port.
 */
export interface Exposure {
  kind: ExposureKind;
  /** "LoadBalancer Service shop/frontend (TCP 80)": also what identifies the exposure across the two sides. */
  description: string;
  /** The object and field that create it. */
  object: KubeObject;
  path: ObjectPath;
}

/** Each workload's exposures, by workload key (workloads without any are absent). */
export function exposuresOf(workspace: Workspace): Map<string, Exposure[]> {
  const byWorkload = new Map<string, Exposure[]>();
  const add = (workload: Workload, exposure: Exposure) => {
    const list = byWorkload.get(workload.key) ?? [];
    if (!list.some((known) => known.description === exposure.description)) list.push(exposure);
    byWorkload.set(workload.key, list);
  };
  const services = selectingServices(workspace);
  for (const service of services) {
    const exposure = serviceExposure(service);
    if (exposure) for (const workload of service.selected) add(workload, exposure);
  }
  for (const object of workspace.objectsOfKind('Ingress')) {
    const spec = ingressSpecOf(object);
    if (!spec || !parsedCleanly(object)) continue;
    const namespace = namespaceOfObject(workspace, object);
    for (const backend of serviceBackendsOf(spec)) {
      const service = services.find((candidate) => candidate.namespace === namespace && candidate.object.name === backend.name);
      if (!service) continue;
      const exposure: Exposure = { kind: 'Ingress', description: `Ingress ${namespace}/${object.name ?? '<unnamed>'} to Service ${backend.name}`, object, path: backend.namePath };
      for (const workload of service.selected) add(workload, exposure);
    }
  }
  for (const workload of workspace.model.workloads) for (const exposure of hostExposures(workload)) add(workload, exposure);
  return byWorkload;
}

function serviceExposure({ object, spec, namespace }: SelectingService): Exposure | undefined {
  const type = serviceTypeOf(spec);
  if (!isNodeExposed(type)) return undefined;
  const internal = type === 'LoadBalancer' && isInternalLoadBalancer(object.annotations, spec.loadBalancerClass);
  const ports = Array.isArray(spec.ports)
    ? spec.ports.filter(isPlainObject).map((port) => `${typeof port.protocol === 'string' ? port.protocol : 'TCP'} ${String(type === 'NodePort' && port.nodePort !== undefined ? port.nodePort : port.port)}`)
    : [];
  const kind = type as 'LoadBalancer' | 'NodePort';
  const description = `${internal ? 'internal ' : ''}${type} Service ${namespace}/${object.name ?? '<unnamed>'}${ports.length > 0 ? ` (${ports.join(', ')})` : ''}`;
  return { kind, description, object, path: ['spec', 'type'] };
}

function hostExposures(workload: Workload): Exposure[] {
  const exposures: Exposure[] = [];
  for (const member of workload.members) {
    const pod = podSpecOf(member.object);
    if (!pod) continue;
    if (pod.spec.hostNetwork === true) exposures.push({ kind: 'hostNetwork', description: 'hostNetwork: true', object: member.object, path: [...pod.path, 'hostNetwork'] });
    for (const container of containersOf(pod)) {
      const ports = container.container.ports;
      if (!Array.isArray(ports)) continue;
      ports.forEach((port, index) => {
        // hostPort 0 is the API's way of writing "no host port".
        if (!isPlainObject(port) || typeof port.hostPort !== 'number' || port.hostPort === 0) return;
        const protocol = typeof port.protocol === 'string' ? port.protocol : 'TCP';
        exposures.push({ kind: 'hostPort', description: `hostPort ${protocol} ${port.hostPort} (container ${container.name})`, object: member.object, path: [...container.path, 'ports', index, 'hostPort'] });
      });
    }
  }
  return exposures;
}
