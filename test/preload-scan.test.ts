// Chromium's preload scanner, as the extraction models it (src/html/preload-scan.ts): a <base>
// and a <picture> in foreign content. Checked in Chromium by test/browser/cases/preload-scanner.ts;
// these run without a browser.
import { describe, expect, it } from 'vitest';
import { extractResources } from '../src/html/extract-resources.js';

const listed = (html: string) => extractResources(html).resources.map((r) => `${r.url} ${r.load}`);

describe('the preload scanner', () => {
  it('fetches its kinds against a <base> in svg or math, as may-loads', () => {
    expect(listed('<svg><base href="https://b.example/x/"></svg><img src="a.png">')).toEqual(['https://b.example/x/a.png may']);
    expect(listed('<math><base href="https://b.example/x/"></math><img src="a.png">')).toEqual(['https://b.example/x/a.png may']);
    expect(listed('<svg><base href="https://b.example/x/"></svg><base href="https://h.example/"><img src="a.png">')).toEqual(['https://h.example/a.png must', 'https://b.example/x/a.png may']);
  });
  it('leaves the tree-only kinds and absolute URLs alone', () => {
    expect(listed('<svg><base href="https://b.example/x/"></svg><div style="background:url(c.png)"></div><iframe src="f.html"></iframe><img src="https://a.example/p.png">')).toEqual(['https://a.example/p.png must']);
  });
  it('takes no base after an HTML one, none from a data: href, none inside a template', () => {
    expect(listed('<base href="https://h.example/"><svg><base href="https://b.example/"></svg><img src="a.png">')).toEqual(['https://h.example/a.png must']);
    expect(listed('<svg><base href="data:,x"><base href="https://b.example/"></svg><img src="a.png">')).toEqual(['https://b.example/a.png may']);
    expect(listed('<svg><template><base href="https://b.example/"></template></svg><img src="a.png">')).toEqual([]);
  });
  it('fetches a source of a foreign picture for the next img', () => {
    expect(listed('<svg><picture><source srcset="https://s.example/s.png"><img src="https://s.example/i.png"></picture></svg>')).toEqual(['https://s.example/s.png may', 'https://s.example/i.png must']);
    expect(listed('<svg><picture><source srcset="https://s.example/s.png"><g></g><img src="https://s.example/i.png"></picture></svg>')).toEqual(['https://s.example/i.png must']);
    expect(listed('<picture><svg><source srcset="https://s.example/s.png"></svg><img src="https://s.example/i.png"></picture>')).toEqual(['https://s.example/i.png may']);
    // An HTML picture's own sources are the tree's, listed once.
    expect(listed('<picture><source srcset="https://s.example/s.png"><img src="https://s.example/i.png"></picture>')).toEqual(['https://s.example/s.png may', 'https://s.example/i.png may']);
  });
});
