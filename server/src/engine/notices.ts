import { MAX_MANIFEST_LENGTH, type ManifestFile } from './manifest/manifest-file';
import type { SourceRange } from './text/range';

/** Something the user should know about a file that is not a finding: documents that were skipped. */
export interface Notice {
  code: 'helm-template' | 'file-too-large';
  message: string;
  range: SourceRange;
}

export function noticesOf(file: ManifestFile): Notice[] {
  if (file.tooLarge) {
    const megabytes = (length: number) => (length / 1024 / 1024).toFixed(1);
    return [
      {
        code: 'file-too-large',
        message: `This file has ${megabytes(file.tooLarge.length)} MB of text, more than the ${megabytes(MAX_MANIFEST_LENGTH)} MB that kube-netsec checks; it was not checked.`,
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      },
    ];
  }
  const notice = file.templateNotice;
  if (!notice) return [];
  const documents = notice.documentCount === 1 ? '1 document uses' : `${notice.documentCount} documents use`;
  return [
    {
      code: 'helm-template',
      message: `${documents} Helm/Go template syntax ({{ }}) and ${notice.documentCount === 1 ? 'was' : 'were'} not checked; render the chart with \`helm template\` and check the output.`,
      range: notice.range,
    },
  ];
}
