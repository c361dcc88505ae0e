import { isEnvelope, isMozillaEnvelope } from './mbox-envelope.js';
import { unquoteFromLines } from './mbox-quoting.js';

export { quoteFromLines, unquoteFromLines } from './mbox-quoting.js';

/** One message of an mbox, in file order. */
export interface MboxEntry {
  /** 1-based position in the mbox. */
  index: number;
  /** Byte offset of the message's `From ` separator line in the file. */
  offset: number;
  /** Size of the message in bytes, as stored (separator line excluded). */
  size: number;
  /** The message, `>From ` unquoted; null when it is larger than `maxMessageBytes`. */
  bytes: Buffer | null;
  /** The `From ` separator line as written, without its line break. */
  separator: string;
}

export interface SplitOptions {
  /** Messages above this size are counted but not kept in memory. */
  maxMessageBytes?: number;
}

const FROM_AFTER_NEWLINE = Buffer.from('\nFrom ');
const FROM = Buffer.from('From ');
const CONTENT_LENGTH = /^content-length[ \t]*:[ \t]*(\d{1,15})[ \t\r]*\n$/i;
/** Longest line read whole (a separator, a header): longer ones are content and pass through. */
const HOLD = 4096;
/** Bytes kept before the unread data: the blank-line test looks back at most this far. */
const HISTORY = 3;
/**
 * A Content-Length above this is not waited for: until the declared end is reached its bytes are
 * held (whatever maxMessageBytes says, so that scan and clean split a file alike), to be split
 * after all at the envelope lines inside if the declaration proves wrong.
 */
const CONTENT_LENGTH_HOLD = 64 * 1024 * 1024;

interface Pending {
  index: number;
  offset: number;
  separator: string;
  size: number;
  parts: Buffer[] | null;
  /** Still in the header block: a `Content-Length:` line is looked for. */
  inHeader: boolean;
  contentLength: number | null;
  /** File offset where the declared body ends, while it is not yet known to be consistent. */
  declaredEnd: number | null;
  /** Envelope lines inside the declared body: separators after all if the declaration proves wrong. */
  deferred: Array<{ at: number; offset: number; separator: string; lineLength: number }>;
}

/**
 * Splits an mbox stream into messages, holding at most one message (plus one chunk) in memory,
 * in time linear in the file. A message begins at a `From ` line that is an envelope (a sender
 * and a date, see isEnvelope) and follows a blank line; the file's first line; or the `From `
 * line where a consistent `Content-Length` says the previous body ends (Netscape wrote `From - `
 * with no blank line and no date). A `Content-Length` is consistent when the declared body ends
 * at the end of the file or at a `From ` line (after at most one line break), as mutt checks;
 * otherwise it is ignored. Lines longer than HOLD pass through without being held whole.
 */
export async function* splitMbox(chunks: AsyncIterable<Buffer>, options: SplitOptions = {}): AsyncGenerator<MboxEntry> {
  const splitter = new MboxSplitter(options.maxMessageBytes ?? Number.POSITIVE_INFINITY);
  for await (const chunk of chunks) yield* release(splitter.push(chunk));
  yield* release(splitter.end());
}

/**
 * The entries of a batch, each dropped from the array as it is given out. A failed Content-Length
 * yields a whole declared body's messages at once (hundreds, over 20 MB of chunks); iterated as
 * is, the array kept every one of them (and so every chunk) until the last was used, and a
 * generator register kept the spent array after that, so two such batches were alive at once.
 */
function* release(batch: Array<MboxEntry | undefined>): Generator<MboxEntry> {
  for (let i = 0; i < batch.length; i++) {
    const entry = batch[i] as MboxEntry;
    batch[i] = undefined;
    yield entry;
  }
  batch.length = 0;
}

class MboxSplitter {
  private buf: Buffer = Buffer.alloc(0);
  /** File offset of buf[0]. */
  private base = 0;
  /** Index in buf of the first byte not yet given to a message. */
  private pos = 0;
  private current: Pending | null = null;
  private count = 0;
  /** Before the first line: leading blank lines are skipped, then the first line is a separator. */
  private started = false;
  /** The line at pos begins a message (file start, or a consistent Content-Length end). */
  private separatorNext = false;
  /** Inside a line longer than HOLD: its bytes are content until its line break. */
  private inLongLine = false;
  private out: MboxEntry[] = [];

  constructor(private readonly max: number) {}

  push(chunk: Buffer): MboxEntry[] {
    // Only the unread tail (bounded: HISTORY plus at most HOLD bytes) is copied with the chunk.
    const keep = Math.max(0, this.pos - HISTORY);
    const tail = this.buf.subarray(keep);
    this.buf = tail.length ? Buffer.concat([tail, chunk]) : chunk;
    this.base += keep;
    this.pos -= keep;
    this.run(false);
    return this.take();
  }

  end(): MboxEntry[] {
    this.run(true);
    const p = this.current;
    if (p?.declaredEnd != null && p.declaredEnd === this.base + this.buf.length) {
      // The declared body ends exactly at the end of the file.
      this.out.push(finish(p, false, this.max));
    } else {
      if (p?.declaredEnd != null) this.declarationFailed();
      if (this.current) this.out.push(finish(this.current, true, this.max));
    }
    this.current = null;
    return this.take();
  }

  private take(): MboxEntry[] {
    const out = this.out;
    this.out = [];
    return out;
  }

  private append(from: number, to: number): void {
    const p = this.current;
    if (!p || to <= from) return;
    p.size += to - from;
    // The header block (where a Content-Length may stand) and a declared body being checked are
    // kept whatever the limit, up to CONTENT_LENGTH_HOLD: if the declaration proves wrong they
    // are split after all, and the pieces under the limit keep their bytes.
    const holding = p.declaredEnd !== null || (p.inHeader && p.size <= CONTENT_LENGTH_HOLD);
    if (p.parts && p.size > this.max && !holding) p.parts = null;
    if (!p.parts) return;
    // Adjacent pieces of one chunk stay one slice: a message within a chunk is then never copied.
    const last = p.parts[p.parts.length - 1];
    const joined = last ? from - last.length : -1;
    if (last && joined >= 0 && last.buffer === this.buf.buffer && last.byteOffset === this.buf.byteOffset + joined) {
      p.parts[p.parts.length - 1] = this.buf.subarray(joined, to);
    } else p.parts.push(this.buf.subarray(from, to));
  }

  /** Reads as far as the data allows; stops where the next decision needs bytes not yet read. */
  private run(eof: boolean): void {
    const buf = this.buf;
    while (this.pos < buf.length) {
      if (this.inLongLine) {
        const nl = buf.indexOf(0x0a, this.pos);
        const to = nl === -1 ? buf.length : nl + 1;
        this.append(this.pos, to);
        this.pos = to;
        if (nl !== -1) this.inLongLine = false;
        continue;
      }
      if (!this.started || this.separatorNext) {
        if (!this.readSeparator(eof)) return;
        continue;
      }
      if (this.current?.inHeader) {
        if (!this.readHeader(eof)) return;
        continue;
      }
      if (!this.readBody(eof)) return;
    }
  }

  /** The line at pos, whole, or null when it is not all here yet (or is longer than HOLD). */
  private lineAt(at: number, eof: boolean): { end: number; whole: boolean } | null {
    const nl = this.buf.indexOf(0x0a, at);
    if (nl !== -1 && nl - at < HOLD) return { end: nl + 1, whole: true };
    if (nl === -1 && this.buf.length - at < HOLD) return eof ? { end: this.buf.length, whole: true } : null;
    return { end: at + HOLD, whole: false };
  }

  private readSeparator(eof: boolean): boolean {
    const buf = this.buf;
    if (!this.started) {
      // Blank lines before the first separator belong to no message.
      const skip = buf[this.pos] === 0x0a ? 1 : buf[this.pos] === 0x0d && buf[this.pos + 1] === 0x0a ? 2 : 0;
      if (skip) {
        this.pos += skip;
        return true;
      }
      if (buf[this.pos] === 0x0d && this.pos + 1 >= buf.length && !eof) return false;
    }
    if (buf.length - this.pos < FROM.length && !eof) return false;
    this.started = true;
    this.separatorNext = false;
    if (!buf.subarray(this.pos, this.pos + FROM.length).equals(FROM)) {
      // Not an mbox after all (or text before the first separator): one message with no separator line.
      this.begin(this.pos, '');
      return true;
    }
    const line = this.lineAt(this.pos, eof);
    if (!line) {
      this.separatorNext = true;
      return false;
    }
    this.begin(this.pos, lineText(buf, this.pos, line.end));
    if (!line.whole) this.inLongLine = true;
    this.pos = line.end;
    return true;
  }

  private begin(at: number, separator: string): void {
    this.current = {
      index: ++this.count,
      offset: this.base + at,
      separator,
      size: 0,
      parts: [],
      inHeader: true,
      contentLength: null,
      declaredEnd: null,
      deferred: [],
    };
  }

  /** Header lines up to the blank line, looking for `Content-Length:`; appended in one piece. */
  private readHeader(eof: boolean): boolean {
    const p = this.current as Pending;
    const buf = this.buf;
    let at = this.pos;
    let more = true;
    while (at < buf.length) {
      const line = this.lineAt(at, eof);
      if (!line) {
        more = false;
        break;
      }
      const { end } = line;
      if (!line.whole) {
        this.inLongLine = true;
        at = end;
        break;
      }
      if (end - at <= 2 && (buf[at] === 0x0a || (buf[at] === 0x0d && buf[at + 1] === 0x0a))) {
        p.inHeader = false;
        const headerBytes = p.size + (end - this.pos);
        if (p.contentLength !== null && headerBytes + p.contentLength <= CONTENT_LENGTH_HOLD) p.declaredEnd = this.base + end + p.contentLength;
        at = end;
        break;
      }
      if (p.contentLength === null && (buf[at] | 0x20) === 0x63) {
        const m = CONTENT_LENGTH.exec(buf.toString('latin1', at, end));
        if (m) p.contentLength = Number(m[1]);
      }
      at = end;
    }
    this.append(this.pos, at);
    this.pos = at;
    return more;
  }

  private readBody(eof: boolean): boolean {
    const buf = this.buf;
    const p = this.current as Pending;
    const declaredAt = p.declaredEnd === null ? Number.POSITIVE_INFINITY : p.declaredEnd - this.base;
    let search = this.pos;
    for (;;) {
      let c = buf.indexOf(FROM_AFTER_NEWLINE, Math.max(0, search - 1));
      c = c === -1 ? -1 : c + 1;
      if (c !== -1 && c < this.pos) c = -1; // only a history byte matched
      if (declaredAt <= buf.length && (c === -1 || c >= declaredAt)) return this.atDeclaredEnd(declaredAt, eof);
      if (c === -1) {
        // Keep the last bytes unread: a separator may begin across the chunk boundary.
        const to = eof ? buf.length : Math.max(this.pos, buf.length - FROM_AFTER_NEWLINE.length);
        this.append(this.pos, to);
        this.pos = to;
        return eof;
      }
      // Cheap tests first: most such lines follow no blank line and are not Mozilla's.
      const mozilla = buf[c + 5] === 0x2d && buf[c + 6] === 0x20;
      const blank = this.blankBefore(c);
      const line = mozilla || blank || c + 7 > buf.length ? this.lineAt(c, eof) : { end: c, whole: false };
      if (!line) {
        this.append(this.pos, c);
        this.pos = c;
        return false;
      }
      const separator = line.whole ? lineText(buf, c, line.end) : '';
      // Netscape wrote `From - ` lines with no blank line before them; such a line in a body (a
      // forwarded header, an attacker's markup) must not split its message, so without a blank
      // line it separates only when a header field follows it (outside review: the pixel after a
      // body line `From - ` was lost).
      let mozillaSeparator = mozilla && line.whole && isMozillaEnvelope(separator);
      if (mozillaSeparator && !blank && p.declaredEnd === null) {
        const next = this.lineAt(line.end, eof);
        if (!next) {
          this.append(this.pos, c);
          this.pos = c;
          return false;
        }
        mozillaSeparator = startsWithField(buf, line.end, next.end);
      }
      if (!line.whole || !(mozillaSeparator || (blank && isEnvelope(separator)))) {
        search = c + 1;
        continue;
      }
      this.append(this.pos, c);
      this.pos = c;
      if (p.declaredEnd !== null && c < declaredAt) {
        if (!blank) {
          // Inside the declared body, a line without a blank one before it (Netscape's `From - `)
          // is a separator only if the declaration proves wrong.
          p.deferred.push({ at: p.size, offset: this.base + c, separator, lineLength: line.end - c });
          this.append(c, line.end);
          this.pos = line.end;
          search = line.end;
          continue;
        }
        // An envelope after a blank line separates whatever a Content-Length says: the sender
        // writes that header, and could otherwise hide the next message inside its own body
        // (outside review: a declared length that ends exactly at the third envelope hid the second).
        this.declarationFailed();
      }
      this.out.push(finish(this.current as Pending, true, this.max));
      this.begin(c, separator);
      this.pos = line.end;
      return true;
    }
  }

  /** Whether the line before the one at c is empty (or c is the second line of the file, after an empty one). */
  private blankBefore(c: number): boolean {
    const buf = this.buf;
    if (this.base + c - 1 === 0) return true;
    if (buf[c - 2] === 0x0a) return true;
    if (buf[c - 2] !== 0x0d) return false;
    return this.base + c - 2 === 0 || buf[c - 3] === 0x0a;
  }

  /** At the end of a declared body: a separator follows (the declaration holds), or it is ignored. */
  private atDeclaredEnd(at: number, eof: boolean): boolean {
    const buf = this.buf;
    const p = this.current as Pending;
    if (at < this.pos) {
      // The declared end falls inside a line already read (an envelope line found before it).
      this.declarationFailed();
      return true;
    }
    const need = 2 + FROM.length;
    if (buf.length - at < need && !eof) {
      // Not past the last bytes: an envelope line may start there, before the declared end.
      const to = Math.min(at, Math.max(this.pos, buf.length - FROM_AFTER_NEWLINE.length));
      this.append(this.pos, to);
      this.pos = to;
      return false;
    }
    let next = at;
    if (buf[next] === 0x0d && buf[next + 1] === 0x0a) next += 2;
    else if (buf[next] === 0x0a) next += 1;
    const fromNext = (next > at || this.base + at === 0 || buf[at - 1] === 0x0a) && buf.subarray(next, next + FROM.length).equals(FROM);
    const onlyBreaks = eof && buf.subarray(next).every((b) => b === 0x0a || b === 0x0d);
    this.append(this.pos, at);
    this.pos = at;
    if (!fromNext && !onlyBreaks) {
      this.declarationFailed();
      return true;
    }
    p.declaredEnd = null;
    const lineStart = this.base + at === 0 || buf[at - 1] === 0x0a;
    // After a body that ends with its line, the line break is the mbox's blank line (counted in the
    // stored size, not part of the message); after one that ends inside its last line (Netscape
    // counted without the final line break) it ends that line.
    if (lineStart) p.size += next - at;
    else this.append(at, next);
    if (!fromNext) p.size += buf.length - next;
    this.out.push(finish(p, false, this.max));
    this.current = null;
    this.pos = fromNext ? next : buf.length;
    this.separatorNext = fromNext;
    return true;
  }

  /** The declared body did not end at a separator: the envelope lines found inside it split it after all. */
  private declarationFailed(): void {
    const p = this.current as Pending;
    p.declaredEnd = null;
    if (p.deferred.length === 0) return;
    // Each piece takes slices of the held chunks, not of one concatenation of the whole declared
    // body: a message yielded from such a slice would keep that whole (up to CONTENT_LENGTH_HOLD,
    // 22 MB in the benchmark mailbox) alive while it is used, and the copy doubled the peak and the time.
    const take = p.parts ? partSlicer(p.parts) : null;
    const total = p.size;
    let previous: Pending = p;
    let from = 0;
    for (const d of p.deferred) {
      previous.size = d.at - from;
      previous.parts = take ? take(from, d.at) : null;
      this.out.push(finish(previous, true, this.max));
      from = d.at + d.lineLength;
      previous = { ...p, index: ++this.count, offset: d.offset, separator: d.separator, deferred: [], contentLength: null, inHeader: false };
    }
    previous.size = total - from;
    previous.parts = take ? take(from, Number.POSITIVE_INFINITY) : null;
    previous.deferred = [];
    this.current = previous;
  }
}

/**
 * Slices of held parts, piece by piece in file order: `take(from, to)` gives the bytes from..to of
 * their concatenation as subarrays (nothing copied). Pieces only move forward, so the parts are
 * walked once for all of them (not once per piece: a hold may split into thousands).
 */
function partSlicer(parts: Buffer[]): (from: number, to: number) => Buffer[] {
  let first = 0;
  let firstStart = 0;
  return (from, to) => {
    while (first < parts.length && firstStart + parts[first].length <= from) firstStart += parts[first++].length;
    const out: Buffer[] = [];
    for (let k = first, start = firstStart; k < parts.length && start < to; start += parts[k++].length) {
      out.push(parts[k].subarray(Math.max(0, from - start), Math.min(parts[k].length, to - start)));
    }
    return out;
  };
}

/** Whether the bytes from start begin with a header field name and its colon (RFC 5322: printable ASCII but ':'). */
function startsWithField(buf: Buffer, start: number, end: number): boolean {
  let i = start;
  while (i < end && buf[i] >= 0x21 && buf[i] <= 0x7e && buf[i] !== 0x3a) i++;
  return i > start && i < end && buf[i] === 0x3a;
}

function lineText(buf: Buffer, start: number, end: number): string {
  let stop = end;
  if (stop > start && buf[stop - 1] === 0x0a) stop--;
  if (stop > start && buf[stop - 1] === 0x0d) stop--;
  return buf.toString('latin1', start, stop);
}

function finish(p: Pending, dropBlank: boolean, max: number): MboxEntry {
  if (!p.parts || p.size > max) return { index: p.index, offset: p.offset, separator: p.separator, size: p.size, bytes: null };
  let bytes = p.parts.length === 1 ? p.parts[0] : Buffer.concat(p.parts);
  if (dropBlank) bytes = dropSeparatorBlankLine(bytes);
  return { index: p.index, offset: p.offset, separator: p.separator, size: p.size, bytes: unquoteFromLines(bytes) };
}

/** The blank line before the next `From ` belongs to the mbox, not to the message. */
function dropSeparatorBlankLine(b: Buffer): Buffer {
  const n = b.length;
  if (n >= 4 && b[n - 4] === 0x0d && b[n - 3] === 0x0a && b[n - 2] === 0x0d && b[n - 1] === 0x0a) return b.subarray(0, n - 2);
  if (n >= 2 && b[n - 2] === 0x0a && b[n - 1] === 0x0a) return b.subarray(0, n - 1);
  if (n === 1 && b[0] === 0x0a) return b.subarray(0, 0);
  return b;
}
