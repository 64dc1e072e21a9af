import { parseAllDocuments, type Document } from 'yaml';
import { duplicateKeysOf } from './duplicate-keys';
import { jsonDocument } from './json-document';
import type { ToleratedProblem } from './tolerated-problem';
import { repairUnderIndentedQuotes } from './under-indented-quotes';
import { takeUnseparatedComments } from './unseparated-comments';
import { PARSE_OPTIONS } from './yaml-options';

/** A YAML document read as kubectl reads it, with the problems kubectl reads past. */
export interface KubectlDocument {
  yaml: Document.Parsed;
  tolerated: ToleratedProblem[];
}

/**
 * Parses a YAML stream with the `yaml` package, then, where go-yaml (kubectl) accepts what the
 * package refuses, reads the document as kubectl does and records the difference as a tolerated
 * problem instead of an error. Valid YAML takes the first parse as it is: the extra work is only
 * ever done for documents that have errors. Strict JSON is read by a JSON tokenizer, as kubectl does.
 */
export function parseLikeKubectl(text: string): KubectlDocument[] {
  const json = jsonDocument(text);
  if (json) return [{ yaml: json, tolerated: duplicateKeysOf(json) }];
  const parsed = parseAllDocuments(text, PARSE_OPTIONS);
  let documents: Document.Parsed[] = Array.isArray(parsed) ? parsed : [];
  if (documents.every((document) => document.errors.length === 0)) return documents.map((yaml) => ({ yaml, tolerated: duplicateKeysOf(yaml) }));
  const quotes = repairUnderIndentedQuotes(text, documents);
  if (quotes) documents = quotes.documents;
  return documents.map((yaml) => {
    const tolerated: ToleratedProblem[] = [...duplicateKeysOf(yaml), ...takeUnseparatedComments(yaml)];
    for (const problem of quotes?.problems ?? []) {
      if (yaml.range && problem.start >= yaml.range[0] && problem.start < yaml.range[2]) tolerated.push(problem);
    }
    return { yaml, tolerated: tolerated.sort((a, b) => a.start - b.start) };
  });
}
