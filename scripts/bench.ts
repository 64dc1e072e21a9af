// npm run bench: how fast the engine checks a manifest, measured side by side in one run.
// Compares, on the same large multi-document file: the yaml library's own parse (the floor), a
// full kube-netsec check without cache (opening a file), and a re-check after a one-character
// edit with the chunk cache (a keystroke). Then, on the whole corpus as one workspace: parsing every
// file (the floor of a workspace index) against building the cluster model, listing every allowed
// connection, running every rule, and handling one keystroke with the cross-file rules. Then the
// sections of scripts/bench/: connectivity at scale, the admin-tier rules, the network map, hostile inputs, the
// language server over stdio, and the CI report formats. Last, the precision report: the findings
// per rule and per file over the corpus, each project linted as its own workspace, against
// scripts/precision-baseline.json (`npm run bench -- --update-precision` rewrites the baseline, and
// runs that report alone). `--section NAME` (repeatable) runs only those sections.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseAllDocuments } from 'yaml';
import { precisionReport } from './precision-report';
import { measureAdminTierRules } from './bench/admin-tier-rules';
import { measureCiReports } from './bench/ci-reports';
import { measureConnectivityScale } from './bench/connectivity-scale';
import { measureHostileInputs } from './bench/hostile-inputs';
import { measureLanguageServer } from './bench/language-server';
import { measureNetworkMap } from './bench/network-map';
import { medianMs as median } from './bench/timing';
import { analyzeConnectivity, buildClusterModel, buildWorkspace, ChunkCache, completionsAt, DEFAULT_CONFIG, fileFindings, fixAllOfFile, FixChecker, fixesOf, hoverAt, lensesOf, lintManifest, lintWorkspace, lintWorkspaceLocated, listConnections, parseManifest, reportableFindings, workspaceFindings, type AnswerContext, type Position } from '../server/src/engine';

const CORPUS_FILE = resolve(__dirname, '../../shared/corpus/argo-cd/manifests/install.yaml');

function samples(): { name: string; text: string }[] {
  const deployment = (i: number) =>
    `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app-${i}\n  namespace: ns-${i % 20}\nspec:\n  template:\n    metadata:\n      labels: {app: app-${i}}\n    spec:\n      hostNetwork: ${i % 7 === 0}\n      containers:\n        - name: main\n          image: registry.example.com/app:${i}\n          ports: [{containerPort: 8080}]\n`;
  const generated = { name: 'generated: 3000 Deployments', text: Array.from({ length: 3000 }, (_, i) => deployment(i)).join('---\n') };
  // The corpus file is few, huge documents (CRDs): an edit lands in a large document.
  if (!existsSync(CORPUS_FILE)) return [generated];
  return [generated, { name: 'argo-cd install.yaml (corpus)', text: readFileSync(CORPUS_FILE, 'utf8') }];
}


const CORPUS = resolve(__dirname, '../../shared/corpus');
const PRECISION_BASELINE = resolve(__dirname, 'precision-baseline.json');
const { values: options } = parseArgs({ options: { 'update-precision': { type: 'boolean', default: false }, section: { type: 'string', multiple: true, default: [] } } });
const updatePrecision = options['update-precision'] === true;

const SECTIONS: Record<string, () => void | Promise<void>> = {
  engine: () => {
    for (const { name, text } of samples()) measure(name, text);
    measureWorkspace();
  },
  'connectivity-scale': () => measureConnectivityScale(),
  'admin-tier-rules': measureAdminTierRules,
  'network-map': measureNetworkMap,
  'hostile-inputs': () => measureHostileInputs(),
  'language-server': measureLanguageServer,
  'ci-reports': measureCiReports,
  precision: () => precisionReport(CORPUS, PRECISION_BASELINE, updatePrecision),
};

async function runSections(): Promise<void> {
  const names = updatePrecision ? ['precision'] : options.section.length > 0 ? options.section : Object.keys(SECTIONS);
  const unknown = names.filter((name) => !(name in SECTIONS));
  if (unknown.length > 0) throw new Error(`unknown section ${unknown.join(', ')}; sections: ${Object.keys(SECTIONS).join(', ')}`);
  for (const name of names) {
    await SECTIONS[name]();
    console.log('');
  }
}

runSections().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

function measure(name: string, text: string): void {
  const documents = text.split(/^---/m).length;
  const middle = text.indexOf('\n', Math.floor(text.length / 2));
  const edited = [text.slice(0, middle), '\n# edited', text.slice(middle)].join('');

  const yamlOnly = median(9, () => parseAllDocuments(text));
  const fullCheck = median(9, () => lintManifest(parseManifest('bench.yaml', text)));
  const cache = new ChunkCache();
  let toggle = false;
  const keystroke = median(21, () => {
    toggle = !toggle;
    lintManifest(parseManifest('bench.yaml', toggle ? edited : text, cache));
  });

  const row = (label: string, ms: number) => `${label.padEnd(44)} ${ms.toFixed(1).padStart(8)} ms   ${(ms / yamlOnly).toFixed(2).padStart(6)} x yaml`;
  console.log(`File: ${name}, ${(text.length / 1024 / 1024).toFixed(2)} MB, ~${documents} documents (median of runs)`);
  console.log(row('yaml parseAllDocuments (library floor)', yamlOnly));
  console.log(row('kube-netsec full check (parse + rules)', fullCheck));
  console.log(row('kube-netsec re-check after an edit (cache)', keystroke));
  console.log(`Re-check after an edit is ${(fullCheck / keystroke).toFixed(1)} x faster than a full check.`);
  console.log('');
}

/** The corpus as a workspace: every *.yaml, *.yml and *.json file under it. */
function corpusFiles(): { uri: string; text: string }[] {
  const root = resolve(CORPUS_FILE, '../../../');
  if (!existsSync(root)) return [];
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((path) => /\.(ya?ml|json)$/i.test(path));
  return files.map((path) => ({ uri: path, text: readFileSync(resolve(root, path), 'utf8') }));
}

function measureWorkspace(): void {
  const files = corpusFiles();
  if (files.length === 0) return;
  const parseAll = () => files.map(({ uri, text }) => parseManifest(uri, text));
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const parsed = parseAll();
  const model = buildClusterModel(parsed);
  global.gc?.();
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
  const parsing = median(5, parseAll);
  const building = median(21, () => buildClusterModel(parsed));
  const connectivity = median(9, () => listConnections(analyzeConnectivity(model)));
  const adminModel = buildClusterModel([...parsed, parseManifest('bench-admin-policies.yaml', adminPolicies(model))]);
  const withAdmin = median(9, () => listConnections(analyzeConnectivity(adminModel)));
  const allRules = median(5, () => lintWorkspace(buildWorkspace(parsed)));

  // One keystroke, as the language server handles it: the edited file is parsed again (unchanged
  // documents come from its cache), the workspace is rebuilt and the cross-file rules run once,
  // then the edited file's own rules and suppressions.
  const edited = parsed.findIndex((file) => file.uri.includes('online-boutique/release/kubernetes-manifests.yaml'));
  const { uri, text } = files[edited];
  const cache = new ChunkCache();
  parseManifest(uri, text, cache);
  let toggle = false;
  const keystroke = median(21, () => {
    toggle = !toggle;
    const file = parseManifest(uri, toggle ? text.replace('replicas: 1', 'replicas: 2') : text, cache);
    const current = parsed.map((other, index) => (index === edited ? file : other));
    const crossFile = workspaceFindings(buildWorkspace(current));
    reportableFindings(file, [...fileFindings(file), ...(crossFile.get(uri) ?? [])]);
  });

  const row = (label: string, ms: number) => `${label.padEnd(44)} ${ms.toFixed(1).padStart(8)} ms   ${(ms / parsing).toFixed(3).padStart(6)} x parse`;
  console.log(`Workspace: the corpus, ${files.length} files, ${model.workloads.length} workloads, ${model.policies.length} NetworkPolicies (median of runs)`);
  console.log(row('kube-netsec parse of every file (floor)', parsing));
  console.log(row('cluster model build', building));
  console.log(row('connectivity (every allowed connection)', connectivity));
  console.log(row('connectivity with 50 ANPs + a BANP', withAdmin) + `   ${(withAdmin / connectivity).toFixed(2)} x without`);
  console.log(row('every rule over the whole workspace', allRules));
  console.log(row('one keystroke in a workspace file', keystroke));
  console.log(`Heap held by the parsed workspace and its model: ${heapMb.toFixed(1)} MB${global.gc ? '' : ' (approximate: run node with --expose-gc)'}.`);
  measureFixes(files, parsed, row);
  measureAnswers(parsed, row);
  console.log('');
}

/**
 * 50 AdminNetworkPolicies and a BaselineAdminNetworkPolicy over the corpus' namespaces: most select
 * one namespace, every tenth all of them; their rules mix Allow, Deny and Pass with pods, namespaces
 * and networks peers, numeric, ranged and named ports, so every tier and block boundary is exercised.
 */
function adminPolicies(model: ReturnType<typeof buildClusterModel>): string {
  const namespaces = [...model.namespaces.keys()];
  const documents = Array.from({ length: 50 }, (_, index) => {
    const subject = index % 10 === 0 ? '{namespaces: {}}' : `{namespaces: {matchLabels: {kubernetes.io/metadata.name: ${JSON.stringify(namespaces[index % namespaces.length])}}}}`;
    return [
      'apiVersion: policy.networking.k8s.io/v1alpha1',
      'kind: AdminNetworkPolicy',
      `metadata: {name: bench-${index}}`,
      `spec:`,
      `  priority: ${index + 1}`,
      `  subject: ${subject}`,
      '  ingress:',
      `    - {action: Allow, from: [{pods: {podSelector: {matchLabels: {app: bench-${index}}}}}], ports: [{portNumber: {port: 8080}}]}`,
      '    - {action: Pass, from: [{namespaces: {}}], ports: [{namedPort: http}]}',
      `    - {action: Deny, from: [{namespaces: {matchLabels: {kubernetes.io/metadata.name: ${JSON.stringify(namespaces[(index + 1) % namespaces.length])}}}}]}`,
      '  egress:',
      `    - {action: Deny, to: [{networks: [10.${index}.0.0/16]}], ports: [{portNumber: {port: 22}}]}`,
      '    - {action: Allow, to: [{namespaces: {}}], ports: [{portRange: {start: 1, end: 1024}}]}',
    ].join('\n');
  });
  documents.push(
    [
      'apiVersion: policy.networking.k8s.io/v1alpha1',
      'kind: BaselineAdminNetworkPolicy',
      'metadata: {name: default}',
      'spec:',
      '  subject: {namespaces: {}}',
      '  ingress: [{action: Deny, from: [{namespaces: {matchLabels: {kubernetes.io/metadata.name: kube-system}}}]}]',
      '  egress: [{action: Deny, to: [{networks: [169.254.0.0/16]}]}]',
    ].join('\n'),
  );
  return documents.join('\n---\n') + '\n';
}

// Hover, CodeLens and completion answer from the check's parse and workspace: measured on the
// argo-cd install.yaml of the corpus workspace, per request, next to a keystroke.
function measureAnswers(parsed: ReturnType<typeof parseManifest>[], row: (label: string, ms: number) => string): void {
  const file = parsed.find((candidate) => candidate.uri.endsWith('argo-cd/manifests/install.yaml'));
  if (!file) return;
  const workspace = buildWorkspace(parsed);
  const findings = lintWorkspaceLocated(workspace).get(file.uri) ?? [];
  const context: AnswerContext = { file, workspace, findings, config: DEFAULT_CONFIG };
  // Every object's name (policies and workloads get summaries), and each policy's podSelector.
  const names: Position[] = file.objects.map((object) => object.rangeOf(['metadata', 'name'], 'key').start);
  const selectors: Position[] = file.objects.filter((object) => object.kind === 'NetworkPolicy').map((object) => object.rangeOf(['spec', 'podSelector', 'matchLabels'], 'value').start);
  // Each position once after a warm-up pass: the slowest request matters as much as the typical one.
  for (const position of names) hoverAt(context, position);
  let answered = 0;
  const times = names.map((position) => {
    const start = process.hrtime.bigint();
    if (hoverAt(context, position)) answered++;
    return Number(process.hrtime.bigint() - start) / 1e6;
  }).sort((a, b) => a - b);
  let lenses = 0;
  const lensTime = median(9, () => {
    lenses = lensesOf(context).length;
  });
  const completionTime = median(9, () => {
    for (const position of selectors) completionsAt(context, position);
  });
  if (times.length > 0) {
    console.log(row(`hover on install.yaml, median of ${names.length} (${answered} answered)`, times[Math.floor(times.length / 2)]));
    console.log(row('hover on install.yaml, slowest', times[times.length - 1]));
  }
  console.log(row(`CodeLenses of install.yaml (${lenses} lenses)`, lensTime));
  console.log(row(`completion, per request (mean of ${selectors.length})`, completionTime / Math.max(1, selectors.length)));
}

// Fixes are checked by re-linting the workspace with the fix applied, so a code-action request costs
// about one workspace lint per fix offered: measured next to a keystroke and a full lint.
function measureFixes(files: { uri: string; text: string }[], parsed: ReturnType<typeof parseManifest>[], row: (label: string, ms: number) => string): void {
  const texts = new Map(files.map(({ uri, text }) => [uri, text]));
  const environment = { files: parsed, textOf: (uri: string) => texts.get(uri), config: DEFAULT_CONFIG };
  const located = [...lintWorkspaceLocated(buildWorkspace(parsed)).values()].flat();
  const target = located.find((entry) => entry.finding.ruleId === 'host-network') ?? located[0];
  if (!target) return;
  let offered = 0;
  const codeAction = median(5, () => {
    offered = fixesOf(target, new FixChecker(environment)).length;
  });
  const uri = target.finding.uri;
  let fixed = 0;
  const fixAll = median(3, () => {
    fixed = fixAllOfFile(uri, located.filter((entry) => entry.finding.uri === uri), new FixChecker(environment)).fixed.length;
  });
  console.log(row(`code actions of one ${target.finding.ruleId} finding (${offered} fixes checked)`, codeAction));
  console.log(row(`fix all of its file (${fixed} findings fixed)`, fixAll));
}
