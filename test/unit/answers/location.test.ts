import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseManifest } from '../../../server/src/engine';
import { locationAt } from '../../../server/src/engine/answers/location';
import { yaml } from '../../support/dedent';

const code = yaml`
  apiVersion: v1
  kind: ConfigMap
  metadata: {name: first}
  ---
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: api
  spec:
    template:
      spec:
        hostNetwork: true
        containers:
          - name: api
            ports: [{containerPort: 8080, hostPort: 80}]
  ---
  apiVersion: v1
  kind: List
  items:
    - apiVersion: v1
      kind: Service
      spec: {type: NodePort}
`;

describe('locationAt', () => {
  const file = parseManifest('test.yaml', code);

  it('finds a key, with its object and the path inside it', () => {
    const at = locationAt(file, { line: 11, character: 8 });
    assert.equal(at?.object?.name, 'api');
    assert.deepEqual(at?.path, ['spec', 'template', 'spec', 'hostNetwork']);
    assert.equal(at?.part, 'key');
    assert.deepEqual(at?.range, { start: { line: 11, character: 6 }, end: { line: 11, character: 17 } });
  });

  it('finds a value in flow style, and sequence indexes', () => {
    const at = locationAt(file, { line: 14, character: 50 });
    assert.deepEqual(at?.path, ['spec', 'template', 'spec', 'containers', 0, 'ports', 0, 'hostPort']);
    assert.equal(at?.part, 'value');
  });

  it('finds an item of a List, relative to the item', () => {
    const at = locationAt(file, { line: 21, character: 20 });
    assert.equal(at?.object?.kind, 'Service');
    assert.deepEqual(at?.path, ['spec', 'type']);
    assert.equal(at?.part, 'value');
  });

  it('answers nothing on a document separator or past the end', () => {
    assert.equal(locationAt(file, { line: 3, character: 1 })?.path.length ?? 0, 0);
    assert.equal(locationAt(file, { line: 99, character: 0 }), undefined);
  });
});
