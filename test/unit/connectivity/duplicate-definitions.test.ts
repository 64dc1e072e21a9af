// An object defined twice takes effect once, as its last definition: the connections are those of
// the definition kubectl would leave in the cluster, never a mix of both.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { yaml } from '../../support/dedent';
import { connectionLines, pod } from './scenario';

const ALL = 'All Connections';

const apiIngress = (ports: string) => yaml`
  ---
  apiVersion: networking.k8s.io/v1
  kind: NetworkPolicy
  metadata: {name: api-ingress}
  spec:
    podSelector: {matchLabels: {app: api}}
    ingress:
      - from: [{podSelector: {matchLabels: {app: web}}}]
        ports: ${ports}
`;

const deployment = (name: string, labels: string) => yaml`
  ---
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: ${name}}
  spec:
    selector: {matchLabels: ${labels}}
    template:
      metadata: {labels: ${labels}}
      spec: {containers: [{name: main, image: app}]}
`;

describe('connectivity: an object defined twice', () => {
  it('applies only the rules of the later definition of a NetworkPolicy (here the narrower one)', () => {
    const wide = apiIngress('[{port: 80}, {port: 443}]');
    const narrow = apiIngress('[{port: 443}]');
    const expected = [
      `0.0.0.0/0 => default/web[Pod] : ${ALL}`,
      `default/api[Pod] => 0.0.0.0/0 : ${ALL}`,
      `default/api[Pod] => default/web[Pod] : ${ALL}`,
      `default/web[Pod] => 0.0.0.0/0 : ${ALL}`,
      'default/web[Pod] => default/api[Pod] : TCP 443',
    ];
    const pods = pod('api', { app: 'api' }) + pod('web', { app: 'web' });
    // In one file, then across files (the later file wins).
    assert.deepEqual(connectionLines(pods + wide + narrow), expected);
    assert.deepEqual(connectionLines(pods + wide, narrow), expected);
    // The other way round, the wider one is later and takes effect.
    assert.deepEqual(connectionLines(pods + narrow + wide).filter((line) => line.startsWith('default/web[Pod] => default/api')), ['default/web[Pod] => default/api[Pod] : TCP 80,443']);
  });

  it('selects a twice-defined Deployment by the pod labels of its later definition', () => {
    const policy = yaml`
      ---
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: deny-api}
      spec:
        podSelector: {matchLabels: {app: api}}
        policyTypes: [Ingress]
    `;
    // Written first with app=api (isolated by the policy), then again with app=api-v2 (not selected).
    const lines = connectionLines(deployment('api', '{app: api}') + policy, deployment('api', '{app: api-v2}'));
    assert.deepEqual(lines, [`0.0.0.0/0 => default/api[Deployment] : ${ALL}`, `default/api[Deployment] => 0.0.0.0/0 : ${ALL}`]);
    // And the other way round: the later definition's app=api is isolated.
    const reversed = connectionLines(deployment('api', '{app: api-v2}') + policy, deployment('api', '{app: api}'));
    assert.deepEqual(reversed, [`default/api[Deployment] => 0.0.0.0/0 : ${ALL}`]);
  });
});
