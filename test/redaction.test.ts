import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_DOVECOT, seed, startDovecot, type Dovecot } from '../scripts/dovecot.js';
import { run } from '../src/cli/run.js';
import { ADDRESS_MASK, maskAddresses } from '../src/engine/mask-addresses.js';
import { redactUrl } from '../src/engine/redact.js';
import { AddressFinder } from '../src/url/address-leak.js';
import { safeJson, visible } from '../src/formatters/safe-text.js';
import type { MessageResult } from '../src/types.js';

// The recipient in every header the detector reads it from, and --me.
const TO = 'Reader+News@Example.org';
const CC = 'cc.person@example.net';
const DELIVERED = 'delivered.box@example.com';
const ORIGINAL = 'original.box@example.com';
const ME = 'Me.Alias@Example.info';
const ADDRESSES = [TO, CC, DELIVERED, ORIGINAL, ME].map((a) => a.toLowerCase());
const HASHES = ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512'];
const hash = (alg: string, a: string): string => createHash(alg).update(a).digest('hex');
const b64 = (a: string): string => Buffer.from(a).toString('base64');
const b64url = (a: string): string => Buffer.from(a).toString('base64url');

/** Every way the detector knows to write one address into a URL, and the mixes that used to get through. */
function formsOf(a: string): string[] {
  const upper = a.toUpperCase();
  return [
    a,
    upper,
    encodeURIComponent(a),
    encodeURIComponent(a).toLowerCase(), // %2b, %40 in lower-case hex
    a.replace('+', '%2B'), // the + encoded, the @ not
    a.replace('@', '%40'), // the @ encoded, the + not
    a.replace(/\./g, '%2E'),
    `${a}%2Cfriend%40example.net`, // next to an encoded comma
    `friend%40example.net%2C${a}`,
    encodeURIComponent(encodeURIComponent(a)), // double-encoded
    encodeURIComponent(encodeURIComponent(encodeURIComponent(a))),
    b64(a),
    b64(a).replace(/=/g, '%3D'),
    b64(a).replace(/=+$/, ''),
    b64url(a),
    ...HASHES.flatMap((h) => [hash(h, a), hash(h, a).toUpperCase()]),
  ];
}

/** The addresses that show in some form in the output: caseless for plain text and hex, exact for base64. */
function leaksIn(text: string): string[] {
  // Percent-decode as often as it changes anything, leniently, so mixed forms show up plain.
  const views = [text];
  for (let v = text, i = 0; i < 5 && /%[0-9a-f]{2}/i.test(v); i++) views.push((v = v.replace(/%([0-9a-f]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)))));
  const found: string[] = [];
  for (const a of ADDRESSES) {
    const caseless = [a, ...HASHES.map((h) => hash(h, a))];
    const exact = [b64(a).replace(/=+$/, ''), b64url(a)];
    for (const view of views) {
      const lower = view.toLowerCase();
      if (caseless.some((f) => lower.includes(f)) || exact.some((f) => view.includes(f))) found.push(a);
    }
  }
  return [...new Set(found)];
}

const SENDGRID = 'https://u1.ct.sendgrid.net/wf/open?upn=u001.abcdefgh12345';

function leakyMessage(): Buffer {
  const imgs: string[] = [];
  const links: string[] = [];
  for (const a of ADDRESSES) {
    for (const form of formsOf(a)) {
      imgs.push(`<img src="${SENDGRID}&amp;x=${form}" width="1" height="1">`);
      imgs.push(`<img src="https://img.example.net/${form}/banner.png" width="600">`);
      const destination = encodeURIComponent(`https://shop.example/welcome?who=${form}`);
      links.push(`<a href="https://click.tracker.example/c?e=${form}&amp;url=${destination}">shop</a>`);
    }
  }
  const head = [
    `From: Reader <${TO}>`,
    `To: Reader <${TO}>`,
    `Cc: ${CC}`,
    `Delivered-To: ${DELIVERED}`,
    `X-Original-To: ${ORIGINAL}`,
    `Subject: For ${TO}: your code ${hash('md5', TO.toLowerCase())} and ${b64(ME.toLowerCase())}`,
    `Message-ID: <20240514.${TO.toLowerCase()}>`,
    `Disposition-Notification-To: ${TO}, ${encodeURIComponent(CC)}`,
    'Date: Tue, 14 May 2024 09:12:33 +0000',
    'MIME-Version: 1.0',
    'Content-Type: text/html; charset=utf-8',
  ];
  return Buffer.from(`${head.join('\r\n')}\r\n\r\n<html><body>${imgs.join('\n')}\n${links.join('\n')}</body></html>\r\n`);
}

function tmp(name: string, content: Buffer | string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'pixelaudit-redact-'));
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
}

const FORMATS = ['table', 'json', 'jsonl', 'csv', 'html'];

describe('redaction is complete', () => {
  const file = tmp('leaky.eml', leakyMessage());
  const me = ['--me', ME];

  it.each(FORMATS)('scan -f %s: no form of any recipient address in the output', async (format) => {
    const r = await run(['scan', file, '-f', format, ...me]);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain(ADDRESS_MASK); // the table's sender list too
    expect(leaksIn(r.stdout + r.stderr)).toEqual([]);
  });

  it.each(FORMATS)('scan -f %s --no-redact: the addresses are shown', async (format) => {
    const r = await run(['scan', file, '-f', format, '--no-redact', ...me]);
    expect(r.exitCode).toBe(0);
    // The table shows no URL, but its sender list names the From address; CSV has From and the subject.
    const expected = format === 'table' ? [TO.toLowerCase()] : format === 'csv' ? [TO, ME].map((a) => a.toLowerCase()) : ADDRESSES;
    for (const a of expected) expect(leaksIn(r.stdout)).toContain(a);
  });

  it('every field is masked, and the findings still say what leaked', async () => {
    const [result] = (await run(['scan', file, '-f', 'jsonl', ...me])).stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(result).toMatchObject({ error: null, tracked: true, addressLeak: true, readReceipt: true });
    expect(result.subject).toBe(`For ${ADDRESS_MASK}: your code ${ADDRESS_MASK} and ${ADDRESS_MASK}`);
    expect(result.from).toBe(`"Reader" <${ADDRESS_MASK}>`);
    expect(result.messageIdHeader).toBe(`<20240514.${ADDRESS_MASK}>`);
    const header = result.findings.find((f: { kind: string }) => f.kind === 'header');
    expect(header.url).toBe(`${ADDRESS_MASK}, ${ADDRESS_MASK}`);
    const leaks = result.findings.filter((f: { category: string }) => f.category === 'address-leak');
    expect(leaks.length).toBeGreaterThan(ADDRESSES.length * 10);
    for (const f of leaks) expect(f.url).toContain(ADDRESS_MASK);
    const destinations = result.findings.filter((f: { destination?: string }) => f.destination);
    expect(destinations.length).toBeGreaterThan(0);
    for (const f of destinations) expect(f.destination).toContain(ADDRESS_MASK);
    // The host and path shape stay readable.
    const pixels = result.findings.filter((f: { url: string }) => f.url.startsWith('https://u1.ct.sendgrid.net/wf/open?upn='));
    expect(pixels.length).toBeGreaterThan(ADDRESSES.length * 10);
    for (const f of pixels) expect(f.url).toMatch(/&x=.*\[address\]/);
  });

  it('worker threads mask the same way (--jobs 2 runs the built code)', async () => {
    const one = await run(['scan', file, '-f', 'jsonl', ...me]);
    const two = await run(['scan', file, '-f', 'jsonl', '--jobs', '2', ...me]);
    expect(two.stdout).toBe(one.stdout);
    expect(leaksIn(two.stdout)).toEqual([]);
  });

  it('explain, as text and -f json: nothing with redaction on, everything with --no-redact', async () => {
    for (const format of ['text', 'json']) {
      const masked = await run(['explain', file, '-f', format, ...me]);
      expect(masked.exitCode).toBe(0);
      expect(masked.stdout).toContain(ADDRESS_MASK);
      expect(leaksIn(masked.stdout + masked.stderr)).toEqual([]);
      const shown = await run(['explain', file, '-f', format, '--no-redact', ...me]);
      for (const a of ADDRESSES) expect(leaksIn(shown.stdout)).toContain(a);
    }
  });

  it('report over a redacted JSONL shows no address either', async () => {
    const jsonl = tmp('results.jsonl', (await run(['scan', file, '-f', 'jsonl', ...me])).stdout);
    for (const format of FORMATS) expect(leaksIn((await run(['report', jsonl, '-f', format])).stdout)).toEqual([]);
  });

  it('masks a form in a structure warning', async () => {
    const subtype = `x${hash('sha1', TO.toLowerCase())}`;
    const msg = `From: a@example.com\r\nTo: ${TO}\r\nSubject: s\r\nMIME-Version: 1.0\r\nContent-Type: multipart/${subtype}; boundary="zz"\r\n\r\nno boundary here\r\n`;
    const r = await run(['scan', tmp('warn.eml', msg), '-f', 'jsonl']);
    const result = JSON.parse(r.stdout);
    expect(result.warnings.join(' ')).toContain(ADDRESS_MASK);
    expect(leaksIn(r.stdout)).toEqual([]);
    const shown = JSON.parse((await run(['scan', tmp('warn.eml', msg), '-f', 'jsonl', '--no-redact'])).stdout.split('\n')[0]);
    expect(shown.warnings.join(' ')).toContain(subtype);
  });
});

describe('redaction of the forms an attacker tried (outside review)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'pixelaudit-redact-more-'));
  const write = (name: string, text: string): string => {
    const file = path.join(dir, name);
    writeFileSync(file, text);
    return file;
  };
  const head = (to: string, rest = ''): string => `From: a@b.example\r\nTo: ${to}\r\nSubject: Hi reader@mail.example\r\nMessage-ID: <reader@mail.example>\r\n${rest}MIME-Version: 1.0\r\n`;

  it('a To written as an encoded word is the recipient: masked everywhere, and its leak found', async () => {
    const file = write('ew.eml', `${head('=?utf-8?B?cmVhZGVyQG1haWwuZXhhbXBsZQ==?=')}Content-Type: text/html\r\n\r\n<img src="https://t.example/open?e=reader@mail.example" width=1 height=1>\r\n`);
    const out = (await run(['scan', file, '-f', 'json'])).stdout;
    expect(out.toLowerCase()).not.toContain('reader@mail.example');
    expect(JSON.parse(out).messages[0].addressLeak).toBe(true);
  });

  it('a quoted local part is found without its quotes; HTML character references are masked in every field', async () => {
    const quoted = write('q.eml', `${head('"john doe"@mail.example')}Content-Type: text/html\r\n\r\n<img src="https://t.example/open?e=john%20doe%40mail.example" width=1 height=1>\r\n`);
    const q = (await run(['scan', quoted, '-f', 'json'])).stdout;
    expect(q).not.toMatch(/john(%20| )doe(%40|@)mail/i);
    expect(JSON.parse(q).messages[0].addressLeak).toBe(true);
    const refs = write(
      'r.eml',
      head('reader@mail.example', 'Disposition-Notification-To: reader&#64;mail.example\r\n').replace('Subject: Hi reader@mail.example', 'Subject: Hi &#x72;eader&commat;mail&period;example') + 'Content-Type: text/html\r\n\r\n<p>x</p>\r\n',
    );
    const r = (await run(['scan', refs, '-f', 'json'])).stdout;
    expect(r).not.toMatch(/eader(&#64;|&commat;)mail/);
    expect(r).toContain(ADDRESS_MASK);
  });

  it('explain and clean mask a reason that quotes the address; a usage error echoes a hostile file name with escapes', async () => {
    const file = write('cs2.eml', `${head('reader@mail.example')}Content-Type: text/html; charset="x-reader@mail.example"\r\n\r\n<p>x</p>\r\n`);
    const explained = await run(['explain', file]);
    expect(explained.exitCode).toBe(2);
    expect(explained.stderr).toContain(ADDRESS_MASK);
    expect(explained.stderr.toLowerCase()).not.toContain('reader@mail.example');
    const cleaned = await run(['clean', file, '-o', path.join(dir, 'cs2-clean.eml')]);
    expect(cleaned.stderr).toContain(ADDRESS_MASK);
    expect(cleaned.stderr.toLowerCase()).not.toContain('reader@mail.example');
    const usage = await run(['scan', '--x\u001b]0;PWN\u0007', file]);
    expect(usage.exitCode).toBe(2);
    expect(usage.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
    expect(usage.stderr).toContain('\\x1b]0;PWN');
  });

  it("a failed message's reason is masked too (it can quote the message), and shown with --no-redact", async () => {
    const file = write('cs.eml', `${head('reader@mail.example')}Content-Type: text/html; charset="reader@mail.example"\r\n\r\n<p>x</p>\r\n`);
    for (const format of ['json', 'csv', 'table']) {
      const r = await run(['scan', file, '-f', format]);
      expect(`${r.stdout}${r.stderr}`.toLowerCase()).not.toContain('reader@mail.example');
    }
    const shown = await run(['scan', file, '-f', 'json', '--no-redact']);
    expect(JSON.parse(shown.stdout).messages[0].error).toContain('reader@mail.example');
  });
});

describe.skipIf(!HAS_DOVECOT)('redaction over IMAP, and the cache', () => {
  const USER = 'sam.rivera@example.org';
  let d: Dovecot | undefined;
  let port = 0;
  beforeAll(async () => {
    // Two test files starting a Dovecot at once can be handed the same free port: try again.
    for (let attempt = 1; !d; attempt++) {
      try {
        d = await startDovecot();
      } catch (error) {
        if (attempt >= 3) throw error;
      }
    }
    await seed(d.port, USER, 'INBOX', [{ raw: leakyMessage() }]);
    await seed(d.port, USER, 'Lists', [{ raw: listMessage(USER) }]);
    port = d.port;
  }, 60_000);
  afterAll(async () => d?.stop());

  it('the cache stores what the output shows: masked, and the login not in the sources', async () => {
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'pixelaudit-redact-cache-'));
    const args = ['imap', '--host', '127.0.0.1', '--port', String(port), '--tls', 'none', '--user', USER, '--cache-dir', cacheDir, '-f', 'jsonl', '--me', ME];
    const env = { PIXELAUDIT_IMAP_PASSWORD: 'testpass' };
    const fetched = await run(args, { env });
    const again = await run(args, { env });
    expect(fetched.exitCode).toBe(0);
    // One folder per account, one file per mailbox: a header line, then one result per line.
    const dir = path.join(cacheDir, 'imap');
    const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    const cache = files.map((e) => readFileSync(path.join(e.parentPath, e.name), 'utf8')).join('');
    for (const text of [fetched.stdout, again.stdout, cache]) {
      expect(text).toContain(ADDRESS_MASK);
      expect(leaksIn(text)).toEqual([]);
      expect(text.toLowerCase()).not.toContain(USER);
    }
    const stored = JSON.parse(
      cache
        .trim()
        .split('\n')
        .find((line) => line.startsWith('{"uid":')) as string,
    ).result;
    expect(stored).toEqual(JSON.parse(fetched.stdout));
    expect(JSON.parse(again.stdout)).toEqual(stored);
  });

  it("an addr-spec login is one of the reader's addresses: masked in list mail, and its leak counted", async () => {
    const args = ['imap', '--host', '127.0.0.1', '--port', String(port), '--tls', 'none', '--user', USER, '--mailbox', 'Lists', '--no-cache', '-f', 'jsonl'];
    const env = { PIXELAUDIT_IMAP_PASSWORD: 'testpass' };
    const shown = await run(args, { env });
    expect(shown.exitCode).toBe(0);
    expect(shown.stdout.toLowerCase()).not.toContain(USER);
    expect(shown.stdout.toLowerCase()).not.toContain(hash('md5', USER));
    const [result] = shown.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as MessageResult);
    expect(result.findings.map((f) => f.ruleId)).toContain('PA003');
    // --no-redact shows what was masked, so the mask above is the login's doing, not a blanket cut.
    const plain = await run([...args, '--no-redact'], { env });
    expect(plain.stdout.toLowerCase()).toContain(`e=${USER}`);
  });
});

// List or Bcc mail: the reader is in no To, Cc or Delivered-To; only the login says who reads.
function listMessage(reader: string): Buffer {
  const md5 = hash('md5', reader);
  return Buffer.from(
    [
      'From: Weekly <news@lists.example>',
      'To: Subscribers <subscribers@lists.example>',
      'Subject: This week',
      'Message-ID: <list-1@lists.example>',
      'MIME-Version: 1.0',
      'Content-Type: text/html; charset=utf-8',
      '',
      `<p>Hello</p><img src="https://t.evil.example/o.gif?e=${reader}&amp;h=${md5}" width="1" height="1">`,
      '',
    ].join('\r\n'),
  );
}

describe('maskAddresses', () => {
  const finder = new AddressFinder([TO, ME]);

  it('masks every form the detector finds, in any context', () => {
    for (const a of [TO, ME].map((x) => x.toLowerCase())) {
      for (const form of formsOf(a)) {
        for (const text of [form, `https://t.example/p?a=1&e=${form}&b=2`, `https://t.example/${form}/x.gif`, `Hi ${form}!`]) {
          const masked = maskAddresses(text, finder);
          expect(masked, text).toContain(ADDRESS_MASK);
          expect(leaksIn(masked), text).toEqual([]);
          expect(finder.find(masked), text).toEqual([]);
        }
      }
    }
  });

  it('property: an address encoded in any mix of percent-escapes, in any text, is masked', () => {
    const plain = [TO, ME].map((x) => x.toLowerCase());
    const forms = [...plain, ...plain.flatMap((a) => [b64(a).replace(/=+$/, ''), b64url(a), ...HASHES.map((h) => hash(h, a))])];
    const escape = (c: string, lower: boolean): string => {
      const e = `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`;
      return lower ? e : e.toUpperCase();
    };
    // Around it, any text but a `%`, which could swallow the form's first characters into another escape.
    const text = fc.string({ unit: 'grapheme' }).map((t) => t.replace(/%/g, ''));
    fc.assert(
      fc.property(text, fc.constantFrom(...forms), fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 128, maxLength: 128 }), text, (before, form, how, after) => {
        // Each character as is, escaped once (upper or lower hex), or escaped twice.
        const written = Array.from(form)
          .map((c, i) => (how[i] === 0 ? c : how[i] === 3 ? encodeURIComponent(escape(c, false)) : escape(c, how[i] === 1)))
          .join('');
        const masked = maskAddresses(`${before}${written}${after}`, finder);
        return masked.includes(ADDRESS_MASK) && leaksIn(masked).length === 0 && finder.find(masked).length === 0;
      }),
      { seed: 20261201, numRuns: 3000 },
    );
  });

  it('the detector sees a + address next to an escape (a + is a space only in form encoding)', () => {
    expect(finder.find('https://t.example/p?to=reader+news@example.org%2Cfriend%40example.net').map((l) => l.encoding)).toEqual(['url-encoded']);
    expect(finder.find('https://t.example/p?to=reader%2Bnews@example.org').map((l) => l.encoding)).toEqual(['url-encoded']);
  });

  it('is linear on long adversarial text (every round of decoding, every occurrence)', () => {
    for (const text of ['%'.repeat(2e6), '%41'.repeat(7e5), '%2541'.repeat(4e5), '%E0%A4%A'.repeat(2e5), 'reader+news@example.org'.repeat(1e5), '&'.repeat(2e6), '&#'.repeat(1e6), '&#x4'.repeat(5e5), '%&'.repeat(1e6), '&#64;'.repeat(4e5)]) {
      const started = performance.now();
      const masked = maskAddresses(text, finder);
      expect(performance.now() - started, text.slice(0, 12)).toBeLessThan(3000);
      expect(leaksIn(masked.slice(0, 10000))).toEqual([]);
    }
  });

  it('a token with the address inside is still cut like a token; a longer address keeps its domain', () => {
    const b = b64(TO.toLowerCase()).replace(/=+$/, '');
    expect(redactUrl(`https://t.example/4hyjgY38026Rjbk793pczxpp${b}G10/x`, finder)).toBe(`https://t.example/4hyj…${ADDRESS_MASK}G10/x`);
    expect(redactUrl(`https://t.example/o?bra=${b}0KMzk1NDExNDMyMTA3&email=${TO}@hotmail.com%26u=1`, finder)).toBe(`https://t.example/o?bra=${ADDRESS_MASK}0KMz…&email=${ADDRESS_MASK}@hotmail.com%26u=1`);
  });

  // The nine names that used to launder any value (attack14): none may keep a token or the address.
  const INNOCUOUS = ['_', 'cb', 'h', 'height', 'size', 'utm_content', 'v', 'w', 'width'];
  it.each(INNOCUOUS)('under ?%s= a 32-character token is cut and the address in hex is masked', (name) => {
    const token = 'F9fCAJ81jBg9b4GbfF5kF14f6GbhGCb1';
    expect(redactUrl(`https://t.evil.example/o.gif?${name}=${token}`, finder)).toBe(`https://t.evil.example/o.gif?${name}=F9fC…`);
    const hex = Buffer.from(TO.toLowerCase()).toString('hex');
    for (const form of [hex, hex.toUpperCase()]) {
      const out = redactUrl(`https://t.evil.example/o.gif?${name}=${form}&w=1`, finder);
      expect(out).toBe(`https://t.evil.example/o.gif?${name}=${ADDRESS_MASK}&w=1`);
    }
  });

  it('the address in hex is found as a leak, and masked inside other text', () => {
    const hex = Buffer.from(TO.toLowerCase()).toString('hex');
    expect(finder.find(`https://t.example/p?w=${hex}`).map((l) => l.encoding)).toEqual(['hex']);
    expect(maskAddresses(`id ${hex.toUpperCase()} end`, finder)).toBe(`id ${ADDRESS_MASK} end`);
  });

  it('keeps what is around the address, and leaves other text alone', () => {
    expect(maskAddresses('https://t.example/p?to=reader%2Bnews@example.org%2Cfriend%40example.net&z=1', finder)).toBe(`https://t.example/p?to=${ADDRESS_MASK}%2Cfriend%40example.net&z=1`);
    expect(maskAddresses('https://t.example/p?to=reader%252Bnews%2540example.org', finder)).toBe(`https://t.example/p?to=${ADDRESS_MASK}`);
    expect(maskAddresses('https://t.example/p?e=broken%E0%A4%A&to=reader+news@example.org', finder)).toBe(`https://t.example/p?e=broken%E0%A4%A&to=${ADDRESS_MASK}`);
    const other = 'https://t.example/p?to=someone%40example.org&h=%F0%9F%98%80';
    expect(maskAddresses(other, finder)).toBe(other);
  });
});

// Escape sequences a hostile sender (or a hostile file name) can aim at the terminal.
const ESC_TITLE = '\u001b]0;owned\u0007';
const ESC_CLEAR = '\u001b[2J\u001b[H';
const CSI_C1 = '\u009b31m';
const BIDI = '\u202egnp.exe\u202c \u2066x\u2069 \u200f\u061c';
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/;

function hostileMessage(): Buffer {
  const head = [
    `From: "Bank${ESC_TITLE}" <alerts@bank.example>`,
    'To: someone@example.org',
    `Subject: Pay now${ESC_CLEAR}${CSI_C1} ${BIDI} =?utf-8?q?=1B[5mblink?=`,
    'Message-ID: <evil\u001b[8m@bank.example>',
    'Date: Tue, 14 May 2024 09:12:33 +0000',
    'MIME-Version: 1.0',
    'Content-Type: text/html; charset=utf-8',
  ];
  const html = `<img src="https://u1.ct.sendgrid.net/wf/open?upn=u001.abcdefgh12345&amp;t=${ESC_CLEAR}${BIDI}" width="1" height="1"><a href="https://click.example/c?u=x\u001b]8;;https://evil.example\u0007&amp;url=https%3A%2F%2Fshop.example%2F%1B%5B2J">x</a>`;
  return Buffer.from(`${head.join('\r\n')}\r\n\r\n${html}\r\n`);
}

describe('nothing from a message or a file name drives a terminal', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'pixelaudit-esc-'));
  const good = path.join(dir, `mail${ESC_TITLE}${BIDI}.eml`);
  writeFileSync(good, hostileMessage());
  const bad = path.join(dir, `broken${ESC_CLEAR}.eml`);
  writeFileSync(bad, `From: a@example.com\r\nSubject: b\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: base64\r\n\r\nPGh0bWw+##*!!not base64\r\n`);

  it.each(['table', 'csv'])('scan -f %s and its stderr lines show controls as visible escapes', async (format) => {
    const r = await run(['scan', dir, good, '-f', format]);
    expect(r.stdout.length).toBeGreaterThan(0);
    expect(r.stdout.replace(/\r\n/g, '\n')).not.toMatch(UNSAFE); // CSV rows end in CRLF
    expect(r.stderr).toContain('broken\\x1b[2J\\x1b[H.eml');
    expect(r.stderr).not.toMatch(UNSAFE);
  });

  it('csv shows the subject and the file name with escapes', async () => {
    const r = await run(['scan', good, '-f', 'csv']);
    expect(r.stdout).toContain('Pay now\\x1b[2J\\x1b[H\\x9b31m \\u202egnp.exe\\u202c');
    expect(r.stdout).toContain('\\x1b[5mblink');
    expect(r.stdout).toContain(`mail\\x1b]0;owned\\x07`);
  });

  it('the table report names a hostile input with escapes', async () => {
    const r = await run(['scan', good]);
    expect(r.stdout).toContain('mail\\x1b]0;owned\\x07\\u202egnp.exe');
    expect(r.stdout).not.toMatch(UNSAFE);
  });

  it('explain shows subject, From, Message-ID and URLs with escapes', async () => {
    const r = await run(['explain', good]);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).not.toMatch(UNSAFE);
    expect(r.stdout).toContain('subject:  Pay now\\x1b[2J');
    // The address parser already drops the controls from a display name.
    expect(r.stdout).toContain('from:     "Bank]0;owned" <alerts@bank.example>');
    // A URL is shown serialised by the URL standard, which percent-encodes its controls.
    expect(r.stdout).toContain('%1B]8;;https://evil.example%07');
  });

  it.each([
    ['scan', '-f', 'json'],
    ['scan', '-f', 'jsonl'],
    ['explain', '-f', 'json'],
  ])('%s %s %s: valid JSON, escaped, with the exact value', async (...args) => {
    const r = await run([args[0], good, args[1], args[2]]);
    expect(r.stdout).not.toMatch(UNSAFE);
    expect(r.stdout).not.toMatch(/[\u2028\u2029]/);
    const parsed = JSON.parse(r.stdout.trim());
    const subject = parsed.messages ? parsed.messages[0].subject : parsed.subject;
    expect(subject).toBe(`Pay now${ESC_CLEAR}${CSI_C1} ${BIDI} \u001b[5mblink`);
  });

  it('a known error naming a hostile path shows it with escapes', async () => {
    const r = await run(['explain', path.join(dir, `missing${ESC_CLEAR}.eml`)]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('missing\\x1b[2J\\x1b[H.eml');
    expect(r.stderr).not.toMatch(UNSAFE);
  });

  it('--no-redact changes nothing about terminal safety', async () => {
    const r = await run(['explain', good, '--no-redact']);
    expect(r.stdout).not.toMatch(UNSAFE);
  });
});

describe('safe text', () => {
  it('visible escapes the invisible format characters that hide inside a word (zero-width, soft hyphen, BOM, tags)', () => {
    expect(visible('r\u200beader\u00ad@\u2060x\ufeff\u{e0041}.org')).toBe('r\\u200beader\\xad@\\u2060x\\ufeff\\u{e0041}.org');
  });

  it('visible escapes C0, DEL, C1 and bidi controls and nothing else', () => {
    expect(visible('a\u0000b\tc\nd\u001be\u007ff\u0085g\u009fh\u202ei\u2066j\u200ek\u061cl é ✓ \u2028')).toBe('a\\x00b\\x09c\\x0ad\\x1be\\x7ff\\x85g\\x9fh\\u202ei\\u2066j\\u200ek\\u061cl é ✓ \\u2028');
  });

  it('safeJson escapes what JSON.stringify leaves raw, and parses to the same value', () => {
    const value = { s: 'a\u007f\u0085\u2028\u2029\u202e\u2069\u200f\u061c\u001b é', n: [1, '\u009b'] };
    const text = safeJson(value, 2);
    expect(text).not.toMatch(/[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\u001b]/);
    expect(JSON.parse(text)).toEqual(value);
    expect(text).toContain('\\u2028');
  });
});
