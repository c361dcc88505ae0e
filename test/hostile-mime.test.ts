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
  // The closing {"pixelaudit":"skipped-files","redacted":false} line is not a message.
  return r.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l))
    .filter((x) => !('pixelaudit' in x)) as MessageResult[];
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
      expect(
        cleaned.map((m) => m.tracked),
        name,
      ).toEqual(cleaned.map(() => false));
      expect(cleaned.map((m) => m.error)).toEqual(cleaned.map(() => null));
    }
    const footer = readFileSync(path.join(out, 'mime-base64-html-list-footer-message.eml'), 'latin1');
    expect(footer).toContain('\r\n_______________________________________________\r\nList mailing list\r\nList@lists.example\r\nhttps://lists.example/mailman/listinfo/list\r\n--alt--\r\n');
  });
});

describe('linear time on adversarial structure', () => {
  const budget = async (label: string, fn: () => unknown, ms = 3000) => {
    const started = Date.now();
    await fn();
    expect(Date.now() - started, label).toBeLessThan(ms);
  };

  it('mbox: hundreds of thousands of lines that start like separators, envelopes of every near-miss', async () => {
    const { splitMbox } = await import('../src/input/mbox-splitter.js');
    const { isEnvelope } = await import('../src/input/mbox-envelope.js');
    const bodies = ['\nFrom '.repeat(500_000), '\n\nFrom a@b Mon Jan  1 00:00:0'.repeat(100_000), '\n\nFrom - x\n\nFrom "'.repeat(100_000), `\nContent-Length: 5\n\nFrom `.repeat(100_000)];
    for (const body of bodies) {
      const bytes = Buffer.from(`From a@example.com Mon Jan  1 00:00:00 2024\nSubject: x\n${body}\n`);
      await budget(body.slice(0, 20), async () => {
        let n = 0;
        for await (const m of splitMbox(
          (async function* () {
            for (let i = 0; i < bytes.length; i += 65536) yield bytes.subarray(i, i + 65536);
          })(),
        ))
          n += m.size;
        expect(n).toBeGreaterThan(0);
      });
    }
    for (const line of [`From ${'"'.repeat(1 << 20)}`, `From ${'\\'.repeat(1 << 20)}`, `From a ${'Mon '.repeat(1 << 18)}`, `From ${' at '.repeat(1 << 18)}`]) {
      await budget(line.slice(0, 12), () => isEnvelope(line), 500);
    }
  }, 30_000);

  it('MIME: delimiters by the hundred thousand, parts nested to the limit, a huge header', async () => {
    const { checkStructure } = await import('../src/mail/check-structure.js');
    const { findHtmlParts } = await import('../src/clean/mime-parts.js');
    const head = 'From: a@example.com\r\nMIME-Version: 1.0\r\n';
    const cases = [
      `${head}Content-Type: multipart/mixed; boundary=b\r\n\r\n${'--b--b--b '.repeat(500_000)}\r\n--b\r\n\r\nx\r\n--b--\r\n`,
      `${head}Content-Type: multipart/mixed; boundary=b\r\n\r\n${'--b\r\n'.repeat(50_000)}--b--\r\n`,
      `${head}${Array.from({ length: 39 }, (_, i) => `Content-Type: multipart/mixed; boundary=b${i}\r\n\r\n--b${i}\r\n`).join('')}Content-Type: text/html\r\n\r\n<p>deep</p>\r\n`,
      `${head}X-Long: ${'a; charset= '.repeat(300_000)}\r\nContent-Type: text/html; ${'; '.repeat(300_000)}charset=utf-8\r\n\r\n<p>x</p>\r\n`,
      `${head}Content-Type: text/html\r\nContent-Transfer-Encoding: base64\r\n\r\n${'PHA+eDwvcD4=\r\n'.repeat(300_000)}footer\r\n`,
    ];
    for (const text of cases) {
      await budget(text.slice(40, 90), () => {
        try {
          checkStructure(Buffer.from(text, 'latin1'));
        } catch {
          // a verdict is fine; only the time counts here
        }
        findHtmlParts(text);
      });
    }
  }, 30_000);
});
