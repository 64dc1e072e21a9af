import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseManifest } from '../../../server/src/engine';
import { containerPortsOf } from '../../../server/src/engine/model/container-ports';
import { isApiProtocol, isValidPortName, policyPortProtocol, portProtocol, serviceTargetOf } from '../../../server/src/engine/model/port-defaults';
import { yaml } from '../../support/dedent';

describe('port defaults: Service ports as the API server stores them', () => {
  it('reads targetPort absent, null, 0 and "" as the number in port', () => {
    assert.deepEqual(serviceTargetOf({ port: 80 }), { kind: 'number', port: 80, defaulted: 'absent' });
    assert.deepEqual(serviceTargetOf({ port: 80, targetPort: null }), { kind: 'number', port: 80, defaulted: 'absent' });
    assert.deepEqual(serviceTargetOf({ port: 80, targetPort: 0 }), { kind: 'number', port: 80, defaulted: 'zero' });
    assert.deepEqual(serviceTargetOf({ port: 80, targetPort: '' }), { kind: 'number', port: 80, defaulted: 'empty' });
    assert.deepEqual(serviceTargetOf({ port: 80, targetPort: 8080 }), { kind: 'number', port: 8080 });
    assert.deepEqual(serviceTargetOf({ port: 80, targetPort: 'http' }), { kind: 'name', name: 'http' });
  });

  it('marks invalid what the API server refuses: a string of digits, a number out of range, a defaulted target without a valid port', () => {
    for (const entry of [{ port: 80, targetPort: '8080' }, { port: 80, targetPort: 70000 }, { port: 80, targetPort: -1 }, { port: 80, targetPort: true }, { port: '80' }, { port: 0, targetPort: 0 }]) {
      assert.deepEqual(serviceTargetOf(entry), { kind: 'invalid' }, JSON.stringify(entry));
    }
  });

  it('defaults the protocol of Service and container ports when absent, null or empty, of NetworkPolicy ports only when absent or null', () => {
    assert.deepEqual([undefined, null, '', 'UDP', 'tcp', 6].map(portProtocol), ['TCP', 'TCP', 'TCP', 'UDP', 'tcp', undefined]);
    assert.deepEqual([undefined, null, '', 'UDP', 'tcp', 6].map(policyPortProtocol), ['TCP', 'TCP', '', 'UDP', 'tcp', undefined]);
    assert.deepEqual(['TCP', 'UDP', 'SCTP', 'tcp', '', undefined].map(isApiProtocol), [true, true, true, false, false, false]);
  });

  it('validates port names as the API server does (IsValidPortName)', () => {
    const names = ['http', 'dns-tcp', 'h2c', '8080', 'HTTP', 'web_ui', '-http', 'http-', 'http--alt', 'a-very-long-port', ''];
    assert.deepEqual(
      names.filter(isValidPortName),
      ['http', 'dns-tcp', 'h2c'],
    );
  });
});

describe('port defaults: container ports', () => {
  const pod = parseManifest(
    'pod.yaml',
    yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: web}
      spec:
        initContainers:
          - {name: proxy, restartPolicy: Always, ports: [{name: proxy, containerPort: 15001}]}
          - {name: migrate, ports: [{name: migrate, containerPort: 9000}]}
        containers:
          - name: web
            ports:
              - {name: http, containerPort: 8080, protocol: ""}
              - {name: dns, containerPort: 53, protocol: UDP}
              - {name: odd, containerPort: 70000}
              - {name: junk, containerPort: 81, protocol: 6}
    `,
  ).objects[0];

  it('reads an empty protocol as TCP and leaves out ports the API server refuses', () => {
    assert.deepEqual(
      containerPortsOf(pod, ['spec']).map((port) => [port.name, port.protocol, port.port]),
      [
        ['http', 'TCP', 8080],
        ['dns', 'UDP', 53],
      ],
    );
  });

  it('adds native sidecars on request, not other init containers', () => {
    assert.deepEqual(
      containerPortsOf(pod, ['spec'], { nativeSidecars: true }).map((port) => port.name),
      ['http', 'dns', 'proxy'],
    );
  });
});
