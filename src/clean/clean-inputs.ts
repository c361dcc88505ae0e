import { createReadStream, readdirSync, readFileSync, statSync } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import type { Detector } from '../engine/detector.js';
import { createAtomicWriteStream } from '../output/atomic-sink.js';
import { writeFileAtomic } from '../output/atomic-write.js';
import { makeOutputDir } from '../output/output-dir.js';
import { detectFormat } from '../input/detect-format.js';
import { messageFromEmlx } from '../input/emlx.js';
import { quoteFromLines, splitMbox } from '../input/mbox-splitter.js';
import { cleanMessage } from './clean-message.js';

export interface CleanTotals {
  messages: number;
  changed: number;
  resources: number;
  links: number;
  /** Messages that could not be parsed: copied unchanged, with the reason. */
  failed: Array<{ source: string; reason: string }>;
}

export async function cleanPath(input: string, output: string, detector: Detector, totals: CleanTotals): Promise<void> {
  const info = statSync(input);
  if (info.isDirectory()) {
    makeOutputDir(output);
    for (const entry of readdirSync(input, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const from = path.join(input, entry.name);
      const to = path.join(output, entry.name);
      if (entry.isDirectory()) await cleanPath(from, to, detector, totals);
      else if (entry.isFile()) await cleanFile(from, to, detector, totals);
    }
    return;
  }
  await cleanFile(input, output, detector, totals);
}

async function cleanFile(input: string, output: string, detector: Detector, totals: CleanTotals): Promise<void> {
  const bytes = readFileSync(input);
  const format = detectFormat(bytes.subarray(0, 65536));
  if (format === 'mbox') return cleanMbox(input, output, detector, totals);
  if (format === 'emlx') {
    // Apple Mail: the byte count line must follow the message; the plist after it is kept.
    const message = messageFromEmlx(bytes);
    const start = bytes.indexOf(0x0a) + 1;
    const cleaned = await cleanOne(input, message, detector, totals);
    writeFileAtomic(output, Buffer.concat([Buffer.from(`${cleaned.length}\n`), cleaned, bytes.subarray(start + message.length)]));
    return;
  }
  if (format !== 'eml') {
    // Not mail (a README, an index file): copied as it is.
    writeFileAtomic(output, bytes);
    return;
  }
  writeFileAtomic(output, await cleanOne(input, bytes, detector, totals));
}

async function cleanMbox(input: string, output: string, detector: Detector, totals: CleanTotals): Promise<void> {
  const out = createAtomicWriteStream(output);
  const write = async (chunk: Buffer | string): Promise<void> => {
    if (!out.write(chunk)) await once(out, 'drain');
  };
  for await (const entry of splitMbox(createReadStream(input, { highWaterMark: 1 << 20 }))) {
    const bytes = entry.bytes as Buffer;
    const eol = bytes.includes('\r\n') ? '\r\n' : '\n';
    const cleaned = await cleanOne(`${input}#${entry.index}`, bytes, detector, totals);
    await write(`${entry.separator}${eol}`);
    await write(quoteFromLines(cleaned));
    await write(eol);
  }
  out.end();
  await once(out, 'finish');
}

async function cleanOne(source: string, bytes: Buffer, detector: Detector, totals: CleanTotals): Promise<Buffer> {
  totals.messages++;
  try {
    const outcome = await cleanMessage(bytes, detector);
    if (outcome.resources + outcome.links > 0) totals.changed++;
    totals.resources += outcome.resources;
    totals.links += outcome.links;
    return outcome.bytes;
  } catch (error) {
    totals.failed.push({ source, reason: error instanceof Error ? error.message.split('\n')[0] : String(error) });
    return bytes;
  }
}
