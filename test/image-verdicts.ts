// The hidden verdicts of a document's images, read by both HTML trees: the unit tests of
// hidden-ness (test/hidden-*.test.ts) sit beside the browser oracle's cases, and each asks the
// fast tree and parse5's tree for the same answer.
import { expect } from 'vitest';
import { NO_DEADLINE } from '../src/engine/deadline.js';
import { extractResources, extractWith } from '../src/html/extract-resources.js';
import { specTree } from '../src/html/spec-tree.js';

type Kind = ReturnType<typeof extractResources>['resources'][number]['kind'];

/** hiddenBy of each resource of these kinds (HTML images by default), by URL path, from the fast tree and from parse5's: both must agree. */
export function verdicts(html: string, kinds: readonly Kind[] = ['img']): Record<string, string | undefined> {
  const read = (list: ReturnType<typeof extractResources>) => Object.fromEntries(list.resources.filter((r) => kinds.includes(r.kind)).map((r) => [new URL(r.url).pathname.slice(1), r.hiddenBy]));
  const fast = read(extractResources(html));
  expect(read(extractWith(specTree, html, NO_DEADLINE))).toEqual(fast);
  return fast;
}
