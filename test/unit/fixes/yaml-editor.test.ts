import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyTextEdits, parseManifest, YamlEditor, type TextEdit } from '../../../server/src/engine';
import { yaml } from '../../support/dedent';

/** Applies one editor operation to the last object of `code`; undefined when the editor refused. */
function edit(code: string, operation: (editor: YamlEditor) => TextEdit[] | undefined, objectIndex = -1): string | undefined {
  const file = parseManifest('test.yaml', code);
  const object = file.objects.at(objectIndex);
  assert.ok(object, 'the fixture has an object');
  const edits = operation(new YamlEditor(object));
  return edits && applyTextEdits(code, edits);
}

const POD = ['spec'];
const CONTAINER = ['spec', 'containers', 0];

describe('YamlEditor.remove', () => {
  it('removes a block entry with its trailing comment, keeping the comment above', () => {
    const code = yaml`
      apiVersion: v1
      kind: Pod
      spec:
        # node agent
        hostNetwork: true  # needed?
        dnsPolicy: ClusterFirstWithHostNet
    `;
    assert.equal(edit(code, (e) => e.remove([...POD, 'hostNetwork'])), yaml`
      apiVersion: v1
      kind: Pod
      spec:
        # node agent
        dnsPolicy: ClusterFirstWithHostNet
    `);
  });

  it('moves the next entry up when the first entry of a sequence item goes', () => {
    const code = yaml`
      apiVersion: v1
      kind: Pod
      spec:
        containers:
        - name: web
          ports:
          - hostPort: 80
            containerPort: 8080
    `;
    assert.equal(edit(code, (e) => e.remove([...CONTAINER, 'ports', 0, 'hostPort'])), yaml`
      apiVersion: v1
      kind: Pod
      spec:
        containers:
        - name: web
          ports:
          - containerPort: 8080
    `);
  });

  it('removes an emptied collection with its key', () => {
    const code = yaml`
      apiVersion: v1
      kind: Pod
      spec:
        containers:
          - name: web
            securityContext:
              capabilities:
                add: [NET_ADMIN]
              runAsNonRoot: true
    `;
    assert.equal(edit(code, (e) => e.remove([...CONTAINER, 'securityContext', 'capabilities', 'add', 0])), yaml`
      apiVersion: v1
      kind: Pod
      spec:
        containers:
          - name: web
            securityContext:
              runAsNonRoot: true
    `);
  });

  it('removes flow entries with their separator, first, middle and last', () => {
    const code = 'apiVersion: v1\nkind: Pod\nspec: {hostNetwork: true, hostPID: true, dnsPolicy: Default}\n';
    assert.equal(edit(code, (e) => e.remove([...POD, 'hostNetwork'])), 'apiVersion: v1\nkind: Pod\nspec: {hostPID: true, dnsPolicy: Default}\n');
    assert.equal(edit(code, (e) => e.remove([...POD, 'hostPID'])), 'apiVersion: v1\nkind: Pod\nspec: {hostNetwork: true, dnsPolicy: Default}\n');
    assert.equal(edit(code, (e) => e.remove([...POD, 'dnsPolicy'])), 'apiVersion: v1\nkind: Pod\nspec: {hostNetwork: true, hostPID: true}\n');
  });

  it('removes a block sequence item whole, flush or indented', () => {
    const flush = yaml`
      apiVersion: v1
      kind: Pod
      spec:
        sysctls:
        - name: net.ipv4.ip_forward
          value: "1"
        - name: kernel.shm_rmid_forced
          value: "1"
    `;
    assert.equal(edit(flush, (e) => e.remove([...POD, 'sysctls', 0])), yaml`
      apiVersion: v1
      kind: Pod
      spec:
        sysctls:
        - name: kernel.shm_rmid_forced
          value: "1"
    `);
  });

  it('keeps CRLF line ends', () => {
    const code = 'apiVersion: v1\nkind: Pod\r\nspec:\r\n  hostNetwork: true\r\n  hostPID: false\r\n';
    assert.equal(edit(code, (e) => e.remove([...POD, 'hostNetwork'])), 'apiVersion: v1\nkind: Pod\r\nspec:\r\n  hostPID: false\r\n');
  });

  it('refuses a path through an alias or a merge key, whose text other places share', () => {
    const code = yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: a}
      spec:
        securityContext: &shared
          sysctls: [{name: net.ipv4.ip_forward, value: "1"}]
        containers:
          - name: a
            securityContext: *shared
          - name: b
            <<: {securityContext: {privileged: true}}
    `;
    assert.equal(edit(code, (e) => e.remove([...CONTAINER, 'securityContext', 'sysctls', 0])), undefined);
    assert.equal(edit(code, (e) => e.remove(['spec', 'containers', 1, 'securityContext', 'privileged'])), undefined);
  });

  it('edits a document in the middle of a file and no other byte', () => {
    const code = yaml`
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: first}
      ---
      apiVersion: v1
      kind: Pod
      spec:
        hostNetwork: true
        containers: []
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: last}
    `;
    assert.equal(edit(code, (e) => e.remove([...POD, 'hostNetwork']), 1), code.replace('  hostNetwork: true\n', ''));
  });

  it('addresses an item of a List', () => {
    const code = yaml`
      apiVersion: v1
      kind: List
      items:
        - kind: Pod
          spec:
            hostNetwork: true
            containers: []
    `;
    assert.equal(edit(code, (e) => e.replaceScalar([...POD, 'hostNetwork'], false)), code.replace('hostNetwork: true', 'hostNetwork: false'));
  });
});

describe('YamlEditor.replaceScalar', () => {
  it('keeps double and single quotes of strings, and writes booleans plain', () => {
    const code = yaml`
      apiVersion: v1
      kind: PeerAuthentication
      spec:
        mtls: {mode: "PERMISSIVE"}
        portLevelMtls:
          '8080': {mode: 'DISABLE'}
        enabled: "true"
    `;
    assert.equal(edit(code, (e) => e.replaceScalar(['spec', 'mtls', 'mode'], 'STRICT')), code.replace('"PERMISSIVE"', '"STRICT"'));
    assert.equal(edit(code, (e) => e.replaceScalar(['spec', 'portLevelMtls', '8080', 'mode'], 'STRICT')), code.replace("'DISABLE'", "'STRICT'"));
    assert.equal(edit(code, (e) => e.replaceScalar(['spec', 'enabled'], false)), code.replace('"true"', 'false'));
  });

  it('quotes a plain string that would read as another type', () => {
    const code = 'apiVersion: v1\nkind: Ingress\nmetadata:\n  annotations:\n    a: no\n';
    assert.equal(edit(code, (e) => e.replaceScalar(['metadata', 'annotations', 'a'], 'true')), 'apiVersion: v1\nkind: Ingress\nmetadata:\n  annotations:\n    a: "true"\n');
  });

  it('quotes strings YAML 1.1 (Kubernetes) reads as booleans, which YAML 1.2 leaves bare', () => {
    const code = 'apiVersion: v1\nkind: Pod\nmetadata:\n  labels:\n    a: b\n';
    assert.equal(edit(code, (e) => e.replaceScalar(['metadata', 'labels', 'a'], 'on')), code.replace('a: b', 'a: "on"'));
    assert.equal(edit(code, (e) => e.addEntry(['metadata', 'labels'], 'b', 'yes')), code + '    b: "yes"\n');
  });

  it('refuses block scalars', () => {
    const code = 'apiVersion: v1\nkind: ConfigMap\ndata:\n  a: |\n    text\n';
    assert.equal(edit(code, (e) => e.replaceScalar(['data', 'a'], 'x')), undefined);
  });
});

describe('YamlEditor.set and append', () => {
  it('creates the missing path in block style with the file indentation (4 spaces, indented sequences)', () => {
    const code = yaml`
      apiVersion: v1
      kind: Pod
      spec:
          containers:
              - name: web
                image: nginx
    `;
    assert.equal(edit(code, (e) => e.append([...CONTAINER, 'securityContext', 'capabilities', 'drop'], 'NET_RAW')), yaml`
      apiVersion: v1
      kind: Pod
      spec:
          containers:
              - name: web
                image: nginx
                securityContext:
                    capabilities:
                        drop:
                            - NET_RAW
    `);
  });

  it('creates sequences flush when the file writes them flush', () => {
    const code = yaml`
      apiVersion: v1
      kind: Pod
      spec:
        containers:
        - name: web
          image: nginx
          ports:
          - containerPort: 80
    `;
    assert.equal(edit(code, (e) => e.append([...CONTAINER, 'securityContext', 'capabilities', 'drop'], 'NET_RAW')), yaml`
      apiVersion: v1
      kind: Pod
      spec:
        containers:
        - name: web
          image: nginx
          ports:
          - containerPort: 80
          securityContext:
            capabilities:
              drop:
              - NET_RAW
    `);
  });

  it('appends to block and flow sequences, keeping their style', () => {
    const block = yaml`
      apiVersion: v1
      kind: Pod
      spec:
        containers:
          - name: web
            securityContext:
              capabilities:
                drop:
                  - SYS_ADMIN # audit
    `;
    assert.equal(edit(block, (e) => e.append([...CONTAINER, 'securityContext', 'capabilities', 'drop'], 'NET_RAW')), block.replace('SYS_ADMIN # audit\n', 'SYS_ADMIN # audit\n            - NET_RAW\n'));
    const flow = 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - {name: web, securityContext: {capabilities: {drop: [SYS_ADMIN]}}}\n';
    assert.equal(edit(flow, (e) => e.append([...CONTAINER, 'securityContext', 'capabilities', 'drop'], 'NET_RAW')), flow.replace('[SYS_ADMIN]', '[SYS_ADMIN, NET_RAW]'));
    const empty = 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - {name: web, securityContext: {capabilities: {drop: []}}}\n';
    assert.equal(edit(empty, (e) => e.append([...CONTAINER, 'securityContext', 'capabilities', 'drop'], 'NET_RAW')), empty.replace('[]', '[NET_RAW]'));
  });

  it('creates the missing path inside flow maps in flow style', () => {
    const code = 'apiVersion: v1\nkind: Pod\nspec:\n  containers: [{name: web, image: nginx}]\n';
    assert.equal(
      edit(code, (e) => e.append([...CONTAINER, 'securityContext', 'capabilities', 'drop'], 'NET_RAW')),
      'apiVersion: v1\nkind: Pod\nspec:\n  containers: [{name: web, image: nginx, securityContext: {capabilities: {drop: [NET_RAW]}}}]\n',
    );
    const padded = 'apiVersion: v1\nkind: Pod\nspec:\n  containers: [{ name: web, image: nginx }]\n';
    assert.equal(edit(padded, (e) => e.set([...CONTAINER, 'securityContext'], { privileged: false })), 'apiVersion: v1\nkind: Pod\nspec:\n  containers: [{ name: web, image: nginx, securityContext: { privileged: false } }]\n');
  });

  it('fills an entry written without a value, and one written as null', () => {
    const empty = 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: web\n      securityContext:\n';
    assert.equal(edit(empty, (e) => e.set([...CONTAINER, 'securityContext', 'privileged'], false)), 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: web\n      securityContext:\n        privileged: false\n');
    const nulled = 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: web\n      securityContext: ~\n';
    assert.equal(edit(nulled, (e) => e.set([...CONTAINER, 'securityContext', 'privileged'], false)), 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: web\n      securityContext: {privileged: false}\n');
  });

  it('inserts after a last entry that carries a comment, in CRLF', () => {
    const code = 'apiVersion: v1\nkind: Service\r\nspec:\r\n  type: LoadBalancer # public\r\n';
    assert.equal(
      edit(code, (e) => e.set(['spec', 'loadBalancerSourceRanges'], ['203.0.113.0/24'])),
      'apiVersion: v1\nkind: Service\r\nspec:\r\n  type: LoadBalancer # public\r\n  loadBalancerSourceRanges:\r\n    - 203.0.113.0/24\r\n',
    );
  });

  it('keeps a wide dash gap when appending to items written that way', () => {
    const code = 'apiVersion: v1\nkind: Pod\nspec:\n    containers:\n        -   name: a\n            image: b\n';
    assert.equal(edit(code, (e) => e.append(['spec', 'containers'], { name: 'c', image: 'd' })), code + '        -   name: c\n            image: d\n');
  });

  it('quotes keys and values that need it', () => {
    const code = 'apiVersion: v1\nkind: Ingress\nmetadata:\n  annotations:\n    a: b\n';
    assert.equal(
      edit(code, (e) => e.addEntry(['metadata', 'annotations'], 'nginx.ingress.kubernetes.io/ssl-redirect', 'true')),
      'apiVersion: v1\nkind: Ingress\nmetadata:\n  annotations:\n    a: b\n    nginx.ingress.kubernetes.io/ssl-redirect: "true"\n',
    );
  });

  it('refuses to replace a collection with a scalar, or to go through a scalar', () => {
    const code = 'apiVersion: v1\nkind: Pod\nspec:\n  containers: []\n  hostNetwork: true\n';
    assert.equal(edit(code, (e) => e.set(['spec', 'containers'], 'x')), undefined);
    assert.equal(edit(code, (e) => e.set(['spec', 'hostNetwork', 'x'], 1)), undefined);
  });
});

describe('YamlEditor insertions after block scalars', () => {
  it('keeps the trailing blank lines of a |+ value, which belong to it', () => {
    const code = 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: a\n      args:\n        - |+\n          line\n\n\n';
    const result = edit(code, (e) => e.set([...CONTAINER, 'securityContext', 'privileged'], false));
    assert.equal(result, code + '      securityContext:\n        privileged: false\n');
    const parsed = parseManifest('test.yaml', result!);
    assert.deepEqual(parsed.objects[0].get([...CONTAINER, 'args']), ['line\n\n\n']);
  });

  it('inserts right after a |- or | value', () => {
    const code = 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: a\n      args:\n        - |\n          line\n\n  hostPID: false\n';
    const result = edit(code, (e) => e.set([...CONTAINER, 'securityContext', 'privileged'], false));
    assert.equal(result, 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: a\n      args:\n        - |\n          line\n      securityContext:\n        privileged: false\n\n  hostPID: false\n');
    assert.deepEqual(parseManifest('test.yaml', result!).objects[0].get([...CONTAINER, 'args']), ['line\n']);
  });
});
