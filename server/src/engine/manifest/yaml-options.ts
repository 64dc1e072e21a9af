import type { DocumentOptions, ParseOptions, SchemaOptions, ToJSOptions } from 'yaml';

/** How manifests are parsed: YAML 1.2 as kubectl reads it, plus `<<` merge keys, which it also honours. */
export const PARSE_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  merge: true,
  prettyErrors: false,
  strict: true,
  uniqueKeys: true,
};

/**
 * Converting to plain values expands aliases; a few nested aliases can expand to gigabytes
 * ("billion laughs"), so expansion is capped and an overflow becomes a finding, not an OOM.
 */
export const TO_JS_OPTIONS: ToJSOptions = { maxAliasCount: 100 };
