import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { isMap, isScalar, isSeq, parseAllDocuments, type Document } from 'yaml';
import { parseManifest } from '../../../server/src/engine';
import { jsonDocument } from '../../../server/src/engine/manifest/json-document';
import { PARSE_OPTIONS } from '../../../server/src/engine/manifest/yaml-options';
import { fuzzParameters } from '../../support/fuzz';

// Strict JSON is read by a JSON tokenizer that builds the nodes the YAML parser builds for the same
// text. These tests hold it to that: the YAML parser's own nodes are the expected answer.

/** A node as the engine reads it: value, value range, scalar type and source, collection style. */
function shape(node: unknown): unknown {
  if (isScalar(node)) return ['scalar', node.value, node.range?.slice(0, 2), node.type, node.source, node.minFractionDigits, node.format];
  if (isMap(node)) return ['map', node.range?.slice(0, 2), node.flow, node.items.map((pair) => [shape(pair.key), shape(pair.value)])];
  if (isSeq(node)) return ['seq', node.range?.slice(0, 2), node.flow, node.items.map(shape)];
  return node;
}

function yamlParserDocument(text: string): Document.Parsed {
  const documents = parseAllDocuments(text, PARSE_OPTIONS);
  assert.ok(Array.isArray(documents) && documents.length === 1, 'the YAML parser reads one document');
  assert.deepEqual(documents[0].errors, []);
  return documents[0];
}

function assertSameAsYamlParser(text: string): void {
  const built = jsonDocument(text);
  assert.ok(built, `read as JSON: ${text.slice(0, 80)}`);
  const expected = yamlParserDocument(text);
  assert.deepEqual(shape(built.contents), shape(expected.contents));
  assert.deepEqual(built.range, expected.range, 'document range');
  assert.deepEqual(built.contents?.range, expected.contents?.range, 'top-level range');
  assert.deepEqual(built.toJS(), expected.toJS());
}

describe('JSON manifests', () => {
  it('builds the nodes the YAML parser builds: compact, pretty-printed, CRLF, blanks around separators and the value', () => {
    for (const text of [
      '{"apiVersion":"v1","kind":"List","items":[{"kind":"Pod","metadata":{"name":"p"}}]}',
      '{\n  "a": {\n    "b": "x" ,\n    "c": [\n      1 ,\n      2\n    ]  ,\n    "d": {}   \n  }\n}\n',
      '  {\r\n  "a" : 1e5 , "b": [ 1 , 2.0E-3 ,"\\u00e9\\n\\/"] }  \n\n',
      '\n\n{"a": 1.50, "b": [true, false, null, {"c": -0}], "d": {}, "e": []}',
      '{"big": 12345678901234567890, "fraction": 0.1000, "key": "v", "key": "w"}\n',
      '[]',
    ]) {
      assertSameAsYamlParser(text);
    }
  });

  it('builds the nodes the YAML parser builds for any JSON value, as JSON.stringify writes it (property)', () => {
    const objects = fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 4 }));
    fc.assert(
      fc.property(objects, fc.constantFrom(undefined, 2, '\t'), (value, indent) => {
        const text = JSON.stringify(value, null, indent);
        assertSameAsYamlParser(text);
        assert.deepEqual(jsonDocument(text)?.toJS(), JSON.parse(text));
      }),
      fuzzParameters(200),
    );
  });

  it('leaves to the YAML parser what is not strict JSON, and a merge key', () => {
    for (const text of [
      'apiVersion: v1\nkind: Pod\n',
      '{a: 1}',
      '{"a": 1,}',
      '{"a": 1} // comment',
      '{"a": 1}\n{"b": 2}',
      '{"a": 1',
      '{"<<": {"a": 1}}',
      "{'a': 1}",
      '"just a string"',
      '',
    ]) {
      assert.equal(jsonDocument(text), undefined, text);
    }
  });

  it('places the objects of a JSON List and their values where the text has them', () => {
    const pod = (name: string) => `{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "${name}"}, "spec": {"hostNetwork": true, "containers": [{"name": "c", "image": "nginx"}]}}`;
    const json = `{"apiVersion": "v1", "kind": "List", "items": [${pod('a')}, ${pod('b')}]}\n`;
    const file = parseManifest('list.json', json);
    assert.deepEqual(file.syntaxProblems, []);
    const first = json.indexOf('true');
    const second = json.indexOf('true', first + 1);
    const at = (offset: number) => ({ start: { line: 0, character: offset }, end: { line: 0, character: offset + 4 } });
    assert.deepEqual(
      file.objects.map((object) => [object.kind, object.name, object.rangeOf(['spec', 'hostNetwork'], 'value')]),
      [
        ['Pod', 'a', at(first)],
        ['Pod', 'b', at(second)],
      ],
    );
  });

  it('reads a nesting too deep for the JSON tokenizer with the YAML parser, without throwing', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    assert.doesNotThrow(() => parseManifest('deep.json', deep));
  });
});
