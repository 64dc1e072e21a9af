// The rules that follow traffic through the admin tiers (issue 11), on the corpus as one workspace
// with 50 AdminNetworkPolicies, the BaselineAdminNetworkPolicy and two Baseline-tier
// ClusterNetworkPolicies added: admin-policy-blocks-dns (every workload's DNS queries through the
// tiers), netpol-egress-blocks-dns (the same for egress-isolated pods), admin-policy-rule-shadowed
// (now the baseline tier too). Each row: the rule alone in milliseconds, against a floor measured in
// the same run on the same workspace (its connectivity analysis, which every row needs first), and
// the findings, which the answer cannot be smaller than.
// Run alone: node --expose-gc --conditions=import --import tsx scripts/bench/admin-tier-rules.ts
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { analyzeConnectivity, buildClusterModel, buildWorkspace, findRule, lintWorkspace, mergeConfigs, parseManifest, type ManifestFile } from '../../server/src/engine';
import { medianMs as median } from './timing';

const CORPUS = resolve(__dirname, '../../../shared/corpus');
const RULES = ['admin-policy-blocks-dns', 'netpol-egress-blocks-dns', 'admin-policy-rule-shadowed'] as const;


/**
 * Admin policies over the corpus' namespaces: most select one namespace, every tenth all of them.
 * Their egress rules pass DNS on (every third, not the first), allow some ports, deny networks and, last, deny
 * kube-system; the baselines deny what is left, so DNS, Pass and shadowing are all exercised.
 */
function adminPolicies(namespaces: readonly string[]): string {
  const documents = Array.from({ length: 50 }, (_, index) => {
    const subject = index % 10 === 0 ? '{namespaces: {}}' : `{namespaces: {matchLabels: {kubernetes.io/metadata.name: ${JSON.stringify(namespaces[index % namespaces.length])}}}}`;
    return [
      'apiVersion: policy.networking.k8s.io/v1alpha1',
      'kind: AdminNetworkPolicy',
      `metadata: {name: bench-${index}}`,
      'spec:',
      `  priority: ${index + 1}`,
      `  subject: ${subject}`,
      '  ingress:',
      `    - {action: Allow, from: [{pods: {podSelector: {matchLabels: {app: bench-${index}}}}}], ports: [{portNumber: {port: 8080}}]}`,
      '    - {action: Pass, from: [{namespaces: {}}], ports: [{namedPort: http}]}',
      '  egress:',
      ...(index % 3 === 1 ? ['    - {action: Pass, to: [{namespaces: {matchLabels: {kubernetes.io/metadata.name: kube-system}}}], ports: [{portNumber: {protocol: UDP, port: 53}}, {portNumber: {protocol: TCP, port: 53}}]}'] : []),
      `    - {action: Deny, to: [{networks: [10.${index}.0.0/16]}], ports: [{portNumber: {port: 22}}]}`,
      '    - {action: Allow, to: [{namespaces: {}}], ports: [{portRange: {start: 1, end: 1024}}]}',
      '    - {action: Deny, to: [{namespaces: {matchLabels: {kubernetes.io/metadata.name: kube-system}}}]}',
    ].join('\n');
  });
  documents.push(
    'apiVersion: policy.networking.k8s.io/v1alpha1\nkind: BaselineAdminNetworkPolicy\nmetadata: {name: default}\nspec:\n  subject: {namespaces: {}}\n' +
      '  ingress: [{action: Allow, from: [{namespaces: {}}]}, {action: Deny, from: [{namespaces: {matchLabels: {kubernetes.io/metadata.name: kube-system}}}]}]\n' +
      '  egress: [{action: Deny, to: [{networks: [169.254.0.0/16]}]}, {action: Deny, to: [{namespaces: {}}], ports: [{portRange: {protocol: UDP, start: 1, end: 65535}}]}]',
  );
  for (const priority of [1, 2]) {
    documents.push(
      `apiVersion: policy.networking.k8s.io/v1alpha2\nkind: ClusterNetworkPolicy\nmetadata: {name: baseline-${priority}}\nspec:\n  tier: Baseline\n  priority: ${priority}\n  subject: {namespaces: {}}\n` +
        `  egress: [{action: Deny, to: [{namespaces: {}}], protocols: [{tcp: {destinationPort: {range: {start: ${priority * 1000}, end: 65535}}}}]}]`,
    );
  }
  return documents.join('\n---\n') + '\n';
}

export function measureAdminTierRules(): void {
  if (!existsSync(CORPUS)) {
    console.log('Admin-tier rules: skipped (no corpus at ../shared/corpus)');
    return;
  }
  const paths = readdirSync(CORPUS, { recursive: true, encoding: 'utf8' }).filter((path) => /\.(ya?ml|json)$/i.test(path));
  const corpus: ManifestFile[] = paths.map((path) => parseManifest(path, readFileSync(resolve(CORPUS, path), 'utf8')));
  const namespaces = [...buildClusterModel(corpus).namespaces.keys()];
  const files = [...corpus, parseManifest('bench-admin-policies.yaml', adminPolicies(namespaces))];
  const config = mergeConfigs({});
  const model = buildClusterModel(files);
  const floor = median(9, () => analyzeConnectivity(model));
  console.log(`Admin-tier rules: the corpus, ${model.workloads.length} workloads, with ${model.adminPolicies.length} admin and ${model.baselinePolicies.length} baseline policies (median of runs; floor: its connectivity analysis)`);
  console.log(`${'connectivity analysis (floor)'.padEnd(44)} ${floor.toFixed(1).padStart(8)} ms   ${(1).toFixed(3).padStart(6)} x analysis`);
  for (const id of RULES) {
    const rule = findRule(id);
    if (!rule) continue;
    let findings = 0;
    // Each run gets a fresh workspace whose analysis is built outside the timing: only the rule is measured.
    const times: number[] = [];
    for (let run = 0; run < 9; run++) {
      const workspace = buildWorkspace(files, config);
      void workspace.connectivity;
      const start = process.hrtime.bigint();
      findings = [...lintWorkspace(workspace, { rules: [rule], config }).values()].reduce((sum, list) => sum + list.length, 0);
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    times.sort((a, b) => a - b);
    const ms = times[Math.floor(times.length / 2)];
    console.log(`${id.padEnd(44)} ${ms.toFixed(1).padStart(8)} ms   ${(ms / floor).toFixed(3).padStart(6)} x analysis   ${findings} findings`);
    global.gc?.();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === __filename) measureAdminTierRules();
