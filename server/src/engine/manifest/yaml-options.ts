import type { DocumentOptions, ParseOptions, SchemaOptions, ToJSOptions } from 'yaml';
import { withYaml11Booleans } from './yaml11-booleans';

/**
 * How manifests are parsed: YAML 1.2 as kubectl reads it, plus `<<` merge keys, which it also
 * honours, and the YAML 1.1 boolean words (`yes`, `on`), which it reads as booleans.
 */
export const PARSE_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  customTags: withYaml11Booleans,
  // Problems are collected on the documents; the library must not print process warnings of its own.
  logLevel: 'error',
  merge: true,
  prettyErrors: false,
  strict: true,
  // Duplicate keys are found by `duplicateKeysOf` in linear time; the package's own check is quadratic.
  uniqueKeys: false,
};

/**
 * Converting to plain values expands aliases; a few nested aliases can expand to gigabytes
 * ("billion laughs"), so expansion is capped and an overflow becomes a finding, not an OOM.
 */
export const TO_JS_OPTIONS: ToJSOptions = { maxAliasCount: 100 };
