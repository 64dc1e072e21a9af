/** A Service named in a text by its cluster DNS name, and the port written after it, if any. */
export interface DnsReference {
  service: string;
  /** Undefined for the bare `svc` form: the Service is in the referring workload's namespace. */
  namespace?: string;
  port?: number;
  /** The name as written, port included. */
  text: string;
}

// A host name and an optional port. Dots and hyphens inside; the name ends on a letter or digit.
const HOST = /[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?(?::(\d{1,5}))?/g;
const DNS_LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * The Service DNS names in a text: `svc.ns`, `svc.ns.svc` and `svc.ns.svc.cluster.local` wherever
 * they stand as a whole host name, and the bare `svc` only where it is unmistakably an address: with
 * a `:port` between separators, as the host of a URL (`scheme://svc`, `user@svc`), or alone as the
 * whole value or the value of a `--flag=`. A bare word in a sentence or a script is too often just a
 * word. Candidates are not checked against Services here.
 */
export function dnsReferencesIn(text: string): DnsReference[] {
  const found: DnsReference[] = [];
  for (const match of text.matchAll(HOST)) {
    const start = match.index;
    const end = start + match[0].length;
    // A part of a longer name (`a.b.example.com` holds no `a.b`) or of a word is no host name.
    if (/[A-Za-z0-9._-]/.test(text[start - 1] ?? '') || /[A-Za-z0-9_-]/.test(text[end] ?? '') || (text[end] === '.' && /[A-Za-z0-9]/.test(text[end + 1] ?? ''))) continue;
    // After a slash, the name is a path segment (`http://host/db.data`), unless the slashes start a URL's host.
    if (text[start - 1] === '/' && !text.slice(0, start).endsWith('://')) continue;
    const port = match[1] === undefined ? undefined : Number(match[1]);
    if (port !== undefined && (port < 1 || port > 65535)) continue;
    const host = match[0].slice(0, match[1] === undefined ? undefined : -match[1].length - 1);
    const labels = host.split('.');
    if (!labels.every((label) => DNS_LABEL.test(label))) continue;
    const qualified = qualifiedName(labels);
    if (qualified) found.push({ ...qualified, ...(port !== undefined ? { port } : {}), text: match[0] });
    else if (labels.length === 1 && standsAlone(text, start, end, port !== undefined)) found.push({ service: host, ...(port !== undefined ? { port } : {}), text: match[0] });
  }
  return found;
}

function qualifiedName(labels: readonly string[]): { service: string; namespace: string } | undefined {
  const [service, namespace, ...rest] = labels;
  const suffix = rest.join('.');
  if (labels.length >= 2 && ['', 'svc', 'svc.cluster.local'].includes(suffix)) return { service, namespace };
  return undefined;
}

const SEPARATOR = /[\s,;="']/;

// `svc:port` between separators; `svc` alone as the whole value, the value of a `--flag=`, or the host of a URL.
function standsAlone(text: string, start: number, end: number, withPort: boolean): boolean {
  const before = text.slice(0, start);
  const after = text.slice(end);
  if (before.endsWith('://') || before.endsWith('@')) return after === '' || /^[\s/,;"']/.test(after);
  if (withPort) return (start === 0 || SEPARATOR.test(text[start - 1])) && (after === '' || SEPARATOR.test(after[0]) || after[0] === '/');
  return (before.trim() === '' || before.endsWith('=')) && after.trim() === '';
}
