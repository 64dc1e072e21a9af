/**
 * How comments name files: relative to the folder all the workspace's files share (the file's own
 * name for a single file), so that comments stay short and do not leak home directories.
 */
export function relativeFileNamer(uris: readonly string[]): (uri: string) => string {
  const folders = uris.map((uri) => uri.slice(0, uri.lastIndexOf('/') + 1));
  let common = folders[0] ?? '';
  for (const folder of folders) while (!folder.startsWith(common)) common = common.slice(0, common.lastIndexOf('/', common.length - 2) + 1);
  return (uri) => (uri.startsWith(common) ? uri.slice(common.length) : uri);
}
