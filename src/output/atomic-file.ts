import { constants } from 'node:fs';
import { open, rename, type FileHandle } from 'node:fs/promises';
import { writePlaceOf, type LinkPolicy } from './write-place.js';
import { outputError } from './output-error.js';
import { fsyncFolderOf } from './fsync-folder.js';
import { removeTemp, trackTemp, untrackTemp } from './pending-writes.js';
import { modeFor, tempPathBeside } from './temp-path.js';

// Reports arrive as many small pieces (a JSONL line per message): gather them into large writes.
const FLUSH_BYTES = 256 * 1024;

/**
 * A file written in pieces into a temporary file beside the target and renamed over the target by
 * `commit` only: until then the target keeps what it had, and `abort` (or a failed commit) removes
 * the temporary file. A symlink named as the target is followed (writePlaceOf): the temporary
 * file goes beside the link's target and is renamed onto it, so the link stays a link ('follow';
 * clean's 'replace' renames over the link instead). A hard
 * link is not written into: the rename gives the name a new file.
 *
 * An existing target that is, after following links, neither a regular file nor a folder (a
 * character device such as /dev/null, `/dev/stdout` -> /proc/self/fd/1, a FIFO, a socket) is
 * written straight to: a rename would replace the device, link or FIFO with a regular file, and
 * there is no content there to protect from truncation. The path written is the one the OS
 * reaches (writePlaceOf), the same the guards checked (placeOf follows links too).
 */
export class AtomicFile {
  private pieces: Buffer[] = [];
  private buffered = 0;
  private state: 'open' | 'closed' | 'renamed' | 'aborted' = 'open';
  private writing: Promise<void> = Promise.resolve();

  private constructor(
    /** The path the caller named. */
    readonly target: string,
    /** The temporary file being written; undefined when writing straight to a device or FIFO. */
    readonly temp: string | undefined,
    private readonly handle: FileHandle,
    /** Where the rename puts the file: `target` resolved as the OS resolves it. */
    private readonly place: string = target,
  ) {}

  /** Creates the temporary file now, so a folder that cannot be written to fails before any work is done. */
  static async open(target: string, links: LinkPolicy): Promise<AtomicFile> {
    let place: string;
    let handle: FileHandle;
    try {
      const where = writePlaceOf(target, links);
      place = where.path;
      if (where.stream) {
        // No O_CREAT, no O_TRUNC: the device or FIFO that was checked, or an error.
        return new AtomicFile(target, undefined, await open(place, constants.O_WRONLY), place);
      }
    } catch (error) {
      throw outputError(target, error);
    }
    const temp = tempPathBeside(place);
    try {
      // O_EXCL: never open something already there, such as a link someone planted under this name.
      handle = await open(temp, 'wx', modeFor(place));
    } catch (error) {
      throw outputError(target, error);
    }
    trackTemp(temp);
    return new AtomicFile(target, temp, handle, place);
  }

  async write(chunk: Uint8Array | string): Promise<void> {
    if (this.state !== 'open') throw new Error(`write to ${this.target} after it was ${this.state}`);
    // A copy: the piece is kept until the next flush, and the caller may reuse its buffer at once.
    const bytes = Buffer.from(chunk);
    this.pieces.push(bytes);
    this.buffered += bytes.length;
    if (this.buffered >= FLUSH_BYTES) await this.flush();
  }

  /** Flushes, syncs to disk and renames into place; on any failure the temporary file is removed and the target is as it was. */
  async commit(): Promise<void> {
    if (this.state !== 'open') return;
    try {
      await this.flush();
      if (this.temp === undefined) {
        await this.writing;
        await this.handle.close();
        this.state = 'renamed';
        return;
      }
      await this.handle.sync();
      await this.handle.close();
      this.state = 'closed';
      await rename(this.temp, this.place);
      this.state = 'renamed';
      untrackTemp(this.temp);
    } catch (error) {
      await this.abort();
      throw outputError(this.target, error);
    }
    fsyncFolderOf(this.place);
  }

  /** Drops the temporary file; the target is untouched. Safe to call twice or after commit. */
  async abort(): Promise<void> {
    if (this.state === 'aborted' || this.state === 'renamed') return;
    if (this.state === 'open') {
      await this.writing.catch(() => undefined);
      await this.handle.close().catch(() => undefined);
    }
    this.state = 'aborted';
    if (this.temp !== undefined) removeTemp(this.temp);
  }

  private flush(): Promise<void> {
    if (!this.buffered) return this.writing;
    const data = this.pieces.length === 1 ? this.pieces[0] : Buffer.concat(this.pieces, this.buffered);
    this.pieces = [];
    this.buffered = 0;
    // One write at a time, in order, even for a caller that does not wait for each write.
    this.writing = this.writing.then(async () => {
      try {
        for (let done = 0; done < data.length; ) done += (await this.handle.write(data, done, data.length - done)).bytesWritten;
      } catch (error) {
        throw outputError(this.target, error);
      }
    });
    return this.writing;
  }
}
