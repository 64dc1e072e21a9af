// Port numbers as written in container and Service ports, and what listens on the well-known ones.

import { portProtocol } from '../../model/port-defaults';

/** A port number written as an integer (or an integer string); undefined for names and junk. */
export function portNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) ? value : undefined;
  if (typeof value === 'string' && /^\s*\d+\s*$/.test(value)) return Number(value);
  return undefined;
}

/**
 * Whether a port entry's protocol is TCP: the API server's default when `protocol` is absent or
 * empty. `tcp` counts too: the API server refuses it, but what the author means to expose is clear.
 */
export function isTcp(protocol: unknown): boolean {
  return portProtocol(protocol)?.trim().toUpperCase() === 'TCP';
}

/** What usually listens on each port of the default `sensitivePorts` list. */
const PORT_PRODUCTS: Readonly<Record<number, string>> = {
  22: 'SSH',
  23: 'telnet',
  2375: 'Docker API, unencrypted',
  2376: 'Docker API over TLS',
  2379: 'etcd client API',
  2380: 'etcd peer API',
  3306: 'MySQL',
  3389: 'RDP',
  5432: 'PostgreSQL',
  5984: 'CouchDB',
  6379: 'Redis',
  6443: 'Kubernetes API server',
  9200: 'Elasticsearch',
  10250: 'kubelet API',
  10255: 'kubelet read-only API',
  11211: 'memcached',
  27017: 'MongoDB',
};

/** "6379 (Redis)", or just "8080" for a port without a known product. */
export function describePort(port: number): string {
  const product = PORT_PRODUCTS[port];
  return product ? `${port} (${product})` : String(port);
}
