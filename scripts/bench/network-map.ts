// The network map for 500 workloads and about 5,000 edges: the whole map (nodes, edges, exposures,
// namespace edges) from a fresh workspace, against the floor of the analysis it is cut from
// (analyzeConnectivity + listConnections) measured in the same run; then cutting another scope
// from the same checked workspace, which re-analyses nothing.
// Run alone: node --expose-gc --conditions=import --import tsx scripts/bench/network-map.ts
import { resolve } from 'node:path';
import { analyzeConnectivity, buildWorkspace, listConnections, parseManifest, type ManifestFile } from '../../server/src/engine';
import { networkMap } from '../../server/src/engine/answers/network-map';
import { medianMs } from './timing';

const WORKLOADS = 500;
const NAMESPACES = 25;
const GROUPS = 50;

/** Each workload isolated for ingress, admitting the 10 workloads of the next group: 5,000 workload edges. */
function files(): ManifestFile[] {
  const documents: string[] = [];
  for (let index = 0; index < WORKLOADS; index++) {
    const namespace = `ns${index % NAMESPACES}`;
    const group = index % GROUPS;
    documents.push(`apiVersion: apps/v1
kind: Deployment
metadata: {name: w${index}, namespace: ${namespace}}
spec:
  template:
    metadata: {labels: {app: w${index}, group: g${group}}}
    spec:
      containers: [{name: main, image: example/w:1.0, ports: [{containerPort: 8080}]}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: w${index}-in, namespace: ${namespace}}
spec:
  podSelector: {matchLabels: {app: w${index}}}
  policyTypes: [Ingress]
  ingress:
    - from: [{namespaceSelector: {}, podSelector: {matchLabels: {group: g${(group + 1) % GROUPS}}}}]
      ports: [{port: 8080}]
`);
  }
  return [parseManifest('file:///bench/network-map.yaml', documents.join('---\n'))];
}

export function measureNetworkMap(): void {
  const parsed = files();
  const floor = medianMs(5, () => listConnections(analyzeConnectivity(buildWorkspace(parsed).model)));
  let edges = 0;
  const whole = medianMs(5, () => (edges = networkMap(buildWorkspace(parsed), { kind: 'workspace' }).edges.length));
  const checked = buildWorkspace(parsed);
  networkMap(checked, { kind: 'workspace' });
  const rescope = medianMs(5, () => networkMap(checked, { kind: 'folder', uri: 'file:///bench' }));
  const row = (label: string, ms: number) => `${label.padEnd(60)} ${ms.toFixed(1).padStart(9)} ms  ${(ms / floor).toFixed(2)}x`;
  console.log(`Network map: ${WORKLOADS} workloads, ${edges} edges (median of 5 runs)`);
  console.log(row('analyzeConnectivity + listConnections (floor)', floor));
  console.log(row('network map of the workspace (fresh workspace)', whole));
  console.log(row('network map of another scope (same checked workspace)', rescope));
}

if (process.argv[1] && resolve(process.argv[1]) === __filename) measureNetworkMap();
