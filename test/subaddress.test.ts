// Subaddresses (RFC 5233, `local+tag@domain`): the same mailbox as `local@domain`, so each names
// the reader when the other is the recipient (outside review 3, finding 5).
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../src/cli/run.js';
import { ADDRESS_MASK, maskAddresses } from '../src/engine/mask-addresses.js';
import { AddressFinder } from '../src/url/address-leak.js';

const BASE = 'reader.kiss@example.org';
const TAGGED = 'reader.kiss+shop@example.org';
const PIXEL = 'https://t.shop.example/o.gif?e=';
const md5 = (a: string): string => createHash('md5').update(a).digest('hex');
const sha256 = (a: string): string => createHash('sha256').update(a).digest('hex');
const b64 = (a: string): string => Buffer.from(a).toString('base64').replace(/=+$/, '');

/** Whether some spelling of either address shows in a text: plain in any case, or percent-encoded. */
function shows(text: string): boolean {
  const lower = text.toLowerCase();
  const decoded = lower.replace(/%([0-9a-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  return [lower, decoded].some((t) => /reader\.kiss(\+[a-z0-9.-]*)?@example\.org/.test(t));
}

describe('a tagged recipient: its untagged address is the reader too', () => {
  const finder = new AddressFinder(['Reader.Kiss+Shop@Example.org']);

  it.each([
    ['plain', BASE, 'plain'],
    ['upper case', BASE.toUpperCase(), 'plain'],
    ['url-encoded', encodeURIComponent(BASE), 'url-encoded'],
    ['base64', b64(BASE), 'base64'],
    ['md5', md5(BASE), 'md5'],
    ['sha256', sha256(BASE), 'sha256'],
    ['VERP', 'reader.kiss=example.org@bounces.shop.example', 'plain'],
  ])('%s: found, reported as the untagged address, and masked', (_, form, encoding) => {
    const url = `${PIXEL}${form}&c=1`;
    expect(finder.find(url)).toContainEqual(expect.objectContaining({ address: BASE, encoding }));
    const masked = maskAddresses(url, finder);
    expect(masked).toContain(`${PIXEL}${ADDRESS_MASK}`);
    expect(masked.toLowerCase()).not.toContain(form.toLowerCase().slice(0, 12));
    expect(finder.find(masked)).toEqual([]);
  });

  it('another tag of the same mailbox is found and masked', () => {
    const url = `${PIXEL}${encodeURIComponent('reader.kiss+other@example.org')}`;
    expect(finder.find(url).map((l) => l.encoding)).toEqual(['url-encoded']);
    expect(maskAddresses(url, finder)).toBe(`${PIXEL}${ADDRESS_MASK}`);
  });

  it('the tagged address itself keeps every form', () => {
    expect(finder.find(`${PIXEL}${md5(TAGGED)}`)).toEqual([{ address: TAGGED, encoding: 'md5', text: md5(TAGGED) }]);
  });
});

describe('a plain recipient: any subaddress of it', () => {
  const finder = new AddressFinder(['Reader.Kiss@Example.org']);

  it.each([
    ['plain', TAGGED, 'plain'],
    ['upper case', TAGGED.toUpperCase(), 'plain'],
    ['url-encoded', encodeURIComponent(TAGGED), 'url-encoded'],
    ['lower-case escapes', encodeURIComponent(TAGGED).toLowerCase(), 'url-encoded'],
    ['encoded twice', encodeURIComponent(encodeURIComponent(TAGGED)), 'url-encoded'],
    ['an empty tag', 'reader.kiss+@example.org', 'plain'],
    ['a tag of every atext', "reader.kiss+a.b-c_d!#$'*/?^`{|}~@example.org", 'plain'],
    ['VERP', 'reader.kiss+news=example.org', 'plain'],
    ['followed by a sentence dot', `${TAGGED}.`, 'plain'],
  ])('%s: found as the recipient and masked', (_, form, encoding) => {
    const url = `${PIXEL}${form}&c=1`;
    const leaks = finder.find(url);
    expect(leaks).toEqual([expect.objectContaining({ address: BASE, encoding })]);
    const masked = maskAddresses(url, finder);
    expect(masked).toContain(ADDRESS_MASK);
    expect(shows(masked)).toBe(false);
    expect(finder.find(masked)).toEqual([]);
  });

  it('the text of a leak is what the URL holds, not the prefix matched', () => {
    expect(finder.find(`${PIXEL}${TAGGED}`)[0].text).toBe(TAGGED);
    expect(finder.find(`${PIXEL}${encodeURIComponent(TAGGED)}`)[0].text).toBe(encodeURIComponent(TAGGED));
  });

  it.each([
    ['another domain', 'reader.kiss+shop@example.net'],
    ['a longer domain', 'reader.kiss+shop@example.org.evil'],
    ['a longer local part', 'xreader.kiss+shop@example.org'],
    ['no domain', 'reader.kiss+shop'],
    ['a tag past 64 units', `reader.kiss+${'t'.repeat(65)}@example.org`],
    ['a hyphen: another mailbox as often as a tag', 'reader.kiss-shop@example.org'],
  ])('%s: no leak', (_, form) => {
    expect(finder.find(`${PIXEL}${form}&c=1`)).toEqual([]);
  });

  it('a subaddress cut by the end of the text after its @ is masked', () => {
    expect(maskAddresses(`${PIXEL}reader.kiss+shop@exam`, finder)).toBe(`${PIXEL}${ADDRESS_MASK}`);
    expect(maskAddresses(`${PIXEL}reader.kiss+shop%40`, finder)).toBe(`${PIXEL}${ADDRESS_MASK}`);
  });

  it('an internationalised domain in either form', () => {
    const idn = new AddressFinder(['leser@bücher.example']);
    expect(idn.find(`${PIXEL}leser+x@xn--bcher-kva.example`)).toHaveLength(1);
    expect(idn.find(`${PIXEL}${encodeURIComponent('leser+x@bücher.example')}`)).toHaveLength(1);
    expect(maskAddresses(`Hi LESER+X@BÜCHER.EXAMPLE!`, idn)).toBe(`Hi ${ADDRESS_MASK}!`);
  });

  it('many prefixes in one text: each checked once, every full one masked', () => {
    const text = `${'reader.kiss+'.repeat(5_000)}x@example.org ${'reader.kiss+t '.repeat(5_000)}`;
    const masked = maskAddresses(text, finder);
    expect(masked.endsWith(`${ADDRESS_MASK} ${'reader.kiss+t '.repeat(5_000)}`)).toBe(true);
  });
});

describe('scan and explain: detected, and masked in every format (outside review 3, finding 5)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'pixelaudit-subaddress-'));
  const message = (name: string, to: string, shown: string): string => {
    const file = path.join(dir, name);
    const url = `${PIXEL}${encodeURIComponent(shown)}`;
    writeFileSync(file, `From: news@shop.example\r\nTo: ${to}\r\nSubject: for ${shown} and you\r\nMessage-ID: <m@shop.example>\r\nMIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<img src="${url}" width=1 height=1>\r\n`);
    return file;
  };
  const cases = [
    ['a tagged recipient, the untagged address shown', message('f5.eml', TAGGED, BASE)],
    ['a plain recipient, a subaddress shown', message('f4.eml', 'Reader.Kiss@Example.org', TAGGED)],
  ] as const;

  it.each(cases)('%s: scan -f json finds PA003 and masks subject and URL', async (_, file) => {
    const r = await run(['scan', file, '-f', 'json']);
    expect(shows(r.stdout)).toBe(false);
    const [m] = JSON.parse(r.stdout).messages;
    expect(m).toMatchObject({ tracked: true, addressLeak: true, subject: `for ${ADDRESS_MASK} and you` });
    expect(m.findings).toContainEqual(expect.objectContaining({ category: 'address-leak', url: `${PIXEL}${ADDRESS_MASK}` }));
  });

  it.each(cases)('%s: masked in table, jsonl, csv and html; shown with --no-redact', async (_, file) => {
    for (const format of ['table', 'jsonl', 'csv', 'html']) {
      const r = await run(['scan', file, '-f', format]);
      expect(r.exitCode, format).toBe(0);
      expect(shows(r.stdout + r.stderr), format).toBe(false);
    }
    const csv = await run(['scan', file, '-f', 'csv']);
    expect(csv.stdout).toContain(`for ${ADDRESS_MASK} and you`);
    expect(csv.stdout.split('\n')[1].split(',')[7]).toBe('true'); // addressLeak
    expect(shows((await run(['scan', file, '-f', 'csv', '--no-redact'])).stdout)).toBe(true);
  });

  it.each(cases)('%s: explain says TRACKING by PA003, as text and json, masked', async (_, file) => {
    const text = await run(['explain', file]);
    expect(shows(text.stdout)).toBe(false);
    expect(text.stdout).toContain('+PA003 address-in-url');
    expect(text.stdout).toContain('address: url-encoded');
    expect(text.stdout).not.toContain('SPACER');
    const json = await run(['explain', file, '-f', 'json']);
    expect(shows(json.stdout)).toBe(false);
    expect(json.stdout).toContain(ADDRESS_MASK);
    expect(shows((await run(['explain', file, '--no-redact'])).stdout)).toBe(true);
  });
});
