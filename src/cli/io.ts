import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';

/** Where text goes: the process streams, a file, or a string buffer in tests. */
export interface Sink {
  write(text: string): void | Promise<void>;
}

/** Everything a command may touch of the outside world, so tests never touch `process`. */
export interface Io {
  stdout: Sink;
  stderr: Sink;
  stdin?: AsyncIterable<Buffer>;
  env: Record<string, string | undefined>;
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

/** A file opened for output, written with backpressure, created only when the scan starts. */
export class FileSink implements Sink {
  private readonly stream: WriteStream;

  constructor(path: string) {
    this.stream = createWriteStream(path, { flags: 'w', mode: 0o644 });
  }

  async write(text: string): Promise<void> {
    if (!this.stream.write(text)) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    this.stream.end();
    await once(this.stream, 'finish');
  }
}
