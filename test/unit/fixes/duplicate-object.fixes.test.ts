// A duplicate object must not stand in the way of other rules' fixes in its file: its finding is
// there before and after the fix, so the fix checker never counts it as one the fix adds.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hostNetwork } from '../../../server/src/engine/rules/pod/host-network';
import { netpolSelectsNothing } from '../../../server/src/engine/rules/workspace/netpol-selects-nothing';
import { yaml } from '../../support/dedent';
import { offeredFixes } from '../fix-tester';

const web = (extra = '') => yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: web, namespace: shop}
  spec:
    selector: {matchLabels: {app: web}}
    template:
      metadata: {labels: {app: web}}
      spec:${extra}
        containers: [{name: web, image: nginx}]
`;

const policy = yaml`
  apiVersion: networking.k8s.io/v1
  kind: NetworkPolicy
  metadata: {name: web-ingress, namespace: shop}
  spec:
    podSelector: {matchLabels: {app: wbe}}
    policyTypes: [Ingress]
`;

const ownTitles = (fixes: ReturnType<typeof offeredFixes>) => fixes.filter((fix) => fix.kind !== 'suppress').map((fix) => fix.title);

describe('fixes in a file that defines an object twice', () => {
  for (const severity of ['info', 'warning'] as const) {
    it(`offers an object rule's fixes on the replaced definition (duplicate-object: ${severity})`, () => {
      const code = `${web('\n        hostNetwork: true')}---\n${web()}`;
      const fixes = offeredFixes(hostNetwork, code, {}, { rules: { 'duplicate-object': severity } });
      assert.deepEqual(ownTitles(fixes), ['Remove hostNetwork: true', 'Set hostNetwork: false']);
    });

    it(`offers a cross-object fix next to the duplicate (duplicate-object: ${severity})`, () => {
      const code = `${web()}---\n${web()}---\n${policy}`;
      const fixes = offeredFixes(netpolSelectsNothing, code, {}, { rules: { 'duplicate-object': severity } });
      assert.equal(ownTitles(fixes).length, 1, `fixes offered: ${ownTitles(fixes).join(' | ')}`);
      assert.match(ownTitles(fixes)[0], /^Change app: wbe to web/);
    });
  }
});
