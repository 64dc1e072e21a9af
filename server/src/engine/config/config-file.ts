import Ajv, { type ErrorObject } from 'ajv';
import { parseDocument } from 'yaml';
import schema from '../../../../schemas/kube-netsec-config.schema.json';
import { followPath } from '../manifest/yaml-path';
import { LineIndex } from '../text/line-index';
import type { SourceRange } from '../text/range';
import { parseAddress } from '../net/cidr';
import { withDnsDefaults, type ClusterDnsConfig, type LintConfig } from './lint-config';

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
  const rangeOf = (path: (string | number)[], onKey: boolean): SourceRange => {
    const target = followPath(document, document.contents, path);
    const node = onKey || target.node == null ? target.pair?.key ?? target.node : target.node;
    return node?.range ? rangeAt(node.range[0], node.range[1]) : rangeAt(0, 0);
  };
  if (validate(value)) {
    const { dns, ...rest } = value as Omit<Partial<LintConfig>, 'dns'> & { dns?: Partial<ClusterDnsConfig> };
    const problems = dns ? dnsProblems(dns).map(({ message, path }) => ({ message, range: rangeOf(path, false) })) : [];
    if (problems.length > 0) return { config: {}, problems };
    return { config: dns ? { ...rest, dns: withDnsDefaults(dns) } : rest, problems: [] };
  }
  // A bad label key is reported once, as a propertyNames error, not again as its pattern's.
  const errors = (validate.errors ?? []).filter((error) => error.propertyName === undefined);
  const problems = errors.map((error) => {
    const path = pathOf(error);
    return { message: describe(error, path), range: rangeOf(path, error.keyword === 'additionalProperties' || error.keyword === 'propertyNames') };
  });
  return { config: {}, problems };
}

/**
 * The `dns` setting given some other way than the file (the editor's settings), checked like the
 * file's: the setting with the defaults of the fields it leaves out, or the problems it has.
 */
export function readDnsSetting(value: unknown): { dns?: ClusterDnsConfig; problems: string[] } {
  validate ??= new Ajv({ allErrors: true }).compile(schema);
  if (!validate({ dns: value })) {
    const errors = (validate.errors ?? []).filter((error) => error.propertyName === undefined);
    return { problems: errors.map((error) => describe(error, pathOf(error))) };
  }
  const problems = dnsProblems(value as Partial<ClusterDnsConfig>).map(({ message }) => message);
  return problems.length > 0 ? { problems } : { dns: withDnsDefaults(value as Partial<ClusterDnsConfig>), problems };
}

// What the schema cannot say about the `dns` setting.
function dnsProblems(dns: Partial<ClusterDnsConfig>): { message: string; path: (string | number)[] }[] {
  const problems: { message: string; path: (string | number)[] }[] = [];
  const namespace = dns.namespace ?? withDnsDefaults({}).namespace;
  const nameLabel = dns.namespaceLabels?.['kubernetes.io/metadata.name'];
  if (nameLabel !== undefined && nameLabel !== namespace) {
    problems.push({ message: `dns.namespaceLabels: kubernetes.io/metadata.name is always the namespace's name ("${namespace}"), not "${nameLabel}".`, path: ['dns', 'namespaceLabels', 'kubernetes.io/metadata.name'] });
  }
  for (const [index, address] of (dns.addresses ?? []).entries()) {
    if (parseAddress(address)?.kind() !== 'ipv4') problems.push({ message: `dns.addresses.${index}: "${address}" is not an IPv4 address.`, path: ['dns', 'addresses', index] });
  }
  return problems;
}

function describePattern(path: (string | number)[]): string {
  if (path[1] === 'namespace') return 'must be a namespace name (lower-case letters, digits and "-")';
  if (path[1] === 'addresses') return 'must be an IPv4 address';
  if (path[1] === 'ports') return 'must be a port name (at most 15 lower-case letters, digits and "-", with a letter)';
  return 'must be a label value (at most 63 letters, digits, "-", "_" and ".", starting and ending with a letter or digit)';
}

// ajv paths look like "/rules/host-network"; an unknown key is reported on the key itself.
function pathOf(error: ErrorObject): (string | number)[] {
  const steps = error.instancePath
    .split('/')
    .slice(1)
    .map((step) => step.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((step) => (/^\d+$/.test(step) ? Number(step) : step));
  if (error.keyword === 'additionalProperties') steps.push(String(error.params.additionalProperty));
  if (error.keyword === 'propertyNames') steps.push(String(error.params.propertyName));
  return steps;
}

function describe(error: ErrorObject, path: (string | number)[]): string {
  const where = path.length > 0 ? path.join('.') : 'the file';
  if (error.keyword === 'additionalProperties') {
    const key = String(error.params.additionalProperty);
    if (path[0] === 'rules' && path.length === 2) return `"${key}" is not a kube-netsec rule.`;
    if (path[0] === 'dns' && path.length === 2) return `"${key}" is not a dns setting (known: namespace, namespaceLabels, podLabels, ports, addresses).`;
    if (path[0] === 'dns' && path[1] === 'ports') return `"${key}" is not a field of a DNS port (known: port, protocol, name).`;
    return `"${key}" is not a kube-netsec setting (known: rules, exclude, sensitivePorts, defaultNamespace, dns).`;
  }
  if (error.keyword === 'propertyNames') return `"${String(error.params.propertyName)}" in ${path.slice(0, -1).join('.')} is not a valid label key.`;
  if (error.keyword === 'pattern' && path[0] === 'dns') return `${where} ${describePattern(path)}.`;
  if (error.keyword === 'enum') return `${where} must be one of ${(error.params.allowedValues as string[]).join(', ')}.`;
  return `${where} ${error.message ?? 'is invalid'}.`;
}
