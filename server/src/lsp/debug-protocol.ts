import { RequestType0 } from 'vscode-languageserver-protocol';

/** What `kubeNetsec/debug/memoryUsage` answers: the server process's memory, in bytes. */
export interface ServerMemoryUsage {
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
}

/**
 * A diagnostic request for benchmarks and bug reports: the server's memory as Node reports it.
 * Cheap and read-only, so any client may send it at any time. Garbage is collected first only when
 * the server was started with `node --expose-gc` (as the bench does): the heap is then what is held.
 */
export const MemoryUsageRequest = new RequestType0<ServerMemoryUsage, void>('kubeNetsec/debug/memoryUsage');

export function serverMemoryUsage(): ServerMemoryUsage {
  globalThis.gc?.();
  const { rss, heapUsed, heapTotal, external } = process.memoryUsage();
  return { rss, heapUsed, heapTotal, external };
}
