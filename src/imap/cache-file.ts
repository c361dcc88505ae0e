import { randomBytes } from 'node:crypto';
import { closeSync, constants, fchmodSync, fstatSync, fsyncSync, ftruncateSync, openSync, readSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import type { MessageResult } from '../types.js';
import { UidIndex } from './cache-index.js';
import { endOfLastLine, scanFile } from './cache-scan.js';

/** First line of every cache file: what it holds, checked so a hash collision or a foreign file is never read as ours. */
interface Header {
  pixelaudit: 'imap-cache';
  /** 3 since results are data only (RESULT_FORMAT 2): a file of format 2 is not ours, so it is removed and its messages fetched again. */
  format: typeof CACHE_FORMAT;
  mailbox: string;
  uidValidity: string;
}

const CACHE_FORMAT = 3;

// Lines are gathered into writes of about this size when compacting.
const CHUNK = 1 << 20;
// Never follow a link planted where a cache file should be (a shared or synced cache folder).
const NOFOLLOW = constants.O_NOFOLLOW ?? 0;

/** When to rewrite a file: at least as many superseded or unreadable lines as live ones, and enough to be worth it. */
export const COMPACT_MIN_DEAD = 32;

/**
 * One mailbox at one UIDVALIDITY under one set of settings: a JSONL file of
 * `{"uid":N,"result":{...}}` lines, appended as messages are scanned. Opening streams the file
 * once to index UID -> byte span (bounded memory: the results themselves are not kept); `get`
 * reads one line by offset. A line cut by a crash (no newline at the end) is ignored and cut off
 * before the next append; a file with at least as many dead lines as live ones is compacted.
 */
export class CacheFile {
  private index = new UidIndex();
  private readFd: number | null = null;
  private writeFd: number | null = null;
  /** Bytes up to the end of the last complete line. */
  private end = 0;
  /** Lines that are not records (unreadable), counted as dead for compaction. */
  private broken = 0;

  constructor(
    readonly file: string,
    private readonly header: Omit<Header, 'pixelaudit' | 'format'>,
  ) {
    if (this.load()) {
      this.index.seal();
      if (this.dead > COMPACT_MIN_DEAD && this.dead >= this.index.size) this.compact();
    } else {
      // No file yet, or not one of ours: what this run puts is indexed from an empty start.
      this.index = new UidIndex();
      this.index.seal();
      this.broken = 0;
      this.end = 0;
    }
  }

  /** Opens and indexes the file; false when there is none or it is not a cache file of this mailbox (then removed). */
  private load(): boolean {
    let fd: number;
    try {
      fd = openSync(this.file, constants.O_RDONLY | NOFOLLOW);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw error;
    }
    this.readFd = fd;
    const scanned = scanFile(fd, (line) => this.isOurHeader(line), this.index);
    if (scanned) {
      this.end = scanned.end;
      this.broken = scanned.broken;
      return true;
    }
    // Foreign, a hash collision, or cut before its header was complete: start over.
    this.closeFds();
    unlinkSync(this.file);
    return false;
  }

  /** Distinct UIDs held. */
  get size(): number {
    return this.index.size;
  }

  /** Superseded plus unreadable lines: what compaction would remove. */
  get dead(): number {
    return this.index.duplicates + this.broken;
  }

  has(uid: number): boolean {
    return this.index.get(uid) !== undefined;
  }

  /** The result kept for this UID, or undefined when there is none or its line cannot be read (it is then fetched again). */
  get(uid: number): MessageResult | undefined {
    const span = this.index.get(uid);
    if (!span || this.readFd === null) return undefined;
    const buf = Buffer.allocUnsafe(span.length);
    if (readSync(this.readFd, buf, 0, span.length, span.offset) !== span.length) return undefined;
    try {
      const record = JSON.parse(buf.toString('utf8')) as { uid?: unknown; result?: MessageResult };
      return record.uid === uid && record.result && typeof record.result === 'object' ? record.result : undefined;
    } catch {
      return undefined;
    }
  }

  put(uid: number, result: MessageResult): void {
    const fd = this.writer();
    const line = Buffer.from(`{"uid":${uid},"result":${JSON.stringify(result)}}\n`);
    writeAll(fd, line);
    this.index.add(uid, this.end, line.length - 1);
    this.end += line.length;
  }

  close(): void {
    this.closeFds();
  }

  /**
   * Drops the results of messages the server no longer has (`live` answers for the UIDs the
   * mailbox holds now), by compaction once they and the other dead lines outnumber the live ones.
   */
  retain(live: (uid: number) => boolean): void {
    let gone = 0;
    for (const e of this.index.entries()) if (!live(e.uid)) gone++;
    const kept = this.index.size - gone;
    if (gone > 0 && this.dead + gone > COMPACT_MIN_DEAD && this.dead + gone >= kept) this.compact(live);
  }

  /** Rewrites the live lines (those `keep` accepts) into a temporary file beside this one, then renames it into place. */
  compact(keep: (uid: number) => boolean = () => true): void {
    if (this.readFd === null) return;
    const tmp = `${this.file}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
    const out = openSync(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | NOFOLLOW, 0o600);
    const fresh = new UidIndex();
    let pos: number;
    try {
      const head = this.headerLine();
      writeAll(out, head);
      pos = head.length;
      // Lines are gathered into one buffer per MiB: one write per line made compacting 200,000 lines take 4 s instead of 1 s.
      let pending: Buffer[] = [];
      let pendingBytes = 0;
      for (const e of this.index.entries()) {
        if (!keep(e.uid)) continue;
        const buf = Buffer.allocUnsafe(e.length + 1);
        if (readSync(this.readFd, buf, 0, e.length, e.offset) !== e.length) continue;
        buf[e.length] = 0x0a;
        pending.push(buf);
        pendingBytes += buf.length;
        fresh.add(e.uid, pos, e.length);
        pos += buf.length;
        if (pendingBytes >= CHUNK) {
          writeAll(out, Buffer.concat(pending, pendingBytes));
          pending = [];
          pendingBytes = 0;
        }
      }
      if (pendingBytes) writeAll(out, Buffer.concat(pending, pendingBytes));
      fsyncSync(out);
      closeSync(out);
      renameSync(tmp, this.file);
    } catch (error) {
      try {
        closeSync(out);
      } catch {
        // already closed
      }
      try {
        unlinkSync(tmp);
      } catch {
        // nothing to remove
      }
      throw error;
    }
    fresh.seal();
    this.closeFds();
    this.readFd = openSync(this.file, constants.O_RDONLY | NOFOLLOW);
    this.index = fresh;
    this.end = pos;
    this.broken = 0;
  }

  private isOurHeader(line: string): boolean {
    try {
      const h = JSON.parse(line) as Partial<Header>;
      return h.pixelaudit === 'imap-cache' && h.format === CACHE_FORMAT && h.mailbox === this.header.mailbox && h.uidValidity === this.header.uidValidity;
    } catch {
      return false;
    }
  }

  private headerLine(): Buffer {
    return Buffer.from(`${JSON.stringify({ pixelaudit: 'imap-cache', format: CACHE_FORMAT, ...this.header } satisfies Header)}\n`);
  }

  private writer(): number {
    if (this.writeFd !== null) return this.writeFd;
    const fd = openSync(this.file, constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | NOFOLLOW, 0o600);
    try {
      // The mode of open() applies only to a new file; an older one is tightened too.
      fchmodSync(fd, 0o600);
      if (this.readFd === null) this.readFd = openSync(this.file, constants.O_RDONLY | NOFOLLOW);
      const size = fstatSync(fd).size;
      if (size === 0) {
        const header = this.headerLine();
        writeAll(fd, header);
        this.end = header.length;
      } else if (size > this.end) {
        // Past what was indexed: complete lines (another run appended them) stay; a cut last line goes.
        const complete = endOfLastLine(this.readFd, this.end, size);
        if (complete < size) ftruncateSync(fd, complete);
        this.end = complete;
      }
    } catch (error) {
      closeSync(fd);
      throw error;
    }
    this.writeFd = fd;
    return fd;
  }

  private closeFds(): void {
    for (const fd of [this.readFd, this.writeFd]) if (fd !== null) closeSync(fd);
    this.readFd = null;
    this.writeFd = null;
  }
}

function writeAll(fd: number, buf: Buffer): void {
  for (let off = 0; off < buf.length; ) off += writeSync(fd, buf, off);
}
