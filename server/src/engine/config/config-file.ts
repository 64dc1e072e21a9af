import Ajv, { type ErrorObject } from 'ajv';
import { parseDocument } from 'yaml';
import schema from '../../../../schemas/kube-netsec-config.schema.json';
import { followPath } from '../manifest/yaml-path';
import { LineIndex } from '../text/line-index';
import type { SourceRange } from '../text/range';
import type { LintConfig } from './lint-config';

export const CONFIG_FILE_NAME = '.kube-netsec.yaml';

/** A problem in a configuration file, with where it is. */
export interface ConfigProblem {
  message: string;
  range: SourceRange;
}

export interface ParsedConfigFile {
  /** The settings the file makes; empty when it has problems (a half-read config would mislead). */
  config: Partial<LintConfig>;
  problems: ConfigProblem[];
}

let validate: ReturnType<Ajv['compile']> | undefined;

/** Reads a .kube-netsec.yaml file: YAML, checked against schemas/kube-netsec-config.schema.json. */
export function parseConfigFile(text: string): ParsedConfigFile {
  const lines = new LineIndex(text);
  const rangeAt = (start: number, end: number): SourceRange => ({ start: lines.positionAt(start), end: lines.positionAt(end) });
  const document = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  if (document.errors.length > 0) {
    return { config: {}, problems: document.errors.map((error) => ({ message: error.message.split('\n')[0], range: rangeAt(error.pos[0], error.pos[1]) })) };
  }
  const value: unknown = document.toJS({ maxAliasCount: 100 }) ?? {};
  validate ??= new Ajv({ allErrors: true }).compile(schema);
  if (validate(value)) return { config: value as Partial<LintConfig>, problems: [] };
  const problems = (validate.errors ?? []).map((error) => {
    const path = pathOf(error);
    const target = followPath(document, document.contents, path);
    const node = error.keyword === 'additionalProperties' || target.node == null ? target.pair?.key ?? target.node : target.node;
    const range = node?.range ? rangeAt(node.range[0], node.range[1]) : rangeAt(0, 0);
    return { message: describe(error, path), range };
  });
  return { config: {}, problems };
}

// ajv paths look like "/rules/host-network"; an unknown key is reported on the key itself.
function pathOf(error: ErrorObject): (string | number)[] {
  const steps = error.instancePath
    .split('/')
    .slice(1)
    .map((step) => step.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((step) => (/^\d+$/.test(step) ? Number(step) : step));
  if (error.keyword === 'additionalProperties') steps.push(String(error.params.additionalProperty));
  return steps;
}

function describe(error: ErrorObject, path: (string | number)[]): string {
  const where = path.length > 0 ? path.join('.') : 'the file';
  if (error.keyword === 'additionalProperties') {
    const key = String(error.params.additionalProperty);
    return path[0] === 'rules' && path.length === 2 ? `"${key}" is not a kube-netsec rule.` : `"${key}" is not a kube-netsec setting (known: rules, exclude, sensitivePorts, defaultNamespace).`;
  }
  if (error.keyword === 'enum') return `${where} must be one of ${(error.params.allowedValues as string[]).join(', ')}.`;
  return `${where} ${error.message ?? 'is invalid'}.`;
}
