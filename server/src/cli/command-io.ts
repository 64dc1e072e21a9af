import type { ProgressStream } from './progress-line';

export enum ExitCode {
  Clean = 0,
  Findings = 1,
  UsageOrIoError = 2,
}

/** Where a command reads and writes: the process in real use, buffers in tests. */
export interface CommandIO {
  out(text: string): void;
  error(text: string): void;
  readStdin(): Promise<string>;
  /** Where a progress line may be drawn (standard error; tests leave it out). */
  progressStream?: ProgressStream;
}

export const processIO: CommandIO = {
  out: (text) => process.stdout.write(text + '\n'),
  error: (text) => process.stderr.write(text + '\n'),
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
  progressStream: process.stderr,
};
