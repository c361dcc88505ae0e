import { fstatSync } from 'node:fs';
import { identityOf, type FileIdentity } from '../input/file-identity.js';
import { Writable } from 'node:stream';
import { removePendingTemps } from '../output/pending-writes.js';
import { tuneHeapForStreaming } from './heap.js';
import { delayTierUp } from './tier-up.js';
import type { Sink } from './io.js';
import { run } from './run.js';

// The bundle's main entry gives run() too: scripts/bench-child.ts measures a scan through the
// bundle, as users run it, with streams of its own.
export { run };

function sinkOf(stream: Writable): Sink {
  return {
    write: (text: string) =>
      new Promise<void>((resolve, reject) => {
        stream.write(text, (error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** Reads a line from the terminal without echoing it (for passwords). */
async function promptHidden(question: string): Promise<string> {
  // Only imap asks: readline is not loaded for the other commands.
  const { createInterface } = await import('node:readline');
  process.stderr.write(question);
  const muted = new Writable({ write: (_chunk, _enc, done) => done() });
  const rl = createInterface({ input: process.stdin, output: muted, terminal: true });
  return new Promise((resolve) => {
    rl.question('', (answer) => {
      rl.close();
      process.stderr.write('\n');
      resolve(answer);
    });
  });
}

/** Wires the real process to run(); returns the exit code for bin/ to set. */
export async function main(): Promise<number> {
  tuneHeapForStreaming();
  delayTierUp();
  // Stopped from outside (Ctrl-C, Ctrl-\, a batch system's SIGTERM): no finally block runs, so
  // remove the unfinished temporary files and folders here, then die of the same signal as if
  // nothing had been caught (the shell sees 128 + the signal number, never 0).
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT'] as const) {
    process.once(signal, () => {
      removePendingTemps();
      process.kill(process.pid, signal);
    });
  }
  // A closed pipe (`pixelaudit scan x | head`) is not an error worth a stack.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') {
      removePendingTemps();
      // Nothing more can reach the reader; waiting for the run to finish would only keep writing into a closed pipe.
      // eslint-disable-next-line no-restricted-properties
      process.exit(0);
    }
  });
  const { exitCode } = await run(process.argv.slice(2), {
    stdout: sinkOf(process.stdout),
    stderr: sinkOf(process.stderr),
    stdin: process.stdin,
    ...stdinFile(),
    env: process.env,
    stdoutIsTTY: process.stdout.isTTY,
    stderrIsTTY: process.stderr.isTTY,
    ...(process.stdin.isTTY ? { prompt: promptHidden } : {}),
  });
  // Whatever is still a temporary file once the command is over belongs to an output that was never finished.
  removePendingTemps();
  return exitCode;
}

/** The identity of the regular file on fd 0, if it is one (a pipe or terminal has none worth comparing). */
function stdinFile(): { stdinFile?: FileIdentity } {
  try {
    const info = fstatSync(0, { bigint: true });
    return info.isFile() ? { stdinFile: identityOf(info) } : {};
  } catch {
    return {};
  }
}
