import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyTextEdits, findTemplate, parameterProblems, templateInsertion, type TemplateInsertionRequest } from '../../../server/src/engine';
import { renderedProblems } from '../../../server/src/engine/templates/template-insertion';
import { withDnsDefaults } from '../../../server/src/engine/config/lint-config';

const request: TemplateInsertionRequest = {
  templateId: 'default-deny-ingress',
  params: { namespace: 'shop' },
  uri: 'file:///repo/apps/shop/web.yaml',
  text: 'apiVersion: v1\r\nkind: ConfigMap\r\nmetadata: {name: web, namespace: shop}',
  placement: 'end-of-file',
};

const denyIngress = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: default-deny-ingress\n  namespace: shop\nspec:\n  podSelector: {}\n  policyTypes:\n    - Ingress\n';

describe('templateInsertion', () => {
  it('appends the policy after a --- at the end of the file, in its line ends', () => {
    const insertion = templateInsertion(request);
    assert.ok(insertion.ok);
    assert.equal(insertion.yaml, denyIngress);
    assert.equal(insertion.edits.length, 1);
    assert.equal(insertion.edits[0].uri, request.uri);
    assert.equal(applyTextEdits(request.text, insertion.edits[0].edits), `${request.text}\r\n---\r\n${denyIngress.replace(/\n/g, '\r\n')}`);
  });

  it('writes the DNS rule of allow-dns to the configured cluster DNS', () => {
    const dns = withDnsDefaults({ namespace: 'dns-system', podLabels: { 'app.kubernetes.io/name': 'coredns' } });
    const insertion = templateInsertion({ ...request, templateId: 'allow-dns', dns });
    assert.ok(insertion.ok);
    assert.match(insertion.yaml, /namespaceSelector:\n {12}matchLabels:\n {14}kubernetes\.io\/metadata\.name: dns-system\n {10}podSelector:\n {12}matchLabels:\n {14}app\.kubernetes\.io\/name: coredns\n/);
    assert.doesNotMatch(insertion.yaml, /kube-dns|kube-system/);
  });

  it('creates networkpolicies/<namespace>.yaml beside the file', () => {
    const insertion = templateInsertion({ ...request, placement: 'new-file' });
    assert.ok(insertion.ok);
    assert.deepEqual(
      insertion.edits.map((edit) => [edit.uri, edit.create, applyTextEdits('', edit.edits)]),
      [['file:///repo/apps/shop/networkpolicies/shop.yaml', true, denyIngress]],
    );
  });

  it('refuses an unknown template and says why', () => {
    assert.deepEqual(templateInsertion({ ...request, templateId: 'allow-everything' }), { ok: false, problems: ['There is no template "allow-everything".'] });
  });

  it('refuses missing required parameters and values the API server would refuse', () => {
    const insertion = templateInsertion({
      ...request,
      templateId: 'allow-port-from-pods',
      params: { namespace: 'Shop', podLabels: { 'app/': 'web', tier: 'front end' }, port: 70000, protocol: 'ICMP' as 'TCP' },
    });
    assert.deepEqual(insertion, {
      ok: false,
      problems: [
        'Allow a port from pods with a label needs sourcePodLabels: Labels of the client pods (in the same namespace).',
        'namespace "Shop" is not a namespace name (at most 63 lowercase letters, digits and dashes).',
        'podLabels: "app/" is not a label key.',
        'podLabels: "front end" is not a label value of tier.',
        'port must be a whole number from 1 to 65535, not 70000.',
        'protocol must be TCP, UDP or SCTP, not ICMP.',
      ],
    });
  });

  it('takes every template with its required parameters and the ingress controller by namespace and labels', () => {
    const template = findTemplate('allow-from-ingress-controller')!;
    assert.deepEqual(parameterProblems(template, { namespace: 'shop', ingressController: { namespace: 'ingress-nginx', labels: {} } }), [
      'Allow ingress from the ingress controller needs ingressController: The namespace and pod labels of the ingress controller.',
    ]);
    assert.deepEqual(parameterProblems(template, { namespace: 'shop', ingressController: { namespace: 'ingress-nginx', labels: { 'app.kubernetes.io/name': 'ingress-nginx' } } }), []);
  });
});

describe('renderedProblems (the check of rendered YAML)', () => {
  it('reports what would not parse or would be reported, and nothing for a clean policy', () => {
    assert.deepEqual(renderedProblems(denyIngress), []);
    assert.ok(renderedProblems('kind: [\n').length > 0);
    assert.match(renderedProblems(denyIngress.replace('podSelector: {}', 'podSelecter: {}')).join('\n'), /^netpol-invalid: /);
  });
});
