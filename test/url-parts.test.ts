import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseUrl, safeDecode } from '../src/url/url-parts.js';

// parseUrl splits by hand now (url-parts.ts: no expression, no split/filter/map arrays); it
// must give exactly the parts of the expression and splits it replaced, kept here as the reference.
const SHAPE = /^(?:[a-z][a-z0-9+.-]*:)?\/\/([^/?#]*)((?:\/[^?#]*)?)(?:\?([^#]*))?(?:#(.*))?$/is;
const segmentsOf = (path: string): string[] =>
  path
    .split('/')
    .filter((s) => s.length > 0)
    .map(safeDecode);

function byExpression(url: string): unknown {
  const m = SHAPE.exec(url);
  if (!m) return { host: '', path: url, query: '', params: [], fragment: '', segments: segmentsOf(url) };
  let host = m[1];
  const at = host.lastIndexOf('@');
  const userinfo = at === -1 ? '' : host.slice(0, at);
  if (at !== -1) host = host.slice(at + 1);
  host = host.replace(/:\d*$/, '').replace(/\.$/, '').toLowerCase();
  const query = m[3] ?? '';
  const params = query
    ? query
        .split(/[&;]/)
        .filter(Boolean)
        .map((pair) => {
          const eq = pair.indexOf('=');
          return { name: safeDecode(eq === -1 ? pair : pair.slice(0, eq)), value: eq === -1 ? '' : safeDecode(pair.slice(eq + 1)) };
        })
    : [];
  const path = m[2] ?? '';
  return { host, userinfo, path, query, params, fragment: m[4] ?? '', segments: segmentsOf(path) };
}

describe('parseUrl gives the parts of the expression it replaced', () => {
  it.each([
    'https://User:Pw@Host.Example.:8080/a//b%20c/?x=1&y=%E0%A4%A&&z;w=a=b#f=1#2',
    'HTTP://h/p?q',
    '//h.example:/x',
    'h.example/x?y',
    'a+b.c-d://h',
    '1http://h/x',
    'https:/h/x',
    'https://a@b@c/d@e?f@g',
    'https://h::80/x',
    'https://h.:80./x',
    'https://h?#',
    'https://h#?x',
    'https://',
    '',
    'https://h/\n/x?\n#\n',
  ])('%j', (url) => {
    expect(parseUrl(url)).toStrictEqual(byExpression(url));
  });

  it('property (fixed seed)', () => {
    const char = fc.constantFrom(...'aZ09:/?#@.&;=%+-_ \n'.split(''), '%41', '%E0', '%2F', 'é', 'http', 'https:', '//', ':443');
    const url = fc.tuple(fc.constantFrom('', 'https://', 'HTTP://', '//', 'x-y.z://', 'mailto:', '1a://'), fc.array(char, { maxLength: 30 })).map(([scheme, cs]) => scheme + cs.join(''));
    let withHost = 0;
    fc.assert(
      fc.property(url, (u) => {
        const want = byExpression(u) as { host: string };
        if (want.host) withHost++;
        expect(parseUrl(u)).toStrictEqual(want);
      }),
      { seed: 20261202, numRuns: 5000 },
    );
    expect(withHost).toBeGreaterThan(1000);
  });
});
