import Ajv from 'ajv';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it, type TestContext } from 'node:test';
import { runCli, tempProject } from '../../support/cli-harness';
import { yaml } from '../../support/dedent';
import { pod } from '../connectivity/scenario';

/** Runs `connectivity ROOT ...args` and gives stdout with ROOT/ taken out of the file names. */
async function explain(context: TestContext, files: Record<string, string>, args: string[]) {
  const root = tempProject(context, files, 'kube-netsec-explain-');
  const result = await runCli(['connectivity', root, ...args]);
  return { ...result, out: result.out.split(`${root}/`).join(''), err: result.err.split(`${root}/`).join('') };
}

const deployment = (name: string, namespace: string, labels: string) => yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: ${name}, namespace: ${namespace}}
  spec: {template: {metadata: {labels: ${labels}}, spec: {containers: [{name: main, image: app}]}}}
`;

const shop = {
  'apps.yaml': deployment('web', 'shop', '{app: web}') + '---\n' + deployment('db', 'shop', '{app: db}'),
  'policies.yaml': yaml`
    apiVersion: networking.k8s.io/v1
    kind: NetworkPolicy
    metadata: {name: web-egress, namespace: shop}
    spec:
      podSelector: {matchLabels: {app: web}}
      policyTypes: [Egress]
      egress:
        - to: [{podSelector: {matchLabels: {app: db}}}]
          ports: [{port: 5432}]
        - to: [{ipBlock: {cidr: 10.0.0.0/9}}]
          ports: [{port: 443}]
        - to: [{ipBlock: {cidr: 10.128.0.0/9}}]
          ports: [{port: 443}]
    ---
    apiVersion: networking.k8s.io/v1
    kind: NetworkPolicy
    metadata: {name: db-ingress, namespace: shop}
    spec:
      podSelector: {matchLabels: {app: db}}
      ingress:
        - from: [{podSelector: {matchLabels: {app: web}}}]
  `,
};

// a and b in default; guard passes TCP 443 into b and denies TCP 80-442, which allow-web would open.
const guarded = {
  'apps.yaml': pod('a', { app: 'a' }) + pod('b', { app: 'b' }),
  'admin.yaml': yaml`
    apiVersion: policy.networking.k8s.io/v1alpha1
    kind: AdminNetworkPolicy
    metadata: {name: guard}
    spec:
      priority: 5
      subject: {pods: {podSelector: {matchLabels: {app: b}}}}
      ingress:
        - {name: web-first, action: Pass, from: [{namespaces: {}}], ports: [{portNumber: {port: 443}}]}
        - {action: Deny, from: [{namespaces: {}}], ports: [{portRange: {start: 80, end: 443}}]}
    ---
    apiVersion: networking.k8s.io/v1
    kind: NetworkPolicy
    metadata: {name: allow-web}
    spec:
      podSelector: {matchLabels: {app: b}}
      ingress: [{ports: [{port: 80}, {port: 443}]}]
  `,
};

// No NetworkPolicy: the baseline denies SSH from a into b, the default allows the rest.
const baseline = {
  'apps.yaml': pod('a', { app: 'a' }) + pod('b', { app: 'b' }),
  'baseline.yaml': yaml`
    apiVersion: policy.networking.k8s.io/v1alpha1
    kind: BaselineAdminNetworkPolicy
    metadata: {name: default}
    spec:
      subject: {pods: {podSelector: {matchLabels: {app: b}}}}
      ingress:
        - {action: Deny, from: [{pods: {podSelector: {matchLabels: {app: a}}}}], ports: [{portNumber: {port: 22}}]}
  `,
};

describe('kube-netsec connectivity --explain', () => {
  it('says under each connection what isolates each side and which rule opens the ports, with file:line', async (context) => {
    const { code, out } = await explain(context, shop, ['--explain']);
    assert.equal(code, 0);
    assert.equal(
      out,
      [
        '0.0.0.0/0 => shop/web[Deployment] : All Connections',
        '  egress of 0.0.0.0/0: external addresses: nothing restricts them',
        '  ingress of shop/web[Deployment]: not isolated (no NetworkPolicy selects it for ingress)',
        'shop/db[Deployment] => 0.0.0.0/0 : All Connections',
        '  egress of shop/db[Deployment]: not isolated (no NetworkPolicy selects it for egress)',
        '  ingress of 0.0.0.0/0: external addresses: nothing restricts them',
        'shop/db[Deployment] => shop/web[Deployment] : All Connections',
        '  egress of shop/db[Deployment]: not isolated (no NetworkPolicy selects it for egress)',
        '  ingress of shop/web[Deployment]: not isolated (no NetworkPolicy selects it for ingress)',
        // The two ipBlock rules open the same port: one block reported, each half with its own rule.
        'shop/web[Deployment] => 10.0.0.0/8 : TCP 443',
        '  egress of shop/web[Deployment]: different rules decide parts of 10.0.0.0/8',
        '    toward 10.0.0.0/9: isolated by NetworkPolicy shop/web-egress (policies.yaml:2)',
        '      allowed by NetworkPolicy shop/web-egress egress rule 2 (TCP 443) at policies.yaml:10',
        '    toward 10.128.0.0/9: isolated by NetworkPolicy shop/web-egress (policies.yaml:2)',
        '      allowed by NetworkPolicy shop/web-egress egress rule 3 (TCP 443) at policies.yaml:12',
        '  ingress of 10.0.0.0/8: external addresses: nothing restricts them',
        'shop/web[Deployment] => shop/db[Deployment] : TCP 5432',
        '  egress of shop/web[Deployment]: isolated by NetworkPolicy shop/web-egress (policies.yaml:2)',
        '    allowed by NetworkPolicy shop/web-egress egress rule 1 (TCP 5432) at policies.yaml:8',
        '  ingress of shop/db[Deployment]: isolated by NetworkPolicy shop/db-ingress (policies.yaml:16)',
        '    allowed by NetworkPolicy shop/db-ingress ingress rule 1 (all ports) at policies.yaml:21',
        '',
      ].join('\n'),
    );
  });

  it('names the AdminNetworkPolicy Deny a NetworkPolicy would re-open, and the Pass that hands a port on', async (context) => {
    const { code, out } = await explain(context, guarded, ['--explain']);
    assert.equal(code, 0);
    const lines = out.split('\n');
    const at = lines.indexOf('default/a[Pod] => default/b[Pod] : TCP 443');
    assert.ok(at >= 0, out);
    assert.deepEqual(lines.slice(at + 1, at + 6), [
      '  egress of default/a[Pod]: not isolated (no NetworkPolicy selects it for egress)',
      '  ingress of default/b[Pod]: isolated by NetworkPolicy default/allow-web (admin.yaml:12)',
      '    passed on by AdminNetworkPolicy `guard` (priority 5) ingress rule 1 "web-first" (TCP 443) at admin.yaml:8',
      '    denied by AdminNetworkPolicy `guard` (priority 5) ingress rule 2; the NetworkPolicy `allow-web` that would allow it is not consulted (TCP 80-442) at admin.yaml:9',
      '    allowed by NetworkPolicy default/allow-web ingress rule 1 (TCP 443) at admin.yaml:16',
    ]);
  });

  it('names the BaselineAdminNetworkPolicy rule that decides and what the default allows', async (context) => {
    const { code, out } = await explain(context, baseline, ['--explain']);
    assert.equal(code, 0);
    const lines = out.split('\n');
    const at = lines.indexOf('default/a[Pod] => default/b[Pod] : TCP 1-21,23-65535,UDP 1-65535,SCTP 1-65535');
    assert.ok(at >= 0, out);
    assert.deepEqual(lines.slice(at + 1, at + 5), [
      '  egress of default/a[Pod]: not isolated (no NetworkPolicy selects it for egress)',
      '  ingress of default/b[Pod]: not isolated (no NetworkPolicy selects it for ingress)',
      '    denied by BaselineAdminNetworkPolicy `default` ingress rule 1 (TCP 22) at baseline.yaml:7',
      '    allowed by default: no NetworkPolicy selects it and no admin rule decides (TCP 1-21, 23-65535, all UDP ports and all SCTP ports)',
    ]);
  });

  it('explains one pair that nothing allows, and one workload with an address', async (context) => {
    const denied = await explain(context, shop, ['--explain', 'shop/web[Deployment]', '192.168.1.1']);
    assert.equal(denied.code, 0);
    assert.equal(
      denied.out,
      [
        'shop/web[Deployment] => 192.168.1.1/32 : No Connections',
        '  egress of shop/web[Deployment]: denied: isolated by NetworkPolicy shop/web-egress (policies.yaml:2)',
        '    denied: no rule of these NetworkPolicies admits 192.168.1.1/32 (all ports)',
        '  ingress of 192.168.1.1/32: external addresses: nothing restricts them',
        '',
      ].join('\n'),
    );
    const guard = await explain(context, guarded, ['--explain', 'default/b[Pod]', 'default/a[Pod]']);
    assert.equal(guard.out.split('\n')[0], 'default/b[Pod] => default/a[Pod] : All Connections');
    const both = await explain(context, shop, ['--explain', 'shop/db[Deployment]', 'shop/web[Deployment]', '--format', 'json']);
    assert.equal(both.code, 0);
    assert.equal(JSON.parse(both.out).connections.length, 1);
  });

  it('refuses ends that name nothing, external to external, and formats without explanations (exit 2)', async (context) => {
    const unknown = await explain(context, shop, ['--explain', 'shop/cache[Deployment]', '10.0.0.0/8']);
    assert.equal(unknown.code, 2);
    assert.equal(unknown.out, '');
    assert.equal(unknown.err, 'kube-netsec: --explain: no workload "shop/cache[Deployment]" in the manifests read.\n');
    const external = await explain(context, shop, ['--explain', '10.0.0.1', '0.0.0.0/0']);
    assert.equal(external.code, 2);
    assert.match(external.err, /connections between external addresses are not analysed/);
    const missing = await explain(context, shop, ['--explain', 'shop/web[Deployment]']);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /needs a second end: --explain FROM TO/);
    for (const format of ['csv', 'md', 'dot']) {
      const refused = await explain(context, shop, ['--explain', '--format', format]);
      assert.equal(refused.code, 2);
      assert.match(refused.err, new RegExp(`--explain needs --format text or json \\(got "${format}"\\)`));
    }
  });

  it('adds an explanation to each JSON connection only with --explain', async (context) => {
    const plain = await explain(context, guarded, ['--format', 'json']);
    const explained = await explain(context, guarded, ['--format', 'json', '--explain']);
    assert.equal(plain.code, 0);
    assert.equal(explained.code, 0);
    assert.ok(!plain.out.includes('explanation'));
    const report = JSON.parse(explained.out) as { connections: { explanation?: unknown }[] };
    assert.ok(report.connections.length > 0);
    assert.ok(report.connections.every((connection) => connection.explanation !== undefined));
    const schema = JSON.parse(readFileSync(join(__dirname, '../../../schemas/connectivity-output.schema.json'), 'utf8'));
    const ajv = new Ajv();
    assert.ok(ajv.validate(schema, report), JSON.stringify(ajv.errors));
    assert.ok(ajv.validate(schema, JSON.parse(plain.out)), JSON.stringify(ajv.errors));
    // Without the field, the explained report is the plain one, byte for byte.
    const stripped = { connections: report.connections.map(({ explanation: _, ...connection }) => connection) };
    assert.equal(plain.out, JSON.stringify(stripped, null, 2) + '\n');
    const workloadNamed = (name: string) => JSON.stringify({ workload: { kind: 'Pod', namespace: 'default', name } });
    const pair = (report.connections as { from: unknown; to: unknown; explanation?: unknown }[]).find(
      (connection) => JSON.stringify(connection.from) === workloadNamed('a') && JSON.stringify(connection.to) === workloadNamed('b'),
    );
    const ingress = (pair!.explanation as { ingress: { verdicts: { reasons: { kind: string; action?: string; ruleIndex?: number; ports: unknown; notConsulted?: { name: string }[]; at?: { line: number } }[] }[] } }).ingress;
    assert.deepEqual(
      ingress.verdicts[0].reasons.map((reason) => [reason.kind, reason.action, reason.ruleIndex, reason.ports, reason.notConsulted?.map((ref) => ref.name), reason.at?.line]),
      [
        ['adminRule', 'Pass', 0, [{ protocol: 'TCP', port: 443 }], [], 8],
        ['adminRule', 'Deny', 1, [{ protocol: 'TCP', port: 80, endPort: 442 }], ['allow-web'], 9],
        ['networkPolicyRule', undefined, 0, [{ protocol: 'TCP', port: 443 }], undefined, 16],
      ],
    );
  });

  it('is described in --help', async () => {
    const { code, out } = await runCli(['--help']);
    assert.equal(code, 0);
    assert.match(out, /connectivity \[PATH\.\.\.\] \[--explain \[FROM TO\]\]/);
    const command = await runCli(['connectivity', '--help']);
    assert.equal(command.code, 0);
    assert.match(command.out, /--explain FROM TO {3}Explain that one pair, allowed or not/);
  });
});
