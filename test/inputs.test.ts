import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../src/input/detect-format.js';
import { readInputs, type InputItem } from '../src/input/read-inputs.js';
import { SKIP } from '../src/input/walk.js';
import { FIXTURES, splitJsonl } from './helpers.js';
import { run } from '../src/cli/run.js';

const SAMPLE = path.join(FIXTURES, 'sample-mailbox');
const MB = 1024 * 1024;

async function collect(paths: string[], stdin?: AsyncIterable<Buffer>): Promise<InputItem[]> {
  const out: InputItem[] = [];
  for await (const item of readInputs(paths, { maxMessageBytes: 32 * MB, stdin })) out.push(item);
  return out;
}

function tmp(): string {
  return mkdtempSync(path.join(tmpdir(), 'pixelaudit-'));
}

describe('input formats', () => {
  it('walks the sample mailbox: maildir cur/new (tmp skipped), Takeout mbox, Apple Mail .emlx, loose .eml', async () => {
    const all = await collect([SAMPLE]);
    // tmp/ holds only a .keep file: listed as skipped with its reason, not read.
    expect(all.filter((i) => i.type !== 'message')).toEqual([{ type: 'skipped', source: path.join(SAMPLE, 'inbox', 'tmp'), reason: SKIP.maildirTmp }]);
    const items = all.filter((i) => i.type === 'message');
    const sources = items.map((i) => path.relative(SAMPLE, i.source));
    expect(sources.filter((s) => s.startsWith('inbox/cur/'))).toHaveLength(4);
    expect(sources.filter((s) => s.startsWith('inbox/new/'))).toHaveLength(2);
    expect(sources.some((s) => s.startsWith('inbox/tmp'))).toBe(false);
    expect(sources.filter((s) => /\.mbox#\d+$/.test(s))).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map((n) => `takeout/All mail Including Spam and Trash.mbox#${n}`));
    expect(sources.filter((s) => s.endsWith('.emlx'))).toHaveLength(2);
    expect(items).toHaveLength(22);
  });

  it('reads the message of an .emlx without its byte-count line or plist', async () => {
    const file = path.join(SAMPLE, 'Apple Mail', 'INBOX.mbox', 'Messages', '52001.emlx');
    const [item] = await collect([file]);
    expect(item.type).toBe('message');
    const text = (item as { bytes: Buffer }).bytes.toString();
    expect(text.startsWith('Return-Path:')).toBe(true);
    expect(text).not.toContain('<plist');
    expect((item as { bytes: Buffer }).bytes.length).toBe(Number(readFileSync(file, 'latin1').split('\n')[0]));
  });

  it('detects the format from content, not the file name', async () => {
    const dir = tmp();
    const mboxBytes = readFileSync(path.join(SAMPLE, 'takeout', 'All mail Including Spam and Trash.mbox'));
    writeFileSync(path.join(dir, 'looks-like-one-message.eml'), mboxBytes);
    writeFileSync(path.join(dir, 'message.txt'), readFileSync(path.join(SAMPLE, 'shipping-sfmc.eml')));
    const items = await collect([dir]);
    expect(items.filter((i) => i.source.includes('looks-like-one-message.eml#'))).toHaveLength(8);
    expect(items.find((i) => i.source.endsWith('message.txt'))?.type).toBe('message');
    expect(detectFormat(Buffer.from('12\nFrom: a@b.c\n\nhi'))).toBe('emlx');
    expect(detectFormat(Buffer.from('        12\nFrom: a@b.c\n\nhi'))).toBe('emlx');
    expect(detectFormat(Buffer.from('\n\nFrom x@y Mon Jan 1 00:00:00 2024\n'))).toBe('mbox');
    expect(detectFormat(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]))).toBe('binary');
    expect(detectFormat(Buffer.from('# README\nnot mail'))).toBe('not-mail');
    // A text that opens like a letter is not an mbox: no envelope date, no header block after it.
    expect(detectFormat(Buffer.from('From the desk of the editor\nDear reader,\n'))).toBe('not-mail');
    expect(detectFormat(Buffer.from('From - \nFrom: a@b.c\n\nhi'))).toBe('mbox');
    expect(detectFormat(Buffer.alloc(0))).toBe('empty');
  });

  it('walks Maildir++ subfolders (.Sent, .Junk) of a maildir root but skips other dot-files', async () => {
    const dir = tmp();
    const msg = readFileSync(path.join(SAMPLE, 'shipping-sfmc.eml'));
    for (const sub of ['cur', 'new', 'tmp', '.Junk/cur', '.Junk/new', '.Junk/tmp']) mkdirSync(path.join(dir, sub), { recursive: true });
    writeFileSync(path.join(dir, 'cur', '1.x:2,S'), msg);
    writeFileSync(path.join(dir, '.Junk', 'cur', '2.x:2,'), msg);
    writeFileSync(path.join(dir, '.DS_Store'), 'junk');
    const items = await collect([dir]);
    expect(items.map((i) => [i.type, path.relative(dir, i.source)])).toEqual([
      ['skipped', '.DS_Store'],
      ['message', '.Junk/cur/2.x:2,'],
      ['message', 'cur/1.x:2,S'],
    ]);
    expect(items[0]).toMatchObject({ reason: SKIP.hidden });
    // The Junk folder marks its messages as spam for the non-spam denominator.
    const results = splitJsonl((await run(['scan', dir, '-f', 'jsonl'])).stdout).messages;
    expect(results.map((r) => r.spam)).toEqual([true, false]);
  });

  it('reads an mbox from stdin (-)', async () => {
    const buf = readFileSync(path.join(SAMPLE, 'takeout', 'All mail Including Spam and Trash.mbox'));
    const chunks = [buf.subarray(0, 1000), buf.subarray(1000, 1001), buf.subarray(1001)];
    const items = await collect(['-'], Readable.from(chunks));
    expect(items.map((i) => i.source)).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map((n) => `-#${n}`));
  });

  it('reads standard input once: `- -` and a file that is also standard input are skipped as duplicates', async () => {
    const mbox = path.join(SAMPLE, 'takeout', 'All mail Including Spam and Trash.mbox');
    const twice = await collect(['-', '-'], Readable.from([readFileSync(mbox)]));
    expect(twice.filter((i) => i.type === 'message')).toHaveLength(8);
    expect(twice[twice.length - 1]).toEqual({ type: 'skipped', source: '-', reason: SKIP.duplicate, detail: '-' });
    // The real process: fd 0 is the mbox itself, named again before and after.
    const bin = path.join(FIXTURES, '..', 'bin', 'pixelaudit.js');
    for (const args of [
      [mbox, '-'],
      ['-', mbox],
    ]) {
      const out = execFileSync('sh', ['-c', 'exec node "$0" scan -f json "$@" < "$MBOX"', bin, ...args], { env: { ...process.env, MBOX: mbox } }).toString();
      const summary = JSON.parse(out).summary;
      expect(summary).toMatchObject({ found: 8, scanned: 8, skippedFiles: 1 });
      expect(summary.skipped).toEqual([expect.objectContaining({ reason: SKIP.duplicate })]);
    }
  });

  it('skips non-mail files inside folders but fails a folder that holds no mail', async () => {
    const dir = tmp();
    mkdirSync(path.join(dir, 'mail'));
    mkdirSync(path.join(dir, 'empty'));
    writeFileSync(path.join(dir, 'mail', 'README.md'), '# notes\n');
    writeFileSync(path.join(dir, 'mail', 'a.eml'), readFileSync(path.join(SAMPLE, 'shipping-sfmc.eml')));
    writeFileSync(path.join(dir, 'empty', 'photo.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0, 0, 0]));
    const items = await collect([path.join(dir, 'mail'), path.join(dir, 'empty')]);
    expect(items.map((i) => i.type)).toEqual(['skipped', 'message', 'skipped', 'failed']);
    expect(items[3]).toMatchObject({ error: 'no mail found in this folder (1 files looked at)', wholeInput: true });
  });
});
