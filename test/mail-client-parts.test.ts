import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanMessage } from '../src/clean/clean-message.js';
import { analyseMessage, analyseParsed } from '../src/engine/analyse-message.js';
import { parseMessage, parseMessageFast, parseMessageSlow } from '../src/mail/parse-message.js';
import { detector, FIXTURES } from './helpers.js';

// attackP5 finding 5: parts a mail client shows that the scan never read.
const fixture = (name: string) => readFileSync(path.join(FIXTURES, 'mail-client-parts', name));
/** `kind url` of every resource the scan lists. */
async function loads(bytes: Buffer): Promise<string[]> {
  const { html } = analyseParsed(await parseMessage(bytes), detector());
  return html.resources.map((r) => `${r.facts.resource.kind} ${r.facts.resource.url}`).sort();
}
const PIXEL_URL = 'https://u.sendgrid.net/wf/open?upn=aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789';

/** The same message, pushed off the fast path by an attached message (mailparser reads it then). */
function slowPathOf(bytes: Buffer): Buffer {
  const text = bytes.toString('latin1').replace(/\r?\n--b--\s*$/, '\n--b\nContent-Type: message/rfc822\n\nSubject: in\n\nx\n--b--\n');
  return Buffer.from(text, 'latin1');
}

describe('AMP for Email parts (text/x-amp-html)', () => {
  it('an amp-img pixel in the AMP alternative is a tracking load, on the fast path and through mailparser', async () => {
    const bytes = fixture('amp.eml');
    expect(parseMessageFast(bytes)?.html).toContain('<amp-img');
    const slow = slowPathOf(bytes);
    expect(parseMessageFast(slow)).toBeNull();
    expect((await parseMessageSlow(slow)).html).toContain('<amp-img');
    for (const b of [bytes, slow]) {
      const r = await analyseMessage('amp.eml', b, detector());
      expect(r.error).toBeNull();
      expect(r.tracked).toBe(true);
      expect(await loads(b)).toEqual([`img ${PIXEL_URL}`]);
    }
  });

  it('amp-anim, amp-img srcset and amp-video poster are loads too', async () => {
    const html = `<amp-anim src="https://a.example/anim.gif" width="1" height="1"></amp-anim><amp-img srcset="https://a.example/s.png 1x" width="1" height="1"></amp-img><amp-video poster="https://a.example/p.png" width="1" height="1"></amp-video>`;
    const bytes = Buffer.from(
      `From: a@sender.example\nTo: v@example.org\nSubject: amp\nMIME-Version: 1.0\nContent-Type: multipart/alternative; boundary=b\n\n--b\nContent-Type: text/x-amp-html; charset=utf-8\n\n<!doctype html><html amp4email><body>${html}</body></html>\n--b\nContent-Type: text/html\n\n<p>x</p>\n--b--\n`,
    );
    expect(await loads(bytes)).toEqual(['img https://a.example/anim.gif', 'img-srcset https://a.example/s.png', 'video-poster https://a.example/p.png']);
  });

  it('a source inside amp-video or amp-audio, and amp-audio src, are loads (sixth outside review)', async () => {
    const html = `<amp-video width="1" height="1"><source src="https://a.example/v.mp4" type="video/mp4"></amp-video><amp-audio src="https://a.example/a.mp3"><source src="https://a.example/s.mp3"></amp-audio>`;
    const bytes = Buffer.from(
      `From: a@sender.example\nTo: v@example.org\nSubject: amp\nMIME-Version: 1.0\nContent-Type: multipart/alternative; boundary=b\n\n--b\nContent-Type: text/x-amp-html; charset=utf-8\n\n<!doctype html><html amp4email><body>${html}</body></html>\n--b\nContent-Type: text/html\n\n<p>x</p>\n--b--\n`,
    );
    expect((await loads(bytes)).sort()).toEqual(['audio-src https://a.example/a.mp3', 'media-source https://a.example/s.mp3', 'media-source https://a.example/v.mp4']);
  });

  it('an AMP part sent as an attachment is not read', async () => {
    const text = fixture('amp.eml').toString('latin1').replace('Content-Type: text/x-amp-html; charset=utf-8', 'Content-Type: text/x-amp-html; charset=utf-8\nContent-Disposition: attachment');
    expect(await loads(Buffer.from(text, 'latin1'))).toEqual([]);
  });

  it('clean replaces the AMP pixel', async () => {
    const out = await cleanMessage(fixture('amp.eml'), detector());
    expect(out.resources).toBe(1);
    expect(out.remaining).toBe(0);
  });
});

describe('message/global (RFC 6532) read as message/rfc822', () => {
  it('an HTML pixel in a forwarded message/global is found', async () => {
    const r = await analyseMessage('global.eml', fixture('global.eml'), detector());
    expect(r.error).toBeNull();
    expect(r.tracked).toBe(true);
  });
});

describe('AMP parts over IMAP', () => {
  it('BODYSTRUCTURE AMP parts are fetched with the HTML parts, attachments not', async () => {
    const { htmlParts } = await import('../src/imap/structure.js');
    const tree = {
      type: 'multipart/alternative',
      childNodes: [
        { part: '1', type: 'text/plain' },
        { part: '2', type: 'text/x-amp-html', parameters: { charset: 'utf-8' } },
        { part: '3', type: 'text/html' },
        { part: '4', type: 'text/x-amp-html', disposition: 'attachment' },
      ],
    };
    expect(htmlParts(tree as never).parts.map((p) => p.part)).toEqual(['2', '3']);
  });
});
