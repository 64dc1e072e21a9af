/**
 * How a `*.` wildcard matches: as in a TLS certificate, exactly one label (`*.example.com` covers
 * `a.example.com`, not `a.b.example.com`); or as a suffix, as Gateway API listeners and Istio hosts do.
 */
export type WildcardMatching = 'one-label' | 'suffix';

function normalize(hostname: string): string {
  return hostname.trim().toLowerCase().replace(/\.$/, '');
}

/**
 * Whether `pattern` covers every name `hostname` stands for. An undefined or `*` pattern covers all;
 * a wildcard hostname is covered by the same wildcard or, with suffix matching, by a shorter one.
 * An undefined hostname (all names) is covered only by a pattern that covers all.
 */
export function hostnameCovers(pattern: string | undefined, hostname: string | undefined, matching: WildcardMatching): boolean {
  if (pattern === undefined || normalize(pattern) === '*') return true;
  if (hostname === undefined || normalize(hostname) === '*') return false;
  const wanted = normalize(pattern);
  const host = normalize(hostname);
  if (wanted === host) return true;
  if (!wanted.startsWith('*.')) return false;
  const suffix = wanted.slice(1); // ".example.com"
  if (!host.endsWith(suffix)) return false;
  const prefix = host.slice(0, host.length - suffix.length);
  if (prefix === '' || prefix === '*') return false;
  return matching === 'suffix' || !prefix.includes('.');
}

/** Whether a hostname is a wildcard (`*` or `*.example.com`). */
export function isWildcardHostname(hostname: string): boolean {
  return hostname.trim().startsWith('*');
}
