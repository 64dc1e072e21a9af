import type { Labels } from '../model';
import type { PolicyPort } from './target-ports';

/** One `from`/`to` entry: pods by labels, in the policy's namespace or in a namespace named. */
export interface PlannedPeer {
  /** Selects the namespace by `kubernetes.io/metadata.name`; absent means the policy's own. */
  namespace?: string;
  /** Absent means every pod of `namespace`. */
  podSelector?: Labels;
}

/** An ingress or egress rule with the comment lines that say why it is there. */
export interface PlannedRule {
  comment: readonly string[];
  peers: readonly PlannedPeer[];
  ports: readonly PolicyPort[];
}

/** A NetworkPolicy to write: `podSelector` `{}` (every pod) when empty. */
export interface PlannedPolicy {
  comment: readonly string[];
  name: string;
  namespace: string;
  /** False to leave `metadata.namespace` out, for manifests applied with `kubectl -n`. */
  writeNamespace?: boolean;
  podSelector: Labels;
  policyTypes: readonly ('Ingress' | 'Egress')[];
  ingress?: readonly PlannedRule[];
  egress?: readonly PlannedRule[];
}

/** A policy as a YAML document: block style, 2-space indents, "\n" line ends, comments before what they explain. */
export function policyYaml(policy: PlannedPolicy): string {
  const lines: string[] = [...commentLines(policy.comment, '')];
  lines.push('apiVersion: networking.k8s.io/v1', 'kind: NetworkPolicy', 'metadata:', `  name: ${scalar(policy.name)}`);
  if (policy.writeNamespace !== false) lines.push(`  namespace: ${scalar(policy.namespace)}`);
  lines.push('spec:');
  lines.push(...selectorLines('podSelector', policy.podSelector, '  '));
  lines.push('  policyTypes:', ...policy.policyTypes.map((type) => `    - ${type}`));
  for (const [key, peersKey, rules] of [['ingress', 'from', policy.ingress], ['egress', 'to', policy.egress]] as const) {
    if (!rules || rules.length === 0) continue;
    lines.push(`  ${key}:`);
    for (const rule of rules) {
      lines.push(...commentLines(rule.comment, '    '));
      lines.push(`    - ${peersKey}:`);
      for (const peer of rule.peers) lines.push(...peerLines(peer));
      if (rule.ports.length > 0) {
        lines.push('      ports:');
        for (const port of rule.ports) lines.push(`        - protocol: ${scalar(port.protocol)}`, `          port: ${port.port}`);
      }
    }
  }
  return lines.join('\n') + '\n';
}

/** Documents joined the way a multi-document file holds them. */
export function joinDocuments(documents: readonly string[]): string {
  return documents.join('---\n');
}

function peerLines(peer: PlannedPeer): string[] {
  const entries: string[][] = [];
  if (peer.namespace !== undefined) entries.push(selectorLines('namespaceSelector', { 'kubernetes.io/metadata.name': peer.namespace }, ''));
  if (peer.podSelector !== undefined) entries.push(selectorLines('podSelector', peer.podSelector, ''));
  // The first selector starts the list item; the second belongs to the same item (both must match).
  return entries.flatMap((entry, index) => entry.map((line, lineIndex) => (index === 0 && lineIndex === 0 ? `        - ${line}` : `          ${line}`)));
}

function selectorLines(key: string, labels: Labels, indent: string): string[] {
  const entries = Object.entries(labels);
  if (entries.length === 0) return [`${indent}${key}: {}`];
  return [`${indent}${key}:`, `${indent}  matchLabels:`, ...entries.map(([label, value]) => `${indent}    ${scalar(label)}: ${scalar(value)}`)];
}

function commentLines(comment: readonly string[], indent: string): string[] {
  return comment.map((line) => `${indent}# ${line.replace(/[\r\n]+/g, ' ')}`.trimEnd());
}

// Plain scalars that every YAML reader (1.1 included, as Kubernetes tools use) reads as the same string.
const PLAIN = /^[A-Za-z_][A-Za-z0-9_./-]*$/;
const YAML_11_KEYWORDS = /^(y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL)$/;

/** A string as a YAML scalar: plain when unambiguous, else double-quoted (JSON strings are valid YAML). */
export function scalar(text: string): string {
  return PLAIN.test(text) && !YAML_11_KEYWORDS.test(text) ? text : JSON.stringify(text);
}
