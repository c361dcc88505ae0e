import { describe, expect, it } from 'vitest';
import { cleanMessage } from '../src/clean/clean-message.js';
import { analyseMessage } from '../src/engine/analyse-message.js';
import { checkStructure } from '../src/mail/check-structure.js';
import { delimitedParts, MAX_MIME_PARTS, readMimeTree } from '../src/mail/mime-structure.js';
import { detector } from './helpers.js';

// Findings of the fifth outside review (attackP5): the MIME structure reader's bounds.
const PIXEL = '<img src="https://u.sendgrid.net/wf/open?upn=abcdefghijklmnop1234" width="1" height="1">';
const HEAD = 'From: a@sender.example\r\nTo: victim@example.org\r\nSubject: t\r\nMIME-Version: 1.0\r\n';

/** attackP5's mkparts.js: one HTML part with a pixel, then empty parts `--b\n\n` (5 bytes each). */
function emptyParts(count: number): Buffer {
  const start = `${HEAD}Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/html\r\n\r\n${PIXEL}\r\n`;
  return Buffer.from(`${start}${'--b\n\n'.repeat(count)}--b--\r\n`, 'latin1');
}

/** A ticker that counts, and throws on its `limit`th tick (standing for the deadline running out). */
function countingTicker(limit = Number.POSITIVE_INFINITY) {
  const ticker = {
    ticks: 0,
    tick() {
      if (++ticker.ticks >= limit) throw new Error('deadline');
    },
  };
  return ticker;
}

describe('MIME parts per message (attackP5 finding 1)', () => {
  it('a message of 1.6 million empty parts (8 MB): the first 10,000 are read and its pixel found, the rest named in a warning', async () => {
    const bytes = emptyParts(1_600_000);
    const tree = readMimeTree(bytes);
    // Bounded: the reader stopped at the limit, not at the end of the body.
    expect(tree.children.length).toBe(MAX_MIME_PARTS - 1);
    expect(tree.tooMany).toBe(true);
    // Review of 2026-12-02: failing the message hid the pixel of the part a mail client shows.
    const r = await analyseMessage('parts.eml', bytes, detector(), { timeoutMs: 60_000 });
    expect(r.error).toBeNull();
    expect(r.tracked).toBe(true);
    // 1,600,001 leaves and their multipart, 10,000 of them read; the unread bytes start after the
    // delimiter line of the first unread part.
    expect(r.warnings).toEqual(['more than 10,000 MIME parts: only the first 10,000 were read; at least 1,590,002 more (the last 7,950,013 bytes of the message) were left unread']);
  });

  it('reads the parts before the limit only: a pixel in a part past it is not seen (the warning says so)', async () => {
    const late = Buffer.from(`${HEAD}Content-Type: multipart/mixed; boundary=b\r\n\r\n${'--b\n\n'.repeat(MAX_MIME_PARTS)}--b\r\nContent-Type: text/html\r\n\r\n${PIXEL}\r\n--b--\r\n`, 'latin1');
    const r = await analyseMessage('late.eml', late, detector(), { timeoutMs: 60_000 });
    expect(r.error).toBeNull();
    expect(r.tracked).toBe(false);
    expect(r.warnings).toEqual([`more than 10,000 MIME parts: only the first 10,000 were read; at least 2 more (the last ${`\n--b\r\nContent-Type: text/html\r\n\r\n${PIXEL}\r\n--b--\r\n`.length} bytes of the message) were left unread`]);
  });

  it('keeps at most the limit of ranges of one multipart body', () => {
    const body = Buffer.from('--b\n\n'.repeat(50), 'latin1');
    const parts = delimitedParts(body, 0, body.length, 'b', 10);
    expect(parts.ranges.length).toBe(10);
    expect(parts.tooMany).toBe(true);
    expect(delimitedParts(body, 0, body.length, 'b').tooMany).toBe(false);
  });

  it('counts the parts of nested multiparts and attached messages together', () => {
    // 101 multiparts of 100 parts each: no one multipart is over the limit, the message is.
    const inner = `Content-Type: multipart/mixed; boundary=i\r\n\r\n${'--i\r\n\r\nx\r\n'.repeat(100)}--i--\r\n`;
    const bytes = Buffer.from(`${HEAD}Content-Type: multipart/mixed; boundary=o\r\n\r\n${`--o\r\n${inner}`.repeat(101)}--o--\r\n`, 'latin1');
    const over = checkStructure(bytes);
    expect(over.incomplete).toMatch(/^more than 10,000 MIME parts/);
    // Nothing after the first unread part is read: the parser gets the bytes before it.
    expect(over.readEnd).toBeLessThan(bytes.length);
    expect(bytes.toString('latin1', over.readEnd - 5, over.readEnd)).toMatch(/^--[io]\r\n$/);
    expect(over.warnings).toEqual([over.incomplete]);
    const fewer = Buffer.from(`${HEAD}Content-Type: multipart/mixed; boundary=o\r\n\r\n${`--o\r\n${inner}`.repeat(98)}--o--\r\n`, 'latin1');
    expect(checkStructure(fewer)).toEqual({ warnings: [], readEnd: fewer.length, incomplete: null });
  });

  it('ticks the deadline per part and per header line, so the deadline can stop it', () => {
    const headers = 'X-A: b\r\n'.repeat(20);
    const part = `--b\r\n${headers}\r\nx\r\n`;
    const bytes = Buffer.from(`${HEAD}Content-Type: multipart/mixed; boundary=b\r\n\r\n${part.repeat(1000)}--b--\r\n`, 'latin1');
    const counted = countingTicker();
    checkStructure(bytes, counted);
    // 1,001 nodes, each its header lines and the empty line after them.
    expect(counted.ticks).toBeGreaterThan(1000 * 21);
    expect(() => checkStructure(bytes, countingTicker(5000))).toThrow('deadline');
  });

  it('clean fails such a message with the reason (its CLI then copies it unchanged, as unreadable), never rewriting it half read', async () => {
    await expect(cleanMessage(emptyParts(20_000), detector())).rejects.toThrow('more than 10,000 MIME parts');
  });
});

describe('header blocks over mailparser 256 KB (attackP5 finding 4)', () => {
  const to = Array.from({ length: 40_000 }, (_, i) => `a${i.toString(36)}@b.c`).join(',\r\n ');
  const html = `<html><body>${PIXEL}</body></html>`;

  it('a To: of 40,000 folded addresses (1.4 MB) is read by the fast path: the pixel is found', async () => {
    const bytes = Buffer.from(`From: a@sender.example\r\nTo: ${to}\r\nSubject: t\r\nMIME-Version: 1.0\r\nContent-Type: text/html\r\n\r\n${html}\r\n`, 'latin1');
    expect(bytes.length).toBeGreaterThan(256 * 1024);
    const r = await analyseMessage('to.eml', bytes, detector());
    expect(r.error).toBeNull();
    expect(r.tracked).toBe(true);
  });

  it('over the fast path 2 MB, fails in its own words', async () => {
    const huge = Array.from({ length: 200_000 }, (_, i) => `a${i.toString(36)}@b.c`).join(',\r\n ');
    const bytes = Buffer.from(`From: a@sender.example\r\nTo: ${huge}\r\nSubject: t\r\nMIME-Version: 1.0\r\nContent-Type: text/html\r\n\r\n${html}\r\n`, 'latin1');
    expect(bytes.length).toBeGreaterThan(2 * 1024 * 1024);
    const r = await analyseMessage('to.eml', bytes, detector());
    expect(r.error).toMatch(/^malformed message: a MIME header block of 2,\d{3} KB \(over the 256 KB the parser for irregular MIME reads\)$/);
  });

  it('in mail the fast path declines, fails in its own words, not mailsplit ones', async () => {
    // An attached message: the fast path leaves it to mailparser, whose splitter stops at 256 KB.
    const bytes = Buffer.from(
      `From: a@sender.example\r\nTo: ${to}\r\nSubject: t\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/html\r\n\r\n${html}\r\n--b\r\nContent-Type: message/rfc822\r\n\r\nSubject: in\r\n\r\nx\r\n--b--\r\n`,
      'latin1',
    );
    const r = await analyseMessage('to.eml', bytes, detector());
    expect(r.error).not.toBeNull();
    expect(r.error).toMatch(/^malformed message: a MIME header block of \d[\d,]* KB \(over the 256 KB the parser for irregular MIME reads\)$/);
  });
});
