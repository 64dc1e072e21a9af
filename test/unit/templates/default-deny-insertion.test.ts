import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyTextEdits, buildWorkspace, defaultDenyInsertion, FixChecker, lintWorkspace, mergeConfigs, parseManifest } from '../../../server/src/engine';
import { yaml } from '../../support/dedent';
import { withDnsDefaults } from '../../../server/src/engine/config/lint-config';

const web = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: web, namespace: shop}
  spec:
    template:
      metadata:
        labels: {app: web}
`;
const service = yaml`
  apiVersion: v1
  kind: Service
  metadata: {name: web, namespace: shop}
  spec:
    selector: {app: web}
    ports: [{port: 80, targetPort: 8080}]
`;
const files = { 'file:///repo/apps/web.yaml': web, 'file:///repo/apps/service.yaml': service };

function workspaceOf(texts: Record<string, string>) {
  return buildWorkspace(Object.entries(texts).map(([uri, text]) => parseManifest(uri, text)));
}

describe('defaultDenyInsertion (source action)', () => {
  it('allows DNS to the configured cluster DNS with an egress deny', () => {
    const dns = withDnsDefaults({ namespace: 'dns-system', podLabels: { 'app.kubernetes.io/name': 'coredns' } });
    const workspace = buildWorkspace(Object.entries(files).map(([uri, text]) => parseManifest(uri, text)), { dns });
    const fix = defaultDenyInsertion(workspace, 'file:///repo/apps/service.yaml', service, 'shop', 'end-of-file');
    assert.ok(fix);
    const inserted = applyTextEdits(service, fix.edits[0].edits);
    assert.match(inserted, /kubernetes\.io\/metadata\.name: dns-system/);
    assert.match(inserted, /app\.kubernetes\.io\/name: coredns/);
    assert.doesNotMatch(inserted, /kube-dns/);
  });

  it('works from any manifest of the namespace, not only the one a finding is on, and leaves no finding of its rule', () => {
    const workspace = workspaceOf(files);
    const fix = defaultDenyInsertion(workspace, 'file:///repo/apps/service.yaml', service, 'shop', 'end-of-file');
    assert.ok(fix);
    assert.equal(fix.title, 'Add default deny for namespace shop (ingress and egress) with DNS allowed');
    assert.equal(fix.kind, 'insert-policy');
    const edited = applyTextEdits(service, fix.edits[0].edits);
    const after = lintWorkspace(workspaceOf({ ...files, 'file:///repo/apps/service.yaml': edited }));
    assert.deepEqual([...after.values()].flat().filter((finding) => finding.ruleId === 'namespace-no-default-deny'), []);
  });

  it('passes the fix checker in a new file beside the one it runs in', () => {
    const texts = new Map(Object.entries(files));
    const parsed = [...texts].map(([uri, text]) => parseManifest(uri, text));
    const checker = new FixChecker({ files: parsed, textOf: (uri) => texts.get(uri), config: mergeConfigs({}) });
    const [finding] = lintWorkspace(checker.workspace).get('file:///repo/apps/web.yaml')!.filter((candidate) => candidate.ruleId === 'namespace-no-default-deny');
    const fix = defaultDenyInsertion(checker.workspace, 'file:///repo/apps/service.yaml', service, 'shop', 'new-file');
    assert.ok(fix);
    assert.equal(fix.edits[0].uri, 'file:///repo/apps/networkpolicies/shop.yaml');
    assert.equal(checker.check(fix, finding).ok, true);
  });

  it('offers nothing when the namespace already denies both directions', () => {
    const denied = workspaceOf({ ...files, 'deny.yaml': 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: deny, namespace: shop}\nspec: {podSelector: {}, policyTypes: [Ingress, Egress]}\n' });
    assert.equal(defaultDenyInsertion(denied, 'file:///repo/apps/web.yaml', web, 'shop', 'end-of-file'), undefined);
    assert.equal(defaultDenyInsertion(denied, 'file:///repo/apps/web.yaml', web, 'shop', 'new-file'), undefined);
  });

  it('offers nothing for a system namespace, whose components the repository does not hold', () => {
    const system = web.replace('namespace: shop', 'namespace: kube-system');
    assert.equal(defaultDenyInsertion(workspaceOf({ 'agent.yaml': system }), 'agent.yaml', system, 'kube-system', 'end-of-file'), undefined);
  });
});
