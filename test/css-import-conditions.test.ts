import { describe, expect, it } from 'vitest';
import { cssUrls } from '../src/html/css.js';
import { extractResources } from '../src/html/extract-resources.js';

// What each @import's conditions make of it, by the reading the oracle's import-* cases prove in
// Chromium 150: 'must' fetched, 'may' fetched only if Chromium knows the declaration, 'dropped'.
const verdict = (css: string): string[] => cssUrls(css).map((u) => (u.dropped ? 'dropped' : u.mayOnly ? 'may' : 'must'));

describe('@import conditions', () => {
  it.each([
    ['@import url(x.css) supports();', 'dropped'],
    ['@import url(x.css) supports(display);', 'dropped'],
    ['@import url(x.css) supports("x");', 'dropped'],
    ['@import url(x.css) supports(url(y));', 'dropped'],
    ['@import url(x.css) supports([a]);', 'dropped'],
    ['@import url(x.css) supports((a:b) and);', 'dropped'],
    ['@import url(x.css) supports((a:b) or);', 'dropped'],
    ['@import url(x.css) supports(not);', 'dropped'],
    ['@import url(x.css) supports(not not (a:b));', 'dropped'],
    ['@import url(x.css) supports(--x: a;b);', 'dropped'],
    ['@import url(x.css) supports(--x: a}b);', 'dropped'],
    ['@import url(x.css) supports(--x);', 'dropped'],
    ['@import url(x.css) supports(display:);', 'dropped'],
    ['@import url(x.css) supports(display: !important);', 'dropped'],
    ['@import url(x.css) supports(display:flex;x);', 'dropped'],
    ['@import url(x.css) SUPPORTS();', 'dropped'],
    ['@import url(x.css) supp\\6frts();', 'dropped'],
    ['@import url("x.css") supports();', 'dropped'],
    ['@import "x.css" supports();', 'dropped'],
    ['@import url(x.css) supports(display)', 'dropped'],
    ['@import url(x.css) {}', 'dropped'],
    ['@import url(x.css) print { }', 'dropped'],
    ['@import url(x.css) layer supports();', 'dropped'],
    ['@import url(x.css) layer(a.b) supports();', 'dropped'],
    ['@import url(x.css) layer( a ) supports();', 'dropped'],
    ['@import url(x.css) supports(not (display:block));', 'must'],
    ['@import url(x.css) supports(NOT (display:block));', 'must'],
    ['@import url(x.css) supports((foo:bar));', 'must'],
    ['@import url(x.css) supports((a:b) and (c:d) or (e:f));', 'must'],
    ['@import url(x.css) supports((a:b)(c:d));', 'must'],
    ['@import url(x.css) supports(());', 'must'],
    ['@import url(x.css) supports(not(a));', 'must'],
    ['@import url(x.css) supports(selector(!!));', 'must'],
    ['@import url(x.css) supports(--x: 1);', 'must'],
    ['@import url(x.css) supports(--x:);', 'must'],
    ['@import url(x.css) supports(--x: {a});', 'must'],
    ['@import url(x.css) layer(a.1) supports();', 'must'],
    ['@import url(x.css) layer() supports();', 'must'],
    ['@import url(x.css) screen supports();', 'must'],
    ['@import url(x.css) [{}];', 'must'],
    ['@import url(x.css) ({});', 'must'],
    ['@import url(x.css) !!;', 'must'],
    ['@import url(x.css)', 'must'],
    ['@import url(x.css) supports(foo:bar);', 'may'],
    ['@import url(x.css) supports(display:flex !important);', 'may'],
    ['@import url(x.css) supports( corner-shape : round );', 'may'],
    ['@import url(x.css) layer(a) supports(display:flex);', 'may'],
  ])('%s is %s', (css, expected) => {
    expect(verdict(css)).toEqual([expected]);
  });

  it('a dropped @import leaves the next one valid, and a block-dropped one too', () => {
    expect(verdict('@import url(a.css) supports(); @import url(b.css);')).toEqual(['dropped', 'must']);
    expect(verdict('@import url(a.css) screen {} @import url(b.css);')).toEqual(['dropped', 'must']);
  });

  it('conditions past the token cap are taken as fetched', () => {
    expect(verdict(`@import url(x.css) supports(${'('.repeat(10_000)}`)).toEqual(['must']);
    expect(verdict(`@import url(x.css) ${'a '.repeat(10_000)};`)).toEqual(['must']);
  });

  it('the extraction lists a dropped import as rejected with the reason, a may-only one as a may-load', () => {
    const e = extractResources('<style>@import url(https://t.example/a.css) supports(); @import url(https://t.example/b.css) supports(foo:bar);</style>');
    expect(e.resources.map((r) => [r.url, r.load])).toEqual([['https://t.example/b.css', 'may']]);
    expect(e.rejected.map((r) => [r.written, r.reason])).toEqual([['https://t.example/a.css', 'an @import is dropped when its supports() is empty']]);
  });
});
