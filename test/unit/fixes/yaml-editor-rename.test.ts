import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyTextEdits, parseManifest, YamlEditor, type ObjectPath } from '../../../server/src/engine';
import { yaml } from '../../support/dedent';

/** The text once the key at `path` of the file's object `index` is renamed, or undefined when refused. */
function renamed(text: string, path: ObjectPath, newKey: string, index = 0): string | undefined {
  const object = parseManifest('test.yaml', text).objects[index];
  const edits = new YamlEditor(object).renameKey(path, newKey);
  return edits && applyTextEdits(text, edits);
}

describe('YamlEditor.renameKey', () => {
  it('replaces only the key, keeping the comment, the value and the order', () => {
    const text = yaml`
      apiVersion: v1
      kind: NetworkPolicy
      spec:
        podSelecter: # the web pods
          matchLabels: {app: web}
        policyTypes: [Ingress]
    `;
    assert.equal(
      renamed(text, ['spec', 'podSelecter'], 'podSelector'),
      yaml`
        apiVersion: v1
        kind: NetworkPolicy
        spec:
          podSelector: # the web pods
            matchLabels: {app: web}
          policyTypes: [Ingress]
      `,
    );
  });

  it('keeps double and single quotes', () => {
    const text = 'apiVersion: v1\nkind: NetworkPolicy\nspec:\n  "podSelecter": {}\n  \'ingres\': []\n';
    assert.equal(renamed(text, ['spec', 'podSelecter'], 'podSelector'), 'apiVersion: v1\nkind: NetworkPolicy\nspec:\n  "podSelector": {}\n  \'ingres\': []\n');
    assert.equal(renamed(text, ['spec', 'ingres'], 'ingress'), 'apiVersion: v1\nkind: NetworkPolicy\nspec:\n  "podSelecter": {}\n  \'ingress\': []\n');
  });

  it('renames in a flow map, in a CRLF file, in the middle of a multi-document file', () => {
    const text = 'apiVersion: v1\r\nkind: A\r\n---\r\napiVersion: v1\r\nkind: NetworkPolicy\r\nspec: {podSelector: {matchLabels: {k8s-ap: dns}}}\r\n---\r\napiVersion: v1\r\nkind: B\r\n';
    assert.equal(
      renamed(text, ['spec', 'podSelector', 'matchLabels', 'k8s-ap'], 'k8s-app', 1),
      'apiVersion: v1\r\nkind: A\r\n---\r\napiVersion: v1\r\nkind: NetworkPolicy\r\nspec: {podSelector: {matchLabels: {k8s-app: dns}}}\r\n---\r\napiVersion: v1\r\nkind: B\r\n',
    );
  });

  it('renames a key inside a sequence item, whatever the value holds', () => {
    const text = yaml`
      apiVersion: v1
      kind: NetworkPolicy
      spec:
        ingress:
        - form:
          - podSelector: {}
    `;
    assert.equal(renamed(text, ['spec', 'ingress', 0, 'form'], 'from'), text.replace('form:', 'from:'));
  });

  it('quotes a new key that plain YAML would read as something else', () => {
    const text = 'apiVersion: v1\nkind: NetworkPolicy\nspec:\n  x: 1\n';
    assert.equal(renamed(text, ['spec', 'x'], 'a: b'), 'apiVersion: v1\nkind: NetworkPolicy\nspec:\n  "a: b": 1\n');
  });

  it('refuses a new key the map already has', () => {
    const text = 'apiVersion: v1\nkind: NetworkPolicy\nspec:\n  podSelecter: {}\n  podSelector: {}\n';
    assert.equal(renamed(text, ['spec', 'podSelecter'], 'podSelector'), undefined);
  });

  it('refuses a key that is missing, or reached through an alias or a merge key', () => {
    const text = yaml`
      apiVersion: v1
      kind: NetworkPolicy
      metadata:
        labels: &labels {ap: web}
      spec:
        podSelector:
          matchLabels: *labels
        other:
          <<: {ap: web}
          tier: db
    `;
    assert.equal(renamed(text, ['spec', 'missing'], 'present'), undefined);
    assert.equal(renamed(text, ['spec', 'podSelector', 'matchLabels', 'ap'], 'app'), undefined);
    assert.equal(renamed(text, ['spec', 'other', 'ap'], 'app'), undefined);
    // The map has a merge key, which may hold the new key: an own key is not renamed either.
    assert.equal(renamed(text, ['spec', 'other', 'tier'], 'ap'), undefined);
  });

  it('renames a key whose value is an alias: the shared text is not touched', () => {
    const text = yaml`
      apiVersion: v1
      kind: NetworkPolicy
      metadata:
        labels: &labels {app: web}
      spec:
        podSelector:
          matchLables: *labels
    `;
    assert.equal(renamed(text, ['spec', 'podSelector', 'matchLables'], 'matchLabels'), text.replace('matchLables:', 'matchLabels:'));
  });
});
