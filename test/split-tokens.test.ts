import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cutSplitTokens } from '../src/engine/split-tokens.js';
import { shapeOf } from '../src/url/identifiers.js';

/**
 * The plain definition (src/engine/split-tokens.ts before its early return for paths of too few
 * slashes): every path split at `/`, each run of short token-like segments judged, and the URL
 * rebuilt from its pieces whether or not anything was cut.
 */
function reference(url: string, keep: number): string {
  const authority = /^(?:[a-z][a-z0-9+.-]*:)?\/\/[^/?#]*/i.exec(url);
  const from = authority ? authority[0].length : 0;
  let end = url.length;
  for (const c of ['?', '#']) {
    const at = url.indexOf(c, from);
    if (at !== -1 && at < end) end = at;
  }
  const out: string[] = [];
  let run: string[] = [];
  const flush = (): void => {
    const numbers = run.filter((p) => /^\d+$/.test(p)).length;
    const shape = run.length >= 3 && numbers * 2 < run.length ? shapeOf(run.join('')) : undefined;
    if (shape === 'token' || shape === 'hex' || shape === 'uuid') {
      let kept = 0;
      let k = 0;
      while (k < run.length && kept < keep) kept += run[k++].length;
      out.push(...run.slice(0, k), '…');
    } else out.push(...run);
    run = [];
  };
  for (const segment of url.slice(from, end).split('/')) {
    const chunk = segment.length >= 3 && segment.length < 8 && /^[A-Za-z0-9_-]+$/.test(segment) && /^(?=.*\d)|^(?=.*[a-z])(?=.*[A-Z])(?![A-Z][a-z]+$)/.test(segment) && !/^[A-Za-z]\d{1,4}$/.test(segment);
    if (chunk) {
      run.push(segment);
      continue;
    }
    flush();
    out.push(segment);
  }
  flush();
  return url.slice(0, from) + out.join('/') + url.slice(end);
}

const chunk = fc.constantFrom('Xk9q', '7hTz', 'Qa2L', 'mN4p', 'Rb8w', 'ab12', 'img', 'G', '01', '2024', '', 'o.gif', 'w600', 'e-mail', 'AbCdEfGh12');
const path = fc.array(chunk, { maxLength: 7 }).map((a) => a.join('/'));
const url = fc.tuple(fc.constantFrom('https://t.example', '//t.example', '', 'cid:'), fc.constantFrom('', '/'), path, fc.constantFrom('', '?a=Xk9q/7hTz/Qa2L', '#Xk9q/7hTz/Qa2L/mN4p')).map((p) => p.join(''));

describe('split tokens: the early return for paths of too few slashes', () => {
  it('property (fixed seed): equal to the plain definition, with and without an authority and a leading slash', () => {
    let cut = 0;
    let early = 0;
    fc.assert(
      fc.property(url, (u) => {
        const out = cutSplitTokens(u, 4);
        expect(out).toBe(reference(u, 4));
        if (out !== u) cut++;
        else if ((u.match(/\//g) ?? []).length < 5) early++;
      }),
      { seed: 20261202, numRuns: 1000 },
    );
    // Both sides of the shortcut are exercised: runs cut, and short paths passed back.
    expect(cut).toBeGreaterThan(50);
    expect(early).toBeGreaterThan(50);
  });

  it('a relative path of three chunks and no leading slash is still cut (two slashes are enough there)', () => {
    expect(cutSplitTokens('Xk9q/7hTz/Qa2L', 4)).toBe('Xk9q/…');
    expect(cutSplitTokens('/Xk9q/7hTz', 4)).toBe('/Xk9q/7hTz');
  });
});
