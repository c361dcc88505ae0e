// The tags-only reading of a document over the node cap (src/html/tag-tree.ts) follows the
// tree construction's foreign-content rules as parse5 gives them: what breaks out of <svg> or
// <math>, and an integration point's content, is HTML (outside review 4: an open <svg> or <math>
// before the padding hid every later pixel, which Chromium loads).
import { describe, expect, it } from 'vitest';
import { NO_DEADLINE } from '../src/engine/deadline.js';
import { tagTree } from '../src/html/tag-tree.js';
import type { TreeElement } from '../src/html/tree.js';

function namespaces(html: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  tagTree(html, NO_DEADLINE).walk({ enter: (el: TreeElement) => void out.push([el.name, el.namespace]), leave: () => {} } as never);
  return out;
}

describe('tags-only foreign content', () => {
  it.each([
    ['<svg><img src=a>', [['img', 'html']]],
    ['<math><img src=a>', [['img', 'html']]],
    [
      '<svg><foreignObject width=1><img src=a></foreignObject></svg>',
      [
        ['foreignObject', 'svg'],
        ['img', 'html'],
      ],
    ],
    [
      '<svg><desc><img src=a></desc><image href=b></svg>',
      [
        ['img', 'html'],
        ['image', 'svg'],
      ],
    ],
    ['<math><mi><img src=a></mi></math>', [['img', 'html']]],
    [
      '<svg><image href=b></svg><img src=a>',
      [
        ['image', 'svg'],
        ['img', 'html'],
      ],
    ],
    [
      '<svg><p><img src=a><image href=b>',
      [
        ['img', 'html'],
        ['img', 'html'],
      ],
    ],
    [
      '<svg><font color=red><image href=b>',
      [
        ['font', 'html'],
        ['img', 'html'],
      ],
    ],
    // A font without those attributes stays foreign (and, without attributes, is not kept).
    ['<svg><font><image href=b>', [['image', 'svg']]],
    [
      '<svg><foreignObject width=1><svg><p><img src=a></foreignObject><image href=b>',
      [
        ['foreignObject', 'svg'],
        ['img', 'html'],
        ['image', 'svg'],
      ],
    ],
  ] as const)('%s', (html, expected) => {
    expect(namespaces(html)).toEqual(expected);
  });
});
