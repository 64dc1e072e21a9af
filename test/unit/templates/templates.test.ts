import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  buildWorkspace,
  describePorts,
  endpointName,
  findTemplate,
  lintManifest,
  lintWorkspace,
  listConnections,
  parseManifest,
  portsBetween,
  subjectKey,
  TEMPLATES,
  type Finding,
  type TemplateId,
  type TemplateParams,
  type Workspace,
} from '../../../server/src/engine';
import { CLUSTER } from './fixtures';
import { DEFAULT_DNS } from '../../../server/src/engine/config/lint-config';

/** Every parameter a template may read, filled in. */
const FULL: TemplateParams = {
  namespace: 'shop',
  podLabels: { app: 'web' },
  sourcePodLabels: { app: 'frontend' },
  port: 8080,
  protocol: 'TCP',
  sourceNamespace: 'monitoring',
  ingressController: { namespace: 'ingress-nginx', labels: { 'app.kubernetes.io/name': 'ingress-nginx', 'app.kubernetes.io/component': 'controller' } },
};

/** The required parameters of a template only. */
function minimal(id: TemplateId): TemplateParams {
  const template = findTemplate(id)!;
  return Object.fromEntries(template.parameters.filter((parameter) => parameter.required).map((parameter) => [parameter.name, FULL[parameter.name]]));
}

function render(id: TemplateId, params: TemplateParams = FULL): string {
  return findTemplate(id)!.render(params, DEFAULT_DNS);
}

function workspaceOf(files: Record<string, string>): Workspace {
  return buildWorkspace(Object.entries(files).map(([uri, text]) => parseManifest(uri, text)));
}

function blocking(findings: Map<string, Finding[]>): Finding[] {
  return [...findings.values()].flat().filter((finding) => finding.severity === 'warning' || finding.severity === 'error');
}

/**
 * The findings of warning or above that `added` brings to the cluster and `base`. A rule that
 * reports the same object, reworded (a namespace now lacking only an ingress default deny), adds
 * none: the fix checker judges the same way.
 */
function newBlockingFindings(base: string, added: string): Finding[] {
  const before = new Map<string, number>();
  for (const finding of blocking(lintWorkspace(workspaceOf({ 'cluster.yaml': CLUSTER, 'base.yaml': base })))) before.set(subjectKey(finding), (before.get(subjectKey(finding)) ?? 0) + 1);
  return blocking(lintWorkspace(workspaceOf({ 'cluster.yaml': CLUSTER, 'base.yaml': base, 'template.yaml': added }))).filter((finding) => {
    const left = before.get(subjectKey(finding)) ?? 0;
    before.set(subjectKey(finding), left - 1);
    return left === 0;
  });
}

describe('the template catalogue', () => {
  it('has unique ids and snippet prefixes, and names its parameters once each', () => {
    assert.equal(new Set(TEMPLATES.map((template) => template.id)).size, TEMPLATES.length);
    assert.equal(new Set(TEMPLATES.map((template) => template.snippet)).size, TEMPLATES.length);
    for (const template of TEMPLATES) {
      assert.equal(new Set(template.parameters.map((parameter) => parameter.name)).size, template.parameters.length, template.id);
      assert.ok(template.parameters.some((parameter) => parameter.name === 'namespace' && parameter.required), `${template.id} asks for its namespace`);
      assert.ok(template.title && template.description, template.id);
      assert.ok(template.meantWith.every((id) => findTemplate(id) && id !== template.id), `${template.id} is meant with known templates`);
    }
  });

  for (const template of TEMPLATES) {
    for (const [variant, params] of [['every parameter', FULL], ['the required parameters only', minimal(template.id)]] as const) {
      describe(`${template.id}, with ${variant}`, () => {
        const text = template.render(params, DEFAULT_DNS);

        it('is YAML in the house layout: 2-space indentation, "\\n" line ends, no leading ---', () => {
          assert.ok(!text.startsWith('---') && text.endsWith('\n') && !text.includes('\r') && !text.includes('\t'));
          for (const line of text.split('\n')) assert.equal((/^ */.exec(line)?.[0].length ?? 0) % 2, 0, line);
          assert.equal(render(template.id, params), text, 'render is pure');
        });

        it('parses, passes netpol-invalid and every single-file rule without a warning', () => {
          const file = parseManifest('template.yaml', text);
          assert.deepEqual(file.syntaxProblems, []);
          assert.ok(file.objects.length > 0);
          const findings = lintManifest(file);
          assert.deepEqual(findings.filter((finding) => finding.ruleId === 'netpol-invalid'), []);
          assert.deepEqual(findings.filter((finding) => finding.severity === 'warning' || finding.severity === 'error'), []);
          for (const object of file.objects) assert.match(object.name ?? '', /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/);
        });

        it('adds no warning across a workspace, beside the templates it is meant to be used with', () => {
          const base = template.meantWith.map((id) => render(id, params)).join('---\n');
          assert.deepEqual(newBlockingFindings(base, text).map((finding) => `${finding.ruleId}: ${finding.message}`), []);
        });
      });
    }
  }

  it('names objects stably and by what they do', () => {
    assert.deepEqual(
      TEMPLATES.map((template) => [template.id, parseManifest('t.yaml', template.render(FULL, DEFAULT_DNS)).objects.map((object) => object.name)]),
      [
        ['default-deny', ['default-deny']],
        ['default-deny-ingress', ['default-deny-ingress']],
        ['default-deny-egress', ['default-deny-egress']],
        ['allow-dns', ['allow-dns']],
        ['allow-same-namespace', ['allow-same-namespace']],
        ['allow-from-namespace', ['allow-from-monitoring-to-web-8080']],
        ['allow-from-ingress-controller', ['allow-from-ingress-controller-to-web-8080']],
        ['allow-port-from-pods', ['allow-from-frontend-to-web-8080']],
        ['deny-egress-outside-cluster', ['deny-egress-outside-cluster']],
        ['istio-strict-mtls', ['default']],
      ],
    );
  });

  it('quotes label values YAML would read as numbers or booleans, and cuts long names to 63 characters', () => {
    const text = render('allow-port-from-pods', { namespace: 'shop', sourcePodLabels: { tier: '1', canary: 'true' }, podLabels: { app: 'x'.repeat(60) }, port: 80 });
    assert.match(text, /tier: "1"\n/);
    assert.match(text, /canary: "true"\n/);
    const [policy] = parseManifest('t.yaml', text).objects;
    assert.equal(policy.name?.length, 63);
    assert.deepEqual(lintManifest(parseManifest('t.yaml', text)).filter((finding) => finding.severity !== 'info'), []);
  });
});

describe('what the templates allow (connectivity)', () => {
  function portsWith(policies: readonly string[], from: string, to: string): string {
    const workspace = workspaceOf({ 'cluster.yaml': CLUSTER, 'policies.yaml': policies.join('---\n') });
    const byKey = workspace.model.workloadsByKey;
    return describePorts(portsBetween(workspace.connectivity, byKey.get(from)!, byKey.get(to)!));
  }
  const denyAll = [render('default-deny'), render('allow-dns')];
  const denyIngress = [render('default-deny-ingress')];

  it('default deny cuts the namespace off both ways', () => {
    assert.equal(portsWith(denyAll, 'shop/frontend[Deployment]', 'shop/web[Deployment]'), 'No Connections');
    assert.equal(portsWith(denyAll, 'shop/web[Deployment]', 'monitoring/prometheus[Deployment]'), 'No Connections');
  });

  it('allow within the namespace reopens the namespace to itself, not to others', () => {
    assert.equal(portsWith([...denyAll, render('allow-same-namespace')], 'shop/frontend[Deployment]', 'shop/web[Deployment]'), 'All Connections');
    assert.equal(portsWith([...denyAll, render('allow-same-namespace')], 'monitoring/prometheus[Deployment]', 'shop/web[Deployment]'), 'No Connections');
  });

  it('allow from a namespace admits its pods to the chosen pods and port only', () => {
    const policies = [...denyIngress, render('allow-from-namespace')];
    assert.equal(portsWith(policies, 'monitoring/prometheus[Deployment]', 'shop/web[Deployment]'), 'TCP 8080');
    assert.equal(portsWith(policies, 'monitoring/prometheus[Deployment]', 'shop/api[StatefulSet]'), 'No Connections');
    assert.equal(portsWith(policies, 'shop/frontend[Deployment]', 'shop/web[Deployment]'), 'No Connections');
  });

  it('allow from the ingress controller admits the controller, not its namespace neighbours or others', () => {
    const policies = [...denyIngress, render('allow-from-ingress-controller')];
    assert.equal(portsWith(policies, 'ingress-nginx/ingress-nginx-controller[Deployment]', 'shop/web[Deployment]'), 'TCP 8080');
    assert.equal(portsWith(policies, 'monitoring/prometheus[Deployment]', 'shop/web[Deployment]'), 'No Connections');
  });

  it('allow a port from pods with a label admits those pods on that port', () => {
    const policies = [...denyIngress, render('allow-port-from-pods')];
    assert.equal(portsWith(policies, 'shop/frontend[Deployment]', 'shop/web[Deployment]'), 'TCP 8080');
    assert.equal(portsWith(policies, 'shop/api[StatefulSet]', 'shop/web[Deployment]'), 'No Connections');
  });

  it('deny egress outside the cluster leaves the private ranges only', () => {
    const workspace = workspaceOf({ 'cluster.yaml': CLUSTER, 'policies.yaml': render('deny-egress-outside-cluster') });
    const external = listConnections(workspace.connectivity).filter((connection) => endpointName(connection.from) === 'shop/web[Deployment]' && connection.to.kind === 'external');
    assert.deepEqual(
      external.map((connection) => [endpointName(connection.to), describePorts(connection.ports)]),
      [
        ['10.0.0.0/8', 'All Connections'],
        ['172.16.0.0/12', 'All Connections'],
        ['192.168.0.0/16', 'All Connections'],
      ],
    );
  });
});
