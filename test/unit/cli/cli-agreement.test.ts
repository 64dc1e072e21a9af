import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runCli, tempProject } from '../../support/cli-harness';
import { yaml } from '../../support/dedent';

function pod(name: string): string {
  return `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}, labels: {app: ${name}}}\nspec:\n  containers: [{name: a, image: a}]\n`;
}

const MIXED_FOLDER = {
  'netsec.yaml': 'exclude: [legacy]\n',
  'app.yaml': pod('web'),
  'chart/templates/service.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Release.Name }}\n',
  'data.json': '[1, 2, 3]\n',
  'legacy/old.yaml': pod('old'),
};

describe('lint, connectivity and generate read the same files', () => {
  it('skip the same content with the same notes and warnings, and exclude the same files', async (context) => {
    const root = tempProject(context, MIXED_FOLDER);
    const config = ['--config', join(root, 'netsec.yaml')];
    const expectedStderr = [
      `${join(root, 'chart/templates/service.yaml')}:4:9: note: 1 document uses Helm/Go template syntax ({{ }}) and was not checked; render the chart with \`helm template\` and check the output.`,
      `${join(root, 'data.json')}:1:1: warning: skipped a document that is not a Kubernetes object`,
    ];

    const lint = await runCli(['lint', '--format', 'json', ...config, root]);
    assert.deepEqual(lint.err.trim().split('\n'), expectedStderr);
    const report = JSON.parse(lint.out);
    assert.deepEqual(report.skipped, [{ file: join(root, 'chart/templates/service.yaml'), reason: 'helm-template', documents: 1 }]);
    // The pod in legacy/ is excluded, so nothing is reported about it.
    assert.deepEqual([...new Set(report.findings.map((finding: { file: string }) => finding.file))].filter((file) => file !== join(root, 'app.yaml')), []);
    const lintText = await runCli(['lint', ...config, root]);
    // app.yaml is checked, not the configuration file; the template and data.json (no Kubernetes object) are skipped.
    assert.match(lintText.out, /; 1 file checked, 1 skipped as a template, 1 skipped as not Kubernetes\)\.$/m);

    const connectivity = await runCli(['connectivity', ...config, root]);
    assert.deepEqual(connectivity.err.trim().split('\n'), expectedStderr);
    assert.equal(connectivity.out, '0.0.0.0/0 => default/web[Pod] : All Connections\ndefault/web[Pod] => 0.0.0.0/0 : All Connections\n');

    const generate = await runCli(['generate', ...config, root]);
    assert.deepEqual(generate.err.trim().split('\n').slice(0, 2), expectedStderr);
    assert.match(generate.out, /^ {2}name: web-ingress$/m);
    assert.doesNotMatch(generate.out, /^ {2}name: old-ingress$/m);
    assert.match((await runCli(['generate', root])).out, /^ {2}name: old-ingress$/m);
  });

  it('read a file the configuration excludes when it is named explicitly, and read it when no configuration excludes it', async (context) => {
    const root = tempProject(context, MIXED_FOLDER);
    const config = ['--config', join(root, 'netsec.yaml')];
    const named = await runCli(['connectivity', ...config, join(root, 'legacy/old.yaml')]);
    assert.match(named.out, /^default\/old\[Pod\] => 0\.0\.0\.0\/0 : All Connections$/m);
    const lintNamed = await runCli(['lint', ...config, join(root, 'legacy/old.yaml')]);
    assert.match(lintNamed.out, /\(.*1 file checked\)\.$/m);
    const unconfigured = await runCli(['connectivity', root]);
    assert.match(unconfigured.out, /^default\/old\[Pod\] => default\/web\[Pod\] : All Connections$/m);
  });

  it('take a file reached twice (named and in its folder) once', async (context) => {
    const root = tempProject(context, { 'settings.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\ndata: {a: b}\n' });
    // Read twice, the ConfigMap would be reported as defined twice.
    assert.equal((await runCli(['lint', root, join(root, 'settings.yaml')])).out, 'No findings (1 file checked).\n');
  });

  it('connectivity honours the configured default namespace, as lint does', async (context) => {
    const root = tempProject(context, { 'netsec.yaml': 'defaultNamespace: shop\n', 'app.yaml': pod('web') });
    const { out } = await runCli(['connectivity', '--config', join(root, 'netsec.yaml'), join(root, 'app.yaml')]);
    assert.equal(out, '0.0.0.0/0 => shop/web[Pod] : All Connections\nshop/web[Pod] => 0.0.0.0/0 : All Connections\n');
  });

  it('connectivity stops with exit 2 on a bad configuration, like lint', async (context) => {
    const root = tempProject(context, { 'bad.yaml': 'exclude: 3\n' });
    const { code, out, err } = await runCli(['connectivity', '--config', join(root, 'bad.yaml'), root]);
    assert.equal(code, 2);
    assert.equal(out, '');
    assert.match(err, /^kube-netsec: invalid configuration:\n.*bad\.yaml:1:10: /m);
  });
});

describe('kube-netsec connectivity notes', () => {
  const CILIUM = yaml`
    apiVersion: cilium.io/v2
    kind: CiliumNetworkPolicy
    metadata: {name: allow-web, namespace: shop}
    spec:
      endpointSelector: {matchLabels: {app: web}}
  `;
  const OLD_NETPOL = yaml`
    apiVersion: extensions/v1beta1
    kind: NetworkPolicy
    metadata: {name: deny-all}
    spec: {podSelector: {}}
  `;
  const HOST_NETWORK_DEPLOYMENT = yaml`
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: agent, namespace: ops}
    spec:
      template:
        metadata: {labels: {app: agent}}
        spec:
          hostNetwork: true
          containers: [{name: a, image: a}]
  `;

  it('names the policies it does not evaluate and the host-network workloads on stderr, leaving stdout as it was', async (context) => {
    const root = tempProject(context, { 'a-app.yaml': pod('web') + '---\n' + HOST_NETWORK_DEPLOYMENT, 'b-policies.yaml': CILIUM + '---\n' + OLD_NETPOL });
    const alone = tempProject(context, { 'a-app.yaml': pod('web') + '---\n' + HOST_NETWORK_DEPLOYMENT });
    for (const format of ['text', 'json', 'csv', 'md', 'dot']) {
      const withPolicies = await runCli(['connectivity', '--format', format, root]);
      const without = await runCli(['connectivity', '--format', format, alone]);
      assert.equal(withPolicies.code, 0);
      assert.equal(withPolicies.out, without.out, format);
      assert.deepEqual(withPolicies.err.trim().split('\n'), [
        `${join(root, 'b-policies.yaml')}:2:1: note: CiliumNetworkPolicy "allow-web" (Cilium) is not evaluated: the connections listed ignore it.`,
        `${join(root, 'b-policies.yaml')}:8:1: note: NetworkPolicy "deny-all" (extensions/v1beta1) is not evaluated: the connections listed ignore it.`,
        `${join(root, 'a-app.yaml')}:14:7: note: ops/agent[Deployment] uses the host network: NetworkPolicies do not isolate it on most network plugins, although the connections listed apply them to it as to any pod.`,
      ]);
    }
  });

  it('says nothing when every policy is evaluated and no workload uses the host network', async (context) => {
    const root = tempProject(context, { 'app.yaml': pod('web') + '---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: deny}\nspec: {podSelector: {}}\n' });
    const { code, out, err } = await runCli(['connectivity', root]);
    assert.equal(code, 0);
    assert.equal(err, '');
    assert.equal(out, 'default/web[Pod] => 0.0.0.0/0 : All Connections\n');
  });
});
