import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { buildWorkspace, parseManifest, portSetContains, portsBetween, type ManifestFile, type Protocol } from '../../../server/src/engine';
import { checkGeneration } from './generation-check';

// Real manifests written by others, beside the project; absent on some machines, so skip cleanly.
const BOUTIQUE = resolve(__dirname, '../../../../shared/corpus/online-boutique');
const RELEASE = join(BOUTIQUE, 'release/kubernetes-manifests.yaml');
const UPSTREAM_POLICIES = join(BOUTIQUE, 'kustomize/components/network-policies');

function read(path: string): ManifestFile {
  return parseManifest(path, readFileSync(path, 'utf8'));
}

describe('generate on Online Boutique', { skip: existsSync(RELEASE) ? false : `no corpus at ${BOUTIQUE}` }, () => {
  const files = existsSync(RELEASE) ? [read(RELEASE)] : [];

  it('infers the calls of the services from their *_ADDR variables', () => {
    const check = checkGeneration(files);
    const calls = check.result.connections.map((connection) => `${connection.from.kind === 'workload' ? connection.from.workload.name : '?'} → ${connection.to.name} ${connection.ports.map((port) => `${port.protocol} ${port.port}`).join(',')}`);
    assert.deepEqual(calls.sort(), [
      'cartservice → redis-cart TCP 6379',
      'checkoutservice → cartservice TCP 7070',
      'checkoutservice → currencyservice TCP 7000',
      // emailservice's Service maps port 5000 to the container's 8080.
      'checkoutservice → emailservice TCP 8080',
      'checkoutservice → paymentservice TCP 50051',
      'checkoutservice → productcatalogservice TCP 3550',
      'checkoutservice → shippingservice TCP 50051',
      'frontend → adservice TCP 9555',
      'frontend → cartservice TCP 7070',
      'frontend → checkoutservice TCP 5050',
      'frontend → currencyservice TCP 7000',
      'frontend → productcatalogservice TCP 3550',
      'frontend → recommendationservice TCP 8080',
      'frontend → shippingservice TCP 50051',
      // frontend's Service maps port 80 to 8080; the init container's check goes there too.
      'loadgenerator → frontend TCP 8080',
      'recommendationservice → productcatalogservice TCP 3550',
    ]);
    // The frontend also names shoppingassistantservice, which the release manifests do not define: no connection, no note.
    assert.deepEqual(check.result.notes, []);
  });

  it('applied with default deny: keeps every inferred connection, removes the isolation findings, adds nothing of warning or above', () => {
    const check = checkGeneration(files);
    assert.equal(check.workloads, 12);
    assert.equal(check.result.policies.length, 1 + 12 * 2);
    assert.deepEqual(check.cutOff, []);
    // One namespace without a default deny: one finding, whatever its 12 workloads.
    assert.equal(check.isolationFindingsBefore, 1);
    assert.equal(check.isolationFindingsAfter, 0);
    assert.deepEqual(check.newFindings, []);
    // Before: every pair of workloads and every address, both ways; after: exactly the 16 calls.
    assert.equal(check.connectionsBefore, 156);
    assert.equal(check.connectionsAfter, 16);
    // The release manifests name no namespace (they are applied with `kubectl -n`): neither do the policies.
    assert.doesNotMatch(check.yaml, /^ {2}namespace:/m);
    assert.match(check.yaml, /# Service frontend-external \(LoadBalancer, kubernetes-manifests\.yaml:132\) exposes it outside the cluster/);
  });

  it("allows no call that the project's own NetworkPolicies forbid", { skip: existsSync(UPSTREAM_POLICIES) ? false : 'no upstream policies' }, () => {
    const upstream = readdirSync(UPSTREAM_POLICIES).filter((name) => name.startsWith('network-policy-')).map((name) => read(join(UPSTREAM_POLICIES, name)));
    const workspace = buildWorkspace([...files, ...upstream]);
    const forbidden = checkGeneration(files).result.connections.filter((connection) => {
      if (connection.from.kind !== 'workload') return true;
      const allowed = portsBetween(workspace.connectivity, workspace.model.workloadsByKey.get(connection.from.workload.key)!, workspace.model.workloadsByKey.get(connection.to.key)!);
      return !connection.ports.every((port) => portSetContains(allowed, port.protocol as Protocol, port.port));
    });
    assert.deepEqual(forbidden, []);
  });
});
