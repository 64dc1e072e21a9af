import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { parseManifest } from '../../../server/src/engine';
import type { PlainObject } from '../../../server/src/engine/manifest/kube-object';
import type { ObjectPath } from '../../../server/src/engine/manifest/yaml-path';
import { isCoreNetworkPolicy } from '../../../server/src/engine/policy/network-policy';
import { kubernetesModelsErrors } from '../../../server/src/engine/rules/policy/kubernetes-models-validation';
import { netpolInvalid } from '../../../server/src/engine/rules/policy/netpol-invalid';
import { mapHeldBy, NETWORK_POLICY_FIELDS, type PolicyMap } from '../../../server/src/engine/rules/policy/policy-field-names';
import { yaml } from '../../support/dedent';
import { findingsOf } from '../rule-tester';

// netpol-invalid takes the structure of a NetworkPolicy from kubernetes-models' validator; these tests
// pin down the field names it adds for typo suggestions, and each place where its verdict departs
// from kubernetes-models on purpose, so a new kubernetes-models release that changes either shows here.

/** Where each map of the field-name list sits in a policy (the first place it is reached), with list entries at 0. */
function placesOfMaps(): { path: ObjectPath; map: PolicyMap }[] {
  const places: { path: ObjectPath; map: PolicyMap }[] = [];
  const queue = [{ path: [] as ObjectPath, map: NETWORK_POLICY_FIELDS }];
  for (let place = queue.shift(); place; place = queue.shift()) {
    if (places.some((known) => known.map === place.map)) continue;
    places.push(place);
    for (const field of place.map.fields) {
      const held = mapHeldBy(field);
      if (held) queue.push({ path: held.list ? [...place.path, field, 0] : [...place.path, field], map: held.map });
    }
  }
  return places;
}

/** A NetworkPolicy with `value` at `path`, creating the maps and lists on the way. */
function policyWith(path: ObjectPath, value: unknown): PlainObject {
  const policy: PlainObject = { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy' };
  let node: Record<string | number, unknown> = policy;
  path.forEach((step, index) => {
    const next = path[index + 1];
    node[step] = index === path.length - 1 ? value : (node[step] ?? (typeof next === 'number' ? [] : {}));
    node = node[step] as Record<string | number, unknown>;
  });
  return policy;
}

const startsWith = (path: ObjectPath, prefix: ObjectPath) => prefix.every((step, index) => path[index] === step);
// kubernetes-models 4.5 requires `spec.podSelector`, which the API server defaults: that one difference
// has its own test below, and the other comparisons leave it out.
const isMissingPodSelector = (error: { path: ObjectPath; keyword: string; params: Readonly<Record<string, unknown>> }) =>
  error.keyword === 'required' && error.path.join('/') === 'spec' && error.params.missingProperty === 'podSelector';
const pointers = (value: unknown) =>
  [...new Set(kubernetesModelsErrors(value).filter((error) => !isMissingPodSelector(error)).map((error) => error.path.join('/')))].sort();

describe('netpol-invalid and kubernetes-models', () => {
  it('offers as typo suggestions only names of fields that kubernetes-models validates', () => {
    const places = placesOfMaps();
    assert.equal(places.length, 10, 'the NetworkPolicy, metadata, spec, two kinds of rule, peer, port, ipBlock, selector, requirement');
    for (const { path, map } of places) {
      for (const field of map.fields) {
        // Not part of kubernetes-models' NetworkPolicy; see policy-field-names.ts.
        if (path.length === 0 && field === 'status') continue;
        // A list in a list in a list is no Kubernetes value at all: a known field must refuse it.
        const errors = kubernetesModelsErrors(policyWith([...path, field], [[[]]]));
        assert.ok(
          errors.some((error) => startsWith(error.path, [...path, field])),
          `kubernetes-models does not check \`${[...path, field].join('.')}\``,
        );
      }
    }
  });

  const DIFFERENCES: { name: string; code: string; kubernetesModels: string[]; netpolInvalid: RegExp[] }[] = [
    {
      name: 'unknown fields: kubernetes-models lets them through, kubectl refuses them',
      code: yaml`
        spec:
          podSelecter: {matchLabels: {app: db}}
      `,
      kubernetesModels: [],
      netpolInvalid: [/^`podSelecter` is not a field of the policy spec: did you mean `podSelector`\?/],
    },
    {
      name: 'an operator that does not exist: the OpenAPI schema types it as any string, the API server refuses it',
      code: yaml`
        spec:
          podSelector:
            matchExpressions: [{key: tier, operator: in, values: [web]}]
      `,
      kubernetesModels: [],
      netpolInvalid: [/^`operator: in` is not a selector operator/],
    },
    {
      name: 'an ipBlock sharing a peer with a selector: a shape check of the API server',
      code: yaml`
        spec:
          egress:
            - to: [{ipBlock: {cidr: 10.0.0.0/8}, podSelector: {}}]
      `,
      kubernetesModels: [],
      netpolInvalid: [/^`ipBlock` cannot share a peer with `podSelector`/],
    },
    {
      name: 'a protocol in lowercase and a port beyond int32: netpol-invalid-port reports them',
      code: yaml`
        spec:
          ingress:
            - ports: [{protocol: tcp, port: 4294967296}]
      `,
      kubernetesModels: ['spec/ingress/0/ports/0/port', 'spec/ingress/0/ports/0/protocol'],
      netpolInvalid: [],
    },
    {
      name: 'empty rule and port entries, empty label values: the API server decodes them to empty values and takes them',
      code: yaml`
        spec:
          podSelector: {matchLabels: {app: }}
          ingress:
            -
            - ports: [null]
      `,
      kubernetesModels: ['spec/ingress/0', 'spec/ingress/1/ports/0', 'spec/podSelector/matchLabels/app'],
      netpolInvalid: [],
    },
    {
      name: 'an empty peer: refused by both, reported as a peer that names nothing',
      code: yaml`
        spec:
          egress:
            - to: [null]
      `,
      kubernetesModels: ['spec/egress/0/to/0'],
      netpolInvalid: [/^This peer is empty/],
    },
  ];

  it('differs on purpose: no podSelector: kubernetes-models 4.5 requires it, the API server defaults it to every pod', () => {
    const code = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: sample}\nspec:\n  policyTypes: [Ingress]\n';
    const errors = kubernetesModelsErrors(parseManifest('sample.yaml', code).objects[0].value);
    assert.deepEqual(errors.map((error) => [error.path.join('/'), error.keyword, error.params.missingProperty]), [['spec', 'required', 'podSelector']]);
    assert.deepEqual(findingsOf(netpolInvalid, code), []);
  });

  for (const sample of DIFFERENCES) {
    it(`differs on purpose: ${sample.name}`, () => {
      const code = `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: sample}\n${sample.code}`;
      assert.deepEqual(pointers(parseManifest('sample.yaml', code).objects[0].value), sample.kubernetesModels, 'kubernetes-models');
      const messages = findingsOf(netpolInvalid, code).map((finding) => finding.message);
      assert.equal(messages.length, sample.netpolInvalid.length, `netpol-invalid: ${messages.join(' | ')}`);
      sample.netpolInvalid.forEach((pattern, index) => assert.match(messages[index], pattern));
    });
  }

  // Real manifests written by others, beside the project; absent on some machines.
  const CORPUS = resolve(__dirname, '../../../../shared/corpus');

  it('accepts every core NetworkPolicy of the third-party corpus, as kubernetes-models does', { skip: existsSync(CORPUS) ? false : 'no corpus' }, () => {
    const files = (readdirSync(CORPUS, { recursive: true }) as string[]).filter((name) => /\.ya?ml$/.test(name) && !name.includes('templates'));
    let policies = 0;
    for (const name of files) {
      const text = readFileSync(join(CORPUS, name), 'utf8');
      if (!text.includes('NetworkPolicy')) continue;
      for (const object of parseManifest(name, text).objects) {
        if (!isCoreNetworkPolicy(object) || object.apiVersion === undefined) continue;
        policies++;
        assert.deepEqual(pointers({ ...object.value, apiVersion: object.apiVersion, kind: object.kind }), [], `kubernetes-models on ${name}`);
      }
      assert.deepEqual(findingsOf(netpolInvalid, text), [], `netpol-invalid on ${name}`);
    }
    assert.ok(policies >= 30, `only ${policies} policies found`);
  });
});
