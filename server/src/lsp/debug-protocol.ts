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
 * Cheap (no collection is forced) and read-only, so any client may send it at any time.
 */
export const MemoryUsageRequest = new RequestType0<ServerMemoryUsage, void>('kubeNetsec/debug/memoryUsage');

export function serverMemoryUsage(): ServerMemoryUsage {
  const { rss, heapUsed, heapTotal, external } = process.memoryUsage();
  return { rss, heapUsed, heapTotal, external };
}
