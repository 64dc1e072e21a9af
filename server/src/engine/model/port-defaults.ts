// Ports as the API server stores them, not as written: the defaults of core/v1 (Service and
// container ports, pkg/apis/core/v1/defaults.go and the `+default` markers of its types) and of
// networking/v1 (NetworkPolicy ports). Every rule, answer and generator that reads a port reads it
// through these, so that an absent field means what Kubernetes makes of it.

/** The protocols the API server accepts, spelt exactly so: `tcp` is refused, not read as TCP. */
export const API_PROTOCOLS = ['TCP', 'UDP', 'SCTP'] as const;
export type ApiProtocol = (typeof API_PROTOCOLS)[number];

export function isApiProtocol(value: unknown): value is ApiProtocol {
  return typeof value === 'string' && (API_PROTOCOLS as readonly string[]).includes(value);
}

/** A port number the API server accepts: an integer in 1-65535. */
export function isPortNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 65535;
}

/**
 * The protocol of a Service or container port: TCP when absent, null or empty (these are plain
 * strings in the Go types, defaulted when zero), otherwise as written, a value the API server
 * refuses (`tcp`, `HTTP`) included so that it matches nothing. Undefined for a non-string.
 */
export function portProtocol(value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return 'TCP';
  return typeof value === 'string' ? value : undefined;
}

/**
 * The protocol of a NetworkPolicy `ports` entry: TCP when absent or null. The field is a pointer
 * there, so an empty string is kept (and refused), unlike on Service and container ports.
 */
export function policyPortProtocol(value: unknown): string | undefined {
  if (value === undefined || value === null) return 'TCP';
  return typeof value === 'string' ? value : undefined;
}

/** How a Service port's `targetPort` came to its value, when it was not written as a port. */
export type TargetPortDefault = 'absent' | 'zero' | 'empty';

/**
 * A Service port's `targetPort` as stored: absent, null, `0` and `""` all become the number in
 * `port`; a name is looked up on each pod. `invalid` is what the API server refuses: a number
 * outside 1-65535, a string of digits (an IntOrString string stays a name, and a port name needs a
 * letter), another type, or a defaulted target whose `port` is no port number.
 */
export type ServiceTarget =
  | { kind: 'number'; port: number; defaulted?: TargetPortDefault }
  | { kind: 'name'; name: string }
  | { kind: 'invalid' };

export function serviceTargetOf(entry: { port?: unknown; targetPort?: unknown }): ServiceTarget {
  const { port, targetPort } = entry;
  const defaulted: TargetPortDefault | undefined =
    targetPort === undefined || targetPort === null ? 'absent' : targetPort === 0 ? 'zero' : targetPort === '' ? 'empty' : undefined;
  if (defaulted) return isPortNumber(port) ? { kind: 'number', port, defaulted } : { kind: 'invalid' };
  if (isPortNumber(targetPort)) return { kind: 'number', port: targetPort };
  if (typeof targetPort === 'string' && !/^\d+$/.test(targetPort)) return { kind: 'name', name: targetPort };
  return { kind: 'invalid' };
}

/** Words for a defaulted target, after the port number it defaulted to. */
export function targetPortDefaultText(defaulted: TargetPortDefault): string {
  const written = { absent: 'without targetPort', zero: 'with targetPort 0', empty: 'with an empty targetPort' }[defaulted];
  return `${written}, the target port defaults to the port`;
}

/**
 * The API server's IsValidPortName (an IANA service name): at most 15 lowercase letters, digits
 * and dashes, with a letter, no dash first, last or twice in a row. A name that fails it is refused
 * wherever a port name goes (container ports, targetPort, NetworkPolicy ports).
 */
export function isValidPortName(name: string): boolean {
  return name.length <= 15 && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(name) && /[a-z]/.test(name);
}
