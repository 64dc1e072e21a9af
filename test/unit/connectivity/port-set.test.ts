import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  ALL_PORTS,
  allPortsOf,
  describePorts,
  intersectPorts,
  isAllPorts,
  isEmptyPorts,
  NO_PORTS,
  portEntries,
  portsOf,
  portSetContains,
  samePorts,
  unionPorts,
} from '../../../server/src/engine/connectivity/port-set';

describe('port sets', () => {
  it('builds single ports and ranges, refusing what is outside 1-65535 or reversed', () => {
    assert.deepEqual(portEntries(portsOf('TCP', 80)), [{ protocol: 'TCP', port: 80 }]);
    assert.deepEqual(portEntries(portsOf('UDP', 5000, 5010)), [{ protocol: 'UDP', port: 5000, endPort: 5010 }]);
    for (const [first, last] of [[0, 0], [1, 65536], [90, 80], [1.5, 2]]) assert.equal(isEmptyPorts(portsOf('TCP', first, last)), true);
  });

  it('unites per protocol, joining overlapping and adjacent ranges', () => {
    const set = [portsOf('TCP', 8081), portsOf('TCP', 8000, 8080), portsOf('UDP', 53), portsOf('TCP', 80), portsOf('SCTP', 9, 10), portsOf('TCP', 8070, 8090)].reduce(unionPorts, NO_PORTS);
    assert.equal(describePorts(set), 'TCP 80,8000-8090,UDP 53,SCTP 9-10');
    assert.deepEqual(portEntries(set), [
      { protocol: 'TCP', port: 80 },
      { protocol: 'TCP', port: 8000, endPort: 8090 },
      { protocol: 'UDP', port: 53 },
      { protocol: 'SCTP', port: 9, endPort: 10 },
    ]);
  });

  it('intersects per protocol', () => {
    const a = unionPorts(portsOf('TCP', 80, 90), portsOf('UDP', 53));
    const b = unionPorts(portsOf('TCP', 85, 100), portsOf('TCP', 53));
    assert.equal(describePorts(intersectPorts(a, b)), 'TCP 85-90');
    assert.equal(isEmptyPorts(intersectPorts(portsOf('TCP', 53), portsOf('UDP', 53))), true);
    assert.ok(samePorts(intersectPorts(ALL_PORTS, a), a));
  });

  it('knows "all" (every port of the three protocols) and says so', () => {
    assert.equal(isAllPorts(ALL_PORTS), true);
    assert.equal(describePorts(ALL_PORTS), 'All Connections');
    assert.equal(isAllPorts(unionPorts(allPortsOf('TCP'), allPortsOf('UDP'))), false);
    assert.equal(describePorts(allPortsOf('TCP')), 'TCP 1-65535');
    assert.ok(isAllPorts([allPortsOf('TCP'), allPortsOf('UDP'), allPortsOf('SCTP')].reduce(unionPorts, NO_PORTS)));
    assert.equal(portSetContains(ALL_PORTS, 'SCTP', 65535), true);
  });
});
