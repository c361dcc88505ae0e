import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../src/cli/run.js';
import { ADDRESS_MASK, maskAddresses } from '../src/engine/mask-addresses.js';
import { AddressFinder } from '../src/url/address-leak.js';

// The attacker's second round (outside review): a non-ASCII address in its other Unicode and
// Latin-1 spellings, and full-width letters.
const NFC = 'jürgen@example.org';
const NFD = NFC.normalize('NFD');
const md5 = (bytes: Buffer): string => createHash('md5').update(bytes).digest('hex');

describe('an address in its other Unicode forms and in Latin-1', () => {
  const spellings = [
    NFD,
    NFD.toUpperCase(),
    encodeURIComponent(NFD),
    'ju%CC%88rgen@example.org',
    'j%FCrgen@example.org',
    'j%fcrgen%40example.org',
    Buffer.from(NFC, 'latin1').toString('hex'),
    md5(Buffer.from(NFD)),
    md5(Buffer.from(NFC, 'latin1')),
    Buffer.from(NFD).toString('base64').replace(/=+$/, ''),
  ];

  it.each([NFC, NFD])('To: %s finds and masks every spelling', (to) => {
    const finder = new AddressFinder([to]);
    for (const form of spellings) {
      const url = `https://t.example/o.gif?a=${form}&x=1`;
      expect(finder.find(url), form).not.toEqual([]);
      expect(maskAddresses(url, finder), form).toBe(`https://t.example/o.gif?a=${ADDRESS_MASK}&x=1`);
    }
  });

  it('an internationalised domain written decomposed, and full-width letters', () => {
    const idn = new AddressFinder(['reader@bücher.example']);
    for (const form of ['reader@bu\u0308cher.example', 'reader%40bu%CC%88cher.example', 'READER@BU\u0308CHER.EXAMPLE']) expect(maskAddresses(`x ${form} y`, idn), form).toBe(`x ${ADDRESS_MASK} y`);
    const ascii = new AddressFinder(['reader.kiss@example.org']);
    const wide = 'ｒｅａｄｅｒ．ｋｉｓｓ＠ｅｘａｍｐｌｅ．ｏｒｇ';
    expect(ascii.find(`https://t.example/?e=${encodeURIComponent(wide)}`)).not.toEqual([]);
    expect(maskAddresses(`Hi ${wide}!`, ascii)).toBe(`Hi ${ADDRESS_MASK}!`);
    expect(maskAddresses(`Hi ＲＥＡＤＥＲ.kiss＠example.org!`, ascii)).toBe(`Hi ${ADDRESS_MASK}!`);
  });

  it('scan masks them in the subject and the URL (the attacker nfd2, nfd3 messages)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pixelaudit-redact-unicode-'));
    const file = path.join(dir, 'nfd.eml');
    const url = `https://t.example/o.gif?a=ju%CC%88rgen@example.org&b=J%C3%9CRGEN@example.org&c=j%FCrgen@example.org&h=${md5(Buffer.from(NFD))}`;
    writeFileSync(file, `From: n <n@shop.example>\r\nTo: ${NFC}\r\nSubject: nfd ${NFD}\r\nMIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<img src="${url}">\r\n`);
    const out = (await run(['scan', file, '-f', 'json'])).stdout;
    const message = JSON.parse(out).messages[0];
    expect(message.subject).toBe(`nfd ${ADDRESS_MASK}`);
    expect(message.findings.map((f: { url: string }) => f.url)).toContain(`https://t.example/o.gif?a=${ADDRESS_MASK}&b=${ADDRESS_MASK}&c=${ADDRESS_MASK}&h=${ADDRESS_MASK}`);
    expect(out.normalize('NFC')).not.toMatch(/j(ü|%FC|u%CC%88)rgen/i);
  });
});
