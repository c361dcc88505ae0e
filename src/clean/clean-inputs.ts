import { existsSync } from 'node:fs';
import { streamRegularFile } from '../input/open-input.js';
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import path from 'node:path';
import type { Detector } from '../engine/detector.js';
import { InputError } from '../errors.js';
import { createAtomicWriteStream } from '../output/atomic-sink.js';
import { writeFileAtomic } from '../output/atomic-write.js';
import { makeOutputDir } from '../output/output-dir.js';
import { readMessages, type FileItem } from '../input/read-messages.js';
import { SKIP, Walker } from '../input/walk.js';
import { maskReason } from '../engine/redact-failure.js';
import { cleanMessage } from './clean-message.js';

export interface CleanTotals {
  messages: number;
  changed: number;
  resources: number;
  links: number;
  /**
   * Messages that could not be parsed (copied unchanged), or whose copy still holds tracking
   * (`stillTracked`: the copy is written as far as it could be cleaned), with the reason.
   */
  failed: Array<{ source: string; reason: string; stillTracked?: { copy: 'partly cleaned' | 'copied unchanged' } }>;
  /** Files that hold no mail (copied as they are) or that the walk passed over (left out of the copy), with the reason. */
  skipped?: Array<{ source: string; reason: string /** The name already copied, the folder a loop leads to... */; detail?: string; outcome: SkipOutcome }>;
}

/** What the copy holds for a file that was not cleaned as mail of its own. */
export type SkipOutcome = 'copied unchanged' | 'left out of the copy' | 'cleaned again under this name';

export interface CleanOptions {
  /** Messages larger than this are copied unchanged and listed as failed, read with bounded memory. */
  maxMessageBytes: number;
}

const CHUNK = 1 << 20;

/**
 * Writes a cleaned copy of a file or folder, walked by the scan's walker and read by the scan's
 * per-message reading: what scan reads is what clean cleans. Links are written as the files
 * they point to; what the walk passes over (dot-files, maildir tmp/, folder loops, a folder met
 * again under another name) is left out of the copy and listed.
 */
export async function cleanPath(input: string, output: string, detector: Detector, totals: CleanTotals, options: CleanOptions = { maxMessageBytes: 32 << 20 }): Promise<void> {
  const skipped = (totals.skipped ??= []);
  for await (const entry of new Walker().walk(input)) {
    const to = entry.path === input ? output : path.join(output, path.relative(input, entry.path));
    if (entry.type === 'folder') {
      makeOutputDir(to);
      // A maildir needs its tmp/ to be one, though nothing in it is copied.
      if (existsSync(path.join(entry.path, 'cur')) && existsSync(path.join(entry.path, 'tmp'))) makeOutputDir(path.join(to, 'tmp'));
    } else if (entry.type === 'skipped') {
      // A second name of a file (a hard link in another maildir folder, a link) is read once by
      // scan, but the copy must hold every name: it is cleaned again there, without counting twice.
      const again = entry.reason === SKIP.duplicate && !entry.folder;
      if (again) await cleanFile(entry.path, to, detector, { messages: 0, changed: 0, resources: 0, links: 0, failed: [] }, options);
      skipped.push({ source: entry.path, reason: entry.reason, ...(entry.detail ? { detail: entry.detail } : {}), outcome: again ? 'cleaned again under this name' : 'left out of the copy' });
    } else if (entry.type === 'failed') {
      if (entry.path === input) throw new InputError(`${input}: ${entry.reason}`);
      // Counted as scan counts it: one failed entry that may have held mail.
      totals.messages++;
      totals.failed.push({ source: entry.path, reason: `${entry.reason} (not copied)` });
    } else {
      await cleanFile(entry.path, to, detector, totals, options);
    }
  }
}

async function cleanFile(input: string, output: string, detector: Detector, totals: CleanTotals, options: CleanOptions): Promise<void> {
  // Opened as a regular file only: a path swapped for a FIFO since the walk is refused, never waited on.
  const items = readMessages(streamRegularFile(input, { highWaterMark: CHUNK }), { maxMessageBytes: options.maxMessageBytes });
  const first = await items.next();
  if (first.done) return;
  const item = first.value;
  if (item.type !== 'not-mail' && item.mbox) return cleanMbox(input, output, item, items, detector, totals);
  if (item.type === 'not-mail') {
    // Not mail (a README, an index file): copied as it is.
    totals.skipped?.push({ source: input, reason: item.reason, outcome: 'copied unchanged' });
    return copyUnchanged(input, output);
  }
  if (item.type === 'failed') {
    totals.messages++;
    // What cannot be read cannot be copied either: no empty file stands in for it.
    totals.failed.push({ source: input, reason: item.unreadable ? `${item.error} (not copied)` : item.error });
    if (!item.unreadable) await copyUnchanged(input, output);
    return;
  }
  const cleaned = await cleanOne(input, item.bytes, detector, totals);
  if (cleaned === item.bytes) return copyUnchanged(input, output);
  writeFileAtomic(output, item.frame(cleaned));
}

/** An mbox streamed in and out: one message in memory at a time; one too large to read is copied byte for byte. */
async function cleanMbox(input: string, output: string, first: FileItem, rest: AsyncGenerator<FileItem>, detector: Detector, totals: CleanTotals): Promise<void> {
  const out = createAtomicWriteStream(output);
  const write = async (chunk: Buffer | string): Promise<void> => {
    if (!out.write(chunk)) await once(out, 'drain');
  };
  // A failed message is copied as stored, from its `From ` line to the next one (known once that comes).
  let uncopied: number | undefined;
  const copyStored = async (end?: number): Promise<void> => {
    if (uncopied === undefined) return;
    for await (const chunk of streamRegularFile(input, { start: uncopied, ...(end === undefined ? {} : { end: end - 1 }), highWaterMark: CHUNK })) await write(chunk);
    uncopied = undefined;
  };
  const one = async (item: FileItem): Promise<void> => {
    if (item.type === 'not-mail') return;
    await copyStored(item.mbox?.offset);
    const source = `${input}#${item.mbox?.index ?? '?'}`;
    if (item.type === 'failed') {
      totals.messages++;
      totals.failed.push({ source, reason: item.error });
      uncopied = item.mbox?.offset;
      return;
    }
    await write(item.frame(await cleanOne(source, item.bytes, detector, totals)));
  };
  await one(first);
  for await (const item of rest) await one(item);
  await copyStored();
  out.end();
  await once(out, 'finish');
}

async function copyUnchanged(input: string, output: string): Promise<void> {
  await pipeline(streamRegularFile(input, { highWaterMark: CHUNK }), createAtomicWriteStream(output));
}

async function cleanOne(source: string, bytes: Buffer, detector: Detector, totals: CleanTotals): Promise<Buffer> {
  totals.messages++;
  try {
    const outcome = await cleanMessage(bytes, detector);
    const changed = outcome.bytes !== bytes;
    totals.resources += outcome.resources;
    totals.links += outcome.links;
    if (outcome.remaining > 0) {
      // Never a silent success: the copy (better than the original) is written and the message named.
      const n = outcome.remaining;
      totals.failed.push({ source, reason: `${n} tracking resource${n === 1 ? '' : 's'} could not be made inert`, stillTracked: { copy: changed ? 'partly cleaned' : 'copied unchanged' } });
    } else if (changed) totals.changed++;
    return outcome.bytes;
  } catch (error) {
    // clean writes real URLs into the copy, but what it prints is masked like any report.
    totals.failed.push({ source, reason: maskReason(shortReason(error instanceof Error ? error.message : String(error)), bytes, detector.me) });
    return bytes;
  }
}

const REASON_MAX = 200;

/** A failure reason as one short line: its first line, cut to 200 characters (an error may quote megabytes of input). */
export function shortReason(reason: string): string {
  const nl = reason.search(/[\r\n]/);
  const line = nl === -1 ? reason : reason.slice(0, nl);
  return line.length <= REASON_MAX ? line : `${line.slice(0, REASON_MAX)}... (${line.length - REASON_MAX} more characters)`;
}
