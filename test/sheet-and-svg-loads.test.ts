import { describe, expect, it } from 'vitest';
import { cssUrls } from '../src/html/css.js';
import { extractResources, extractWith } from '../src/html/extract-resources.js';
import { fastTree } from '../src/html/fast-tree.js';
import { specTree } from '../src/html/spec-tree.js';

// What Chromium 150 fetches from style sheets, SVG and shadow roots (the oracle's sheet-*,
// svg-presentation-*, smil-* and declarative-shadow-dom-* cases), at the level of the code.

const urls = (css: string): string[] => cssUrls(css).map((u) => `${u.kind}:${u.url}`);
const listed = (html: string): string[] => extractResources(html).resources.map((r) => `${r.kind}:${r.url}`);

describe('CSS: where a URL loads nothing, and where an @import still stands', () => {
  it.each([
    ['@namespace url(https://a.example/ns); @namespace x url("https://a.example/ns2");', []],
    ['@supports (background: url(https://a.example/cond.png)) { div { background: url(https://a.example/bg.png) } }', ['css-url:https://a.example/bg.png']],
    ['@foo url(https://a.example/prelude.png) { div { background: url(https://a.example/block.png) } } p{background:url(https://a.example/after.png)}', ['css-url:https://a.example/after.png']],
    ['@media print { div { background: url(https://a.example/print.png) } }', ['css-url:https://a.example/print.png']],
    ['@font-face { src: url(https://a.example/f.woff) }', ['css-font-face:https://a.example/f.woff']],
  ])('%s', (css, expected) => {
    expect(urls(css)).toEqual(expected);
  });

  it.each([
    ['@foo bar; @import url(https://a.example/i.css);', true],
    ['@foo { x: y } @import url(https://a.example/i.css);', true],
    ['!!{color:red} @import url(https://a.example/i.css);', true],
    ['@charset "utf-8"; @layer a; @import url(https://a.example/i.css);', true],
    ['p{color:red} @import url(https://a.example/i.css);', false],
    ['@namespace x url(https://a.example/ns); @import url(https://a.example/i.css);', false],
    ['@media screen {} @import url(https://a.example/i.css);', false],
    ['@layer a {} @import url(https://a.example/i.css);', false],
    ['h1 , .x > #y ~ * + p {} @import url(https://a.example/i.css);', false],
    ['a:hover{} @import url(https://a.example/i.css);', true],
    ['#1a{} @import url(https://a.example/i.css);', true],
    ['a,,b{} @import url(https://a.example/i.css);', true],
  ])('%s: the @import is valid: %s', (css, valid) => {
    expect(urls(css).includes('css-import:https://a.example/i.css')).toBe(valid);
  });
});

describe('style sheets that are fetched but not applied', () => {
  it('<style media=print>: its @import is listed, its url()s are not; a matching media keeps both', () => {
    const sheet = '@import url(https://a.example/i.css); div{background:url(https://a.example/bg.png)}';
    expect(listed(`<style media="print">${sheet}</style><div>x</div>`)).toEqual(['css-import:https://a.example/i.css']);
    expect(listed(`<style media="screen and (min-width: 100px)">${sheet}</style><div>x</div>`)).toEqual(['css-import:https://a.example/i.css', 'css-url:https://a.example/bg.png']);
    expect(listed(`<style media="">${sheet}</style><div>x</div>`)).toHaveLength(2);
  });
});

describe('SVG: presentation attributes and SMIL', () => {
  it('a url() in fill, stroke, mask, filter, clip-path and marker-* is listed; cursor is not', () => {
    const attrs = ['fill', 'stroke', 'mask', 'filter', 'clip-path', 'marker-start', 'marker-mid', 'marker-end'];
    const html = `<svg><path d="M0 0" ${attrs.map((a) => `${a}="url(https://a.example/${a}.svg#x)"`).join(' ')} cursor="url(https://a.example/cursor.svg)"/></svg>`;
    expect(listed(html)).toEqual(attrs.map((a) => `css-url:https://a.example/${a}.svg#x`));
    // A plain colour, and the same attribute on an HTML element, load nothing.
    expect(listed('<svg><rect fill="red" stroke="none"/></svg><div fill="url(https://a.example/html.svg)">x</div>')).toEqual([]);
  });

  it('<set>/<animate> of href: to, from and each of values; of another attribute, nothing', () => {
    const html =
      '<svg><image><set attributeName="href" to="https://a.example/to.png"/><animate attributeName="xlink:href" from="https://a.example/from.png" values="https://a.example/a.png; https://a.example/b.png"/><set attributeName="fill" to="https://a.example/no.png"/></image></svg>';
    expect(listed(html)).toEqual(['svg-image:https://a.example/to.png', 'svg-image:https://a.example/from.png', 'svg-image:https://a.example/a.png', 'svg-image:https://a.example/b.png']);
  });
});

describe('declarative shadow DOM', () => {
  it('<template shadowrootmode=open|closed> content loads, whatever the host; another template stays inert', () => {
    const html =
      '<div><template shadowrootmode="open"><img src="https://a.example/open.png"></template></div><a><template shadowrootmode="CLOSED"><img src="https://a.example/closed.png"></template></a><div><template shadowrootmode="nope"><img src="https://a.example/bogus.png"></template><template><img src="https://a.example/inert.png"></template></div>';
    expect(listed(html)).toEqual(['img:https://a.example/open.png', 'img:https://a.example/closed.png']);
    // The fast builder refuses templates: both routes give the same list.
    expect(extractWith(fastTree, html)).toEqual(extractWith(specTree, html));
  });
});
