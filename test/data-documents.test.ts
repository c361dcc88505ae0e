import { describe, expect, it } from 'vitest';
import { extractWith, type ExtractedHtml } from '../src/html/extract-resources.js';
import { fastTree } from '../src/html/fast-tree.js';
import { specTree } from '../src/html/spec-tree.js';
import { MAX_NESTED_DOCUMENTS } from '../src/html/extraction-sink.js';
import { dataContent } from '../src/url/data-document.js';
import { NO_DEADLINE } from '../src/engine/deadline.js';

// data: documents and sheets hold loads (the oracle's data-* cases prove them on Chromium):
// each is read with the same extraction, its resources at the element holding the data: URL.
const O = 'https://t.example';
const b64 = (text: string): string => Buffer.from(text).toString('base64');

describe.each([
  ['spec tree', specTree],
  ['fast tree', fastTree],
])('data: documents and sheets (%s)', (_, builder) => {
  const extract = (html: string): ExtractedHtml => extractWith(builder, html, NO_DEADLINE);
  const listed = (html: string): string[] => extract(html).resources.map((r) => `${r.kind} ${r.element} ${r.load} ${r.url}`);

  it('reads a frame-like element data: document: iframe, base64, object, embed and iframe of SVG', () => {
    expect(listed(`<iframe src="data:text/html,%3Cimg src=${O}/a.png%3E"></iframe>`)).toEqual([`img img must ${O}/a.png`]);
    expect(listed(`<iframe src="data:text/html;base64,${b64(`<img src=${O}/b.png>`)}"></iframe>`)).toEqual([`img img must ${O}/b.png`]);
    expect(listed(`<object data="data:text/html,<img src=${O}/c.png>"></object>`)).toEqual([`img img must ${O}/c.png`]);
    const svg = `data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg'><image href='${O}/d.png'/></svg>`;
    expect(listed(`<embed src="${svg}">`)).toEqual([`svg-image image must ${O}/d.png`]);
    expect(listed(`<iframe src="${svg}"></iframe>`)).toEqual([`svg-image image must ${O}/d.png`]);
  });

  it('reads nothing of an SVG as an image, and lists the data: URL as rejected', () => {
    const { resources, rejected } = extract(`<img src="data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg'><image href='${O}/e.png'/></svg>">`);
    expect(resources).toEqual([]);
    expect(rejected.map((r) => r.reason)).toEqual(['data: is not fetched from the network']);
  });

  it('reads data: sheets: a link, an @import in <style>, nested @imports; url()s may load, @imports must', () => {
    expect(listed(`<link rel=stylesheet href="data:text/css,body%7Bbackground:url(${O}/f.png)%7D">`)).toEqual([`css-url link may ${O}/f.png`]);
    expect(listed(`<link rel=stylesheet href="data:text/css,@import url(${O}/g.css);">`)).toEqual([`css-import link must ${O}/g.css`]);
    expect(listed(`<style>@import url("data:text/css,div%7Bbackground:url(${O}/h.png)%7D");</style>`)).toEqual([`css-url style may ${O}/h.png`]);
    expect(listed(`<style>@import "data:text/css,@import url(%22data:text/css,@import url(${O}/i.css);%22);";</style>`)).toEqual([`css-import style must ${O}/i.css`]);
  });

  it('points at the element holding the data: URL, with its hidden verdict; relative URLs inside load nothing', () => {
    const html = `<base href="${O}/b/">\n<div style="display:none"><iframe src="data:text/html,<img src=rel.png><img src=${O}/j.png>"></iframe></div>`;
    const { resources, rejected } = extract(html);
    expect(resources.map((r) => [r.url, r.hiddenBy, r.position.line])).toEqual([[`${O}/j.png`, 'display-none', 2]]);
    expect(rejected.map((r) => r.written)).toEqual(['rel.png']);
    expect(extract(`<iframe width=0 height=0 src="data:text/html,<img src=${O}/k.png>"></iframe>`).resources[0].hiddenBy).toBe('tiny');
  });

  it('reads a data: iframe inside a srcdoc, and data: documents inside data: documents up to the cap', () => {
    expect(listed(`<iframe srcdoc="<iframe src='data:text/html,%3Cimg src=${O}/l.png%3E'></iframe>"></iframe>`)).toEqual([`img img must ${O}/l.png`]);
    // Each level wraps the one below in an iframe's percent-encoded data: URL.
    const nest = (levels: number): string => {
      let html = `<img src=${O}/deep.png>`;
      for (let i = 0; i < levels; i++) html = `<iframe src="data:text/html,${encodeURIComponent(html)}"></iframe>`;
      return html;
    };
    expect(extract(nest(MAX_NESTED_DOCUMENTS - 1)).resources.map((r) => r.url)).toEqual([`${O}/deep.png`]);
    const capped = extract(nest(MAX_NESTED_DOCUMENTS + 3));
    expect(capped.resources).toEqual([]);
    expect(capped.rejected.map((r) => r.reason)).toEqual([`a document or sheet nested more than ${MAX_NESTED_DOCUMENTS} deep is not read`]);
  });

  it('lists a data: frame whose type holds no document as rejected (a PNG in an iframe)', () => {
    const { resources, rejected } = extract(`<iframe src="data:image/png;base64,iVBORw0KGgo="></iframe>`);
    expect(resources).toEqual([]);
    expect(rejected[0].reason).toMatch(/^data: is not fetched from the network \(a image\/png/);
  });
});

describe('dataContent', () => {
  it('decodes by the fetch standard (charset, percent-encoding, base64 with blanks), and says when it is no data: URL', () => {
    expect(dataContent('data:text/html;charset=iso-8859-1,%E9', 'frame')).toEqual({ type: 'html', text: 'é', essence: 'text/html' });
    expect(dataContent(' DA\nTA:text/css;base64,YSB7 fQ==', 'sheet')).toEqual({ type: 'css', text: 'a {}', essence: 'text/css' });
    expect(dataContent('https://t.example/x', 'frame')).toBeUndefined();
  });
});
