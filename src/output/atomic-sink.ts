import { Writable } from 'node:stream';
import { AtomicFile } from './atomic-file.js';

/**
 * A report file (`-o`) as a Sink: written to a temporary file beside the target, renamed into
 * place by `commit` once the report is complete. `close` without a commit (the run failed)
 * removes the temporary file and leaves an existing report as it was.
 */
export class AtomicFileSink {
  private constructor(private readonly file: AtomicFile) {}

  /** Opens the temporary file now: call before scanning, so an unwritable folder fails first. */
  static async open(target: string): Promise<AtomicFileSink> {
    return new AtomicFileSink(await AtomicFile.open(target, 'follow'));
  }

  write(text: string): Promise<void> {
    return this.file.write(text);
  }

  commit(): Promise<void> {
    return this.file.commit();
  }

  /** Ends the sink; a sink that was not committed is discarded. */
  close(): Promise<void> {
    return this.file.abort();
  }
}

/**
 * A Writable (for code written against `createWriteStream`) with the same guarantee: `end()`
 * renames the complete file into place before 'finish'; a stream destroyed before that removes its
 * temporary file. A failed write (a full disk) drops the temporary file at once and is reported by
 * `end()`, as the 'error' that `once(out, 'finish')` rejects with: failing a write itself would
 * emit 'error' while the caller may be busy with the next message and listening to nothing (an
 * uncaught exception), or leave it waiting forever for a 'drain' from a dead stream.
 */
// Used by clean for mail files: a symlink at the target is replaced, never followed (LinkPolicy).
export function createAtomicWriteStream(target: string): Writable {
  let file: AtomicFile | undefined;
  let failure: unknown;
  return new Writable({
    construct(done) {
      AtomicFile.open(target, 'replace').then((opened) => {
        file = opened;
        done();
      }, done);
    },
    write(chunk: Buffer, _encoding, done) {
      if (failure) {
        done();
        return;
      }
      file!.write(chunk).then(
        () => done(),
        (error: unknown) => {
          failure = error;
          void file!.abort().finally(() => done());
        },
      );
    },
    final(done) {
      if (failure) {
        done(failure as Error);
        return;
      }
      file!.commit().then(() => done(), done);
    },
    destroy(error, done) {
      if (!file) {
        done(error);
        return;
      }
      file.abort().then(
        () => done(error),
        () => done(error),
      );
    },
  });
}
