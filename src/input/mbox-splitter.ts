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
const QUOTED_FROM = /^>+From /;

interface Pending {
  index: number;
  offset: number;
  separator: string;
  size: number;
  parts: Buffer[] | null;
}

/**
 * Splits an mbox stream into messages while holding at most one message (plus one chunk) in
 * memory. Every line that starts with `From ` begins a message (mboxo/mboxrd: writers quote
 * such lines in bodies as `>From `). Chunks are cut after their last newline so that a
 * separator split across two chunks is seen whole in the next round.
 */
export async function* splitMbox(chunks: AsyncIterable<Buffer>, options: SplitOptions = {}): AsyncGenerator<MboxEntry> {
  const max = options.maxMessageBytes ?? Number.POSITIVE_INFINITY;
  let carry: Buffer = Buffer.alloc(0);
  let carryOffset = 0;
  let current: Pending | null = null;
  let count = 0;

  const append = (slice: Buffer): void => {
    if (!current || slice.length === 0) return;
    current.size += slice.length;
    if (current.parts && current.size > max) current.parts = null;
    current.parts?.push(slice);
  };

  // Yields the finished message (if any) at each separator, then starts the next one.
  function* region(buf: Buffer, base: number): Generator<MboxEntry> {
    let segStart = 0;
    let search = 0;
    let first = true;
    for (;;) {
      let sep: number;
      if (first && buf.subarray(0, FROM.length).equals(FROM)) sep = 0;
      else {
        const i = buf.indexOf(FROM_AFTER_NEWLINE, search);
        if (i === -1) break;
        sep = i + 1;
      }
      first = false;
      append(buf.subarray(segStart, sep));
      if (current) yield finish(current);
      let lineEnd = buf.indexOf(0x0a, sep);
      if (lineEnd === -1) lineEnd = buf.length; // only the file's last line lacks a newline
      current = { index: ++count, offset: base + sep, separator: buf.toString('latin1', sep, lineEnd).replace(/\r$/, ''), size: 0, parts: [] };
      segStart = lineEnd + 1;
      search = lineEnd;
      if (segStart >= buf.length) return;
    }
    append(buf.subarray(segStart));
  }

  for await (const chunk of chunks) {
    const buf = carry.length ? Buffer.concat([carry, chunk]) : chunk;
    const lastNewline = buf.lastIndexOf(0x0a);
    if (lastNewline === -1) {
      carry = buf;
      continue;
    }
    yield* region(buf.subarray(0, lastNewline + 1), carryOffset);
    carryOffset += lastNewline + 1;
    carry = Buffer.from(buf.subarray(lastNewline + 1));
  }
  if (carry.length) yield* region(carry, carryOffset);
  if (current) yield finish(current);
}

function finish(p: Pending): MboxEntry {
  if (!p.parts) return { index: p.index, offset: p.offset, separator: p.separator, size: p.size, bytes: null };
  let bytes = p.parts.length === 1 ? p.parts[0] : Buffer.concat(p.parts, p.size);
  bytes = dropSeparatorBlankLine(bytes);
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

/** mboxrd: a line `>From ` (any number of `>`) stands for the same line with one `>` less. */
export function unquoteFromLines(b: Buffer): Buffer {
  if (b.indexOf('>From ') === -1) return b;
  const out: Buffer[] = [];
  let lineStart = 0;
  let copied = 0;
  while (lineStart < b.length) {
    let lineEnd = b.indexOf(0x0a, lineStart);
    if (lineEnd === -1) lineEnd = b.length;
    if (b[lineStart] === 0x3e && QUOTED_FROM.test(b.toString('latin1', lineStart, Math.min(lineEnd, lineStart + 64)))) {
      out.push(b.subarray(copied, lineStart));
      copied = lineStart + 1; // skip one '>'
    }
    lineStart = lineEnd + 1;
  }
  out.push(b.subarray(copied));
  return Buffer.concat(out);
}

/** mboxrd quoting, the inverse of unquoteFromLines: one more `>` before every `>*From ` line. */
export function quoteFromLines(b: Buffer): Buffer {
  const text = b.toString('latin1');
  if (!/(^|\n)>*From /.test(text)) return b;
  return Buffer.from(text.replace(/(^|\n)(>*From )/g, '$1>$2'), 'latin1');
}
