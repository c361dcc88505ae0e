import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { redactUrl } from '../src/engine/redact.js';
import { extractResources } from '../src/html/extract-resources.js';
import { AddressFinder } from '../src/url/address-leak.js';
import { findIdentifiers } from '../src/url/identifiers.js';
import { openStyleWord } from '../src/url/open-path.js';
import { unwrapProxy } from '../src/url/unwrap-proxy.js';
import { parseUrl } from '../src/url/url-parts.js';
import { wilson } from '../src/stats/wilson.js';

const ids = (url: string) => findIdentifiers(parseUrl(url)).map((i) => i.shape);

describe('identifiers', () => {
  it.each([
    ['https://t.example.com/o?u=5f2a9c3e1b7d4a6f', ['hex']],
    ['https://t.example.com/p/3b7c2a1e-1111-4c2d-9e3f-0a1b2c3d4e5f', ['uuid']],
    ['https://t.example.com/track/3SSOzm18239zUqK817gdjaqivcch322MYSPZN', ['token']],
    ['https://t.example.com/x.gif?emid=25136482', ['number']],
    ['https://t.example.com/x.gif?uid=a12b', ['named-id']],
    ['https://click.example.com/Click?q=ec-MHsXQVyAA7_Ghex1k5qtYj5uGdRR', ['token']],
    ['https://click.example.com/Click?q=6b-8gbZIHE-wAd2g5EC0yaNhttp://example.com.au/aironet/au17', ['token']],
  ])('finds the identifier in %s', (url, shapes) => expect(ids(url)).toEqual(shapes));

  it.each([
    'https://cdn.example.com/images/TheChampion2002/logo.gif',
    'https://cdn.example.com/2024/05/hero-mobile@2x.jpg?w=480&fit=crop&utm_source=newsletter&utm_campaign=spring_2024',
    'https://mcusercontent.com/3f21937f0f636c8cec1db30bf/images/7e1c2a9b-4f1d-4b5e-9c3a-2f6d8e0a1b2c.png',
    'https://cdn.example.com/newsletter-2024-spring/banner.png',
    'https://news.example.de/assets/hero.jpg?newsletter=Willkommensserie%2FHausliste%2F2023/01/04%2Fwillkommensserie%2Fmail2ueberblick',
    'https://download.example.com/Kommunikation/WELCOME/TAG0/HEADER-MOBILE600x600px-WELCOME-TAG0.jpg',
    'https://cdn.example.com/img/Banner-Spring2024-1200x628-Final-v2.png',
    'http://a1.g.akamai.net/7/1/51/84485f130fd0fe/www.example.com/news/images/spacer.gif',
  ])('sees no identifier in the static URL %s', (url) => expect(ids(url)).toEqual([]));

  it('counts ids in the folders of a spacer or tracking-path image', () => {
    expect(ids('https://shop.example.com/mail/track/37496211/blank.gif?db=odoo')).toEqual(['number']);
    // An Akamai URL's cache key is not one, but a token in the origin path still is.
    expect(ids('http://a1.g.akamai.net/7/1/51/84485f130fd0fe/www.example.com/t/hA84nVcAEIqG3AJMQ7eAHmwOoQc/spacer.gif')).toEqual(['token']);
  });
});

describe('open-style paths', () => {
  it.each([
    ['https://x.example/wf/open?upn=1', 'open'],
    ['https://x.example/o/eJw', 'o'],
    ['https://x.example/img/pixel.gif', 'pixel.gif'],
    ['https://x.example/a?type=open', 'type=open'],
  ])('%s -> %s', (url, word) => expect(openStyleWord(parseUrl(url))).toBe(word));
  it('not in a content path', () => expect(openStyleWord(parseUrl('https://x.example/opening-hours/map.png'))).toBeUndefined());
  it('short words count as strong only as the first segment, and spacer file names never', () => {
    expect(openStyleWord(parseUrl('https://x.example/o/eJwEwFFu'), true)).toBe('o');
    expect(openStyleWord(parseUrl('https://firebasestorage.example.com/v0/b/bucket.appspot.com/o/photo.png?alt=media&token=3b7c2a1e-1111-4c2d-9e3f-0a1b2c3d4e5f'), true)).toBeUndefined();
    expect(openStyleWord(parseUrl('https://cdn.example.com/email/images/pixel.gif'), true)).toBeUndefined();
    expect(openStyleWord(parseUrl('https://t.example.com/open.gif'), true)).toBe('open.gif');
  });
});

describe('address leaks', () => {
  const address = 'Reader@Example.org';
  const norm = address.toLowerCase();
  const finder = new AddressFinder([address]);
  const hex = (alg: string) => createHash(alg).update(norm).digest('hex');

  it.each(['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512'])('finds the %s hex hash, in either case', (alg) => {
    expect(finder.find(`https://t.example.net/i?h=${hex(alg)}`).map((l) => l.encoding)).toEqual([alg]);
    expect(finder.find(`https://t.example.net/i/${hex(alg).toUpperCase()}/x.gif`).map((l) => l.encoding)).toEqual([alg]);
  });

  it('finds plain, url-encoded, base64 and base64url, with or without padding', () => {
    const b64 = Buffer.from(norm).toString('base64');
    const b64url = Buffer.from(norm).toString('base64url');
    expect(finder.find(`https://t.example.net/i?e=${norm}`)[0].encoding).toBe('plain');
    expect(finder.find(`https://t.example.net/i?e=${encodeURIComponent(norm)}`)[0].encoding).toBe('url-encoded');
    expect(finder.find(`https://t.example.net/i?e=${encodeURIComponent(b64)}`)[0].encoding).toBe('base64');
    expect(finder.find(`https://t.example.net/i/${b64.replace(/=+$/, '')}`)[0].encoding).toBe('base64');
    expect(b64url === b64.replace(/=+$/, '') || finder.find(`https://t.example.net/i/${b64url}`)[0].encoding === 'base64url').toBe(true);
  });

  it('finds base64 of a longer text holding the address, at each of the three byte offsets', () => {
    for (const prefix of ['{"e":"', '{"em":"', '{"ema":"', 'x', 'xy', '']) {
      for (const suffix of ['"}', '","id":7}', '']) {
        const blob = Buffer.from(`${prefix}${norm}${suffix}`);
        for (const form of ['base64', 'base64url'] as const) {
          const url = `https://t.example.net/o/${blob.toString(form)}/p.gif`;
          expect(
            finder.find(url).map((l) => l.encoding),
            `${form} ${prefix}|${suffix}`,
          ).toContain(form === 'base64url' && !/[-_]/.test(blob.toString(form)) ? 'base64' : form);
        }
      }
    }
    // Random base64 of the same length does not match.
    expect(finder.find(`https://t.example.net/o/${Buffer.from('{"e":"someone-else@example.org"}').toString('base64')}`)).toEqual([]);
  });

  it('finds an address percent-encoded twice or three times (%2540)', () => {
    const twice = encodeURIComponent(encodeURIComponent(norm));
    expect(twice).toContain('%2540');
    expect(finder.find(`https://t.example.net/i?e=${twice}`).map((l) => l.encoding)).toEqual(['url-encoded']);
    expect(finder.find(`https://t.example.net/i?e=${encodeURIComponent(twice)}`).map((l) => l.encoding)).toEqual(['url-encoded']);
  });

  it('does not take an address inside a longer token for a leak', () => {
    expect(finder.find(`https://cdn.example.net/a/b0f0146${norm}d47/x.png`)).toEqual([]);
    expect(finder.find(`https://t.example.net/i?h=0${hex('md5')}`)).toEqual([]);
  });

  it('redacts every encoding and long tokens, keeping host and path shape', () => {
    const url = `https://t.example.net/open/${hex('sha256')}?e=${encodeURIComponent(norm)}&t=AbCdEf1234567890XyZ`;
    const red = redactUrl(url, finder);
    expect(red).toBe('https://t.example.net/open/[address]?e=[address]&t=AbCd…');
  });
});

describe('HTML resources', () => {
  it('gives 1-based line and column of each resource', () => {
    const html = '<p>hi</p>\n<div>\n  <img src="https://a.example/x.png">\n</div>';
    const [r] = extractResources(html).resources;
    expect(r.position).toEqual({ line: 3, column: 3 });
  });

  it('decodes entities in attributes and resolves against <base href>', () => {
    const html = '<base href="https://cdn.example.com/mail/"><img src="pix.gif?a=1&amp;b=2">';
    expect(extractResources(html).resources[0].url).toBe('https://cdn.example.com/mail/pix.gif?a=1&b=2');
  });

  it('ignores cid:, data:, relative URLs without a base, and javascript:', () => {
    const html = '<img src="cid:x@y"><img src="data:image/gif;base64,R0lG"><img src="/rel.png"><img src="javascript:alert(1)">';
    expect(extractResources(html).resources).toEqual([]);
  });

  it('closes implied elements like a browser, so one hidden <p> does not hide the rest', () => {
    const html = '<p style="display:none">preheader<p><img src="https://a.example/visible.png"></p>';
    expect(extractResources(html).resources[0].hiddenBy).toBeUndefined();
  });

  it('unwraps Gmail, SafeLinks and AMP proxies', () => {
    expect(unwrapProxy('https://ci3.googleusercontent.com/proxy/AbC=s0-d-e1-ft#https://t.example.com/o.gif').target).toBe('https://t.example.com/o.gif');
    expect(unwrapProxy('https://eur01.safelinks.protection.outlook.com/?url=https%3A%2F%2Ft.example.com%2Fo.gif&data=1').target).toBe('https://t.example.com/o.gif');
    expect(unwrapProxy('https://www.google.co.uk/amp/s/t.example.com/o/abc').target).toBe('https://t.example.com/o/abc');
  });
});

describe('Wilson interval', () => {
  it('matches hand-computed values', () => {
    const { low, high } = wilson(13, 22);
    expect(low).toBeCloseTo(0.3872, 3);
    expect(high).toBeCloseTo(0.7673, 3);
    expect(wilson(0, 0)).toEqual({ low: 0, high: 0 });
    expect(wilson(10, 10).high).toBeCloseTo(1, 12);
  });
});
