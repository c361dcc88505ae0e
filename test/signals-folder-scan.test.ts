import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlMessage, ROOT } from './helpers.js';

const BIN = path.join(ROOT, 'bin', 'pixelaudit.js');
const FILES = 4000;

describe('Ctrl-C during a one-job scan of a folder of small files', () => {
  it('stops the run at once (killed by SIGINT, exit 130 in a shell) long before every file is read', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pixelaudit-sigint-'));
    for (let i = 0; i < FILES; i++) {
      writeFileSync(path.join(dir, `${String(i).padStart(5, '0')}.eml`), htmlMessage(`<p>message ${i}</p><img src="https://t.example.net/o/${i}.gif" width="1" height="1">`));
    }
    // One JSON line per message as it is analysed: the side channel that counts what was read.
    const child = spawn(process.execPath, [BIN, 'scan', dir, '-f', 'jsonl', '--jobs', '1'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let lines = 0;
    let sent = false;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (text: string) => {
      lines += text.split('\n').length - 1;
      if (!sent) {
        sent = true;
        child.kill('SIGINT');
      }
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('close', (c, s) => resolve([c, s])));
    expect(sent, stderr).toBe(true);
    expect([code, signal], stderr).toEqual([null, 'SIGINT']);
    // Before the loop got its turns, the handler ran only after the last message: all FILES lines came first.
    expect(lines).toBeLessThan(FILES / 2);
  }, 120_000);
});
