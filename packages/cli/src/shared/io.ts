/** Where a command writes and reads: the process's streams, or a test's. */
export interface Io {
  /** Writes one line (or block) to stdout. */
  out(text: string): void;
  /** Writes one line to stderr: diagnostics, never personal data in clear. */
  err(text: string): void;
  readonly stdin: NodeJS.ReadableStream;
}

export const processIo: Io = {
  out: (text) => void process.stdout.write(`${text}\n`),
  err: (text) => void process.stderr.write(`${text}\n`),
  stdin: process.stdin,
};
