import { ChunkCache, noticesOf, parseManifest, type LocatedFinding, type ManifestFile, type Notice } from '../engine';
import type { DocumentAnswers } from './document-answers';
import type { DocumentFixes } from './document-fixes';

/** An open document as last parsed, with its single-file findings once computed. */
export interface OpenDocumentState {
  uri: string;
  /** The document version the parse is of: diagnostics are published for this version only. */
  version: number;
  file: ManifestFile;
  notices: Notice[];
  /** Findings of the rules that need only this file; kept until the text or the configuration changes. */
  fileFindings?: LocatedFinding[];
  /** What the last published diagnostics were made of, with their fixes (computed on request). */
  reported?: DocumentFixes;
  /** Hovers, lenses and completions, answered from the same check as `reported`. */
  answers?: DocumentAnswers;
}

/** The open manifest documents: their latest parse, re-using unchanged YAML documents between edits. */
export class OpenDocuments {
  private readonly tracked = new Set<string>();
  private readonly states = new Map<string, OpenDocumentState>();
  private readonly caches = new Map<string, ChunkCache>();

  track(uri: string): void {
    this.tracked.add(uri);
  }

  has(uri: string): boolean {
    return this.tracked.has(uri);
  }

  uris(): string[] {
    return [...this.tracked];
  }

  get(uri: string): OpenDocumentState | undefined {
    return this.states.get(uri);
  }

  /** Parses the document's current text (only the YAML documents that changed are parsed again). */
  update(uri: string, text: string, version: number): OpenDocumentState {
    let cache = this.caches.get(uri);
    if (!cache) this.caches.set(uri, (cache = new ChunkCache()));
    const file = parseManifest(uri, text, cache);
    const state: OpenDocumentState = { uri, version, file, notices: noticesOf(file) };
    this.states.set(uri, state);
    return state;
  }

  forget(uri: string): void {
    this.tracked.delete(uri);
    this.states.delete(uri);
    this.caches.delete(uri);
  }

  /** Drops computed findings (the configuration changed); parses are kept. */
  forgetFindings(): void {
    for (const state of this.states.values()) {
      state.fileFindings = undefined;
      state.reported = undefined;
      state.answers = undefined;
    }
  }
}
