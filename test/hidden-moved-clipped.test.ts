import { describe, expect, it } from 'vitest';
import { clipPathHides } from '../src/html/css-clip.js';
import { cssTokens } from '../src/html/css-declarations.js';
import { filterHides } from '../src/html/css-filter.js';
import { supportsMatches } from '../src/html/css-supports.js';
import { clippedAxes } from '../src/html/css-overflow.js';
import { facesAway, transformShift, translateProperty } from '../src/html/css-transform.js';
import { verdicts } from './image-verdicts.js';

// Unit cases beside the browser oracle's test/browser/cases/visibility-moved-clipped.ts: each
// verdict was first read off Chromium 150 there (painted pixels where layout cannot tell).
const O = 'https://t.example';

describe('moved off the page', () => {
  it.each([
    ['translate(-9999px)', { x: -9999, y: 0 }],
    ['translateY(-5000px)', { x: 0, y: -5000 }],
    ['translate3d(-2000px, 0, 0)', { x: -2000, y: 0 }],
    ['translate(-600px) translateX(-600px)', { x: -1200, y: 0 }],
    ['translate(-1in, 0)', { x: -96, y: 0 }],
  ])('transform:%s moves the box by %o', (value, shift) => expect(transformShift(value)).toEqual(shift));
  it.each(['translate(-50%)', 'scale(2) translate(-9999px)', 'rotate(45deg)', 'translate(calc(-1px))', 'none'])('transform:%s moves it by an amount only layout knows, or not at all', (value) => expect(transformShift(value)).toBeUndefined());
  it("a translation in % is of the box's own size, when the markup declares it", () => {
    expect(transformShift('translateX(-5000%)', { width: 40, height: 20 })).toEqual({ x: -2000, y: 0 });
    expect(transformShift('translate(10px, -50%)', { width: 40, height: 20 })).toEqual({ x: 10, y: -10 });
    expect(transformShift('translateY(-5000%)', { width: 40 })).toBeUndefined();
    expect(translateProperty('-2500% 0', { width: 40, height: 20 })).toEqual({ x: -1000, y: 0 });
    expect(
      verdicts(
        `<img width="40" height="20" style="transform:translateX(-5000%)" src="${O}/x"><div style="width:600px;transform:translate(-200%)"><img src="${O}/block"></div><img width="40" height="20" style="transform:translate(-50%)" src="${O}/half"><img style="transform:translateX(-5000%)" src="${O}/unsized">`,
      ),
    ).toEqual({
      x: 'off-screen',
      block: 'off-screen',
      half: undefined,
      // Its natural size is known only once fetched.
      unsized: undefined,
    });
  });
  it('the translate property', () => {
    expect(translateProperty('-9999px')).toEqual({ x: -9999, y: 0 });
    expect(translateProperty('0 -5000px 2px')).toEqual({ x: 0, y: -5000 });
    expect(translateProperty('-50%')).toBeUndefined();
  });
  it('translations and relative offsets of 1000 px or more hide, on the image or an ancestor, inline or from a rule; smaller ones and static boxes do not', () => {
    expect(
      verdicts(
        `<style>.t{transform:translate(-9999px,0)}</style><img style="transform:translate(-9999px)" src="${O}/a"><div style="translate:0 -2000px"><img src="${O}/b"></div><p class="t"><img src="${O}/c"></p><img style="transform:translate(-10px)" src="${O}/d"><img style="position:relative;top:-9999px" src="${O}/e"><span style="position:relative;left:-5000px"><img src="${O}/f"></span><img style="top:-9999px" src="${O}/g"><img style="position:relative;top:-999px" src="${O}/h"><span style="transform:translate(-9999px)"><img src="${O}/i"></span>`,
      ),
    ).toEqual({ a: 'off-screen', b: 'off-screen', c: 'off-screen', d: undefined, e: 'off-screen', f: 'off-screen', g: undefined, h: undefined, i: undefined });
  });
});

describe('filters', () => {
  it.each(['opacity(0)', 'opacity(0%)', 'blur(1px) opacity(0)', 'opacity(0) brightness(2)'])('filter:%s paints nothing', (value) => expect(filterHides(value)).toBe(true));
  it.each(['brightness(0)', 'opacity(0.5)', 'opacity(-1)', 'opacity()', 'opacity(0) bogus(1)', 'url(#f)', 'none'])('filter:%s paints something (or is invalid)', (value) => expect(filterHides(value)).toBe(false));
  it('on the image, a block or an inline ancestor; -webkit-filter is an alias', () => {
    expect(verdicts(`<img style="filter:opacity(0)" src="${O}/a"><span style="-webkit-filter:opacity(0)"><img src="${O}/b"></span><img style="filter:brightness(0)" src="${O}/c">`)).toEqual({ a: 'opacity-zero', b: 'opacity-zero', c: undefined });
  });
});

describe('clipping wrappers and containment', () => {
  it.each([
    [{ overflow: 'hidden' }, { x: true, y: true }],
    [{ overflow: 'auto' }, { x: true, y: true }],
    [{ 'overflow-y': 'hidden' }, { x: true, y: true }],
    [{ overflow: 'clip visible' }, { x: true, y: false }],
    [{ overflow: 'hidden visible' }, { x: true, y: true }],
    [{ contain: 'content' }, { x: true, y: true }],
    [{ overflow: 'visible' }, undefined],
    [{ contain: 'size' }, undefined],
  ])('%o clips %o', (style, axes) => expect(clippedAxes(new Map(Object.entries(style)))).toEqual(axes));
  it('a block of 1 to 3 px that clips leaves a strip: tiny; zero is hidden; spans, cells and the unclipped axis do not count', () => {
    expect(
      verdicts(
        `<div style="width:1px;height:1px;overflow:hidden"><img src="${O}/a"></div><div style="max-height:3px;overflow:auto"><img src="${O}/b"></div><div style="height:0;overflow:auto"><img src="${O}/c"></div><span style="height:1px;overflow:hidden"><img src="${O}/d"></span><table><tr><td style="height:1px;overflow:hidden"><img src="${O}/e"></td></tr></table><div style="height:1px;overflow:clip visible"><img src="${O}/f"></div><div style="height:4px;overflow:hidden"><img src="${O}/g"></div>`,
      ),
    ).toEqual({ a: 'tiny', b: 'tiny', c: 'zero-height-wrapper', d: undefined, e: undefined, f: undefined, g: undefined });
  });
  it('a strip yields to a hidden ancestor and to visibility:hidden; an image inside stays tiny by its own size too', () => {
    expect(
      verdicts(
        `<div style="display:none"><div style="height:1px;overflow:hidden"><img src="${O}/a"></div></div><div style="visibility:hidden"><div style="height:1px;overflow:hidden"><img src="${O}/b"></div></div><div style="height:1px;overflow:hidden"><div style="opacity:0"><img src="${O}/c"></div></div>`,
      ),
    ).toEqual({ a: 'display-none', b: 'visibility-hidden', c: 'opacity-zero' });
  });
  it('contain: strict and size+paint hide (an empty-sized box that clips); paint with a 1px height is a strip; size alone, or on a span, does not', () => {
    expect(
      verdicts(
        `<div style="contain:strict"><img src="${O}/a"></div><div style="contain:size paint"><img src="${O}/b"></div><div style="contain:paint;height:1px"><img src="${O}/c"></div><div style="contain:size"><img src="${O}/d"></div><span style="contain:strict"><img src="${O}/e"></span><div style="contain:strict;height:100px"><img src="${O}/f"></div><img style="contain:size" src="${O}/g"><img style="contain:size" width="40" height="20" src="${O}/h">`,
      ),
    ).toEqual({ a: 'zero-height-wrapper', b: 'zero-height-wrapper', c: 'tiny', d: undefined, e: undefined, f: undefined, g: 'tiny', h: undefined });
  });
  it("a fieldset's first legend is outside its clip; its other content and a second legend are not", () => {
    expect(
      verdicts(
        `<fieldset style="height:0;overflow:hidden"><legend><img src="${O}/a"></legend><img src="${O}/b"><legend><img src="${O}/c"></legend></fieldset><div style="display:none"><fieldset style="height:0;overflow:hidden"><legend><img src="${O}/d"></legend></fieldset></div>`,
      ),
    ).toEqual({ a: undefined, b: 'zero-height-wrapper', c: 'zero-height-wrapper', d: 'display-none' });
  });
});

describe("what the browser's rendering model leaves out", () => {
  it('the content of progress, meter and select', () => {
    expect(verdicts(`<progress><img src="${O}/a"></progress><meter><span><img src="${O}/b"></span></meter><select><img src="${O}/c"></select><select multiple><option><img src="${O}/d"></option></select><img src="${O}/e">`)).toEqual({
      a: 'not-rendered',
      b: 'not-rendered',
      c: 'not-rendered',
      d: 'not-rendered',
      e: undefined,
    });
  });
});

describe('@supports', () => {
  const tokens = (c: string) => cssTokens(c);
  it('a block whose condition Chromium meets is applied; one it does not meet, or pixelaudit cannot decide, is not', () => {
    expect(
      verdicts(
        `<style>@supports (display:grid){.a{display:none}}@supports (-webkit-overflow-scrolling:touch){.b{display:none}}@supports selector(:has(a)){.c{display:none}}@supports not (mso-hide:all){.d{opacity:0}}</style><img class="a" src="${O}/a"><img class="b" src="${O}/b"><img class="c" src="${O}/c"><img class="d" src="${O}/d">`,
      ),
    ).toEqual({ a: 'display-none', b: undefined, c: undefined, d: 'opacity-zero' });
  });
  it('three-valued: unknown and true is unknown, unknown or true is true, not unknown is unknown', () => {
    expect(supportsMatches(tokens('selector(a) and (display:block)'))).toBeUndefined();
    expect(supportsMatches(tokens('selector(a) or (display:block)'))).toBe(true);
    expect(supportsMatches(tokens('not selector(a)'))).toBeUndefined();
    expect(supportsMatches(tokens('selector(a) and (bogus:1)'))).toBe(false);
  });
  it('deep parentheses are refused before the parser recurses', () => {
    expect(supportsMatches(tokens(`${'('.repeat(100_000)}display:none${')'.repeat(100_000)}`))).toBeUndefined();
    expect(supportsMatches(tokens('((((display:none))))'))).toBe(true);
  });
});

describe('clip-path: path()', () => {
  it.each([`path('M0 0')`, `path('M0 0 L40 0')`, `path(evenodd, 'm0 0 l5 5 5 5 z')`, `path('M0,0L1-1')`, `path('M 10 10 V 50 z')`])('%s encloses nothing', (v) => expect(clipPathHides(v)).toBe(true));
  it.each([`path('M0 0 H40 V20 Z')`, `path('M0 0 C 10 40 30 40 40 0 Z')`, `path('')`, `path('L5 5')`, `path('M0 0 L')`, `path('M0 0 X 1')`, `path('M${' 0 0'.repeat(2000)}')`])('%s is not judged to hide', (v) => expect(clipPathHides(v)).toBe(false));
});

describe('backface-visibility', () => {
  it.each([
    ['rotateY(180deg)', true],
    ['rotateX(120deg)', true],
    ['matrix3d(-1,0,0,0,0,1,0,0,0,0,-1,0,0,0,0,1)', true],
    ['rotateY(180deg) rotateY(180deg)', false],
    ['scaleX(-1)', false],
    ['rotateY(60deg)', false],
    ['rotate(180deg)', false],
    ['rotate3d(0,1,0,180deg)', undefined],
    ['none', undefined],
  ])('transform:%s turns the back to the viewer: %s', (value, away) => expect(facesAway(value)).toBe(away));
  it('hides a box turned away only with backface-visibility:hidden (or the -webkit- alias), on a box', () => {
    expect(
      verdicts(
        `<img style="backface-visibility:hidden;transform:rotateY(180deg)" src="${O}/a"><img style="-webkit-backface-visibility:hidden;transform:rotateX(180deg)" src="${O}/b"><img style="transform:rotateY(180deg)" src="${O}/c"><span style="backface-visibility:hidden;transform:rotateY(180deg)"><img src="${O}/d"></span>`,
      ),
    ).toEqual({ a: 'collapsed', b: 'collapsed', c: undefined, d: undefined });
  });
});
