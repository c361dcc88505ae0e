import { createReadStream, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { mboxReader } from 'mbox-reader';
import { describe, expect, it } from 'vitest';
import { splitMbox } from '../src/input/mbox-splitter.js';
import { FIXTURES, ROOT } from './helpers.js';

const TAKEOUT = path.join(FIXTURES, 'sample-mailbox', 'takeout', 'All mail Including Spam and Trash.mbox');

async function* chunked(buf: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < buf.length; i += size) yield buf.subarray(i, i + size);
}

async function split(buf: Buffer, size = 1 << 20, max?: number) {
  const out = [];
  for await (const m of splitMbox(chunked(buf, size), { maxMessageBytes: max })) out.push(m);
  return out;
}

/** mbox-reader, the reference: it yields LF-joined lines without the final newline. */
async function reference(buf: Buffer): Promise<string[]> {
  const out: string[] = [];
  for await (const m of mboxReader(Readable.from([buf]))) out.push((m as { content: Buffer }).content.toString('latin1'));
  return out;
}

const normalise = (b: Buffer | null): string => (b ?? Buffer.alloc(0)).toString('latin1').replace(/\r\n/g, '\n').replace(/\n$/, '');

function mbox(messages: string[], eol = '\n', envelope = (i: number) => `From sender${i}@example.com Mon Jun  3 12:50:27 2024`): Buffer {
  return Buffer.from(
    messages
      // Each message, its >From lines quoted one level more, then the blank line that ends it.
      .map((m, i) => `${envelope(i)}${eol}${m.replace(/\r?\n/g, eol).replace(new RegExp(`(^|${eol})(>*From )`, 'g'), `$1>$2`)}${eol}`)
      .join(''),
  );
}

const MESSAGES = [
  'From: a@example.com\nSubject: one\n\nHello\nFrom the start of a line, quoted in the file\n>From already quoted once\n',
  'From: b@example.com\nSubject: two\n\n<p>html</p>\n',
  'From: c@example.com\nSubject: three\n\nlast one, no blank line needed\n',
];

describe('mbox splitter', () => {
  it('matches mbox-reader byte for byte on the bundled Takeout mbox (mboxrd, Gmail headers)', async () => {
    const buf = readFileSync(TAKEOUT);
    const ours = await split(buf);
    const ref = await reference(buf);
    expect(ours.length).toBe(8);
    expect(ours.map((m) => normalise(m.bytes))).toEqual(ref);
  });

  it('unquotes >From lines one level (mboxrd) and keeps the rest intact', async () => {
    const [first] = await split(mbox(MESSAGES));
    expect(first.bytes?.toString()).toBe(MESSAGES[0]);
  });

  it('splits LF and CRLF files the same way, keeping CRLF bytes', async () => {
    const lf = await split(mbox(MESSAGES, '\n'));
    const crlf = await split(mbox(MESSAGES, '\r\n'));
    expect(crlf.map((m) => normalise(m.bytes))).toEqual(lf.map((m) => normalise(m.bytes)));
    expect(crlf[1].bytes?.toString()).toBe(MESSAGES[1].replace(/\n/g, '\r\n'));
  });

  it('handles Thunderbird "From - <date>" separators', async () => {
    const tb = mbox(MESSAGES, '\n', () => 'From - Sat Jan 03 12:00:00 2015');
    expect((await split(tb)).length).toBe(3);
    expect((await split(tb)).map((m) => normalise(m.bytes))).toEqual(await reference(tb));
  });

  it('gives the same messages whatever the chunk size, including separators split across chunks', async () => {
    const buf = readFileSync(TAKEOUT);
    const whole = (await split(buf)).map((m) => m.bytes?.toString('latin1'));
    for (const size of [1, 2, 3, 5, 6, 7, 13, 64, 1000, 4096]) {
      expect((await split(buf, size)).map((m) => m.bytes?.toString('latin1')), `chunk size ${size}`).toEqual(whole);
    }
    // Cut exactly inside every "\nFrom " of a small mbox.
    const small = mbox(MESSAGES);
    for (let cut = 1; cut < small.length; cut++) {
      const parts = [small.subarray(0, cut), small.subarray(cut)];
      const out = [];
      for await (const m of splitMbox((async function* () { yield* parts; })())) out.push(m.bytes?.toString());
      expect(out).toEqual(MESSAGES);
    }
  });

  it('records 1-based indexes and the byte offset of each separator', async () => {
    const buf = mbox(MESSAGES);
    const out = await split(buf, 7);
    expect(out.map((m) => m.index)).toEqual([1, 2, 3]);
    for (const m of out) expect(buf.toString('latin1', m.offset, m.offset + 5)).toBe('From ');
  });

  it('counts but does not keep a message above the size limit', async () => {
    const big = `From: big@example.com\n\n${'x'.repeat(5000)}\n`;
    const out = await split(mbox([MESSAGES[0], big, MESSAGES[1]]), 100, 1000);
    expect(out.map((m) => m.bytes === null)).toEqual([false, true, false]);
    expect(out[1].size).toBeGreaterThan(5000);
    expect(out[2].bytes?.toString()).toBe(MESSAGES[1]);
  });

  const contentLength = path.join(ROOT, '..', 'shared', 'corpora', 'mimekit-mbox', 'content-length.mbox.txt');
  it.skipIf(!existsSync(contentLength))('matches mbox-reader on a real 1996 Netscape mbox (shared corpus)', async () => {
    const ours = [];
    for await (const m of splitMbox(createReadStream(contentLength, { highWaterMark: 4096 }))) ours.push(normalise(m.bytes));
    const ref = await reference(readFileSync(contentLength));
    expect(ours.length).toBe(29);
    expect(ours).toEqual(ref);
  });
});
