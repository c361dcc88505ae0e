import { createReadStream } from 'node:fs';
import type { MailFormat } from './detect-format.js';
import { streamRegularFile } from './open-input.js';
import { readMessages } from './read-messages.js';
import { readSmallFile, WHOLE_READ_MAX } from './read-small-file.js';
import { LARGE_FILE, ownsOffset, ownsPath, type Shard } from './shard.js';
import type { FileIdentity } from './file-identity.js';
import { SKIP, Walker } from './walk.js';

/** Something read from the inputs: a message, a failure with its reason, or a file passed over with its reason. */
export type InputItem =
  | {
      type: 'message';
      source: string;
      bytes: Buffer;
      format: MailFormat;
      offset?: number;
      /** Oddities of the file the message was read from despite (a byte order mark, NUL bytes). */
      warnings?: string[];
    }
  | { type: 'failed'; source: string; error: string /** The input path itself is unusable (missing, not mail, no mail in folder). */; wholeInput?: boolean }
  | { type: 'skipped'; source: string; reason: string /** The name already read, the folder a loop leads to... */; detail?: string };

export interface ReadOptions {
  /** Messages larger than this fail with a reason instead of being parsed. */
  maxMessageBytes: number;
  /** Standard input, for the path `-`. */
  stdin?: AsyncIterable<Buffer>;
  /** The regular file behind standard input, when it is one: a name for it later is the same input. */
  stdinFile?: FileIdentity;
  /** Only this part of the input (files by path, large mbox files by message offset). */
  shard?: Shard;
}

// Read chunks of 256 KB, not 1 MB: the messages an mbox splitter gives out are slices of its chunk,
// so a chunk lives as long as its longest-lived message (in a worker's batch, in the window): with
// 1 MB chunks a scan held about 11 of them, and more dead ones waited for a full collection in
// the malloc arena. Peak RSS on the 100 MB slice of the benchmark mbox, main thread and one worker:
// 290 MB against 312 MB; reading alone (readInputs of that slice, 3 runs) 0.44-0.49 s of CPU and
// 76 MB against 0.38-0.48 s and 88 MB. 128 KB read no less memory and cost 0.50-0.56 s.
const CHUNK = 256 * 1024;
const SMALL_CHUNK = 64 * 1024;

/**
 * Reads every message from files, folders (recursively, maildir included), mbox files and stdin.
 * Every file met is read, or yielded as skipped with its reason; a file or folder named twice
 * (or reached again through a link) is read once.
 */
export async function* readInputs(paths: string[], options: ReadOptions): AsyncGenerator<InputItem> {
  const walker = new Walker();
  const { shard } = options;
  let stdinRead = false;
  for (const p of paths) {
    if (p === '-') {
      // Standard input can be read once; the file behind it is the same input as its name.
      const first = stdinRead ? '-' : options.stdinFile ? walker.claim(options.stdinFile, '-') : undefined;
      stdinRead = true;
      if (first !== undefined) {
        yield { type: 'skipped', source: '-', reason: SKIP.duplicate, ...(first ? { detail: first } : {}) };
        continue;
      }
      if (!options.stdin) {
        yield { type: 'failed', source: '-', error: 'standard input is not available', wholeInput: true };
        continue;
      }
      yield* readSource('-', options.stdin, options, true, Boolean(shard));
      continue;
    }
    let found = 0;
    let looked = 0;
    let skipped = 0;
    let isFolder = false;
    for await (const entry of walker.walk(p)) {
      if (entry.type === 'folder') {
        if (entry.path === p) isFolder = true;
      } else if (entry.type === 'skipped') {
        skipped++;
        if (ownsPath(shard, entry.path)) yield { type: 'skipped', source: entry.path, reason: entry.reason, ...(entry.detail ? { detail: entry.detail } : {}) };
      } else if (entry.type === 'failed') {
        found++;
        if (ownsPath(shard, entry.path)) yield { type: 'failed', source: entry.path, error: entry.reason, ...(entry.path === p ? { wholeInput: true } : {}) };
      } else {
        looked++;
        for await (const item of readFile(entry.path, entry.size, entry.named, entry.regular, options)) {
          if (item.type !== 'skipped') found++;
          yield item;
        }
      }
    }
    // With --shard, other shards read this folder's other files, so only an empty folder is known to hold no mail.
    const known = shard ? looked === 0 : true;
    if (isFolder && found === 0 && known && ownsPath(shard, p)) {
      const passed = skipped ? `, ${skipped} skipped` : '';
      yield { type: 'failed', source: p, error: `no mail found in this folder (${looked} files looked at${passed})`, wholeInput: true };
    }
  }
}

async function* readFile(file: string, size: number, named: boolean, regular: boolean, options: ReadOptions): AsyncGenerator<InputItem> {
  // A small file goes whole to one shard; a large one is read by all and split by message offset.
  const splitByOffset = Boolean(options.shard) && size >= (options.shard?.largeFile ?? LARGE_FILE);
  if (!splitByOffset && !ownsPath(options.shard, file)) return;
  // A named pipe or device given as the input is streamed: opening one only to check it could
  // cut off its writer.
  // Over the size limit (with the few bytes of an .emlx count line) the stream measures the file.
  const limit = options.maxMessageBytes + 64;
  if (regular && size <= Math.min(WHOLE_READ_MAX, limit)) {
    // readMessages takes the chunks as an async iterator; this one yields the whole file once.
    yield* readSource(
      file,
      // eslint-disable-next-line @typescript-eslint/require-await
      (async function* () {
        yield readSmallFile(file, size, limit + 1);
      })(),
      options,
      named,
      splitByOffset,
    );
    return;
  }
  // Most mail files are a few KB: a 1 MB read buffer for each would cost more than the read.
  const highWaterMark = Math.min(CHUNK, Math.max(SMALL_CHUNK, size + 1));
  // A file the walk saw as regular is opened as one (never blocking on a FIFO swapped in since).
  const stream = regular ? streamRegularFile(file, { highWaterMark }) : createReadStream(file, { flags: 'r', highWaterMark });
  yield* readSource(file, stream, options, named, splitByOffset);
}

async function* readSource(source: string, stream: AsyncIterable<Buffer>, options: ReadOptions, named: boolean, splitByOffset: boolean): AsyncGenerator<InputItem> {
  const reading = readMessages(stream, {
    maxMessageBytes: options.maxMessageBytes,
    ...(splitByOffset ? { ownsOffset: (offset: number) => ownsOffset(options.shard, offset), ownsSingle: ownsPath(options.shard, source) } : {}),
  });
  for await (const item of reading) {
    if (item.type === 'not-mail') {
      // Named on the command line, a file that is not mail is a usage problem; met in a folder, it is passed over.
      yield named ? { type: 'failed', source, error: item.reason, wholeInput: true } : { type: 'skipped', source, reason: item.reason };
      continue;
    }
    const id = item.mbox ? `${source}#${item.mbox.index}` : source;
    if (item.type === 'failed') yield { type: 'failed', source: id, error: item.error };
    else yield { type: 'message', source: id, bytes: item.bytes, format: item.format, ...(item.mbox ? { offset: item.mbox.offset } : {}), ...(item.warnings.length ? { warnings: item.warnings } : {}) };
  }
}
