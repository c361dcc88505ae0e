import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readInputs, type InputItem } from '../src/input/read-inputs.js';
import { readSmallFile, WHOLE_READ_MAX } from '../src/input/read-small-file.js';
import { htmlMessage } from './helpers.js';

const MB = 1024 * 1024;
const tmp = (): string => mkdtempSync(path.join(tmpdir(), 'pixelaudit-small-'));

async function collect(paths: string[], maxMessageBytes = 32 * MB): Promise<InputItem[]> {
  const out: InputItem[] = [];
  for await (const item of readInputs(paths, { maxMessageBytes })) out.push(item);
  return out;
}

describe('small files of a folder, read whole in one go', () => {
  it('reads the exact bytes, whatever the size against the one read the file was sized for', () => {
    const dir = tmp();
    for (const size of [0, 1, 4095, 4096, 65537, 300_000]) {
      const file = path.join(dir, `${size}.eml`);
      const bytes = Buffer.alloc(size, 'a');
      writeFileSync(file, bytes);
      expect(readSmallFile(file, size, 32 * MB).equals(bytes)).toBe(true);
      // The walk saw a smaller file than there is now (it grew): still read whole.
      expect(readSmallFile(file, 0, 32 * MB).equals(bytes)).toBe(true);
      // Never more than the limit, however large the file is.
      expect(readSmallFile(file, size, 100).length).toBe(Math.min(size, 100));
    }
  });

  it('a folder gives the same messages as each file streamed, and a grown file is read whole', async () => {
    const dir = tmp();
    const a = htmlMessage('<img src="https://t.example.net/o/1.gif" width="1" height="1">');
    writeFileSync(path.join(dir, 'a.eml'), a);
    writeFileSync(path.join(dir, 'b.eml'), htmlMessage('<p>hello</p>'));
    const items = await collect([dir]);
    expect(items.map((i) => (i.type === 'message' ? path.basename(i.source) : i.type))).toEqual(['a.eml', 'b.eml']);
    expect(items[0].type === 'message' && items[0].bytes.equals(a)).toBe(true);
    appendFileSync(path.join(dir, 'a.eml'), '<p>more</p>');
    const again = await collect([dir]);
    expect(again[0].type === 'message' && again[0].bytes.equals(readFileSync(path.join(dir, 'a.eml')))).toBe(true);
  });

  it('a file over the message size limit fails with its real size, as a streamed one does', async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'big.eml'), Buffer.concat([htmlMessage('<p>x</p>'), Buffer.alloc(2 * MB, 'a')]));
    const [item] = await collect([dir], 1 * MB);
    expect(item.type).toBe('failed');
    expect(item.type === 'failed' && item.error).toMatch(/^message is 2\.0 MB, over the 1\.0 MB limit/);
  });

  it('a file larger than the whole-read size is streamed and read the same', async () => {
    const dir = tmp();
    const big = Buffer.concat([htmlMessage('<p>x</p>'), Buffer.alloc(WHOLE_READ_MAX + 10, 'a')]);
    writeFileSync(path.join(dir, 'big.eml'), big);
    const [item] = await collect([dir]);
    expect(item.type === 'message' && item.bytes.equals(big)).toBe(true);
  });

  const fifoDir = tmp();
  const fifo = path.join(fifoDir, 'pipe');
  const haveFifo = spawnSync('mkfifo', [fifo]).status === 0;
  it.skipIf(!haveFifo)('a path that is a FIFO by the time it is opened is refused at once, never a blocked read', () => {
    expect(() => readSmallFile(fifo, 10, 32 * MB)).toThrow(/not a regular file/);
  });

  it('an unreadable small file is a failed entry with its reason, and the walk goes on', async () => {
    const dir = tmp();
    symlinkSync(path.join(dir, 'gone.eml'), path.join(dir, 'a.eml'));
    writeFileSync(path.join(dir, 'gone.eml'), htmlMessage('<p>x</p>'));
    writeFileSync(path.join(dir, 'z.eml'), htmlMessage('<p>y</p>'));
    // z.eml is removed after its folder was listed: a failure with its reason, not an exception.
    const items: InputItem[] = [];
    for await (const item of readInputs([dir], { maxMessageBytes: 32 * MB })) {
      items.push(item);
      if (items.length === 1) rmSync(path.join(dir, 'z.eml'));
    }
    const z = items.find((i) => i.source.endsWith('z.eml'));
    expect(z).toMatchObject({ type: 'failed', error: 'no such file or folder' });
  });
});
