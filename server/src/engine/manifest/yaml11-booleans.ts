import type { ScalarTag, Tags } from 'yaml';

// From go-yaml v2's resolve table (gopkg.in/yaml.v2 resolve.go), which sigs.k8s.io/yaml's YAMLToJSON,
// and so kubectl, uses: these plain words are booleans there, strings in YAML 1.2.
const TRUE_WORDS = /^(?:yes|Yes|YES|on|On|ON)$/;
const YAML11_BOOLEAN_WORDS = /^(?:yes|Yes|YES|on|On|ON|no|No|NO|off|Off|OFF)$/;

/**
 * Reads the YAML 1.1 boolean words `yes`/`no`/`on`/`off` as kubectl does: to kubectl
 * `hostNetwork: yes` is `true`, and read as the string "yes" it would escape every check. Quoted,
 * they stay strings, as in go-yaml; as keys they become booleans too, as in go-yaml (a label key
 * `on` reaches the API server as "true"). go-yaml also reads a bare `y` or `n` as a boolean; those
 * are left strings here: they are common short names in examples, a string field holding one makes
 * kubectl refuse the object anyway, and `hostNetwork: y` is not written in practice.
 * Only parsing is affected: the tag has no `identify`, so booleans the engine writes stay `true`/`false`.
 */
const yaml11Boolean: ScalarTag = {
  tag: 'tag:yaml.org,2002:bool',
  default: true,
  test: YAML11_BOOLEAN_WORDS,
  resolve: (source) => TRUE_WORDS.test(source),
};

/** The schema's tags with the YAML 1.1 boolean words read as booleans (a `customTags` function). */
export function withYaml11Booleans(tags: Tags): Tags {
  return [yaml11Boolean, ...tags];
}
