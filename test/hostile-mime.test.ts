import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../src/cli/run.js';
import type { MessageResult } from '../src/types.js';
import { FIXTURES } from './helpers.js';

const DIR = path.join(FIXTURES, 'hostile');
// Only the mbox and MIME structure cases: other fixtures in this folder belong to other tests.
const CASES = readdirSync(DIR).filter((name) => /^(mbox|mime)-/.test(name));

interface Expected {
  messages: Array<{ error: string | null; tracked: boolean; warnings: string[]; openPixels: string[] }>;
}

function input(name: string): string {
  const file = readdirSync(path.join(DIR, name)).find((f) => f !== 'expected.json') as string;
  return path.join(DIR, name, file);
}

async function scan(file: string): Promise<MessageResult[]> {
  const r = await run(['scan', file, '-f', 'jsonl', '--no-redact']);
  expect(r.exitCode, r.stderr).toBe(0);
  return r.stdout.trim().split('\n').map((l) => JSON.parse(l) as MessageResult);
}

describe('hostile mbox and MIME fixtures (fixtures/hostile/<case>: input + expected.json)', () => {
  it('has the cases', () => expect(CASES.length).toBeGreaterThanOrEqual(3));

  for (const name of CASES) {
    it(name, async () => {
      const expected = JSON.parse(readFileSync(path.join(DIR, name, 'expected.json'), 'utf8')) as Expected;
      const got = await scan(input(name));
      expect(
        got.map((m) => ({
          error: m.error,
          tracked: m.tracked,
          warnings: m.warnings,
          openPixels: m.findings.filter((f) => f.ruleId === 'PA001').map((f) => f.url),
        })),
      ).toEqual(expected.messages);
    });
  }

  it('clean replaces what the scan found and keeps a list footer after base64 data byte for byte', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'pixelaudit-hostile-'));
    for (const name of ['mime-base64-html-list-footer', 'mime-forwarded-depth-9', 'mbox-unquoted-body-from-lines']) {
      const from = input(name);
      const to = path.join(out, `${name}-${path.basename(from)}`);
      const r = await run(['clean', from, '-o', to]);
      expect(r.exitCode, r.stderr).toBe(0);
      const cleaned = await scan(to);
      expect(cleaned.map((m) => m.tracked), name).toEqual(cleaned.map(() => false));
      expect(cleaned.map((m) => m.error)).toEqual(cleaned.map(() => null));
    }
    const footer = readFileSync(path.join(out, 'mime-base64-html-list-footer-message.eml'), 'latin1');
    expect(footer).toContain('\r\n_______________________________________________\r\nList mailing list\r\nList@lists.example\r\nhttps://lists.example/mailman/listinfo/list\r\n--alt--\r\n');
  });
});
