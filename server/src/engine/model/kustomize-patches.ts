import { isPlainObject } from '../manifest/kube-object';
import type { ManifestFile } from '../manifest/manifest-file';

// kustomize reads its instructions from a file of one of these names in each base, overlay or component.
const KUSTOMIZATION_FILE = /(?:^|[/\\])kustomization\.ya?ml$/;

/** Whether a file is a kustomization (`kustomization.yaml` or `.yml`), whatever it holds. */
export function isKustomizationFile(uri: string): boolean {
  return KUSTOMIZATION_FILE.test(uri);
}

/**
 * The files that the kustomizations among `files` name as patches (`patches[].path`,
 * `patchesStrategicMerge`), by URI. Such a file holds partial objects that kustomize merges into
 * a base's: they are not definitions of their own, and must not replace the objects they patch.
 */
export function kustomizePatchUris(files: readonly ManifestFile[]): ReadonlySet<string> {
  const wanted = new Set<string>();
  for (const file of files) {
    if (!isKustomizationFile(file.uri)) continue;
    const folder = normalized(file.uri).slice(0, -1);
    for (const document of file.documents) {
      for (const path of patchPathsOf(document.parsed.value)) wanted.add(resolved([...folder, ...splitPath(path)]).join('/'));
    }
  }
  const result = new Set<string>();
  if (wanted.size === 0) return result;
  for (const file of files) if (wanted.has(normalized(file.uri).join('/'))) result.add(file.uri);
  return result;
}

function patchPathsOf(kustomization: unknown): string[] {
  if (!isPlainObject(kustomization)) return [];
  const paths: unknown[] = [];
  if (Array.isArray(kustomization.patches)) paths.push(...kustomization.patches.map((patch) => (isPlainObject(patch) ? patch.path : undefined)));
  // An entry of patchesStrategicMerge is a file, or a whole patch written inline (several lines).
  if (Array.isArray(kustomization.patchesStrategicMerge)) paths.push(...kustomization.patchesStrategicMerge);
  return paths.filter((path): path is string => typeof path === 'string' && path !== '' && !path.includes('\n') && !path.includes('://') && !path.startsWith('/'));
}

/** The segments of a URI or path, percent-escapes decoded, `.` and `..` resolved. */
function normalized(location: string): string[] {
  let text = location;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(location)) {
    try {
      text = decodeURI(location);
    } catch {
      // Left as written: it is then compared as written on both sides.
    }
  }
  return resolved(splitPath(text));
}

function splitPath(path: string): string[] {
  return path.replace(/\\/g, '/').split('/');
}

function resolved(segments: readonly string[]): string[] {
  const result: string[] = [];
  segments.forEach((segment, index) => {
    if (segment === '.' || (segment === '' && index > 0 && index === segments.length - 1)) return;
    const last = result[result.length - 1];
    // Never above the root, the scheme or a drive ("", "file:", "C:").
    if (segment === '..' && last !== undefined && last !== '..' && last !== '' && !last.endsWith(':')) result.pop();
    else result.push(segment);
  });
  return result;
}
