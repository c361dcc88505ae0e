// With --jobs 1 the message budget holds only where the long loops tick the deadline. Each step
// instrumented for the slow inputs (a 21 MB URL of `%252540`, a srcset of 400,000 candidates, a
// <style> of 300,000 url()s, a query of 1,500,000 parameters) is run here on a deadline that has
// already passed: it must throw the time-limit error at once rather than finish. No timed
// assertion: whether a step throws, and the deadline's own count of ticks.
import { describe, expect, it } from 'vitest';
import { Deadline, type DeadlineLike } from '../src/engine/deadline.js';
import { maskAddresses } from '../src/engine/mask-addresses.js';
import { MessageTimeout } from '../src/engine/stage.js';
import { sheetUrls } from '../src/html/css-cache.js';
import { cssUrls } from '../src/html/css-urls.js';
import { extractResources } from '../src/html/extract-resources.js';
import { ExtractionSink } from '../src/html/extraction-sink.js';
import { parseSrcset } from '../src/html/srcset.js';
import { specTree } from '../src/html/spec-tree.js';
import { AddressFinder } from '../src/url/address-leak.js';
import { decodedTexts, decodeOnce, viewWithMaps } from '../src/url/decoded-views.js';
import { findIdentifiers } from '../src/url/identifiers.js';
import { parseQuery, parseUrl } from '../src/url/url-parts.js';
import { redactionIdentifiers } from '../src/url/redaction-identifiers.js';
import { clearCssCaches, compileCascade, enterElement } from '../src/html/cascade.js';

/** A deadline spent before the step starts (its end lies in the past). */
const expired = (): Deadline => new Deadline(-1);

/** Counts ticks and never passes: proves a loop ticks once per unit of its input. */
function counter(): DeadlineLike & { ticks: number } {
  return {
    ticks: 0,
    budgetMs: 1000,
    tick() {
      this.ticks++;
    },
    check() {},
    remaining: () => 1,
  };
}

const N = 5_000;
const escapedUrl = `https://t.example/o.gif?e=${'%252540'.repeat(N)}`;
const manyParams = `https://t.example/o.gif?${Array.from({ length: N }, (_, i) => `p${i}=v${i}`).join('&')}`;
const srcset = Array.from({ length: N }, (_, i) => `https://t${i}.example/a.gif ${i + 1}w`).join(', ');
const sheet = Array.from({ length: N }, (_, i) => `.c${i}{background:url(https://t${i}.example/AbCd${i}EfGh.gif)}`).join('');
const finder = new AddressFinder(['reader@example.org']);

const throwsTimeout = (step: () => unknown): void => {
  expect(step).toThrow(MessageTimeout);
};

describe('an expired deadline stops each long step at once', () => {
  it('percent-decoding rounds (decodedTexts, decodeOnce, viewWithMaps)', () => {
    throwsTimeout(() => decodedTexts(escapedUrl, expired()));
    throwsTimeout(() => decodeOnce({ text: escapedUrl }, false, expired()));
    throwsTimeout(() => viewWithMaps([{ text: escapedUrl }], 2, expired()));
    // Without a deadline the same calls finish, and decode as before.
    expect(decodedTexts(escapedUrl).at(-1)).toBe(`https://t.example/o.gif?e=${'@'.repeat(N)}`);
  });

  it('address search and masking over a huge URL', () => {
    throwsTimeout(() => finder.find(escapedUrl, expired()));
    throwsTimeout(() => maskAddresses(escapedUrl, finder, expired()));
  });

  it("building the automata for the message's recipients (built on the first text searched)", () => {
    // 256 long addresses from a To: header: about 300,000 units of forms, a second of building before it ticked.
    const many = new AddressFinder(Array.from({ length: 256 }, (_, i) => `user${i}.abcdefghijabcdefghij@example${i}.org`));
    throwsTimeout(() => many.find('https://t.example/o.gif', expired()));
    // An interrupted build is not kept: the next search builds again and finds.
    expect(many.find('https://t.example/o.gif?e=user7.abcdefghijabcdefghij@example7.org').map((l) => l.encoding)).toEqual(['plain']);
    const built = counter();
    new AddressFinder(['reader@example.org']).find('https://t.example/o.gif', built);
    expect(built.ticks).toBeGreaterThan(new AddressFinder(['reader@example.org']).formsSize / 2);
  });

  it('query parameters and identifiers', () => {
    throwsTimeout(() => parseQuery(manyParams.split('?')[1], expired()));
    throwsTimeout(() => parseUrl(manyParams, expired()));
    const parts = parseUrl(manyParams);
    throwsTimeout(() => findIdentifiers(parts, expired()));
    expect(parts.params).toHaveLength(N);
  });

  it('srcset candidates', () => {
    throwsTimeout(() => parseSrcset(srcset, expired()));
    expect(parseSrcset(srcset).candidates).toHaveLength(N);
  });

  it('the URLs of a style sheet, cached or not', () => {
    throwsTimeout(() => cssUrls(sheet, { ticker: expired() }));
    throwsTimeout(() => sheetUrls(`${sheet} `, expired()));
    expect(cssUrls(sheet)).toHaveLength(N);
  });

  it('every URL the walk files (resource, rejected, link)', () => {
    const sink = (): ExtractionSink => new ExtractionSink('', expired(), specTree);
    const found = { raw: 'https://t.example/o.gif', kind: 'img', element: 'img', load: 'must', hidden: undefined, size: {}, at: 0 } as const;
    throwsTimeout(() => {
      const s = sink();
      for (let i = 0; i < 256; i++) s.add(found, undefined);
    });
    throwsTimeout(() => {
      const s = sink();
      for (let i = 0; i < 256; i++) s.reject(found, 'a reason');
    });
    throwsTimeout(() => {
      const s = sink();
      for (let i = 0; i < 256; i++) s.link('https://t.example/c', undefined, 0);
    });
  });

  it('a whole message of one srcset or one <style>: the extraction throws', () => {
    throwsTimeout(() => extractResources(`<img srcset="${srcset}">`, expired()));
    throwsTimeout(() => extractResources(`<style>${sheet}</style><p>x`, expired()));
  });
});

// One value, one name, one sheet: a single step for the loops above (one parameter, no url()),
// which ticked once or not at all while classifying the value (0.8 s for 21 MB) or compiling
// the sheet (10 s of CPU for 300,000 rules).
const hugeValue = 'aB3-'.repeat(64 * N);
const slugValue = 'word-'.repeat(N);
const rulesOnly = Array.from({ length: N }, (_, i) => `.c${i}{display:none}`).join('\n');
const oneBucket = Array.from({ length: N }, (_, i) => `p{top:${i}px}`).join('\n');

describe('an expired deadline stops one huge value or sheet', () => {
  it('classifying one huge query value, name or path segment', () => {
    throwsTimeout(() => findIdentifiers(parseUrl(`https://t.example/o.gif?e=${hugeValue}`), expired()));
    throwsTimeout(() => findIdentifiers(parseUrl(`https://t.example/o.gif?${hugeValue}`), expired()));
    throwsTimeout(() => findIdentifiers(parseUrl(`https://t.example/${hugeValue}/o.gif`), expired()));
    throwsTimeout(() => redactionIdentifiers(`https://t.example/o.gif?e=${hugeValue}`, undefined, 0, expired()));
    throwsTimeout(() => redactionIdentifiers(`https://t.example/o.gif#${hugeValue}`, [], 0, expired()));
  });

  it('compiling a sheet of many rules, and trying one element against a bucket of many', () => {
    clearCssCaches();
    throwsTimeout(() => compileCascade([{ css: rulesOnly, start: 0 }], { ticker: expired() }));
    // Compiled without a deadline (and so cached), then taken from the cache for an expired one.
    compileCascade([{ css: oneBucket, start: 0 }]);
    const cascade = compileCascade([{ css: oneBucket, start: 0 }], { ticker: expired() });
    const p = enterElement({ name: 'p', namespace: 'html', attrs: {}, start: 0 }, null, null);
    throwsTimeout(() => cascade.computed(p));
    clearCssCaches();
    throwsTimeout(() => extractResources(`<style>${rulesOnly}</style><img src="https://t.example/o.gif">`, expired()));
  });
});

describe('the loops tick once per unit of their input', () => {
  it('per escape, parameter, candidate, token and URL filed', () => {
    const d = counter();
    decodeOnce({ text: '%2540'.repeat(N) }, false, d);
    expect(d.ticks).toBeGreaterThanOrEqual(N);
    const q = counter();
    parseQuery(manyParams.split('?')[1], q);
    expect(q.ticks).toBeGreaterThanOrEqual(N);
    const id = counter();
    findIdentifiers(parseUrl(manyParams), id);
    expect(id.ticks).toBeGreaterThanOrEqual(N);
    const s = counter();
    parseSrcset(srcset, s);
    expect(s.ticks).toBe(N);
    const c = counter();
    cssUrls(sheet, { ticker: c });
    expect(c.ticks).toBeGreaterThanOrEqual(N);
  });

  it('per 64 characters of a value classified, per part of a slug, per token, rule and rule tried', () => {
    const v = counter();
    findIdentifiers(parseUrl(`https://t.example/o.gif?e=${hugeValue}`), v);
    expect(v.ticks).toBeGreaterThanOrEqual(hugeValue.length / 64);
    const slug = counter();
    findIdentifiers(parseUrl(`https://t.example/o.gif?e=${slugValue}`), slug);
    expect(slug.ticks).toBeGreaterThanOrEqual(N);
    const r = counter();
    redactionIdentifiers(`https://t.example/o.gif?e=${slugValue}`, undefined, 0, r);
    expect(r.ticks).toBeGreaterThanOrEqual(N);
    clearCssCaches();
    const compile = counter();
    const cascade = compileCascade([{ css: oneBucket, start: 0 }], { ticker: compile });
    // Tokens (about 6 a rule), the sheet's rules, then each rule and selector compiled.
    expect(compile.ticks).toBeGreaterThanOrEqual(8 * N);
    const before = compile.ticks;
    cascade.computed(enterElement({ name: 'p', namespace: 'html', attrs: {}, start: 0 }, null, null));
    expect(compile.ticks - before).toBe(N);
  });
});

describe('a long text decodes into one code-unit array, as a short one into pieces', () => {
  it('gives the same text and position maps on both paths', () => {
    // A period that decodes the same wherever it stands: UTF-8, a double escape, a reference, a bad escape, a lone surrogate.
    const period = 'a%40b%2540%E2%82%AC&#64;c%E0%A4%Ad\uD800e';
    const short = decodeOnce({ text: period }, true) as { text: string; start: Int32Array; end: Int32Array };
    const copies = Math.ceil((1 << 17) / period.length);
    const long = decodeOnce({ text: period.repeat(copies) }, true) as { text: string; start: Int32Array; end: Int32Array };
    expect(long.text).toBe(short.text.repeat(copies));
    const last = (copies - 1) * period.length;
    const tail = long.text.length - short.text.length;
    for (let k = 0; k < short.text.length; k++) {
      expect(long.start[tail + k]).toBe(last + short.start[k]);
      expect(long.end[tail + k]).toBe(last + short.end[k]);
    }
    expect(decodedTexts(period.repeat(copies)).at(-1)).toBe((decodedTexts(period).at(-1) as string).repeat(copies));
  });
});
