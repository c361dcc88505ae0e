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
    return new AtomicFileSink(await AtomicFile.open(target));
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
 * renames the complete file into place before 'finish'; a stream destroyed before that (an
 * error) removes its temporary file. Call sites keep their write/drain/end/finish logic.
 */
export function createAtomicWriteStream(target: string): Writable {
  let file: AtomicFile | undefined;
  return new Writable({
    construct(done) {
      AtomicFile.open(target).then((opened) => {
        file = opened;
        done();
      }, done);
    },
    write(chunk: Buffer, _encoding, done) {
      file!.write(chunk).then(() => done(), done);
    },
    final(done) {
      file!.commit().then(() => done(), done);
    },
    destroy(error, done) {
      if (!file) return done(error);
      file.abort().then(() => done(error), () => done(error));
    },
  });
}
