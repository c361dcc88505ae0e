// The redaction gaps the last review left open: hashes of the Latin-1 form of an address (those
// of the quoted form of an unquoted address are not looked for: README, Redaction), a token cut
// into short path segments, and a base64 data: document in a frame (read as
// the document a browser shows, and redacted inside). Each through the built CLI's run() too.
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../src/cli/run.js';
import { ADDRESS_MASK, maskAddresses } from '../src/engine/mask-addresses.js';
import { cutSplitTokens } from '../src/engine/split-tokens.js';
import { redactUrl } from '../src/engine/redact.js';
import { AddressFinder } from '../src/url/address-leak.js';
import { htmlMessage } from './helpers.js';

const hash = (alg: string, text: string, charset: BufferEncoding = 'utf8'): string => createHash(alg).update(Buffer.from(text, charset)).digest('hex');
const dir = mkdtempSync(path.join(tmpdir(), 'pixelaudit-redaction-gaps-'));
const scanJson = async (name: string, html: string, to = 'Reader <reader@example.org>', extra: string[] = []) => {
  const file = path.join(dir, name);
  writeFileSync(file, htmlMessage(html, { To: to }));
  const r = await run(['scan', file, '-f', 'json', '-q', ...extra]);
  expect(r.exitCode, r.stderr).toBe(0);
  return { stdout: r.stdout, message: JSON.parse(r.stdout).messages[0] as { addressLeak: boolean; findings: Array<{ ruleId: string; url: string; data: Record<string, unknown> }> } };
};

describe('hashes of the Latin-1 form', () => {
  it('a Latin-1 address keeps its UTF-8 forms in the next finder built for it (the needle cache kept one charset under both)', () => {
    const address = 'jürgen@example.org';
    for (const finder of [new AddressFinder([address]), new AddressFinder([address, 'other@example.org'])]) {
      for (const [charset, alg] of [
        ['latin1', 'md5'],
        ['utf8', 'md5'],
        ['latin1', 'sha256'],
        ['utf8', 'sha1'],
      ] as const) {
        const url = `https://t.example/o.gif?h=${hash(alg, address, charset)}`;
        expect(finder.find(url).map((l) => l.encoding)).toEqual([alg]);
        expect(maskAddresses(url, finder)).toBe(`https://t.example/o.gif?h=${ADDRESS_MASK}`);
      }
    }
  });
});

describe('a token cut into short path segments', () => {
  const finder = new AddressFinder(['reader@example.org']);

  it.each([
    ['https://t.example/o/Xk9q/7hTz/Qa2L/mN4p/Rb8w/o.gif', 'https://t.example/o/Xk9q/…/o.gif'],
    ['https://t.example/c/ab12/cd34/ef56/gh78/ij90?x=1#f', 'https://t.example/c/ab12/…?x=1#f'],
    ['https://t.example/p/3f2a/9bc1/d4e7/88fa/p.png', 'https://t.example/p/3f2a/…/p.png'],
  ])('%s is cut', (url, cut) => {
    expect(redactUrl(url, finder)).toBe(cut);
  });

  it.each([
    'https://news.example/2024/05/14/story/o.gif',
    'https://news.example/en/us/p/abc/img.png',
    'https://news.example/news/daily/top/story/x',
    'https://cdn.example/a/b/c/d/e.gif',
    'https://cdn.example/img/v1/w600/h400/q80/x.jpg',
    'http://g-ecx.images-amazon.com/images/G/01/e-mail/img/softlines/sp.gif',
  ])('%s keeps its path (dates, words, short folders, numbered ids)', (url) => {
    expect(redactUrl(url, finder)).toBe(url);
  });

  it('reads each segment once: a path of 100,000 short segments is one pass', () => {
    const ticks = {
      n: 0,
      tick() {
        this.n++;
      },
    };
    cutSplitTokens(`https://t.example/${'a1/'.repeat(100_000)}`, 4, ticks);
    expect(ticks.n).toBeLessThanOrEqual(100_002);
  });

  it('through the CLI: neither the finding nor --format table prints the token whole', async () => {
    const html = '<img src="https://t.example/o/Xk9q/7hTz/Qa2L/mN4p/Rb8w/o.gif" width=1 height=1>';
    const { stdout, message } = await scanJson('split.eml', html);
    expect(message.findings.map((f) => f.url)).toEqual(['https://t.example/o/Xk9q/…/o.gif']);
    expect(stdout).not.toContain('7hTz');
    const shown = await scanJson('split2.eml', html, undefined, ['--no-redact']);
    expect(shown.stdout).toContain('Xk9q/7hTz/Qa2L/mN4p/Rb8w');
  });
});

// Chromium shows a frame's data: document (iframe src, object data, embed src) and a srcdoc as
// documents whose resources load: pixelaudit reads them so (data-document.ts) and redacts what
// they hold like the message's own URLs; a data: URL that holds no document (an img's) is listed
// as not remote, the address's base64 inside it masked and its long base64 runs cut.
describe('a base64 data: document', () => {
  const inner = '<img src="https://t.example/o.gif?e=reader@example.org&t=Zk3J9aQ2mP7xL4vR8nB1"><p>Hello reader@example.org</p>';
  const b64 = Buffer.from(inner).toString('base64');
  const html = `<iframe src="data:text/html;base64,${b64}"></iframe><object data="data:text/html;base64,${b64}"></object><iframe srcdoc="${inner.replace(/"/g, '&quot;')}"></iframe><img src="data:text/html;base64,${b64}">`;

  it('is read as a document in iframe, object and srcdoc: its pixel found three times, the address masked, the token cut', async () => {
    const { stdout, message } = await scanJson('data.eml', html);
    expect(message.addressLeak).toBe(true);
    expect(message.findings.map((f) => [f.ruleId, f.url])).toEqual(Array(3).fill(['PA003', `https://t.example/o.gif?e=${ADDRESS_MASK}&t=Zk3J…`]));
    for (const leak of ['reader@example.org', Buffer.from('reader@example.org').toString('base64').slice(0, 20), 'Zk3J9aQ2']) expect(stdout).not.toContain(leak);
  });

  it('explain: the img data: URL is listed as not remote, the address in its base64 masked', async () => {
    const file = path.join(dir, 'data-explain.eml');
    writeFileSync(file, htmlMessage(html));
    const r = await run(['explain', file, '-f', 'json']);
    expect(r.exitCode, r.stderr).toBe(0);
    const explained = JSON.parse(r.stdout) as { rejected: Array<{ written: string }> };
    expect(explained.rejected).toHaveLength(1);
    expect(explained.rejected[0].written).toContain(ADDRESS_MASK);
    expect(r.stdout).not.toContain(Buffer.from('reader@example.org').toString('base64').slice(0, 20));
    expect(r.stdout).not.toContain(b64.slice(8, 40));
  });
});
