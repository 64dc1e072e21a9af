import { allRulesOf, networkPolicySpecOf, portsOf, type PolicyPort } from '../../policy/network-policy';
import type { ObjectRule, Report } from '../rule';
import type { KubeObject } from '../../manifest/kube-object';
import { objectFix } from '../../fixes/object-fix';
import { RULES_ON_POLICY_CONTENTS } from './rules-on-policy-text';

const PROTOCOLS = ['TCP', 'UDP', 'SCTP'];

export const netpolInvalidPort: ObjectRule = {
  id: 'netpol-invalid-port',
  title: 'NetworkPolicy port, port range or protocol is invalid',
  severity: 'error',
  category: 'network-policy',
  scope: 'object',
  explanation:
    'The API server rejects a NetworkPolicy whose `ports` entry has a protocol other than `TCP`, `UDP` or `SCTP` ' +
    '(case-sensitive: `tcp` is refused), a port number outside 1-65535, a port name that is not a valid IANA service ' +
    'name (at most 15 lowercase letters, digits and inner single dashes, with at least one letter), or an `endPort` ' +
    'that is below `port`, follows a named port or has no `port` at all. A rejected policy isolates nothing, and a ' +
    'quoted number (`port: "8080"`) is a port *name*, which is easy to overlook. This rule checks the values; ' +
    'netpol-invalid reports values of the wrong type (a list or a map for `port`, text for `endPort`).',
  remediation:
    'Write the protocol in capitals (`TCP`, `UDP`, `SCTP`), port numbers unquoted between 1 and 65535, names as the ' +
    "container port's `name` (for example `http`), and a range as a numeric `port` with an `endPort` at least as large.",
  references: [
    'https://kubernetes.io/docs/concepts/services-networking/network-policies/#targeting-a-range-of-ports',
    'https://kubernetes.io/docs/reference/kubernetes-api/policy-resources/network-policy-v1/',
    'https://www.rfc-editor.org/rfc/rfc6335#section-5.1',
  ],
  examples: {
    insecure: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: web-ingress
spec:
  podSelector:
    matchLabels: {app: web}
  ingress:
    - from:
        - podSelector:
            matchLabels: {app: gateway}
      ports:
        - protocol: tcp
          port: 8080
          endPort: 8000
`,
    fixed: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: web-ingress
spec:
  podSelector:
    matchLabels: {app: web}
  ingress:
    - from:
        - podSelector:
            matchLabels: {app: gateway}
      ports:
        - protocol: TCP
          port: 8000
          endPort: 8080
`,
  },
  *check(object) {
    const spec = networkPolicySpecOf(object);
    if (!spec) return;
    // The API server validates every rule, whatever `policyTypes` says.
    for (const rule of allRulesOf(spec)) {
      for (const port of portsOf(rule)) yield* portProblems(object, port);
    }
  },
  *fixes(input) {
    const { path, data } = input.report;
    if (!path) return;
    // Only the mistakes with one meaning: a protocol in the wrong case, a port number in quotes.
    // A range written backwards or a port out of range could have meant several things. What
    // other rules say of the rule, quoting its ports, is revealed: the fix allows nothing new.
    const options = { preferred: true, reveals: RULES_ON_POLICY_CONTENTS };
    if (typeof data?.protocol === 'string') {
      const protocol = data.protocol;
      yield* objectFix(input, `Change protocol to ${protocol}`, (editor) => editor.replaceScalar(path, protocol), options);
    } else if (typeof data?.port === 'number') {
      const port = data.port;
      yield* objectFix(input, `Write the port as the number ${port}`, (editor) => editor.replaceScalar(path, port), options);
    }
  },
};

function* portProblems(object: KubeObject, { path, fields }: PolicyPort): Generator<Report> {
  const { protocol, port, endPort } = fields;
  if (typeof protocol === 'string' && !PROTOCOLS.includes(protocol)) {
    const fixed = PROTOCOLS.find((known) => known === protocol.toUpperCase());
    yield {
      message: fixed
        ? `\`protocol: ${protocol}\` is refused: protocols are case-sensitive, so the API server rejects the policy unless it is \`${fixed}\`.`
        : `\`protocol: ${protocol}\` is not supported: NetworkPolicy ports take TCP, UDP or SCTP, so the API server rejects the policy.`,
      range: object.rangeOf([...path, 'protocol']),
      ...(fixed && { path: [...path, 'protocol'], data: { protocol: fixed } }),
    };
  }
  const portProblem = typeof port === 'number' ? portNumberProblem(port) : typeof port === 'string' ? portNameProblem(port) : undefined;
  // "0080" is left alone: a leading zero leaves room for doubt (octal to some readers).
  const quotedNumber = typeof port === 'string' && /^[1-9]\d*$/.test(port) ? Number(port) : undefined;
  const portFix = quotedNumber !== undefined && quotedNumber >= 1 && quotedNumber <= 65535 ? { path: [...path, 'port'], data: { port: quotedNumber } } : {};
  if (portProblem) yield { message: portProblem, range: object.rangeOf([...path, 'port']), ...portFix };
  const endPortProblem = endPortProblemOf(port, endPort);
  if (endPortProblem) yield { message: endPortProblem, range: object.rangeOf([...path, 'endPort']) };
}

function portNumberProblem(port: number): string | undefined {
  if (!Number.isInteger(port)) return undefined; // a type problem: netpol-invalid
  if (port < 1 || port > 65535) return `\`port: ${port}\` is out of range: ports are 1-65535, so the API server rejects the policy.`;
  return undefined;
}

/** The API server's IsValidPortName: an IANA service name (RFC 6335). */
function portNameProblem(name: string): string | undefined {
  const reject = (why: string) => `Port name \`${name}\` ${why}, so the API server rejects the policy.`;
  if (/^\d+$/.test(name)) return `\`port: "${name}"\` is quoted, so it is a port name, and a name needs a letter: the API server rejects the policy.`;
  if (name.length === 0) return '`port: ""` is an empty port name, so the API server rejects the policy.';
  if (name.length > 15) return reject('is longer than 15 characters');
  if (!/^[a-z0-9-]+$/.test(name)) return reject('may only have lowercase letters, digits and dashes');
  if (!/[a-z]/.test(name)) return reject('needs at least one letter');
  if (name.startsWith('-') || name.endsWith('-') || name.includes('--')) return reject('may not start or end with a dash, or have two in a row');
  return undefined;
}

function endPortProblemOf(port: unknown, endPort: unknown): string | undefined {
  if (typeof endPort !== 'number' || !Number.isInteger(endPort)) return undefined; // absent, or a type problem
  if (port === undefined || port === null) {
    return `\`endPort: ${endPort}\` has no \`port\` to start the range, so the API server rejects the policy.`;
  }
  if (typeof port === 'string') return `\`endPort\` cannot follow the named port \`${port}\`, so the API server rejects the policy.`;
  if (endPort < 1 || endPort > 65535) return `\`endPort: ${endPort}\` is out of range: ports are 1-65535, so the API server rejects the policy.`;
  if (typeof port === 'number' && endPort < port) {
    return `\`endPort: ${endPort}\` is below \`port: ${port}\`, so the range is empty and the API server rejects the policy.`;
  }
  return undefined;
}
