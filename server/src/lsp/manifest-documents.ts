import type { TextDocument } from 'vscode-languageserver-textdocument';

const MANIFEST_LANGUAGES = new Set(['yaml', 'json']);
const MANIFEST_EXTENSION = /\.(ya?ml|json)$/i;

/**
 * Which documents the server checks. VS Code sends only YAML; other editors may send everything,
 * so the language id (or, failing a known one, the file extension) decides. Helm templates have
 * their own language id (`helm`) and are left alone.
 */
export function isManifestDocument(document: TextDocument): boolean {
  if (MANIFEST_LANGUAGES.has(document.languageId)) return true;
  if (document.languageId === 'helm') return false;
  return MANIFEST_EXTENSION.test(document.uri);
}
