// How a message names another file: as seen from the file the message is shown in.

/**
 * `to` (a URI or a path) relative to the folder of `from`: its base name when both are in one
 * folder, else a path such as `../base/web.yaml`. URIs are percent-decoded and Windows paths read
 * with "/", for reading. An absolute location that shares no folder with `from` (another
 * drive, scheme or tree) is named in full.
 */
export function relativeFileName(from: string, to: string): string {
  const target = readable(to);
  const folder = readable(from).split('/').slice(0, -1);
  const parts = target.split('/');
  let common = 0;
  while (common < folder.length && common < parts.length - 1 && folder[common] === parts[common]) common++;
  if (isAbsolute(target) && !folder.slice(0, common).some(isFolderName)) return target;
  return [...folder.slice(common).map(() => '..'), ...parts.slice(common)].join('/');
}

// `file:///a/b.yaml` splits into "file:", "", "", "a", "b.yaml": the scheme, a drive ("C:") and the
// root are not folders two files can be said to share.
function isFolderName(part: string): boolean {
  return part !== '' && !part.endsWith(':');
}

function isAbsolute(location: string): boolean {
  return /^(?:[a-z][a-z0-9+.-]*:|\/)/i.test(location);
}

function readable(location: string): string {
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(location)) return location.replace(/\\/g, '/');
  try {
    return decodeURI(location);
  } catch {
    return location;
  }
}
