import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildWorkspace, FixChecker, fixesOf, lintWorkspaceLocated, mergeConfigs, parseManifest, workspaceFindings } from '../../../server/src/engine';
import { yaml } from '../../support/dedent';

const code = yaml`
  apiVersion: v1
  kind: Pod
  metadata: {name: agent, namespace: shop}
  spec:
    hostNetwork: true
    containers: [{name: agent, image: agent:1, securityContext: {capabilities: {drop: [ALL]}}}]
`;

describe('FixChecker with the baseline of a check', () => {
  it('takes the check\'s workspace instead of building one, and judges fixes the same', () => {
    const config = mergeConfigs();
    const files = [parseManifest('test.yaml', code)];
    const environment = { files, textOf: (uri: string) => (uri === 'test.yaml' ? code : undefined), config };
    const workspace = buildWorkspace(files, config);
    const given = new FixChecker({ ...environment, baseline: { workspace, cross: workspaceFindings(workspace, { config }) } });
    const built = new FixChecker(environment);
    assert.equal(given.workspace, workspace);
    assert.notEqual(built.workspace, workspace);
    const [entry] = (lintWorkspaceLocated(workspace, { config }).get('test.yaml') ?? []).filter(({ finding }) => finding.ruleId === 'host-network');
    const titles = (checker: FixChecker) => fixesOf(entry, checker).map((fix) => fix.title);
    assert.deepEqual(titles(given), titles(built));
    assert.ok(titles(given).includes('Remove hostNetwork: true'));
  });
});
