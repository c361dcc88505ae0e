import { describe, expect, it } from 'vitest';
import { extractResources, extractWith } from '../src/html/extract-resources.js';
import { META_CSP_NOTE } from '../src/html/extraction-sink.js';
import { specTree } from '../src/html/spec-tree.js';

// The oracle's csp-* cases prove what Chromium does; these hold the reading on both tree builders.
const loads = (html: string) => extractResources(html).resources.map((r) => [r.url, r.load, r.loadNote ?? null]);
const policy = `<meta http-equiv="CONTENT-security-policy" content="img-src 'none'">`;

describe('a meta Content-Security-Policy', () => {
  it('in the head makes what follows it a may-load, with the note explain shows', () => {
    expect(loads(`<head>${policy}</head><img src="https://t.example/o.gif">`)).toEqual([['https://t.example/o.gif', 'may', META_CSP_NOTE]]);
  });

  it('in the body, report-only, or with no content changes nothing', () => {
    for (const html of [
      `<body><p>x</p>${policy}<img src="https://t.example/o.gif">`,
      `<head><meta http-equiv="Content-Security-Policy-Report-Only" content="img-src 'none'"></head><img src="https://t.example/o.gif">`,
      `<head><meta http-equiv="Content-Security-Policy" content=" "></head><img src="https://t.example/o.gif">`,
    ]) {
      expect(loads(html), html).toEqual([['https://t.example/o.gif', 'must', null]]);
    }
  });

  it('reads the same with the fast tree and with parse5', () => {
    const html = `${policy}<img src="https://t.example/o.gif"><table><tr><td background="https://t.example/b.gif">`;
    expect(extractWith(specTree, html).resources.map((r) => r.load)).toEqual(extractResources(html).resources.map((r) => r.load));
  });
});
