import type { Labels } from '../model';
import type { PolicyTemplate, TemplateParams } from './template';

// What the API server would refuse in the values given to a template, said before rendering, so a
// template never produces a policy that cannot be applied.

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const LABEL_NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const PROTOCOLS: readonly string[] = ['TCP', 'UDP', 'SCTP'];

/** Why `params` do not fit `template`: missing required parameters and invalid values ([] when they fit). */
export function parameterProblems(template: PolicyTemplate, params: TemplateParams): string[] {
  const problems: string[] = [];
  for (const parameter of template.parameters) {
    if (parameter.required && isMissing(params[parameter.name])) problems.push(`${template.title} needs ${parameter.name}: ${parameter.description}`);
  }
  const read = new Set(template.parameters.map((parameter) => parameter.name));
  if (read.has('namespace') && params.namespace !== undefined) problems.push(...namespaceProblems('namespace', params.namespace));
  if (read.has('sourceNamespace') && params.sourceNamespace !== undefined) problems.push(...namespaceProblems('sourceNamespace', params.sourceNamespace));
  if (read.has('podLabels')) problems.push(...labelProblems('podLabels', params.podLabels));
  if (read.has('sourcePodLabels')) problems.push(...labelProblems('sourcePodLabels', params.sourcePodLabels));
  if (read.has('ingressController') && params.ingressController) {
    problems.push(...namespaceProblems('ingressController.namespace', params.ingressController.namespace));
    problems.push(...labelProblems('ingressController.labels', params.ingressController.labels));
  }
  if (read.has('port') && params.port !== undefined && !(Number.isInteger(params.port) && params.port >= 1 && params.port <= 65535)) {
    problems.push(`port must be a whole number from 1 to 65535, not ${String(params.port)}.`);
  }
  if (read.has('protocol') && params.protocol !== undefined && !PROTOCOLS.includes(params.protocol)) problems.push(`protocol must be TCP, UDP or SCTP, not ${String(params.protocol)}.`);
  return problems;
}

function isMissing(value: unknown): boolean {
  if (value === undefined || value === '') return true;
  if (typeof value === 'object' && value !== null && 'labels' in value) return isMissing((value as { labels: unknown }).labels);
  return typeof value === 'object' && value !== null && Object.keys(value).length === 0;
}

function namespaceProblems(name: string, value: string): string[] {
  return value.length <= 63 && DNS_LABEL.test(value) ? [] : [`${name} "${value}" is not a namespace name (at most 63 lowercase letters, digits and dashes).`];
}

function labelProblems(name: string, labels: Labels | undefined): string[] {
  const problems: string[] = [];
  for (const [key, value] of Object.entries(labels ?? {})) {
    if (!isLabelKey(key)) problems.push(`${name}: "${key}" is not a label key.`);
    if (typeof value !== 'string' || (value !== '' && !(value.length <= 63 && LABEL_NAME.test(value)))) problems.push(`${name}: "${String(value)}" is not a label value of ${key}.`);
  }
  return problems;
}

/** `name` or `prefix/name`: a DNS subdomain prefix and a name of at most 63 characters. */
function isLabelKey(key: string): boolean {
  const slash = key.indexOf('/');
  const prefix = slash === -1 ? undefined : key.slice(0, slash);
  const name = slash === -1 ? key : key.slice(slash + 1);
  if (prefix !== undefined && !(prefix.length <= 253 && DNS_SUBDOMAIN.test(prefix))) return false;
  return name.length <= 63 && LABEL_NAME.test(name);
}
