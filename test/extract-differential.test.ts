import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractResources, extractWith } from '../src/html/extract-resources.js';
import { specTree } from '../src/html/spec-tree.js';
import { type CorpusHtml, corpusHtml } from './fast-tree-compare.js';
import { CORPORA } from './fuzz/corpus.js';

// The promise is on what is extracted, not only on the tree: the fast builder's documents and
// fragments (conditional comments, srcdoc) must give the extraction exactly what parse5 gives it.
const present = existsSync(`${CORPORA}/labels`);
let corpus: CorpusHtml[] = [];

beforeAll(async () => {
  if (present) corpus = await corpusHtml(CORPORA);
}, 300_000);

describe('extraction: fast builder against parse5', () => {
  it.skipIf(!present)(
    'gives the same resources, links, rejected and not-loaded lists on every corpus HTML part',
    () => {
      let resources = 0;
      for (const doc of corpus) {
        const fast = extractResources(doc.html);
        const spec = extractWith(specTree, doc.html);
        expect(fast, doc.name).toEqual(spec);
        resources += spec.resources.length;
      }
      console.log(`extraction differential: ${corpus.length} HTML parts, ${resources} resources, no difference`);
      expect(corpus.length).toBeGreaterThan(500);
    },
    300_000,
  );
});

describe('extraction: a conditional comment under the document attribute selectors', () => {
  // The fast tree keeps only the attributes the extraction reads and those the document's
  // `<style>` selectors test; a conditional comment's elements are matched against the
  // document's rules, so its tree keeps the document's names (it kept only the names written in
  // the comment itself, and `img[data-x]{display:none}` hid the pixel in parse5's tree only).
  const cases = [
    '<html><head><style>img[data-x]{display:none}</style></head><body><div><!--[if mso]><img data-x src="http://t.example/p.gif"><![endif]--></div></body></html>',
    '<style>[data-hide="1"] img{display:none}</style><!--[if gte mso 9]><table><tr><td data-hide="1"><img src="http://t.example/q.gif"></td></tr></table><![endif]-->',
    '<STYLE>div[title] img{visibility:hidden}</STYLE><table><tr><td><!--[if mso]><div title=x><img src="http://t.example/r.gif"></div><![endif]--></td></tr></table>',
  ];
  it.each(cases)('hides as parse5 does: %s', (html) => {
    const fast = extractResources(html);
    expect(fast).toEqual(extractWith(specTree, html));
    expect(fast.resources).toHaveLength(1);
    expect(fast.resources[0].hiddenBy).toBeDefined();
  });
});
