// Nested opacities multiply, and a column of visibility:collapse hides the cells that start in
// it (src/html/table-columns.ts). Checked in Chromium by test/browser/cases/visibility-review-p5.ts.
import { describe, expect, it } from 'vitest';
import { extractResources } from '../src/html/extract-resources.js';

const hidden = (html: string) => Object.fromEntries(extractResources(html).resources.map((r) => [r.url.replace('https://t.example/', ''), r.hiddenBy ?? 'visible']));

describe('multiplied opacities', () => {
  it('hides where the product falls under 1/510', () => {
    expect(
      hidden(
        '<div style="opacity:.04"><img style="opacity:.04" src="https://t.example/a"></div><div style="opacity:.5"><p style="filter:opacity(.003)"><img src="https://t.example/b"></p></div><img style="filter:opacity(.5) opacity(.003)" src="https://t.example/c">',
      ),
    ).toEqual({ a: 'opacity-zero', b: 'opacity-zero', c: 'opacity-zero' });
  });
  it('leaves products of 1/510 or more visible', () => {
    expect(hidden('<div style="opacity:.05"><img style="opacity:.05" src="https://t.example/a"></div><div style="opacity:.04"><img src="https://t.example/b"></div><img style="filter:opacity(.002)" src="https://t.example/c">')).toEqual({
      a: 'visible',
      b: 'visible',
      c: 'visible',
    });
  });
});

describe('collapsed columns', () => {
  it('hides a cell that starts in a collapsed column', () => {
    expect(hidden('<table><col style="visibility:collapse"><col><tr><td><img src="https://t.example/a"></td><td><img src="https://t.example/b"></td></tr><tr><td colspan="2"><img src="https://t.example/c"></td></tr></table>')).toEqual({
      a: 'collapsed',
      b: 'visible',
      c: 'collapsed',
    });
    expect(
      hidden(
        '<style>.x{visibility:collapse}</style><table><colgroup span="2" class="x"></colgroup><colgroup><col></colgroup><tr><td><img src="https://t.example/a"></td><th><img src="https://t.example/b"></th><td><img src="https://t.example/c"></td></tr></table>',
      ),
    ).toEqual({ a: 'collapsed', b: 'collapsed', c: 'visible' });
  });
  it('leaves a cell that only spans into one', () => {
    expect(hidden('<table><col><col style="visibility:collapse"><tr><td colspan="2"><img src="https://t.example/a"></td></tr></table>')).toEqual({ a: 'visible' });
  });
  it('places cells after the rowspans of earlier rows, per section', () => {
    const cols = '<col><col style="visibility:collapse"><col>';
    expect(
      hidden(
        `<table>${cols}<tr><td rowspan="2">x</td><td><img src="https://t.example/a"></td><td><img src="https://t.example/b"></td></tr><tr><td><img src="https://t.example/c"></td><td><img src="https://t.example/d"></td></tr><tr><td><img src="https://t.example/e"></td><td><img src="https://t.example/f"></td></tr></table>`,
      ),
    ).toEqual({ a: 'collapsed', b: 'visible', c: 'collapsed', d: 'visible', e: 'visible', f: 'collapsed' });
    expect(hidden(`<table>${cols}<thead><tr><td rowspan="0">x</td></tr></thead><tbody><tr><td>y</td><td><img src="https://t.example/a"></td></tr></tbody></table>`)).toEqual({ a: 'collapsed' });
    expect(hidden(`<table>${cols}<tr><td rowspan="0">x</td><td>y</td></tr><tr><td><img src="https://t.example/a"></td></tr></table>`)).toEqual({ a: 'collapsed' });
  });
  it('stops judging past 32 cells spanning down at once', () => {
    const many = '<td rowspan="3">x</td>'.repeat(33);
    const cols = '<col span="33"><col style="visibility:collapse">';
    expect(hidden(`<table>${cols}<tr>${'<td rowspan="3">x</td>'.repeat(32)}<td>x</td></tr><tr><td><img src="https://t.example/a"></td></tr></table>`)).toEqual({ a: 'visible' });
    expect(hidden(`<table>${cols}<tr>${'<td rowspan="3">x</td>'.repeat(32)}</tr><tr><td>y</td><td><img src="https://t.example/a"></td></tr></table>`)).toEqual({ a: 'collapsed' });
    expect(hidden(`<table>${cols}<tr>${many}</tr><tr><td><img src="https://t.example/a"></td></tr></table>`)).toEqual({ a: 'visible' });
  });
});
