// kubeNetsec/networkMap over stdio: the map of the last check, an edge's explanation, and the dot export.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { LspSession } from './lsp-session';

const URI = 'file:///tmp/kube-netsec-network-map/shop.yaml';
const TEXT = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: web, image: example/web:1.0}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: db, namespace: shop}
spec:
  template:
    metadata: {labels: {app: db}}
    spec:
      containers: [{name: db, image: example/db:1.0}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: db-from-web, namespace: shop}
spec:
  podSelector: {matchLabels: {app: db}}
  policyTypes: [Ingress]
  ingress:
    - from: [{podSelector: {matchLabels: {app: web}}}]
      ports: [{port: 5432}]
`;

interface MapAnswer {
  map: { nodes: { id: string }[]; edges: { id: string; ports: string }[] };
}

describe('kubeNetsec/networkMap', () => {
  let session: LspSession;
  before(async () => {
    ({ session } = await LspSession.start(['dist/server.js', '--stdio']));
    await session.open(URI, TEXT);
    await session.waitForDiagnostics(URI);
  });
  after(async () => {
    await session.stop();
  });

  it('answers the map of the file from the last check', async () => {
    const answer = await session.request<MapAnswer>('kubeNetsec/networkMap', { scope: { kind: 'file', uri: URI } });
    assert.deepEqual(answer.map.nodes.map((node) => node.id).sort(), ['external:internet', 'shop/db[Deployment]', 'shop/web[Deployment]']);
    assert.equal(answer.map.edges.find((edge) => edge.id === 'shop/web[Deployment]->shop/db[Deployment]')?.ports, 'TCP 5432');
  });

  it('explains an edge with a link to the rule', async () => {
    const answer = await session.request<{ explanation: { connections: { sides: { lines: { text: string; location?: { uri: string; range: { start: { line: number } } } }[] }[] }[] } }>(
      'kubeNetsec/networkMap',
      { scope: { kind: 'workspace' }, explainEdge: 'shop/web[Deployment]->shop/db[Deployment]' },
    );
    const line = answer.explanation.connections[0].sides[1].lines.find((candidate) => candidate.text.startsWith('allowed by NetworkPolicy shop/db-from-web ingress rule 1'));
    assert.equal(line?.location?.uri, URI);
    assert.equal(line?.location?.range.start.line, 25);
  });

  it('exports the scope as dot, and answers null to a malformed request', async () => {
    const answer = await session.request<{ dot: string }>('kubeNetsec/networkMap', { scope: { kind: 'workspace' }, dot: true });
    assert.match(answer.dot, /"shop\/web\[Deployment\]" -> "shop\/db\[Deployment\]" \[label="TCP 5432"/);
    assert.equal(await session.request('kubeNetsec/networkMap', { scope: { kind: 'nowhere' } }), null);
  });
});
