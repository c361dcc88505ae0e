import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { analyseMessage } from '../src/engine/analyse-message.js';
import { headerLine, PLATFORMS_FILE, type PlatformSignature } from '../src/trackers/platforms.js';
import { PlatformDetector } from '../src/trackers/platforms.js';
import { loadVendors } from '../src/trackers/load.js';
import { detector, htmlMessage } from './helpers.js';

const analyse = (html: string, headers: Record<string, string> = {}) => analyseMessage('t.eml', htmlMessage(html, headers), detector());

describe('parties', () => {
  const headers = {
    From: 'Shop <news@shop.example.co.uk>',
    'Return-Path': '<bounce@bounces.mailer.example.net>',
    'DKIM-Signature': 'v=1; a=rsa-sha256; d=shop.example.co.uk; s=s1; b=abc',
  };
  it("calls a host on the sender's registrable domain first party, and others third party", async () => {
    const r = await analyse('<img src="https://img.shop.example.co.uk/p.gif?u=8a7b6c5d4e3f2a1b" width="1" height="1"><img src="https://stats.tracker.example.com/p.gif?u=8a7b6c5d4e3f2a1b" width="1" height="1">', headers);
    expect(r.findings.map((f) => f.party)).toEqual(['first-party', 'third-party']);
  });
  it("counts the Return-Path and DKIM domains as the sender's", async () => {
    const r = await analyse('<img src="https://t.bounces.mailer.example.net/o.gif?u=8a7b6c5d4e3f2a1b" width="1" height="1">', headers);
    expect(r.findings[0].party).toBe('first-party');
  });
  it("names an ESP behind the sender's own domain (CNAME) by its path shape", async () => {
    const r = await analyse('<img src="https://url9123.shop.example.co.uk/wf/open?upn=u001.AbCdEf123" width="1" height="1">', headers);
    expect(r.findings[0]).toMatchObject({ vendor: 'sendgrid', party: 'esp-on-sender-domain' });
  });
  it('attributes a pixel on a custom tracking domain to the platform the headers name', async () => {
    const r = await analyse('<img src="https://t.shop.example.co.uk/x9?r=8a7b6c5d4e3f2a1b" width="1" height="1">', { ...headers, 'X-Mailgun-Sid': 'WyIxMjM0NSJd' });
    expect(r.platform).toBe('mailgun');
    expect(r.findings[0]).toMatchObject({ vendor: 'mailgun', party: 'esp-on-sender-domain', data: { attributedBy: 'headers' } });
  });
  it('names the platform from a List-Unsubscribe host when no header signature matches', async () => {
    const r = await analyse('<p>hi</p>', { 'List-Unsubscribe': '<https://shop.us21.list-manage.com/unsubscribe?u=1&id=2>' });
    expect(r.platform).toBe('mailchimp');
  });
});

describe('address leaks in links, link tracking and read receipts', () => {
  it('finds the SHA-256 of the recipient in a link and tells the third party', async () => {
    const sha = createHash('sha256').update('reader@example.org').digest('hex');
    const r = await analyse(`<a href="https://ads.broker.example.net/c?h=${sha}">offer</a>`);
    expect(r.addressLeak).toBe(true);
    expect(r.tracked).toBe(false);
    expect(r.findings.find((f) => f.ruleId === 'PA007')).toMatchObject({ party: 'third-party', data: { encoding: 'sha256' } });
  });
  it('recovers the destination of a redirect, including SES paths and base64 parameters', async () => {
    const ses = 'https://a1.r.us-east-1.awstrack.me/L0/https:%2F%2Fexample.com%2Fpage/1/010001890abcdef0-11112222-3333-4444-5555-666677778888-000000/AbC=1';
    const b64 = `https://click.example.net/r?redirectUrl=${Buffer.from('https://example.org/deal').toString('base64')}&sig=Ab12Cd34Ef56Gh78`;
    const r = await analyse(`<a href="${ses}">a</a><a href="${b64}">b</a>`);
    expect(r.linkTracked).toBe(true);
    expect(r.findings.filter((f) => f.ruleId === 'PA006').map((f) => f.destination)).toEqual(['https://example.com/page', 'https://example.org/deal']);
  });
  it('reports Return-Receipt-To and X-Confirm-Reading-To as read-receipt requests', async () => {
    for (const header of ['Return-Receipt-To', 'X-Confirm-Reading-To', 'Disposition-Notification-To']) {
      const r = await analyse('<p>hi</p>', { [header]: 'someone@example.com' });
      expect(r.readReceipt, header).toBe(true);
      expect(r.findings[0]).toMatchObject({ ruleId: 'PA008', kind: 'header' });
    }
  });
  it('does not take a timestamp or a short generic parameter for a per-recipient token', async () => {
    const r = await analyse('<a href="https://www.example.com/page?t=1700000000&amp;e=12">x</a><a href="https://example.com/a?cid=spring24">y</a>');
    expect(r.linkTracked).toBe(false);
    const t = await analyse('<a href="https://www.example.com/page?e=8f3a9c2e71b44d0f9e6a5b3c">x</a>');
    expect(t.linkTracked).toBe(true);
  });

  it('does not call a plain article link or a slug tracked', async () => {
    const r = await analyse('<a href="https://www.example.com/2017/02/03/keeping-amazon-ec2-crap-off-your-website/">x</a><a href="https://tools.example.com/go/TrackConfirmAction_input?utm_source=x">y</a>');
    expect(r.linkTracked).toBe(false);
  });
});

describe('rules/platforms.json', () => {
  const data = JSON.parse(readFileSync(PLATFORMS_FILE, 'utf8')) as { platforms: PlatformSignature[] };
  const known = new Set(loadVendors().map((v) => v.id));
  for (const sig of data.platforms) {
    it(`${sig.vendor} ${sig.header}: matches its examples and not its noMatch examples`, () => {
      const one = new PlatformDetector([sig], known);
      for (const line of sig.examples.match) expect(one.detect([headerLine(line)]), line).toBe(sig.vendor);
      for (const line of sig.examples.noMatch) expect(one.detect([headerLine(line)]), line).toBeUndefined();
    });
  }
  it('rejects an unknown vendor id', () => {
    expect(() => new PlatformDetector([{ ...data.platforms[0], vendor: 'nobody' }], known)).toThrow(/not in rules\/trackers/);
  });
});
