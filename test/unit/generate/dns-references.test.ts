import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dnsReferencesIn } from '../../../server/src/engine/generate';

const names = (text: string) => dnsReferencesIn(text).map(({ service, namespace, port }) => [service, namespace ?? '', port ?? 0]);

describe('Service DNS names in texts', () => {
  it('reads every qualified form, with or without a port, anywhere as a whole host name', () => {
    assert.deepEqual(names('db.data'), [['db', 'data', 0]]);
    assert.deepEqual(names('db.data.svc:5432'), [['db', 'data', 5432]]);
    assert.deepEqual(names('postgres://shop@db.data.svc.cluster.local:5432/shop'), [['db', 'data', 5432]]);
    assert.deepEqual(names('--peers=a.ns:1,b.ns.svc:2'), [['a', 'ns', 1], ['b', 'ns', 2]]);
  });

  it('reads a bare name as a whole value, a flag value, a URL host, or with a port between separators', () => {
    assert.deepEqual(names('redis'), [['redis', '', 0]]);
    assert.deepEqual(names('  redis:6379 '), [['redis', '', 6379]]);
    assert.deepEqual(names('--backend=api'), [['api', '', 0]]);
    assert.deepEqual(names('{"api": "http://api/v1"}'), [['api', '', 0]]);
    assert.deepEqual(names('amqp://guest@queue'), [['queue', '', 0]]);
    assert.deepEqual(names('kafka-0:9092,kafka-1:9092'), [['kafka-0', '', 9092], ['kafka-1', '', 9092]]);
  });

  it('ignores words of sentences and scripts, parts of longer names, and impossible ports', () => {
    assert.deepEqual(names('echo "Pinging frontend: ${FRONTEND_ADDR}" && sleep 10'), []);
    assert.deepEqual(names('api.example.com'), []);
    assert.deepEqual(names('https://api.example.com:443/db.data'), []);
    assert.deepEqual(names('redis:70000'), []);
    assert.deepEqual(names('my_service'), []);
    assert.deepEqual(names('Frontend'), []);
  });
});
