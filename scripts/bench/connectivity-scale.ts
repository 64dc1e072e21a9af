// Connectivity at scale (issue 12): a generated cluster of W workloads and P NetworkPolicies (plus a
// few AdminNetworkPolicies and a baseline) at several sizes, so that the growth is visible. Each row:
// analyzeConnectivity + listConnections in milliseconds, against a floor measured in the same run on
// the same workspace (building its cluster model), the number of allowed connections listed (the
// answer cannot cost less than its size) against the number of ordered pairs, and the time per
// connection, which stays flat when the cost grows with what the rules allow rather than with the
// pairs. The target: 5,000 workloads and 2,000 policies in 5 s.
// Run alone: node --expose-gc --conditions=import --import tsx scripts/bench/connectivity-scale.ts [W/P ...]
import { resolve } from 'node:path';
import { medianMs } from './timing';
import { analyzeConnectivity, buildClusterModel, listConnections, parseManifest, type ManifestFile } from '../../server/src/engine';

const SIZES: readonly [workloads: number, policies: number][] = [
  [500, 200],
  [1000, 400],
  [2500, 1000],
  [5000, 2000],
];

const WORKLOADS_PER_NAMESPACE = 100;
const TIERS = ['web', 'api', 'db', 'cache'] as const;

/**
 * The generated cluster, one file per namespace. Namespaces carry a team and an environment label;
 * every tenth namespace has no default deny (its pods accept anything, as many clusters have). Each
 * workload is a Deployment with its own `app` label, a tier, named ports `http` (8080) and `metrics`
 * (9090). The policies of a namespace: a default deny (both directions), DNS egress to kube-system,
 * web → api on the named port, api → db on 5432, scraping from the monitoring namespace by
 * namespaceSelector, web egress to the namespaces of one other team, egress to an ipBlock with an
 * `except`, then one policy per app (ingress from the web tier of that team's namespaces, by
 * namespaceSelector + podSelector, and from one other app) until P is reached.
 */
export function generatedCluster(workloadCount: number, policyCount: number): { uri: string; text: string }[] {
  const namespaceCount = Math.max(1, Math.ceil(workloadCount / WORKLOADS_PER_NAMESPACE));
  const files: { uri: string; text: string }[] = [];
  const basePolicies = (namespace: string, index: number): string[] => {
    const policies: string[] = [];
    if (index % 10 !== 9) policies.push(policy(namespace, 'default-deny', '{}', ['Ingress', 'Egress'], [], []));
    policies.push(policy(namespace, 'allow-dns', '{}', ['Egress'], [], ['{to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}, podSelector: {matchLabels: {k8s-app: kube-dns}}}], ports: [{protocol: UDP, port: 53}, {protocol: TCP, port: 53}]}']));
    policies.push(policy(namespace, 'web-to-api', '{matchLabels: {tier: api}}', ['Ingress'], ['{from: [{podSelector: {matchLabels: {tier: web}}}], ports: [{port: http}]}'], []));
    policies.push(policy(namespace, 'api-to-db', '{matchLabels: {tier: db}}', ['Ingress'], ['{from: [{podSelector: {matchExpressions: [{key: tier, operator: In, values: [api, cache]}]}}], ports: [{port: 5432}]}'], []));
    policies.push(policy(namespace, 'scrape', '{}', ['Ingress'], ['{from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: monitoring}}}], ports: [{port: metrics}]}'], []));
    // The web tier calls the apps of the namespaces whose per-app policies admit its team.
    policies.push(policy(namespace, 'web-out', '{matchLabels: {tier: web}}', ['Egress'], [], [`{to: [{namespaceSelector: {matchLabels: {team: t-${(index + 4) % 5}}}}], ports: [{port: 8080}]}`]));
    policies.push(policy(namespace, 'egress-out', '{matchExpressions: [{key: tier, operator: NotIn, values: [db]}]}', ['Egress'], [], ['{to: [{ipBlock: {cidr: 10.0.0.0/8, except: [10.1.0.0/16]}}, {podSelector: {}}], ports: [{port: 443}, {port: 8000, endPort: 8090}]}']));
    return policies;
  };
  const perNamespace: string[][] = Array.from({ length: namespaceCount }, (_, index) => basePolicies(`ns-${index}`, index));
  let policies = perNamespace.reduce((sum, list) => sum + list.length, 0);
  // One policy per app, round-robin over the namespaces, until P policies exist.
  for (let i = 0; policies < policyCount && i < workloadCount; i++, policies++) {
    const namespace = i % namespaceCount;
    const team = (namespace + 1) % 5;
    perNamespace[namespace].push(
      policy(`ns-${namespace}`, `allow-app-${i}`, `{matchLabels: {app: app-${i}}}`, ['Ingress'], [`{from: [{namespaceSelector: {matchLabels: {team: t-${team}}}, podSelector: {matchLabels: {tier: web}}}, {podSelector: {matchLabels: {app: app-${(i + 1) % workloadCount}}}}], ports: [{port: 8080}, {protocol: UDP, port: 8125}]}`], []),
    );
  }
  for (let index = 0; index < namespaceCount; index++) {
    const namespace = `ns-${index}`;
    const documents = [`apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${namespace}\n  labels: {team: t-${index % 5}, env: ${index % 3 === 0 ? 'staging' : 'prod'}}\n`];
    for (let i = index; i < workloadCount; i += namespaceCount) documents.push(deployment(namespace, i));
    documents.push(...perNamespace[index]);
    files.push({ uri: `${namespace}.yaml`, text: documents.join('---\n') });
  }
  files.push({ uri: 'cluster.yaml', text: [...clusterWorkloads(), ...adminPolicies()].join('---\n') });
  return files;
}

function deployment(namespace: string, i: number): string {
  return [
    'apiVersion: apps/v1',
    'kind: Deployment',
    `metadata: {name: app-${i}, namespace: ${namespace}}`,
    'spec:',
    '  template:',
    '    metadata:',
    `      labels: {app: app-${i}, tier: ${TIERS[i % TIERS.length]}, version: v${i % 3}}`,
    '    spec:',
    '      containers:',
    `        - {name: main, image: registry.example.com/app:${i}, ports: [{name: http, containerPort: 8080}, {name: metrics, containerPort: 9090}]}`,
    '',
  ].join('\n');
}

function policy(namespace: string, name: string, podSelector: string, types: string[], ingress: string[], egress: string[]): string {
  const lines = ['apiVersion: networking.k8s.io/v1', 'kind: NetworkPolicy', `metadata: {name: ${name}, namespace: ${namespace}}`, 'spec:', `  podSelector: ${podSelector}`, `  policyTypes: [${types.join(', ')}]`];
  if (ingress.length > 0) lines.push('  ingress:', ...ingress.map((rule) => `    - ${rule}`));
  if (egress.length > 0) lines.push('  egress:', ...egress.map((rule) => `    - ${rule}`));
  return lines.join('\n') + '\n';
}

function clusterWorkloads(): string[] {
  return [
    'apiVersion: v1\nkind: Namespace\nmetadata: {name: kube-system}\n',
    'apiVersion: v1\nkind: Namespace\nmetadata: {name: monitoring, labels: {team: platform}}\n',
    'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: coredns, namespace: kube-system}\nspec:\n  template:\n    metadata: {labels: {k8s-app: kube-dns}}\n    spec: {containers: [{name: coredns, image: coredns, ports: [{name: dns, containerPort: 53, protocol: UDP}]}]}\n',
    'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: prometheus, namespace: monitoring}\nspec:\n  template:\n    metadata: {labels: {app: prometheus}}\n    spec: {containers: [{name: prometheus, image: prometheus, ports: [{name: web, containerPort: 9090}]}]}\n',
  ];
}

/** Monitoring may scrape everything, staging may not reach prod, SSH out is denied; the baseline denies cross-team ingress. */
function adminPolicies(): string[] {
  const anp = (name: string, priority: number, subject: string, rules: string[]) =>
    ['apiVersion: policy.networking.k8s.io/v1alpha1', 'kind: AdminNetworkPolicy', `metadata: {name: ${name}}`, 'spec:', `  priority: ${priority}`, `  subject: ${subject}`, ...rules].join('\n') + '\n';
  return [
    anp('monitoring', 1, '{namespaces: {}}', ['  ingress:', '    - {action: Allow, from: [{namespaces: {matchLabels: {kubernetes.io/metadata.name: monitoring}}}], ports: [{namedPort: metrics}]}']),
    anp('no-ssh-out', 2, '{namespaces: {}}', ['  egress:', '    - {action: Deny, to: [{networks: [0.0.0.0/0]}], ports: [{portNumber: {protocol: TCP, port: 22}}]}']),
    anp('staging-apart', 3, '{namespaces: {matchLabels: {env: prod}}}', ['  ingress:', '    - {action: Deny, from: [{namespaces: {matchLabels: {env: staging}}}]}', '    - {action: Pass, from: [{namespaces: {matchLabels: {env: prod}}}]}']),
    anp('db-guard', 4, '{pods: {namespaceSelector: {}, podSelector: {matchLabels: {tier: db}}}}', ['  ingress:', '    - {action: Deny, from: [{pods: {namespaceSelector: {}, podSelector: {matchLabels: {tier: web}}}}], ports: [{portRange: {protocol: TCP, start: 5000, end: 6000}}]}']),
    [
      'apiVersion: policy.networking.k8s.io/v1alpha1',
      'kind: BaselineAdminNetworkPolicy',
      'metadata: {name: default}',
      'spec:',
      '  subject: {namespaces: {}}',
      '  ingress: [{action: Deny, from: [{namespaces: {matchLabels: {team: t-0}}}]}]',
      '  egress: [{action: Deny, to: [{networks: [169.254.0.0/16]}]}]',
    ].join('\n') + '\n',
  ];
}

export function measureConnectivityScale(sizes: readonly (readonly [number, number])[] = SIZES): void {
  console.log('Connectivity at scale: generated clusters (median of runs; floor: building the cluster model)');
  for (const [workloadCount, policyCount] of sizes) {
    const files: ManifestFile[] = generatedCluster(workloadCount, policyCount).map(({ uri, text }) => parseManifest(uri, text));
    const model = buildClusterModel(files);
    const runs = workloadCount >= 2500 ? 3 : 5;
    const warmUps = 1;
    const floor = medianMs(runs, () => buildClusterModel(files), warmUps);
    let connections = 0;
    const analysis = medianMs(runs, () => analyzeConnectivity(model), warmUps);
    const total = medianMs(runs, () => {
      connections = listConnections(analyzeConnectivity(model)).length;
    }, warmUps);
    const label = `${model.workloads.length} workloads, ${model.policies.length} policies, ${model.adminPolicies.length + model.baselinePolicies.length} admin`;
    // The pairs grow with W²; the time should grow with the connections the rules allow.
    const pairs = model.workloads.length * (model.workloads.length - 1);
    console.log(
      `  ${label.padEnd(42)} model ${floor.toFixed(0).padStart(5)} ms   analysis ${analysis.toFixed(0).padStart(5)} ms   analysis + list ${total.toFixed(0).padStart(6)} ms   ${(total / floor).toFixed(1).padStart(6)} x model   ${connections} connections of ${pairs} pairs, ${((total * 1000) / connections).toFixed(1)} µs each`,
    );
    global.gc?.();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === __filename) {
  const sizes = process.argv.slice(2).map((text) => text.split('/').map(Number) as [number, number]);
  measureConnectivityScale(sizes.length > 0 ? sizes : SIZES);
}
