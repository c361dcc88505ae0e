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
