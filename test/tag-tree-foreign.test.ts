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

// Outside review 5, finding 3: raw text is HTML's alone. In foreign content <style>, <title>,
// <script>, <textarea> ... hold markup (an <img> inside breaks out), and an
// SVG <style>'s sheet is its text up to the first tag, decoded; a MathML <style> is no sheet.
describe('tags-only raw text in foreign content', () => {
  const tree = (html: string) => {
    const out: string[] = [];
    const t = tagTree(html, NO_DEADLINE);
    t.walk({ enter: (el: TreeElement) => void out.push(`${el.namespace}:${el.name}`), leave: () => {}, comment: () => {} });
    return { elements: out, styles: t.styles.map((s) => [s.css, html.slice(s.start, s.start + 3)]) };
  };
  it.each(['style', 'title', 'script', 'textarea', 'xmp', 'noembed', 'noframes'])('<svg><%s> holds markup', (name) => {
    expect(tree(`<svg><${name}><img src=a></${name}></svg>`).elements).toContain('html:img');
    expect(tree(`<math><${name}><img src=a></${name}></math>`).elements).toContain('html:img');
    // HTML again inside an integration point, and outside foreign content.
    expect(tree(`<svg><foreignObject><${name}><img src=a></${name}></foreignObject></svg>`).elements).not.toContain('html:img');
    expect(tree(`<${name}><img src=a></${name}>`).elements).not.toContain('html:img');
  });
  it('keeps an SVG sheet (decoded, up to the first tag) and no MathML one', () => {
    expect(tree('<svg><style>a{}&amp;<x y=1/>b{}</style></svg><style>c{}</style>').styles).toEqual([
      ['a{}&', 'a{}'],
      ['c{}', 'c{}'],
    ]);
    expect(tree('<math><style>m{}</style></math><style>c{}</style>').styles).toEqual([['c{}', 'c{}']]);
  });
  it('gives a picture its children', () => {
    const seen: string[] = [];
    tagTree('<picture><source srcset=a><img src=b></picture><img src=c>', NO_DEADLINE).walk({ enter: (el: TreeElement) => void seen.push(`+${el.name}`), leave: (el: TreeElement) => void seen.push(`-${el.name}`), comment: () => {} });
    expect(seen).toEqual(['+picture', '+source', '-source', '+img', '-img', '-picture', '+img', '-img']);
  });
});
