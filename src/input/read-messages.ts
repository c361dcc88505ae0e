import { bomLength, DETECT_BYTES, detectFormat, type MailFormat } from './detect-format.js';
import { messageFromEmlx } from './emlx.js';
import { quoteFromLines, splitMbox } from './mbox-splitter.js';
import { describeFsError } from './walk.js';

/** Where a message sits in an mbox. */
export interface MboxPlace {
  /** 1-based position in the mbox. */
  index: number;
  /** Byte offset of its `From ` line in the file. */
  offset: number;
}

/** What one file (or stdin) holds, message by message, in file order. */
export type FileItem =
  /** The whole file is not mail (empty, binary, text without a header block). */
  | { type: 'not-mail'; reason: string }
  | {
      type: 'message';
      format: MailFormat;
      bytes: Buffer;
      /** Readable oddities of the file around the message (a byte order mark, NUL bytes). */
      warnings: string[];
      mbox?: MboxPlace;
      /** The message (or a rewritten one) framed as this file stores it: what clean writes. */
      frame: (message: Buffer) => Buffer;
    }
  | { type: 'failed'; error: string; mbox?: MboxPlace /** The file itself could not be read (permission denied...), as opposed to a message that cannot be used. */; unreadable?: boolean };

export interface ReadMessagesOptions {
  /** Messages larger than this fail with a reason instead of being parsed. */
  maxMessageBytes: number;
  /** Which mbox messages to read, by the offset of their `From ` line (a shard); all when absent. */
  ownsOffset?: (offset: number) => boolean;
  /** False when a single-message file is another shard's: it is then not read past detection. */
  ownsSingle?: boolean;
}

// mailparser would read a BOM into the first field name and lose that field (a From, often): dropped instead.
export const WARN_BOM = 'a UTF-8 byte order mark before the headers was ignored';
export const WARN_NUL = 'the message holds NUL bytes; it was read with them, as mailparser reads it';

const NOT_MAIL: Record<string, string> = {
  empty: 'empty file',
  binary: 'binary file, not a mail message',
  'not-mail': 'not a mail message (no mail header block at the start)',
};

/**
 * The one per-message reading of scan and clean: detects the format from the first bytes, then
 * yields each message with bounded memory (an mbox is streamed; a single message is held only up
 * to the size limit). Read errors become a failed item, never an exception.
 */
export async function* readMessages(stream: AsyncIterable<Buffer>, options: ReadMessagesOptions): AsyncGenerator<FileItem> {
  const iterator = stream[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let headBytes = 0;
  let done = false;
  try {
    while (headBytes < DETECT_BYTES) {
      const next = await iterator.next();
      if (next.done) {
        done = true;
        break;
      }
      const chunk = toBuffer(next.value);
      head.push(chunk);
      headBytes += chunk.length;
    }
  } catch (error) {
    yield { type: 'failed', error: describeFsError(error), unreadable: true };
    return;
  }
  const first = Buffer.concat(head);
  const format = detectFormat(first);
  if (format in NOT_MAIL) {
    await iterator.return?.();
    yield { type: 'not-mail', reason: NOT_MAIL[format] };
    return;
  }
  const bom = bomLength(first);
  const fileWarnings = bom ? [WARN_BOM] : [];
  const rest = async function* (): AsyncGenerator<Buffer> {
    yield bom ? first.subarray(bom) : first;
    if (done) return;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield toBuffer(next.value);
    }
  };
  try {
    if (format === 'mbox') {
      for await (const entry of splitMbox(rest(), { maxMessageBytes: options.maxMessageBytes })) {
        const offset = entry.offset + bom;
        if (options.ownsOffset && !options.ownsOffset(offset)) continue;
        const mbox = { index: entry.index, offset };
        if (!entry.bytes) {
          yield { type: 'failed', error: tooLarge(entry.size, options.maxMessageBytes), mbox };
          continue;
        }
        const separator = entry.separator;
        const original = entry.bytes;
        // Only clean frames a message: the line-end search (the whole of an LF message) waits for it.
        const frame = (message: Buffer): Buffer => {
          const eol = original.includes('\r\n') ? '\r\n' : '\n';
          return Buffer.concat([Buffer.from(`${separator}${eol}`, 'latin1'), quoteFromLines(message), Buffer.from(eol)]);
        };
        const warnings = entry.index === 1 ? [...fileWarnings] : [];
        if (entry.bytes.includes(0)) warnings.push(WARN_NUL);
        yield { type: 'message', format, bytes: entry.bytes, warnings, mbox, frame };
      }
      return;
    }
    if (options.ownsSingle === false) {
      await iterator.return?.();
      return;
    }
    const parts: Buffer[] = [];
    let size = 0;
    for await (const chunk of rest()) {
      size += chunk.length;
      if (size <= options.maxMessageBytes + 64) parts.push(chunk);
    }
    if (size > options.maxMessageBytes + 64) {
      yield { type: 'failed', error: tooLarge(size, options.maxMessageBytes) };
      return;
    }
    const file = Buffer.concat(parts);
    let bytes: Buffer = file;
    let frame = (message: Buffer): Buffer => (bom ? Buffer.concat([first.subarray(0, bom), message]) : message);
    if (format === 'emlx') {
      // Apple Mail: the byte count line must follow the message; the plist after it is kept.
      bytes = messageFromEmlx(file);
      const start = file.indexOf(0x0a) + 1;
      const plist = file.subarray(start + bytes.length);
      frame = (message) => Buffer.concat([first.subarray(0, bom), Buffer.from(`${message.length}\n`), message, plist]);
    }
    if (bytes.length > options.maxMessageBytes) {
      yield { type: 'failed', error: tooLarge(bytes.length, options.maxMessageBytes) };
      return;
    }
    const warnings = [...fileWarnings];
    if (bytes.includes(0)) warnings.push(WARN_NUL);
    yield { type: 'message', format, bytes, warnings, frame };
  } catch (error) {
    yield { type: 'failed', error: describeFsError(error), ...(isFsError(error) ? { unreadable: true } : {}) };
  }
}

function isFsError(error: unknown): boolean {
  return typeof (error as NodeJS.ErrnoException)?.code === 'string';
}

function toBuffer(value: unknown): Buffer {
  return Buffer.isBuffer(value) ? value : Buffer.from(value as string);
}

export function tooLarge(size: number, max: number): string {
  const mb = (n: number): string => `${(n / 1048576).toFixed(1)} MB`;
  return `message is ${mb(size)}, over the ${mb(max)} limit (raise it with --max-message-size)`;
}
