import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyTextEdits } from '../../../server/src/engine';
import { hostNetwork } from '../../../server/src/engine/rules/pod/host-network';
import { namespaceNoDefaultDeny } from '../../../server/src/engine/rules/workspace/namespace-no-default-deny';
import { yaml } from '../../support/dedent';
import { offeredFixes } from '../fix-tester';

function suppressions(fixes: ReturnType<typeof offeredFixes>) {
  return fixes.filter((fix) => fix.kind === 'suppress');
}

describe('suppression fixes', () => {
  const pod = yaml`
    apiVersion: v1
    kind: ConfigMap
    metadata: {name: settings}
    ---
    apiVersion: v1
    kind: Pod
    metadata:
      name: agent
    spec:
      containers:
        - name: agent
          image: agent:1
      hostNetwork: true
  `;

  it('offers a line and a document suppression, each with a reason placeholder, indented like the line', () => {
    const fixes = suppressions(offeredFixes(hostNetwork, pod));
    assert.deepEqual(fixes.map((fix) => fix.title), ['Suppress host-network on this line', 'Suppress host-network in this document']);
    const [line, document] = fixes.map((fix) => applyTextEdits(pod, fix.edits[0].edits));
    assert.equal(line, pod.replace('  hostNetwork: true', '  # kube-netsec-disable-next-line host-network -- reason\n  hostNetwork: true'));
    assert.equal(document, pod.replace('---\napiVersion: v1\nkind: Pod', '---\n# kube-netsec-disable host-network -- reason\napiVersion: v1\nkind: Pod'));
    assert.ok(fixes.every((fix) => !fix.preferred));
  });

  it('keeps CRLF line ends', () => {
    const crlf = pod.replace(/\n/g, '\r\n');
    const [line] = suppressions(offeredFixes(hostNetwork, crlf)).map((fix) => applyTextEdits(crlf, fix.edits[0].edits));
    assert.equal(line, crlf.replace('  hostNetwork: true', '  # kube-netsec-disable-next-line host-network -- reason\r\n  hostNetwork: true'));
  });

  it('suppresses a cross-object finding too: the comment moves no object, and the finding is gone', () => {
    const deployment = yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: api
        namespace: shop
      spec:
        template:
          metadata:
            labels: {app: api}
          spec:
            containers: [{name: api, image: api:1}]
    `;
    const fixes = suppressions(offeredFixes(namespaceNoDefaultDeny, deployment));
    assert.ok(fixes.some((fix) => fix.title === 'Suppress namespace-no-default-deny on this line'), fixes.map((fix) => fix.title).join(', '));
    assert.ok(fixes.some((fix) => fix.title === 'Suppress namespace-no-default-deny in this document'));
  });

  it('a suppression comment right after a block scalar ends the scalar, so the line suppression works', () => {
    const annotated = yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: web
        annotations:
          note: |
            first
      spec: {hostNetwork: true, containers: [{name: a, image: b}]}
    `;
    const titles = suppressions(offeredFixes(hostNetwork, annotated)).map((fix) => fix.title);
    assert.ok(titles.includes('Suppress host-network on this line'));
  });
});
