import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ChunkCache, MAX_MANIFEST_LENGTH, noticesOf, parseManifest } from '../../../server/src/engine';
import { yaml } from '../../support/dedent';

/** "line:column-line:column", 1-based, for compact range assertions. */
function at(range: { start: { line: number; character: number }; end: { line: number; character: number } }): string {
  return `${range.start.line + 1}:${range.start.character + 1}-${range.end.line + 1}:${range.end.character + 1}`;
}

describe('parseManifest', () => {
  it('reads every object of a multi-document file with its identity', () => {
    const file = parseManifest(
      'f.yaml',
      yaml`
        # leading comment
        apiVersion: v1
        kind: Namespace
        metadata:
          name: shop
          labels: {team: web, tier: 1}
        ---
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: api
          namespace: shop
          annotations: {note: hi}
      `,
    );
    assert.deepEqual(
      file.objects.map((object) => object.ref()),
      [
        { apiVersion: 'v1', kind: 'Namespace', namespace: undefined, name: 'shop' },
        { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'shop', name: 'api' },
      ],
    );
    assert.deepEqual(file.objects[0].labels, { team: 'web', tier: '1' });
    assert.deepEqual(file.objects[1].annotations, { note: 'hi' });
    assert.equal(file.objects[1].apiGroup, 'apps');
    assert.equal(file.objects[0].apiGroup, '');
    assert.deepEqual(file.syntaxProblems, []);
  });

  it('gives the key, the value and the pair range of a path separately', () => {
    const file = parseManifest('f.yaml', 'apiVersion: v1\nkind: Pod\nspec:\n  hostNetwork:   true  # comment\n');
    const [pod] = file.objects;
    assert.equal(at(pod.rangeOf(['spec', 'hostNetwork'], 'key')), '4:3-4:14');
    assert.equal(at(pod.rangeOf(['spec', 'hostNetwork'], 'value')), '4:18-4:22');
    assert.equal(at(pod.rangeOf(['spec', 'hostNetwork'], 'pair')), '4:3-4:22');
  });

  it('falls back to the deepest existing node of a missing path, then to kind', () => {
    const file = parseManifest('f.yaml', 'apiVersion: v1\nkind: Pod\nspec:\n  containers: []\n');
    const [pod] = file.objects;
    assert.equal(at(pod.rangeOf(['spec', 'containers', 3, 'ports'])), '4:3-4:17');
    assert.equal(at(pod.rangeOf(['status', 'podIP'])), '2:1-2:10');
  });

  it('flattens List and PodList items, which inherit the element kind', () => {
    const file = parseManifest(
      'list.yaml',
      yaml`
        apiVersion: v1
        kind: PodList
        items:
          - metadata: {name: a}
          - kind: Pod
            metadata: {name: b}
          - not an object
        ---
        apiVersion: v1
        kind: List
        items:
          - {apiVersion: v1, kind: Service, metadata: {name: s}}
          - {metadata: {name: no-kind}}
      `,
    );
    assert.deepEqual(
      file.objects.map((object) => `${object.apiVersion} ${object.kind} ${object.name}`),
      ['v1 Pod a', 'v1 Pod b', 'v1 Service s'],
    );
    assert.equal(at(file.objects[1].rangeOf(['metadata', 'name'])), '6:16-6:23');
  });

  it('reads kubectl JSON, including tab-indented JSON', () => {
    const file = parseManifest('pod.json', '{\n\t"apiVersion": "v1",\n\t"kind": "Pod",\n\t"metadata": {"name": "a"},\n\t"spec": {"hostNetwork": true}\n}\n');
    assert.equal(file.objects.length, 1);
    assert.equal(at(file.objects[0].rangeOf(['spec', 'hostNetwork'], 'value')), '5:26-5:30');
  });

  it('keeps CRLF columns and drops a byte order mark from positions', () => {
    const crlf = parseManifest('f.yaml', 'apiVersion: v1\r\nkind: Pod\r\nspec:\r\n  hostNetwork: true\r\n');
    assert.equal(at(crlf.objects[0].rangeOf(['spec', 'hostNetwork'])), '4:3-4:20');
    const bom = parseManifest('f.yaml', '\uFEFFkind: Pod\napiVersion: v1\n');
    assert.equal(at(bom.objects[0].rangeOf(['kind'])), '1:1-1:10');
  });

  it('follows aliases and merge keys to where a value is written', () => {
    const file = parseManifest(
      'f.yaml',
      yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: a}
        spec:
          <<: [{dnsPolicy: Default}, &net {hostNetwork: true}]
          containers: &c [{name: a}]
          initContainers: *c
          "<<": {hostPID: true}
      `,
    );
    const [pod] = file.objects;
    assert.equal(pod.get(['spec', 'hostNetwork']), true);
    assert.equal(at(pod.rangeOf(['spec', 'hostNetwork'])), '5:36-5:53');
    assert.equal(at(pod.rangeOf(['spec', 'initContainers', 0, 'name'])), '6:20-6:27');
    // A quoted "<<" is an ordinary key, not a merge.
    assert.equal(pod.get(['spec', 'hostPID']), undefined);
  });

  it('ignores files that are not Kubernetes manifests, broken or not', () => {
    const workflow = parseManifest('ci.yaml', 'name: CI\non: [push]\njobs:\n  a:\n    runs-on: x\n   b: y\n');
    assert.deepEqual([workflow.objects, workflow.syntaxProblems], [[], []]);
    const compose = parseManifest('compose.yaml', 'services:\n  web:\n    image: nginx\n    ports: ["80:80"]\n');
    assert.deepEqual([compose.objects, compose.syntaxProblems], [[], []]);
    const ansible = parseManifest('play.yaml', '- hosts: all\n  tasks:\n    - name: x\n      kind: y\n');
    assert.deepEqual([ansible.objects, ansible.syntaxProblems], [[], []]);
  });

  it('still reads the objects of a document with a syntax error, and reports the error once', () => {
    const file = parseManifest('f.yaml', 'apiVersion: v1\nkind: Pod\nmetadata: {name: a\nspec: {hostNetwork: true}\n');
    assert.equal(file.syntaxProblems.length, 1);
    assert.equal(file.objects[0]?.kind, 'Pod');
  });

  it('skips Helm templates with one notice for the file, but reads {{ }} inside scalars as data', () => {
    const file = parseManifest(
      'chart.yaml',
      yaml`
        apiVersion: v1
        kind: Service
        metadata:
          name: {{ .Release.Name }}
        ---
        apiVersion: apps/v1
        kind: Deployment
        spec:
          template:
            spec:
              hostNetwork: {{ .Values.hostNetwork }}
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: x-{{ .Release.Name }}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: dashboards}
        data:
          panel: "{{ legend }}"
          json: |
            {"title": "{{ instance }}"}
      `,
    );
    assert.deepEqual(
      file.objects.map((object) => object.kind),
      ['Pod', 'ConfigMap'],
    );
    assert.deepEqual(file.syntaxProblems, []);
    const notices = noticesOf(file);
    assert.equal(notices.length, 1);
    assert.equal(notices[0].code, 'helm-template');
    assert.match(notices[0].message, /^2 documents use Helm\/Go template syntax/);
    assert.equal(at(notices[0].range), '4:9-4:11');
  });

  it('refuses a file over the size limit with a notice instead of parsing it', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\ndata:\n  a: "' + 'x'.repeat(MAX_MANIFEST_LENGTH) + '"\n';
    const file = parseManifest('big.yaml', text);
    assert.deepEqual(file.objects, []);
    assert.equal(noticesOf(file)[0]?.code, 'file-too-large');
  });

  it('reuses the parse of unchanged documents and places them at their new lines', () => {
    const cache = new ChunkCache();
    const second = 'apiVersion: v1\nkind: Pod\nmetadata: {name: b}\nspec: {hostNetwork: true}\n';
    const before = parseManifest('f.yaml', `apiVersion: v1\nkind: Pod\nmetadata: {name: a}\n---\n${second}`, cache);
    const after = parseManifest('f.yaml', `# added\napiVersion: v1\nkind: Pod\nmetadata: {name: a2}\n---\n${second}`, cache);
    assert.notEqual(after.documents[0].yaml, before.documents[0].yaml, 'the edited document is parsed again');
    assert.equal(after.documents[1].yaml, before.documents[1].yaml, 'the untouched document is reused');
    assert.equal(at(before.objects[1].rangeOf(['spec', 'hostNetwork'])), '8:8-8:25');
    assert.equal(at(after.objects[1].rangeOf(['spec', 'hostNetwork'])), '9:8-9:25');
  });
});

describe('ChunkCache.of', () => {
  it('re-parses only the documents an edit changed, with the same results as a fresh parse', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: b}\nspec: {hostNetwork: true}\n';
    const before = parseManifest('a.yaml', text);
    const edited = text.replace('hostNetwork: true', 'hostNetwork: false');
    const after = parseManifest('a.yaml', edited, ChunkCache.of(before));
    assert.equal(after.documents[0].parsedChunk, before.documents[0].parsedChunk, 'the unchanged document is reused');
    assert.notEqual(after.documents[1].parsedChunk, before.documents[1].parsedChunk, 'the edited one is parsed again');
    assert.deepEqual(after.objects.map((object) => object.value), parseManifest('a.yaml', edited).objects.map((object) => object.value));
    assert.deepEqual(after.objects[1].rangeOf(['spec', 'hostNetwork']), parseManifest('a.yaml', edited).objects[1].rangeOf(['spec', 'hostNetwork']));
  });
});
