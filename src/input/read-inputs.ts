import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { DETECT_BYTES, detectFormat, type MailFormat } from './detect-format.js';
import { messageFromEmlx } from './emlx.js';
import { splitMbox } from './mbox-splitter.js';
import { reasonOf } from '../errors.js';
import { LARGE_FILE, ownsOffset, ownsPath, type Shard } from './shard.js';

/** Something read from the inputs: a message, a failure with its reason, or a skipped non-mail file. */
export type InputItem =
  | { type: 'message'; source: string; bytes: Buffer; format: MailFormat; offset?: number }
  | { type: 'failed'; source: string; error: string; /** The input path itself is unusable (missing, not mail, no mail in folder). */ wholeInput?: boolean }
  | { type: 'skipped'; source: string; reason: string };

export interface ReadOptions {
  /** Messages larger than this fail with a reason instead of being parsed. */
  maxMessageBytes: number;
  /** Standard input, for the path `-`. */
  stdin?: AsyncIterable<Buffer>;
  /** Only this part of the input (files by path, large mbox files by message offset). */
  shard?: Shard;
}

const CHUNK = 1 << 20;

/** Reads every message from files, folders (recursively, maildir included), mbox files and stdin. */
export async function* readInputs(paths: string[], options: ReadOptions): AsyncGenerator<InputItem> {
  for (const p of paths) {
    if (p === '-') {
      if (!options.stdin) {
        yield { type: 'failed', source: '-', error: 'standard input is not available', wholeInput: true };
        continue;
      }
      yield* readStream('-', options.stdin, options, false, Boolean(options.shard));
      continue;
    }
    let info;
    try {
      info = await stat(p);
    } catch (error) {
      if (ownsPath(options.shard, p)) yield { type: 'failed', source: p, error: describeFsError(error), wholeInput: true };
      continue;
    }
    if (info.isDirectory()) {
      let found = 0;
      let looked = 0;
      for await (const file of walk(p)) {
        looked++;
        for await (const item of readFile(file, options, true)) {
          if (item.type !== 'skipped') found++;
          yield item;
        }
      }
      // With --shard, other shards read this folder's other files, so only an empty folder is known to hold no mail.
      const known = options.shard ? looked === 0 : true;
      if (found === 0 && known && ownsPath(options.shard, p)) {
        yield { type: 'failed', source: p, error: `no mail found in this folder (${looked} files looked at)`, wholeInput: true };
      }
    } else {
      yield* readFile(p, options, false);
    }
  }
}

async function* readFile(file: string, options: ReadOptions, inWalk: boolean): AsyncGenerator<InputItem> {
  // A small file goes whole to one shard; a large one is read by all and split by message offset.
  let splitByOffset = false;
  if (options.shard) {
    try {
      splitByOffset = (await stat(file)).size >= (options.shard.largeFile ?? LARGE_FILE);
    } catch {
      // reported below when the read fails
    }
  }
  if (!splitByOffset && !ownsPath(options.shard, file)) return;
  let stream;
  try {
    stream = createReadStream(file, { flags: 'r', highWaterMark: CHUNK });
  } catch (error) {
    yield { type: 'failed', source: file, error: describeFsError(error) };
    return;
  }
  yield* readStream(file, stream, options, inWalk, splitByOffset);
}

async function* readStream(
  source: string,
  stream: AsyncIterable<Buffer>,
  options: ReadOptions,
  inWalk: boolean,
  splitByOffset = false,
): AsyncGenerator<InputItem> {
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
    yield { type: 'failed', source, error: describeFsError(error) };
    return;
  }
  const format = detectFormat(Buffer.concat(head));
  if (format === 'empty' || format === 'binary' || format === 'not-mail') {
    await iterator.return?.();
    const reason = { empty: 'empty file', binary: 'binary file, not a mail message', 'not-mail': 'not a mail message (no mail header block at the start)' }[format];
    yield inWalk ? { type: 'skipped', source, reason } : { type: 'failed', source, error: reason, wholeInput: true };
    return;
  }
  const rest = async function* (): AsyncGenerator<Buffer> {
    yield* head;
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
        if (splitByOffset && !ownsOffset(options.shard, entry.offset)) continue;
        const id = `${source}#${entry.index}`;
        if (!entry.bytes) yield { type: 'failed', source: id, error: tooLarge(entry.size, options.maxMessageBytes) };
        else yield { type: 'message', source: id, bytes: entry.bytes, format, offset: entry.offset };
      }
      return;
    }
    if (splitByOffset && !ownsPath(options.shard, source)) {
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
      yield { type: 'failed', source, error: tooLarge(size, options.maxMessageBytes) };
      return;
    }
    const file = Buffer.concat(parts);
    const bytes = format === 'emlx' ? messageFromEmlx(file) : file;
    if (bytes.length > options.maxMessageBytes) yield { type: 'failed', source, error: tooLarge(bytes.length, options.maxMessageBytes) };
    else yield { type: 'message', source, bytes, format };
  } catch (error) {
    yield { type: 'failed', source, error: describeFsError(error) };
  }
}

function toBuffer(value: unknown): Buffer {
  return Buffer.isBuffer(value) ? value : Buffer.from(value as string);
}

function tooLarge(size: number, max: number): string {
  const mb = (n: number): string => `${(n / 1048576).toFixed(1)} MB`;
  return `message is ${mb(size)}, over the ${mb(max)} limit (raise it with --max-message-size)`;
}

/** Files below a folder, sorted so that runs are reproducible; maildir `tmp/` is skipped. */
async function* walk(dir: string): AsyncGenerator<string> {
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const isMaildir = entries.some((e) => e.isDirectory() && e.name === 'cur');
  for (const entry of entries) {
    // Dot-files are skipped, but Maildir++ keeps its subfolders as .Sent, .Junk ... in the maildir root.
    if (entry.name.startsWith('.') && !(isMaildir && entry.isDirectory() && entry.name.length > 1 && entry.name !== '..')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (isMaildir && entry.name === 'tmp') continue;
      yield* walk(full);
    } else if (entry.isFile()) {
      yield full;
    }
  }
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a folder';
  return reasonOf(error);
}
