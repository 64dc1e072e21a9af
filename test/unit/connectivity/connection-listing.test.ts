// The connection map's shortcuts (selectors matched per label class, pairs evaluated per class of
// workloads that decide alike, only the pairs some rule can allow) against the plain definitions, on
// random small clusters: every pair through `portsBetween`, every workload's external blocks on its
// own, every rule's peers matched against every workload.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { analyzeConnectivity, buildClusterModel, describePorts, endpointName, listConnections, parseManifest, peerMatchesWorkload, portsBetween, type ConnectivityAnalysis } from '../../../server/src/engine';
import { matchesLabels } from '../../../server/src/engine/connectivity/label-selector';
import { externalPorts } from '../../../server/src/engine/connectivity/connections';
import { workloadEndpoint } from '../../../server/src/engine/connectivity/endpoints';
import { isEmptyPorts } from '../../../server/src/engine/connectivity/port-set';

const NAMESPACES = ['a', 'b', 'c'];
const label = fc.constantFrom('x', 'y');
const labels = fc.record({ app: label, tier: label }, { requiredKeys: [] });

const selector = fc.oneof(
  fc.constant({}),
  labels.map((matchLabels) => ({ matchLabels })),
  fc.record({ key: fc.constantFrom('app', 'tier'), operator: fc.constantFrom('In', 'NotIn', 'Exists', 'DoesNotExist'), values: fc.constant(['x']) }).map((expression) => ({
    matchExpressions: [expression.operator === 'In' || expression.operator === 'NotIn' ? expression : { key: expression.key, operator: expression.operator }],
  })),
);

const namespaceObject = fc.record({ name: fc.constantFrom(...NAMESPACES), labels: fc.record({ team: label }, { requiredKeys: [] }) }).map(({ name, labels: values }) => ({
  apiVersion: 'v1',
  kind: 'Namespace',
  metadata: { name, labels: values },
}));

const containerPorts = fc.subarray([
  { name: 'http', containerPort: 80 },
  { name: 'http', containerPort: 8080 },
  { name: 'dns', containerPort: 53, protocol: 'UDP' },
  { containerPort: 443 },
]);

// Several pods share labels and ports, so that classes of more than one workload exist.
const podObject = fc.record({ namespace: fc.constantFrom(...NAMESPACES), labels, ports: containerPorts });

const npPeer = fc.oneof(
  fc.record({ podSelector: selector }),
  fc.record({ namespaceSelector: selector }),
  fc.record({ podSelector: selector, namespaceSelector: selector }),
  fc.constant({ ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] } }),
);
const npPorts = fc.oneof(
  fc.constant(undefined),
  fc.subarray([{ port: 80 }, { port: 'http' }, { protocol: 'UDP', port: 'dns' }, { port: 8000, endPort: 8100 }, { protocol: 'UDP', port: 53 }], { minLength: 1 }),
);
const npRule = (peerKey: 'from' | 'to') =>
  fc.record({ peers: fc.option(fc.array(npPeer, { maxLength: 2 }), { nil: undefined }), ports: npPorts }).map(({ peers, ports }): Record<string, unknown> => ({ ...(peers ? { [peerKey]: peers } : {}), ...(ports ? { ports } : {}) }));
const networkPolicy = fc.record({
  namespace: fc.constantFrom(...NAMESPACES),
  podSelector: selector,
  types: fc.subarray(['Ingress', 'Egress'], { minLength: 1 }),
  ingress: fc.array(npRule('from'), { maxLength: 2 }),
  egress: fc.array(npRule('to'), { maxLength: 2 }),
});

const adminSelection = fc.oneof(
  selector.map((namespaces) => ({ namespaces })),
  fc.record({ namespaceSelector: selector, podSelector: selector }).map((pods) => ({ pods })),
);
const adminPorts = fc.oneof(
  fc.constant(undefined),
  fc.subarray([{ portNumber: { protocol: 'TCP', port: 80 } }, { namedPort: 'http' }, { portRange: { protocol: 'TCP', start: 1, end: 1024 } }, { namedPort: 'dns' }], { minLength: 1 }),
);
const adminRule = (peerKey: 'from' | 'to', actions: string[]) =>
  fc
    .record({ action: fc.constantFrom(...actions), peers: fc.array(peerKey === 'to' ? fc.oneof(adminSelection, fc.constant({ networks: ['10.0.0.0/9', '0.0.0.0/0'] })) : adminSelection, { minLength: 1, maxLength: 2 }), ports: adminPorts })
    .map(({ action, peers, ports }) => ({ action, [peerKey]: peers, ...(ports ? { ports } : {}) }));
const adminPolicy = (actions: string[]) => fc.record({ subject: adminSelection, ingress: fc.array(adminRule('from', actions), { maxLength: 2 }), egress: fc.array(adminRule('to', actions), { maxLength: 2 }) });

const cluster = fc.record({
  namespaces: fc.uniqueArray(namespaceObject, { selector: (object) => object.metadata.name }),
  pods: fc.array(podObject, { minLength: 1, maxLength: 7 }),
  policies: fc.array(networkPolicy, { maxLength: 4 }),
  admins: fc.array(adminPolicy(['Allow', 'Deny', 'Pass']), { maxLength: 2 }),
  baseline: fc.option(adminPolicy(['Allow', 'Deny']), { nil: undefined }),
});

type Cluster = typeof cluster extends fc.Arbitrary<infer T> ? T : never;

function manifestOf({ namespaces, pods, policies, admins, baseline }: Cluster): string {
  const documents: unknown[] = [...namespaces];
  pods.forEach(({ namespace, labels: podLabels, ports }, index) =>
    documents.push({ apiVersion: 'v1', kind: 'Pod', metadata: { name: `p${index}`, namespace, labels: podLabels }, spec: { containers: [{ name: 'main', image: 'app', ports }] } }),
  );
  policies.forEach(({ namespace, podSelector, types, ingress, egress }, index) =>
    documents.push({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: `np${index}`, namespace }, spec: { podSelector, policyTypes: types, ingress, egress } }),
  );
  admins.forEach((spec, index) => documents.push({ apiVersion: 'policy.networking.k8s.io/v1alpha1', kind: 'AdminNetworkPolicy', metadata: { name: `anp${index}` }, spec: { priority: index + 1, ...spec } }));
  if (baseline) documents.push({ apiVersion: 'policy.networking.k8s.io/v1alpha1', kind: 'BaselineAdminNetworkPolicy', metadata: { name: 'default' }, spec: baseline });
  return documents.map((document) => JSON.stringify(document)).join('\n---\n') + '\n';
}

function analysisOf(text: string): ConnectivityAnalysis {
  return analyzeConnectivity(buildClusterModel([parseManifest('cluster.yaml', text)]));
}

const lines = (connections: { from: Parameters<typeof endpointName>[0]; to: Parameters<typeof endpointName>[0]; ports: Parameters<typeof describePorts>[0] }[]) =>
  connections.map((connection) => `${endpointName(connection.from)} => ${endpointName(connection.to)} : ${describePorts(connection.ports)}`).sort();

/** The map by its definition: every ordered pair, every workload's external blocks on its own. */
function plainConnections(analysis: ConnectivityAnalysis): string[] {
  const { workloads } = analysis.model;
  const connections = [];
  for (const source of workloads) {
    for (const destination of workloads) {
      if (source === destination) continue;
      const ports = portsBetween(analysis, source, destination);
      if (!isEmptyPorts(ports)) connections.push({ from: workloadEndpoint(source), to: workloadEndpoint(destination), ports });
    }
    for (const { endpoint, ports } of externalPorts(analysis, source, 'Ingress')) connections.push({ from: endpoint, to: workloadEndpoint(source), ports });
    for (const { endpoint, ports } of externalPorts(analysis, source, 'Egress')) connections.push({ from: workloadEndpoint(source), to: endpoint, ports });
  }
  return lines(connections);
}

describe('connection listing', () => {
  it('lists exactly the connections of the plain pair-by-pair evaluation', () => {
    fc.assert(
      fc.property(cluster, (generated) => {
        const analysis = analysisOf(manifestOf(generated));
        assert.deepEqual(lines(listConnections(analysis)), plainConnections(analysis));
      }),
      { numRuns: 300, seed: 11 },
    );
  });

  it('matches each rule against the workloads as matching every workload one by one would', () => {
    fc.assert(
      fc.property(cluster, (generated) => {
        const analysis = analysisOf(manifestOf(generated));
        const { workloads, namespaces } = analysis.model;
        for (const policy of analysis.policies) {
          const selected = workloads.filter((workload) => workload.id.namespace === policy.info.namespace && matchesLabels(policy.podSelector, workload.podLabels));
          assert.deepEqual(analysis.selected.get(policy), selected);
          for (const rule of [...policy.rules.Ingress, ...policy.rules.Egress]) {
            const admitted = workloads.filter((workload) => rule.peers === 'everything' || rule.peers.some((peer) => peerMatchesWorkload(peer, policy.info.namespace, workload, namespaces)));
            assert.deepEqual([...analysis.admitted.get(rule)!], admitted.map((workload) => workload.key));
          }
        }
      }),
      { numRuns: 300, seed: 12 },
    );
  });

  it('lists each pair of a class of identical workloads on its own', () => {
    // Two identical pods and a third: the shortcut must still list each pair of the class on its own.
    const analysis = analysisOf(
      manifestOf({
        namespaces: [],
        pods: [
          { namespace: 'a', labels: { app: 'x' }, ports: [] },
          { namespace: 'a', labels: { app: 'x' }, ports: [] },
          { namespace: 'a', labels: { app: 'y' }, ports: [] },
        ],
        policies: [{ namespace: 'a', podSelector: { matchLabels: { app: 'x' } }, types: ['Ingress'], ingress: [{ from: [{ podSelector: { matchLabels: { app: 'x' } } }], ports: [{ port: 80 }] }], egress: [] }],
        admins: [],
        baseline: undefined,
      }),
    );
    const between = lines(listConnections(analysis)).filter((line) => !/\d\/\d/.test(line));
    assert.deepEqual(between, ['a/p0[Pod] => a/p1[Pod] : TCP 80', 'a/p0[Pod] => a/p2[Pod] : All Connections', 'a/p1[Pod] => a/p0[Pod] : TCP 80', 'a/p1[Pod] => a/p2[Pod] : All Connections']);
    assert.deepEqual(between, plainConnections(analysis).filter((line) => !/\d\/\d/.test(line)));
  });
});
