import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildWorkspace, parseManifest } from '../../../server/src/engine';
import { targetPortOn } from '../../../server/src/engine/generate/target-ports';
import { workspaceServices } from '../../../server/src/engine/generate/workspace-services';
import { yaml } from '../../support/dedent';

const manifests = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: web, namespace: shop}
  spec:
    template:
      metadata:
        labels: {app: web}
      spec:
        containers:
          - name: web
            image: web:1
            ports:
              - {name: http, containerPort: 8080, protocol: ""}
              - {name: syslog, containerPort: 514, protocol: UDP}
  ---
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: canary, namespace: shop}
  spec:
    template:
      metadata:
        labels: {app: web}
      spec:
        containers: [{name: web, image: web:2}]
  ---
  apiVersion: v1
  kind: Service
  metadata: {name: web, namespace: shop}
  spec:
    selector: {app: web}
    ports:
      - {name: zero, port: 80, targetPort: 0}
      - {name: empty, port: 81, targetPort: ""}
      - {name: absent, port: 82}
      - {name: number, port: 83, targetPort: 8080}
      - {name: named, port: 84, protocol: "", targetPort: http}
      - {name: udp, port: 514, protocol: UDP, targetPort: syslog}
      - {name: lower, port: 85, protocol: tcp}
      - {name: quoted, port: 86, targetPort: "8080"}
`;

function service() {
  const services = workspaceServices(buildWorkspace([parseManifest('shop.yaml', manifests)]));
  const web = services.get('shop/web');
  assert.ok(web);
  return web;
}

describe('generate: Service ports as the API server stores them', () => {
  it('defaults targetPort 0, "" and absent to port and an empty protocol to TCP; leaves out the entries the API server refuses', () => {
    assert.deepEqual(
      service().ports.map((entry) => [entry.name, entry.protocol, entry.port, entry.targetPort]),
      [
        ['zero', 'TCP', 80, undefined],
        ['empty', 'TCP', 81, undefined],
        ['absent', 'TCP', 82, undefined],
        ['number', 'TCP', 83, 8080],
        ['named', 'TCP', 84, 'http'],
        ['udp', 'UDP', 514, 'syslog'],
      ],
    );
  });

  it('resolves a named targetPort on each workload: the one that does not declare it is no endpoint', () => {
    const { ports, selected } = service();
    const byName = new Map(selected.map((workload) => [workload.id.name, workload]));
    const named = ports.find((entry) => entry.name === 'named')!;
    const udp = ports.find((entry) => entry.name === 'udp')!;
    const zero = ports.find((entry) => entry.name === 'zero')!;
    assert.deepEqual(targetPortOn(named, byName.get('web')!), { protocol: 'TCP', port: 8080 });
    assert.equal(targetPortOn(named, byName.get('canary')!), undefined);
    assert.deepEqual(targetPortOn(udp, byName.get('web')!), { protocol: 'UDP', port: 514 });
    assert.deepEqual(targetPortOn(zero, byName.get('canary')!), { protocol: 'TCP', port: 80 });
  });
});
