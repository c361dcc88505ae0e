/**
 * The most nodes (elements and comments) one tree may hold: a per-message memory budget, as the
 * time budget is one of time. A tree costs about 220 bytes of heap per element in the fast
 * builder and more in parse5's, and markup makes an element from 3 bytes (`<p>` repeated), so a
 * 30 MB message under the size limit built a 10-million-element tree and took 2.5 GB of RSS (a
 * 7.5 MB one 0.9 GB). The largest corpus message has about 3,000 start tags; 200,000 is over 60
 * times that and, at the cap, a tree of a few tens of MB. A document over it fails the message
 * (`html: ...`), counted and reported like any failure, rather than being read in part: what
 * follows the cap could be the pixel. Both builders count as they build (fast-tree-builder.ts,
 * spec-tree.ts), so the memory is never taken; test/tree-size-cap.test.ts checks the heap.
 */
export const MAX_TREE_NODES = 200_000;

export class TreeTooLarge extends Error {
  constructor() {
    super(`more than ${MAX_TREE_NODES.toLocaleString('en-US')} elements and comments in one document (the per-message memory budget)`);
    this.name = 'TreeTooLarge';
  }
}

/** Counts one tree's nodes; throws TreeTooLarge past the cap. */
export class TreeSizeCap {
  private nodes = 0;

  add(): void {
    if (++this.nodes > MAX_TREE_NODES) throw new TreeTooLarge();
  }
}
