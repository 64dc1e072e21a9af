// The language server over stdio, as an editor drives it: the bundled server is built from the
// current sources into a temp folder, started as a child process, and timed from the notification
// sent to the publishDiagnostics received. Each figure is printed next to a floor measured in this
// run, in this process: the engine's own check of the same text (what the server cannot avoid), or
// the yaml library's parse. Run alone:
//   node --expose-gc --conditions=import --import tsx scripts/bench/language-server.ts
// KUBE_NETSEC_BENCH_SERVER=path/to/server.js measures that bundle instead (an older build, to compare).
import { build } from 'esbuild';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { buildWorkspace, ChunkCache, fileFindings, lintManifest, parseManifest, reportableFindings, workspaceFindings, type ManifestFile } from '../../server/src/engine';
import { MemoryUsageRequest, type ServerMemoryUsage } from '../../server/src/lsp/debug-protocol';
import { LspSession, PROJECT_ROOT } from '../../test/lsp/lsp-session';
import { medianOf, timeMs } from './timing';

const CORPUS_FILE = resolve(PROJECT_ROOT, '../shared/corpus/argo-cd/manifests/install.yaml');
const WORKSPACE_FILES = 10_000;
const EDITS = 21;

const deployment = (i: number, namespace = `ns-${i % 20}`) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app-${i}\n  namespace: ${namespace}\nspec:\n  replicas: 1\n  template:\n    metadata:\n      labels: {app: app-${i}}\n    spec:\n      hostNetwork: ${i % 7 === 0}\n      containers:\n        - name: main\n          image: registry.example.com/app:${i}\n          ports: [{containerPort: 8080}]\n`;



/** Median of `runs` in-process calls of `work`, after two warm-up calls. */
function inProcess(runs: number, work: () => void): number {
  work();
  work();
  return medianOf(Array.from({ length: runs }, () => timeMs(work)));
}

const row = (label: string, ms: number, floor: number, floorName: string) =>
  `${label.padEnd(52)} ${ms.toFixed(1).padStart(8)} ms   ${(ms / floor).toFixed(2).padStart(6)} x ${floorName}`;

/** Peak resident memory of a process (VmHWM), in MB; undefined off Linux. */
function peakRssMb(pid: number | undefined): number | undefined {
  if (pid === undefined || !existsSync(`/proc/${pid}/status`)) return undefined;
  const match = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : undefined;
}

async function bundleServer(into: string): Promise<string> {
  const outfile = join(into, 'server.js');
  await build({ entryPoints: [join(PROJECT_ROOT, 'server/src/main.ts')], outfile, bundle: true, platform: 'node', target: 'node20', format: 'cjs', minify: true, logLevel: 'warning' });
  return outfile;
}

async function startServer(server: string, workspaceFolders: string[] = []): Promise<LspSession> {
  // --expose-gc lets the memory request collect garbage first, so the heap it reports is what is held.
  const { session } = await LspSession.start(['--expose-gc', server, '--stdio'], { workspaceFolders });
  return session;
}

/** Milliseconds from sending `act` to the publication of `version` of `uri`. */
async function untilPublished(session: LspSession, uri: string, version: number, act: () => Promise<unknown>): Promise<number> {
  const after = session.published.length;
  const start = process.hrtime.bigint();
  await act();
  await session.waitForDiagnostics(uri, (params) => params.version === version, { after, timeoutMs: 120_000 });
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/**
 * Alternating one-line edits in the middle of the text (insert a comment line, then remove it), each
 * timed to its diagnostics; also how many of those said the time budget cut the analysis short.
 */
async function timeEdits(session: LspSession, uri: string, text: string, edits: number, floor?: () => number): Promise<number[] & { partial: number; floors: number[] }> {
  const lines = text.split('\n');
  const middle = Math.floor(lines.length / 2);
  const times = Object.assign([] as number[], { partial: 0, floors: [] as number[] });
  for (let i = 0; i < edits + 2; i++) {
    const inserting = i % 2 === 0;
    const range = inserting ? { start: { line: middle, character: 0 }, end: { line: middle, character: 0 } } : { start: { line: middle, character: 0 }, end: { line: middle + 1, character: 0 } };
    const version = (session.versionOf(uri) ?? 1) + 1;
    const ms = await untilPublished(session, uri, version, () => session.change(uri, [{ range, text: inserting ? '# edited\n' : '' }]));
    if (i < 2) continue; // two warm-up edits
    times.push(ms);
    // The floor right after, so that both see the same load from other processes.
    if (floor) times.floors.push(floor());
    const published = session.published.findLast((params) => params.uri === uri && params.version === version);
    if (published?.diagnostics.some((diagnostic) => diagnostic.code === 'analysis-partial')) times.partial++;
  }
  return times;
}

async function measureCorpusFile(server: string): Promise<void> {
  if (!existsSync(CORPUS_FILE)) {
    console.log('argo-cd install.yaml: corpus absent, skipped.');
    return;
  }
  const text = readFileSync(CORPUS_FILE, 'utf8');
  const fullCheck = () => timeMs(() => lintManifest(parseManifest('bench.yaml', text)));
  // The same edit as the server's (a comment line in the middle, then its removal), re-checked with the chunk cache.
  const lines = text.split('\n');
  const middle = Math.floor(lines.length / 2);
  const edited = [...lines.slice(0, middle), '# edited', ...lines.slice(middle)].join('\n');
  const cache = new ChunkCache();
  let toggle = false;
  const cachedCheck = () => timeMs(() => lintManifest(parseManifest('bench.yaml', (toggle = !toggle) ? edited : text, cache)));
  inProcess(1, () => cachedCheck());
  const uri = pathToFileURL(join(tmpdir(), 'kube-netsec-bench', 'install.yaml')).href;

  const opens: number[] = [];
  const openFloors: number[] = [];
  let edits: Awaited<ReturnType<typeof timeEdits>> = Object.assign([], { partial: 0, floors: [] });
  for (let run = 0; run < 3; run++) {
    const session = await startServer(server);
    await session.waitForLog(/^Indexed/, { timeoutMs: 30_000 });
    openFloors.push(fullCheck());
    opens.push(await untilPublished(session, uri, 1, () => session.open(uri, text)));
    if (run === 0) edits = await timeEdits(session, uri, text, EDITS, cachedCheck);
    await session.stop();
  }
  const floor = medianOf(openFloors);
  console.log(`Language server: argo-cd install.yaml, ${(text.length / 1024 / 1024).toFixed(2)} MB (median of runs; each floor measured next to the server's figure)`);
  console.log(row('engine full check in-process (floor)', floor, floor, 'full check'));
  console.log(row(`didOpen -> diagnostics (${opens.length} fresh servers)`, medianOf(opens), floor, 'full check'));
  console.log(row('engine re-check after the edit in-process (cache)', medianOf(edits.floors), medianOf(edits.floors), 'cached re-check'));
  console.log(row(`didChange -> diagnostics, median of ${edits.length} edits`, medianOf(edits), medianOf(edits.floors), 'cached re-check'));
  console.log(row('didChange -> diagnostics, slowest', Math.max(...edits), medianOf(edits.floors), 'cached re-check'));
  console.log('');
}

async function measurePaste(server: string): Promise<void> {
  const documents: string[] = [];
  for (let size = 0, i = 0; size < 5 * 1024 * 1024; i++) {
    documents.push(deployment(i));
    size += documents[i].length + 4;
  }
  const text = documents.join('---\n');
  const yamlParse = inProcess(3, () => parseAllDocuments(text));
  const fullCheck = inProcess(3, () => lintManifest(parseManifest('bench.yaml', text)));
  const uri = pathToFileURL(join(tmpdir(), 'kube-netsec-bench', 'pasted.yaml')).href;
  const session = await startServer(server);
  await session.waitForLog(/^Indexed/, { timeoutMs: 30_000 });
  await untilPublished(session, uri, 1, () => session.open(uri, ''));
  const fullCheckNext = timeMs(() => lintManifest(parseManifest('bench.yaml', text)));
  const rssBefore = peakRssMb(session.pid);
  const paste = await untilPublished(session, uri, 2, () => session.change(uri, [{ text }]));
  const rss = peakRssMb(session.pid);
  await session.stop();
  console.log(`Language server: a pasted ${(text.length / 1024 / 1024).toFixed(2)} MB document, ${documents.length} Deployments`);
  console.log(row('yaml parseAllDocuments in-process (floor)', yamlParse, yamlParse, 'yaml'));
  console.log(row('engine full check in-process', fullCheck, yamlParse, 'yaml'));
  console.log(row('engine full check in-process, right before the paste', fullCheckNext, yamlParse, 'yaml'));
  console.log(row('paste (full-text didChange) -> diagnostics', paste, yamlParse, 'yaml'));
  if (rss !== undefined) console.log(`Server peak RSS (VmHWM): ${rss.toFixed(0)} MB (${rssBefore?.toFixed(0)} MB before the paste).`);
  console.log('');
}

/** 10,000 files of 50 namespaces: each a Deployment and its Service; a third of the namespaces have a default-deny policy file. */
function writeWorkspace(root: string): void {
  for (let i = 0; i < WORKSPACE_FILES; i++) {
    const namespace = `ns-${i % 50}`;
    const folder = join(root, namespace);
    if (i < 50) mkdirSync(folder, { recursive: true });
    const service = `apiVersion: v1\nkind: Service\nmetadata:\n  name: app-${i}\n  namespace: ${namespace}\nspec:\n  selector: {app: app-${i}}\n  ports: [{port: 80, targetPort: 8080}]\n`;
    writeFileSync(join(folder, `app-${i}.yaml`), `${deployment(i, namespace)}---\n${service}`);
  }
  for (let n = 0; n < 50; n += 3) {
    writeFileSync(join(root, `ns-${n}`, 'default-deny.yaml'), `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: default-deny\n  namespace: ns-${n}\nspec:\n  podSelector: {}\n  policyTypes: [Ingress, Egress]\n`);
  }
}

async function measureWorkspace(server: string): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'kube-netsec-bench-workspace-'));
  try {
    writeWorkspace(root);
    const paths = Array.from({ length: WORKSPACE_FILES }, (_, i) => join(root, `ns-${i % 50}`, `app-${i}.yaml`));
    const texts = paths.map((path) => readFileSync(path, 'utf8'));
    let parsed: ManifestFile[] = [];
    const parseAll = inProcess(3, () => (parsed = paths.map((path, i) => parseManifest(pathToFileURL(path).href, texts[i]))));
    // The keystroke the server handles, in-process: the edited file re-parsed, the workspace rebuilt and its cross-file rules run.
    const editedIndex = 1;
    const cache = new ChunkCache();
    let toggle = false;
    const keystroke = inProcess(9, () => {
      const file = parseManifest(parsed[editedIndex].uri, (toggle = !toggle) ? texts[editedIndex].replace('replicas: 1', 'replicas: 2') : texts[editedIndex], cache);
      const current = parsed.map((other, index) => (index === editedIndex ? file : other));
      const crossFile = workspaceFindings(buildWorkspace(current));
      reportableFindings(file, [...fileFindings(file), ...(crossFile.get(file.uri) ?? [])]);
    });
    parsed = [];

    const started = process.hrtime.bigint();
    const session = await startServer(server, [pathToFileURL(root).href]);
    const uri = pathToFileURL(paths[editedIndex]).href;
    // Opened as the index starts: its first diagnostics should not wait for the index.
    const firstOpen = await untilPublished(session, uri, 1, () => session.open(uri, texts[editedIndex]));
    await session.waitForLog(/^Indexed/, { timeoutMs: 300_000 });
    const indexed = Number(process.hrtime.bigint() - started) / 1e6;
    const indexLogs = session.logs.filter((message) => message.startsWith('Indexed'));
    const edits = await timeEdits(session, uri, texts[editedIndex], EDITS);
    const memory = await session.request<ServerMemoryUsage>(MemoryUsageRequest.method, undefined).catch(() => undefined); // an older server lacks the request
    const rss = peakRssMb(session.pid);
    await session.stop();
    console.log(`Language server: a generated workspace of ${WORKSPACE_FILES} files (${indexLogs.at(-1) ?? 'no index log'})`);
    console.log(row('engine parse of every file in-process (floor)', parseAll, parseAll, 'parse'));
    console.log(row('engine keystroke in-process (parse, model, cross-file)', keystroke, parseAll, 'parse'));
    console.log(row('start -> "Indexed" logged', indexed, parseAll, 'parse'));
    console.log(row('didOpen during the index -> first diagnostics', firstOpen, parseAll, 'parse'));
    console.log(row(`didChange -> diagnostics, median of ${edits.length} edits`, medianOf(edits), keystroke, 'in-process keystroke'));
    console.log(row('didChange -> diagnostics, slowest', Math.max(...edits), keystroke, 'in-process keystroke'));
    console.log(`The time budget cut the cross-file rules short in ${edits.partial} of ${edits.length} edits.`);
    const mb = (bytes: number | undefined) => (bytes === undefined ? '?' : (bytes / 1024 / 1024).toFixed(0));
    console.log(`Server heap used ${mb(memory?.heapUsed)} MB, RSS ${mb(memory?.rss)} MB, peak RSS ${rss?.toFixed(0) ?? '?'} MB; "Indexed" logged ${indexLogs.length} time(s).`);
    console.log('');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

export async function measureLanguageServer(): Promise<void> {
  const bundleDir = mkdtempSync(join(tmpdir(), 'kube-netsec-bench-server-'));
  try {
    const server = process.env.KUBE_NETSEC_BENCH_SERVER ?? (await bundleServer(bundleDir));
    await measureCorpusFile(server);
    await measurePaste(server);
    await measureWorkspace(server);
  } finally {
    rmSync(bundleDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === __filename) {
  measureLanguageServer().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
