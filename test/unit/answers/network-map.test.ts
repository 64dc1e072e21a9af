// The network map as plain data: nodes, edges with ports, exposure and isolation flags, namespace aggregation, scope, and edge explanations.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildWorkspace, parseManifest } from '../../../server/src/engine';
import { explainMapEdge, INTERNET_NODE_ID, networkMap, type WorkloadNode } from '../../../server/src/engine/answers/network-map';

const deployment = (name: string, namespace: string, extra = '') => `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}, namespace: ${namespace}}
spec:
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec:${extra}
      containers: [{name: main, image: example/${name}:1.0, ports: [{containerPort: 8080}]}]
`;

const WORKLOADS = [deployment('web', 'shop', '\n      hostNetwork: true'), deployment('api', 'shop'), deployment('db', 'data')].join('---\n');
const SERVICE = `apiVersion: v1
kind: Service
metadata: {name: api, namespace: shop}
spec:
  type: LoadBalancer
  selector: {app: api}
  ports: [{port: 80, targetPort: 8080}]
`;
const POLICIES = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: db-from-api, namespace: data}
spec:
  podSelector: {matchLabels: {app: db}}
  policyTypes: [Ingress, Egress]
  ingress:
    - from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: shop}}, podSelector: {matchLabels: {app: api}}}]
      ports: [{port: 5432}]
`;

function workspace() {
  return buildWorkspace([parseManifest('file:///w/apps/workloads.yaml', WORKLOADS), parseManifest('file:///w/apps/service.yaml', SERVICE), parseManifest('file:///w/policies/db.yaml', POLICIES)]);
}

describe('network map', () => {
  it('lists the workloads, the internet node and the allowed connections with their ports', () => {
    const map = networkMap(workspace(), { kind: 'workspace' });
    assert.deepEqual(map.nodes.map((node) => node.id).sort(), ['data/db[Deployment]', 'shop/api[Deployment]', 'shop/web[Deployment]', INTERNET_NODE_ID].sort());
    const edges = new Map(map.edges.map((edge) => [edge.id, edge.ports]));
    assert.equal(edges.get('shop/api[Deployment]->data/db[Deployment]'), 'TCP 5432');
    assert.equal(edges.get('shop/web[Deployment]->shop/api[Deployment]'), 'All Connections');
    // db is isolated both ways: web may not reach it, and it reaches nothing.
    assert.equal(edges.has('shop/web[Deployment]->data/db[Deployment]'), false);
    assert.equal(map.edges.some((edge) => edge.from === 'data/db[Deployment]'), false);
    assert.equal(edges.get(`${INTERNET_NODE_ID}->shop/api[Deployment]`), 'All Connections');
    assert.deepEqual(map.namespaces, ['data', 'shop']);
  });

  it('marks isolation per direction and exposure outside the cluster', () => {
    const map = networkMap(workspace(), { kind: 'workspace' });
    const node = (id: string) => map.nodes.find((candidate) => candidate.id === id) as WorkloadNode;
    assert.deepEqual(node('data/db[Deployment]').isolated, { ingress: true, egress: true });
    assert.deepEqual(node('shop/api[Deployment]').isolated, { ingress: false, egress: false });
    assert.deepEqual(node('shop/api[Deployment]').exposures.map((exposure) => exposure.kind), ['LoadBalancer']);
    assert.equal(node('shop/api[Deployment]').exposures[0].location.uri, 'file:///w/apps/service.yaml');
    assert.deepEqual(node('shop/web[Deployment]').exposures.map((exposure) => exposure.kind), ['hostNetwork']);
    assert.deepEqual(node('data/db[Deployment]').exposures, []);
  });

  it('joins edges namespace to namespace, naming the workload edges they stand for', () => {
    const map = networkMap(workspace(), { kind: 'workspace' });
    const toData = map.namespaceEdges.find((edge) => edge.id === 'namespace:shop->namespace:data');
    assert.deepEqual(toData?.edgeIds, ['shop/api[Deployment]->data/db[Deployment]']);
    assert.equal(toData?.ports, 'TCP 5432');
    const inShop = map.namespaceEdges.find((edge) => edge.id === 'namespace:shop->namespace:shop');
    assert.deepEqual(inShop?.edgeIds.sort(), ['shop/api[Deployment]->shop/web[Deployment]', 'shop/web[Deployment]->shop/api[Deployment]']);
    assert.equal(map.aggregate, false);
  });

  it('keeps to the scope: a file of policies shows the workloads they isolate and their peers', () => {
    const map = networkMap(workspace(), { kind: 'file', uri: 'file:///w/policies/db.yaml' });
    const inScope = map.nodes.filter((node) => node.kind === 'workload' && node.inScope).map((node) => node.id);
    assert.deepEqual(inScope, ['data/db[Deployment]']);
    assert.deepEqual(map.edges.map((edge) => edge.id), ['shop/api[Deployment]->data/db[Deployment]']);
    assert.equal((map.nodes.find((node) => node.id === 'shop/api[Deployment]') as WorkloadNode).inScope, false);
    const folder = networkMap(workspace(), { kind: 'folder', uri: 'file:///w/policies' });
    assert.deepEqual(folder.nodes.filter((node) => node.kind === 'workload' && node.inScope).map((node) => node.id), ['data/db[Deployment]']);
    // A folder named like the start of another ("app" for "apps") holds nothing of it.
    assert.deepEqual(networkMap(workspace(), { kind: 'folder', uri: 'file:///w/app' }).nodes, []);
  });

  it('explains an edge with the rule that allows it, linked to its range', () => {
    const explanation = explainMapEdge(workspace(), 'shop/api[Deployment]->data/db[Deployment]');
    assert.ok(explanation);
    const ingress = explanation.connections[0].sides[1];
    assert.equal(ingress.heading, 'Ingress of data/db[Deployment]');
    const rule = ingress.lines.find((line) => line.text.startsWith('allowed by NetworkPolicy data/db-from-api ingress rule 1'));
    assert.ok(rule, JSON.stringify(ingress.lines));
    assert.equal(rule.location?.uri, 'file:///w/policies/db.yaml');
    assert.equal(rule.location?.range.start.line, 7);
    assert.equal(explainMapEdge(workspace(), 'nothing->here'), undefined);
  });
});
