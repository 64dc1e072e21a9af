import { minimatch } from 'minimatch';

/**
 * Whether a file is excluded by the configured globs. `relativePath` uses "/" and is relative to the
 * folder the patterns are relative to (the workspace root, or the configuration file's folder). A
 * pattern without "/" matches a file or folder name at any depth, as in .gitignore.
 */
export function isExcluded(relativePath: string, patterns: readonly string[]): boolean {
  if (patterns.length === 0 || relativePath.startsWith('../')) return false;
  const segments = relativePath.split('/');
  return patterns.some((pattern) => {
    if (!pattern.includes('/')) return segments.some((segment) => minimatch(segment, pattern, { dot: true }));
    const anchored = pattern.startsWith('/') ? pattern.slice(1) : pattern;
    // "charts/**" also excludes "charts" itself; "charts/" means the folder and everything in it.
    const folderPattern = anchored.endsWith('/') ? `${anchored}**` : anchored;
    return minimatch(relativePath, folderPattern, { dot: true }) || minimatch(relativePath, `${folderPattern.replace(/\/\*\*$/, '')}/**`, { dot: true });
  });
}
