import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { effectiveObjects, identityOf, parseManifest, type KubeObject } from '../../../server/src/engine';
import { yaml } from '../../support/dedent';

/** Each entry is one file: [path, text], in the order given. */
function effectiveOf(files: [string, string][], defaultNamespace = 'default') {
  return effectiveObjects(
    files.map(([path, text]) => parseManifest(path, text)),
    defaultNamespace,
  );
}

/** "file:line kind/name" of an object: where it is, as a reader finds it. */
function where(object: KubeObject): string {
  const line = object.rangeOf(['metadata', 'name']).start.line + 1;
  return `${object.document.uri}:${line} ${object.kind}/${object.name ?? '-'}`;
}

describe('effectiveObjects', () => {
  it('keeps the last definition of an object within a file', () => {
    const result = effectiveOf([
      [
        'app.yaml',
        yaml`
          apiVersion: v1
          kind: ConfigMap
          metadata: {name: settings}
          data: {mode: old}
          ---
          apiVersion: v1
          kind: ConfigMap
          metadata: {name: other}
          ---
          apiVersion: v1
          kind: ConfigMap
          metadata: {name: settings}
          data: {mode: new}
        `,
      ],
    ]);
    assert.deepEqual(result.objects.map(where), ['app.yaml:8 ConfigMap/other', 'app.yaml:12 ConfigMap/settings']);
    assert.equal(result.objects[1].get(['data', 'mode']), 'new');
    assert.equal(result.duplicates.length, 1);
    const [group] = result.duplicates;
    assert.equal(group.identity, '/ConfigMap default/settings');
    assert.equal(where(group.effective), 'app.yaml:12 ConfigMap/settings');
    assert.deepEqual(group.replaced.map(where), ['app.yaml:3 ConfigMap/settings']);
  });

  it('across files, keeps the definition of the later file (the order files are given in)', () => {
    const web = (image: string) => `{apiVersion: apps/v1, kind: Deployment, metadata: {name: web}, spec: {template: {spec: {containers: [{name: web, image: ${image}}]}}}}\n`;
    const result = effectiveOf([
      ['base/web.yaml', web('web:1')],
      ['overlay/web.yaml', web('web:2')],
      ['zz/web.yaml', web('web:3')],
    ]);
    assert.deepEqual(result.objects.map(where), ['zz/web.yaml:1 Deployment/web']);
    assert.deepEqual(result.duplicates[0].replaced.map(where), ['base/web.yaml:1 Deployment/web', 'overlay/web.yaml:1 Deployment/web']);
  });

  it('counts the items of a List as objects that replace and are replaced', () => {
    const result = effectiveOf([
      [
        'list.yaml',
        yaml`
          apiVersion: v1
          kind: List
          items:
            - {apiVersion: v1, kind: Service, metadata: {name: web}, spec: {ports: [{port: 80}]}}
            - {apiVersion: v1, kind: Service, metadata: {name: api}}
        `,
      ],
      ['web.yaml', '{apiVersion: v1, kind: Service, metadata: {name: web}, spec: {ports: [{port: 8080}]}}\n'],
    ]);
    assert.deepEqual(result.objects.map((object) => `${object.document.uri} ${object.kind}/${object.name}`), ['list.yaml Service/api', 'web.yaml Service/web']);
    assert.deepEqual(result.duplicates[0].replaced[0].basePath, ['items', 0]);
  });

  it('never makes objects named only by generateName collide', () => {
    const job = '{apiVersion: batch/v1, kind: Job, metadata: {generateName: migrate-}}\n';
    const result = effectiveOf([['jobs.yaml', `${job}---\n${job}`]]);
    assert.equal(result.objects.length, 2);
    assert.deepEqual(result.duplicates, []);
  });

  it('ignores metadata.namespace on cluster-scoped kinds', () => {
    const result = effectiveOf([
      [
        'rbac.yaml',
        yaml`
          {apiVersion: rbac.authorization.k8s.io/v1, kind: ClusterRole, metadata: {name: reader, namespace: shop}}
          ---
          {apiVersion: rbac.authorization.k8s.io/v1, kind: ClusterRole, metadata: {name: reader}}
          ---
          {apiVersion: v1, kind: Namespace, metadata: {name: shop, namespace: elsewhere}}
          ---
          {apiVersion: v1, kind: Namespace, metadata: {name: shop}}
        `,
      ],
    ]);
    assert.deepEqual(
      result.duplicates.map((group) => group.identity),
      ['rbac.authorization.k8s.io/ClusterRole reader', '/Namespace shop'],
    );
    assert.equal(result.objects.length, 2);
  });

  it('makes an extensions/v1beta1 Deployment and an apps/v1 Deployment one object', () => {
    const result = effectiveOf([
      ['old.yaml', '{apiVersion: extensions/v1beta1, kind: Deployment, metadata: {name: web}}\n'],
      ['new.yaml', '{apiVersion: apps/v1, kind: Deployment, metadata: {name: web}}\n'],
    ]);
    assert.deepEqual(result.objects.map((object) => object.apiVersion), ['apps/v1']);
    assert.equal(result.duplicates[0].identity, 'apps/Deployment default/web');
  });

  it('makes a NetworkPolicy of extensions/v1beta1 and one of networking.k8s.io/v1 one object', () => {
    const result = effectiveOf([
      ['policies.yaml', '{apiVersion: networking.k8s.io/v1, kind: NetworkPolicy, metadata: {name: deny}}\n---\n{apiVersion: extensions/v1beta1, kind: NetworkPolicy, metadata: {name: deny}}\n'],
    ]);
    assert.deepEqual(result.objects.map((object) => object.apiVersion), ['extensions/v1beta1']);
  });

  it('keeps a core Service and a Knative Service of the same name apart', () => {
    const result = effectiveOf([
      [
        'services.yaml',
        yaml`
          {apiVersion: v1, kind: Service, metadata: {name: hello}}
          ---
          {apiVersion: serving.knative.dev/v1, kind: Service, metadata: {name: hello}}
        `,
      ],
    ]);
    assert.equal(result.objects.length, 2);
    assert.deepEqual(result.duplicates, []);
  });

  it('leaves out a document with a syntax error: it neither takes effect nor replaces', () => {
    const result = effectiveOf([
      ['a.yaml', '{apiVersion: v1, kind: ConfigMap, metadata: {name: settings}, data: {mode: kept}}\n'],
      ['b.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\ndata: {mode: [unclosed}\n'],
    ]);
    assert.deepEqual(result.objects.map((object) => object.document.uri), ['a.yaml']);
    assert.deepEqual(result.duplicates, []);
  });

  it('makes an absent namespace, "" and the default namespace one namespace', () => {
    const text = yaml`
      {apiVersion: v1, kind: Service, metadata: {name: web}}
      ---
      {apiVersion: v1, kind: Service, metadata: {name: web, namespace: ""}}
      ---
      {apiVersion: v1, kind: Service, metadata: {name: web, namespace: shop}}
      ---
      {apiVersion: v1, kind: Service, metadata: {name: web, namespace: other}}
    `;
    const byDefault = effectiveOf([['svc.yaml', text]]);
    assert.deepEqual(byDefault.duplicates.map((group) => [group.identity, group.replaced.length]), [['/Service default/web', 1]]);
    const byShop = effectiveOf([['svc.yaml', text]], 'shop');
    assert.deepEqual(byShop.duplicates.map((group) => [group.identity, group.replaced.length]), [['/Service shop/web', 2]]);
    assert.equal(byShop.objects.length, 2);
  });

  it('keeps objects in input order and returns the same list when nothing is defined twice', () => {
    const files = [parseManifest('a.yaml', '{apiVersion: v1, kind: Service, metadata: {name: b}}\n---\n{apiVersion: v1, kind: Service, metadata: {name: a}}\n')];
    const result = effectiveObjects(files, 'default');
    assert.deepEqual(result.objects, files[0].objects);
    assert.deepEqual(result.duplicates, []);
  });
});

describe('identityOf', () => {
  const objectOf = (text: string) => parseManifest('x.yaml', text).objects[0];

  it('names the group, kind, namespace and name', () => {
    assert.equal(identityOf(objectOf('{apiVersion: apps/v1, kind: Deployment, metadata: {name: web, namespace: shop}}'), 'default'), 'apps/Deployment shop/web');
    assert.equal(identityOf(objectOf('{apiVersion: v1, kind: Service, metadata: {name: web}}'), 'team'), '/Service team/web');
    assert.equal(identityOf(objectOf('{apiVersion: v1, kind: Namespace, metadata: {name: shop}}'), 'default'), '/Namespace shop');
  });

  it('gives none to an object without a kind or a name', () => {
    assert.equal(identityOf(objectOf('{apiVersion: v1, kind: "", metadata: {name: web}}'), 'default'), undefined);
    assert.equal(identityOf(objectOf('{apiVersion: v1, kind: Pod, metadata: {generateName: web-}}'), 'default'), undefined);
    assert.equal(identityOf(objectOf('{apiVersion: v1, kind: Pod, metadata: {name: 42}}'), 'default'), undefined);
  });
});
