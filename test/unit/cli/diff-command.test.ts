// `kube-netsec diff`: two folders or --git REF, the report formats, exit codes and errors.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parse } from '@ts-graphviz/ast';
import { runCli, tempProject } from '../../support/cli-harness';

const APP = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: main, image: example/web:1.0}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: db, namespace: shop}
spec:
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec:
      containers: [{name: main, image: example/db:1.0}]
`;

const POLICY = `---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: db-allow, namespace: shop}
spec:
  podSelector: {matchLabels: {app: db}}
  policyTypes: [Ingress]
  ingress:
    - from: [{podSelector: {matchLabels: {app: web}}}]
      ports: [{port: 5432}]
`;

const OPENED = POLICY.replace('[{podSelector: {matchLabels: {app: web}}}]', '[{podSelector: {matchLabels: {app: web}}}, {ipBlock: {cidr: 0.0.0.0/0}}]').replace('[{port: 5432}]', '[{port: 5432}, {port: 9090}]');

const SERVICE = `---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec:
  type: LoadBalancer
  selector: {app: web}
  ports: [{port: 80}]
`;

function project(context: Parameters<typeof tempProject>[0]): string {
  return tempProject(context, { 'base/app.yaml': APP + POLICY, 'head/app.yaml': APP + OPENED + SERVICE });
}

describe('kube-netsec diff', () => {
  it('prints the text diff and exits 0 without --fail-on-open', async (context) => {
    const root = project(context);
    const { code, out } = await runCli(['diff', join(root, 'base'), join(root, 'head')]);
    assert.equal(code, 0);
    assert.equal(
      out.replace(root, 'ROOT'),
      [
        'This change opens 2 and closes 0 connections.',
        '',
        '+ 0.0.0.0/0 => shop/db[Deployment] : TCP 5432,9090',
        '~ shop/web[Deployment] => shop/db[Deployment] : TCP 5432 -> TCP 5432,9090 (opens TCP 9090)',
        '',
        '+ shop/web[Deployment] now exposed outside the cluster by LoadBalancer Service shop/web (TCP 80) (ROOT/head/app.yaml:35)',
        '',
      ].join('\n'),
    );
  });

  it('exits 1 with --fail-on-open when HEAD opens something, 0 when it only closes', async (context) => {
    const root = project(context);
    assert.equal((await runCli(['diff', join(root, 'base'), join(root, 'head'), '--fail-on-open'])).code, 1);
    const back = await runCli(['diff', join(root, 'head'), join(root, 'base'), '--fail-on-open']);
    assert.equal(back.code, 0);
    assert.match(back.out, /^This change opens 0 and closes 2 connections\./);
    const same = await runCli(['diff', join(root, 'base'), join(root, 'base'), '--fail-on-open']);
    assert.deepEqual([same.code, same.out], [0, 'No connectivity difference: both sides allow the same connections and expose the same workloads.\n']);
  });

  it('writes the Markdown table for a pull-request comment', async (context) => {
    const root = project(context);
    const { out } = await runCli(['diff', join(root, 'base'), join(root, 'head'), '--format', 'md']);
    assert.equal(
      out,
      [
        '### Connectivity diff',
        '',
        'This change opens 2 and closes 0 connections.',
        '',
        '| Change | From | To | Opens | Closes |',
        '|---|---|---|---|---|',
        '| 🟢 added | `0.0.0.0/0` | `shop/db[Deployment]` | TCP 5432,9090 |  |',
        '| 🟡 changed | `shop/web[Deployment]` | `shop/db[Deployment]` | TCP 9090 |  |',
        '',
        '**Exposure outside the cluster**',
        '',
        '| Change | Workload | Exposed by |',
        '|---|---|---|',
        '| 🟢 added | `shop/web[Deployment]` | LoadBalancer Service shop/web (TCP 80) |',
        '',
      ].join('\n'),
    );
  });

  it('writes JSON with the summary, the ports before and after, and the exposures', async (context) => {
    const root = project(context);
    const report = JSON.parse((await runCli(['diff', join(root, 'base'), join(root, 'head'), '--format', 'json'])).out);
    assert.deepEqual(report.summary, { opened: 2, closed: 0, added: 1, removed: 0, changed: 1 });
    assert.deepEqual(report.connections, [
      { status: 'added', from: { cidrs: ['0.0.0.0/0'] }, to: { workload: { kind: 'Deployment', namespace: 'shop', name: 'db' } }, base: [], head: [{ protocol: 'TCP', port: 5432 }, { protocol: 'TCP', port: 9090 }], opened: [{ protocol: 'TCP', port: 5432 }, { protocol: 'TCP', port: 9090 }], closed: [] },
      { status: 'changed', from: { workload: { kind: 'Deployment', namespace: 'shop', name: 'web' } }, to: { workload: { kind: 'Deployment', namespace: 'shop', name: 'db' } }, base: [{ protocol: 'TCP', port: 5432 }], head: [{ protocol: 'TCP', port: 5432 }, { protocol: 'TCP', port: 9090 }], opened: [{ protocol: 'TCP', port: 9090 }], closed: [] },
    ]);
    assert.deepEqual(report.workloads, { added: [], removed: [] });
    assert.deepEqual(report.exposures.added, [{ workload: { kind: 'Deployment', namespace: 'shop', name: 'web' }, kind: 'LoadBalancer', description: 'LoadBalancer Service shop/web (TCP 80)', file: join(root, 'head/app.yaml'), line: 35 }]);
  });

  it('writes SARIF warnings at the HEAD rule that opens the internet and at the new exposure', async (context) => {
    const root = project(context);
    const log = JSON.parse((await runCli(['diff', join(root, 'base'), join(root, 'head'), '--format', 'sarif', '--base-uri', root])).out);
    const results = log.runs[0].results.map((result: { ruleId: string; level: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }) => ({
      ruleId: result.ruleId,
      level: result.level,
      text: result.message.text,
      at: `${result.locations[0].physicalLocation.artifactLocation.uri}:${result.locations[0].physicalLocation.region.startLine}`,
    }));
    assert.deepEqual(results, [
      { ruleId: 'diff-internet-connection-opened', level: 'warning', text: 'This change lets the internet (0.0.0.0/0) reach shop/db[Deployment] on TCP 5432,9090: allowed by NetworkPolicy shop/db-allow ingress rule 1.', at: 'head/app.yaml:28' },
      { ruleId: 'diff-workload-exposed', level: 'warning', text: 'This change exposes shop/web[Deployment] outside the cluster: LoadBalancer Service shop/web (TCP 80).', at: 'head/app.yaml:35' },
    ]);
  });

  it('compares the working tree with a git revision read from git', async (context) => {
    const root = tempProject(context, { 'k8s/app.yaml': APP + POLICY, 'notes.txt': 'not a manifest' });
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], { cwd: root, stdio: 'pipe' });
    git('init', '-q');
    git('add', '.');
    git('commit', '-q', '-m', 'base');
    writeFileSync(join(root, 'k8s/app.yaml'), APP + OPENED);
    const cwd = process.cwd();
    process.chdir(root);
    context.after(() => process.chdir(cwd));
    const { code, out } = await runCli(['diff', '--git', 'HEAD', 'k8s', '--fail-on-open']);
    assert.equal(code, 1);
    assert.match(out, /^This change opens 2 and closes 0 connections\./);
    const bad = await runCli(['diff', '--git', 'no-such-branch']);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /--git no-such-branch: no commit of this repository has that name/);
  });

  it('says so when the folder is not in a git repository or git is missing, exit 2', async (context) => {
    const root = tempProject(context, { 'app.yaml': APP });
    const cwd = process.cwd();
    const path = process.env.PATH;
    process.chdir(root);
    context.after(() => {
      process.chdir(cwd);
      process.env.PATH = path;
    });
    const outside = await runCli(['diff', '--git', 'HEAD']);
    assert.equal(outside.code, 2);
    assert.match(outside.err, /--git HEAD: .*not a git repository/);
    process.env.PATH = root;
    const missing = await runCli(['diff', '--git', 'HEAD']);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /git is not installed/);
  });

  it('refuses one path, an unknown format and a missing folder with exit 2', async (context) => {
    const root = project(context);
    assert.match((await runCli(['diff', join(root, 'base')])).err, /diff needs two paths, BASE and HEAD, or --git REF/);
    assert.equal((await runCli(['diff', join(root, 'base'), join(root, 'head'), '--format', 'csv'])).code, 2);
    assert.equal((await runCli(['diff', join(root, 'base'), join(root, 'nowhere')])).code, 2);
  });
});

describe('connectivity graph formats', () => {
  it('prints dot that a Graphviz parser reads, with every workload and edge', async (context) => {
    const root = project(context);
    const { code, out } = await runCli(['connectivity', join(root, 'head'), '--format', 'dot']);
    assert.equal(code, 0);
    const ast = parse(out);
    const text = JSON.stringify(ast);
    assert.equal(ast.type, 'Dot');
    for (const name of ['shop/web[Deployment]', 'shop/db[Deployment]', '0.0.0.0/0', 'cluster_shop']) assert.ok(text.includes(JSON.stringify(name).slice(1, -1)), name);
    const { connections } = JSON.parse((await runCli(['connectivity', join(root, 'head'), '--format', 'json'])).out);
    assert.equal(out.split('\n').filter((line) => line.includes(' -> ')).length, connections.length);
  });

  it('prints a Mermaid flowchart: a subgraph per namespace, generated ids, quoted labels', async (context) => {
    const root = project(context);
    const { code, out } = await runCli(['connectivity', join(root, 'base'), '--format', 'mermaid']);
    assert.equal(code, 0);
    const lines = out.trimEnd().split('\n');
    assert.equal(lines[0], 'flowchart LR');
    assert.deepEqual(lines.slice(1, 5), ['  subgraph ns0["shop"]', '    w0["db[Deployment]"]', '    w1["web[Deployment]"]', '  end']);
    assert.ok(lines.includes('  w1 -->|"TCP 5432"| w0'));
    assert.ok(lines.includes('  x0["0.0.0.0/0"]'));
    for (const edge of lines.filter((line) => line.includes('-->'))) assert.match(edge, /^ {2}[wx]\d+ -->\|"[^"]*"\| [wx]\d+$/);
  });
});

