import type { Finding, LintConfig, ManifestFile } from '../engine';

/**
 * The yaml-syntax findings of a file the user named (standard input, or a file on the command
 * line) whose documents do not parse and so cannot even show they are Kubernetes objects. The
 * engine stays silent on those, rightly for files found in a folder (values files, CI configs),
 * but input given by name is meant to be manifests: a broken one must not pass as clean.
 */
export function namedInputSyntaxFindings(file: ManifestFile, config: LintConfig): Finding[] {
  const setting = config.rules['yaml-syntax'];
  if (setting === 'off') return [];
  return file.documents.flatMap((document) => {
    const { parsed } = document;
    const error = parsed.yaml.errors[0];
    // Documents that look like Kubernetes get the rule's own finding.
    if (parsed.isTemplate || parsed.looksLikeKubernetes || !error) return [];
    return [{ ruleId: 'yaml-syntax', severity: setting ?? 'error', message: error.message.split('\n')[0], uri: file.uri, range: document.rangeAt(error.pos[0], error.pos[1]) }];
  });
}
