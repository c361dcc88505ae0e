import type { FileIdentity } from '../input/file-identity.js';
/** Where text goes: the process streams, a file, or a string buffer in tests. */
export interface Sink {
  write(text: string): void | Promise<void>;
}

/** Everything a command may touch of the outside world, so tests never touch `process`. */
export interface Io {
  stdout: Sink;
  stderr: Sink;
  stdin?: AsyncIterable<Buffer>;
  /** The regular file behind standard input (`scan - < box.mbox`), so that naming it too reads it once. */
  stdinFile?: FileIdentity;
  env: Record<string, string | undefined>;
  /** The working folder (check searches its configuration upward from it); process.cwd() when absent. */
  cwd?: string;
  /** Whether stdout is a terminal (colour, progress). */
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  /** Asks on the terminal without echo; absent when stdin is not a terminal. */
  prompt?: (question: string) => Promise<string>;
}

export class StringSink implements Sink {
  text = '';
  write(text: string): void {
    this.text += text;
  }
}

// A report file is an AtomicFileSink (src/output/atomic-sink.ts): written beside the target and
// renamed into place when complete, so a failed run never leaves half a report over a whole one.
