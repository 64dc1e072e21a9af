import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { parseManifest } from '../../../server/src/engine';
import { isCoreNetworkPolicy } from '../../../server/src/engine/policy/network-policy';
import { networkPolicySchemaErrors, schemaAt } from '../../../server/src/engine/rules/policy/policy-schema';

// The schema of netpol-invalid is transcribed from the Kubernetes OpenAPI definitions; these tests hold
// it to kubernetes-models 5.1 (the same definitions, compiled with ajv), run in a child process because
// that package is ESM-only and cannot be loaded by the CommonJS test process.

const base = { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'p' } };
const policy = (spec: unknown, extra: object = {}) => ({ ...base, ...extra, spec });

/** Both validators must find errors at exactly these places (our unknown-field errors left aside). */
const AGREED: { name: string; value: unknown; paths: string[] }[] = [
  {
    name: 'the documentation example',
    value: policy({
      podSelector: { matchLabels: { role: 'db' } },
      policyTypes: ['Ingress', 'Egress'],
      ingress: [
        {
          from: [
            { ipBlock: { cidr: '172.17.0.0/16', except: ['172.17.1.0/24'] } },
            { namespaceSelector: { matchLabels: { project: 'myproject' } } },
            { podSelector: { matchLabels: { role: 'frontend' } } },
          ],
          ports: [{ protocol: 'TCP', port: 6379 }],
        },
      ],
      egress: [{ to: [{ ipBlock: { cidr: '10.0.0.0/24' } }], ports: [{ protocol: 'TCP', port: 5978 }] }],
    }),
    paths: [],
  },
  {
    name: 'port ranges, named ports, selector expressions, empty lists',
    value: policy({
      podSelector: { matchExpressions: [{ key: 'app', operator: 'In', values: ['a', 'b'] }] },
      ingress: [{ ports: [{ port: 'http' }, { port: 8000, endPort: 8080, protocol: 'UDP' }], from: [] }],
      egress: [],
    }),
    paths: [],
  },
  { name: 'a port as a list', value: policy({ ingress: [{ ports: [{ port: [80, 443] }] }] }), paths: ['/spec/ingress/0/ports/0/port'] },
  { name: 'a port as a fraction', value: policy({ ingress: [{ ports: [{ port: 1.5 }] }] }), paths: ['/spec/ingress/0/ports/0/port'] },
  { name: 'endPort as text', value: policy({ egress: [{ ports: [{ port: 80, endPort: '90' }] }] }), paths: ['/spec/egress/0/ports/0/endPort'] },
  {
    name: 'label values that are not text',
    value: policy({ podSelector: { matchLabels: { enabled: true, port: 8080 } } }, { metadata: { name: 'p', labels: { tier: 1 } } }),
    paths: ['/metadata/labels/tier', '/spec/podSelector/matchLabels/enabled', '/spec/podSelector/matchLabels/port'],
  },
  { name: 'rules as a map', value: policy({ ingress: { from: [] } }), paths: ['/spec/ingress'] },
  { name: 'peers as text', value: policy({ ingress: [{ from: 'frontend' }] }), paths: ['/spec/ingress/0/from'] },
  { name: 'a selector as text', value: policy({ podSelector: 'app=web' }), paths: ['/spec/podSelector'] },
  { name: 'an ipBlock without cidr', value: policy({ ingress: [{ from: [{ ipBlock: { except: [] } }] }] }), paths: ['/spec/ingress/0/from/0/ipBlock'] },
  { name: 'an except entry that is not text', value: policy({ egress: [{ to: [{ ipBlock: { cidr: '10.0.0.0/8', except: [10] } }] }] }), paths: ['/spec/egress/0/to/0/ipBlock/except/0'] },
  { name: 'a lowercase policy type', value: policy({ policyTypes: ['ingress'] }), paths: ['/spec/policyTypes/0'] },
  { name: 'the removed extensions/v1beta1 API', value: { ...policy({}), apiVersion: 'extensions/v1beta1' }, paths: ['/apiVersion'] },
  {
    name: 'a selector requirement without operator',
    value: policy({ podSelector: { matchExpressions: [{ key: 'a' }] } }),
    paths: ['/spec/podSelector/matchExpressions/0'],
  },
];

/** Where this schema differs on purpose (see policy-schema.ts), with what each validator says. */
const DIFFERENT: { name: string; value: unknown; ours: string[]; theirs: string[] }[] = [
  {
    name: 'unknown fields: refused here, as kubectl does',
    value: policy({ podSelecter: {}, ingress: [{ from: [{ podSelector: { app: 'web' } }] }] }),
    ours: ['/spec', '/spec/ingress/0/from/0/podSelector'],
    theirs: [],
  },
  {
    name: 'a lowercase protocol: left to netpol-invalid-port',
    value: policy({ ingress: [{ ports: [{ protocol: 'tcp', port: 80 }] }] }),
    ours: [],
    theirs: ['/spec/ingress/0/ports/0/protocol'],
  },
  {
    name: 'an unknown selector operator: the OpenAPI schema leaves it to the API server, which refuses it',
    value: policy({ podSelector: { matchExpressions: [{ key: 'b', operator: 'in', values: ['x'] }] } }),
    ours: ['/spec/podSelector/matchExpressions/0/operator'],
    theirs: [],
  },
  {
    name: 'a null list item: the API server decodes it to an empty rule',
    value: policy({ ingress: [null] }),
    ours: [],
    theirs: ['/spec/ingress/0'],
  },
];

// Real manifests written by others, beside the project; absent on some machines.
const CORPUS = resolve(__dirname, '../../../../shared/corpus');

function corpusPolicies(): unknown[] {
  const files = (readdirSync(CORPUS, { recursive: true }) as string[]).filter((name) => /\.ya?ml$/.test(name) && !name.includes('templates'));
  return files.flatMap((name) => {
    const text = readFileSync(join(CORPUS, name), 'utf8');
    if (!text.includes('NetworkPolicy')) return [];
    return parseManifest(name, text).objects.filter((object) => isCoreNetworkPolicy(object) && object.apiVersion !== undefined).map((object) => object.value);
  });
}

function kubernetesModelsErrors(values: unknown[]): string[][] {
  const child = spawnSync(process.execPath, ['--conditions=import', '--import', 'tsx', join(__dirname, 'netpol-schema/kubernetes-models-errors.ts')], {
    input: JSON.stringify(values),
    encoding: 'utf8',
  });
  assert.equal(child.status, 0, child.stderr);
  return JSON.parse(child.stdout) as string[][];
}

function ourErrors(value: unknown, withUnknownFields = false): string[] {
  const errors = networkPolicySchemaErrors(value).filter((error) => withUnknownFields || error.keyword !== 'additionalProperties');
  return [...new Set(errors.map((error) => error.instancePath))].sort();
}

describe('netpol-invalid schema', () => {
  const theirs = kubernetesModelsErrors([...AGREED, ...DIFFERENT].map((sample) => sample.value));

  AGREED.forEach((sample, index) => {
    it(`agrees with kubernetes-models: ${sample.name}`, () => {
      assert.deepEqual(theirs[index], sample.paths, 'kubernetes-models');
      assert.deepEqual(ourErrors(sample.value), sample.paths, 'netpol-invalid schema');
    });
  });

  DIFFERENT.forEach((sample, index) => {
    it(`differs on purpose: ${sample.name}`, () => {
      assert.deepEqual(theirs[AGREED.length + index], sample.theirs, 'kubernetes-models');
      assert.deepEqual(ourErrors(sample.value, true), sample.ours, 'netpol-invalid schema');
    });
  });

  it('accepts every core NetworkPolicy of the third-party corpus, as kubernetes-models does', { skip: existsSync(CORPUS) ? false : 'no corpus' }, () => {
    const values = corpusPolicies();
    assert.ok(values.length >= 30, `only ${values.length} policies found`);
    assert.deepEqual(kubernetesModelsErrors(values), values.map(() => []), 'kubernetes-models');
    assert.deepEqual(values.map((value) => ourErrors(value, true)), values.map(() => []), 'netpol-invalid schema');
  });

  it('resolves the schema of a path through references', () => {
    assert.equal(schemaAt(['spec', 'ingress', 0, 'from', 0])?.title, 'a peer');
    assert.equal(schemaAt(['spec', 'egress', 0, 'to', 0, 'podSelector'])?.title, 'a label selector');
    assert.equal(schemaAt(['spec', 'nothing']), undefined);
  });
});
