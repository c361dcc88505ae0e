import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_DOM_DEPTH } from '../src/html/dom-depth-cap.js';
import { extractResources, extractWith } from '../src/html/extract-resources.js';
import { fastTree, lastBailReason } from '../src/html/fast-tree.js';
import { specTree } from '../src/html/spec-tree.js';
import type { HtmlTree } from '../src/html/tree.js';
import { MAX_TREE_NODES } from '../src/html/tree-size-cap.js';
import { agrees } from './fast-tree-compare.js';
import { checkProperty, TIMEOUT } from './fuzz/harness.js';

// Deep nesting: both builders cap the tree at Chromium's depth (src/html/dom-depth-cap.ts) and
// the fast builder takes deep documents instead of handing them to parse5 (test/browser/cases/
// deep-nesting.ts holds what Chromium does with them).

const open = (tag: string, n: number): string => `<${tag}>`.repeat(n);

/** The deepest element of a tree (html is depth 1), and the names along the way to the element whose src is `src`. */
function depthOf(tree: HtmlTree, src?: string): { max: number; path: string[] } {
  let depth = 0;
  let max = 0;
  const names: string[] = [];
  let path: string[] = [];
  tree.walk({
    enter: (el) => {
      depth++;
      names.push(`${el.name}${el.attrs.style ? `[${el.attrs.style}]` : ''}`);
      max = Math.max(max, depth);
      if (src !== undefined && el.attrs.src === src) path = [...names];
    },
    leave: () => {
      depth--;
      names.pop();
    },
    comment: () => undefined,
  });
  return { max, path };
}

describe('deep nesting: the DOM depth cap', () => {
  it.each(['div', 'span', 'b', 'font', 'ul><li'])('600 levels of <%s>: the fast builder takes it, equals parse5, and the tree is no deeper than the cap', (tag) => {
    const html = `${open(tag, 600)}<img src=x>`;
    expect(agrees(html), `refused (${lastBailReason})`).toBe(true);
    for (const builder of [fastTree, specTree]) {
      const { max, path } = depthOf(builder.document(html) as HtmlTree, 'x');
      expect(max).toBeLessThanOrEqual(MAX_DOM_DEPTH + 1);
      expect(path.length).toBeGreaterThan(0);
    }
  });

  it('600 levels of <table><tr><td>: the fast builder takes it and equals parse5 (the tbody a <tr> implies holds that tr: one token, as Chromium attaches)', () => {
    const html = `${open('table><tr><td', 600)}<img src=x>`;
    expect(agrees(html), `refused (${lastBailReason})`).toBe(true);
    expect(depthOf(fastTree.document(html) as HtmlTree).max).toBeLessThan(2 * MAX_DOM_DEPTH);
  });

  it('past the cap a new element is a sibling of the current node: an element opened there holds nothing that follows', () => {
    const html = `${open('div', 550)}<div style="display:none">${open('div', 50)}<img src=x>`;
    expect(agrees(html)).toBe(true);
    const { path } = depthOf(fastTree.document(html) as HtmlTree, 'x');
    expect(path).not.toContain('div[display:none]');
    expect(path).toHaveLength(MAX_DOM_DEPTH + 1);
    // Below the cap, the same markup nests as written.
    const shallow = `${open('div', 100)}<div style="display:none">${open('div', 50)}<img src=x>`;
    expect(depthOf(fastTree.document(shallow) as HtmlTree, 'x').path).toContain('div[display:none]');
  });

  it('end tags still close what they name past the cap: the stack keeps every element', () => {
    const html = `${open('div', 700)}${'</div>'.repeat(650)}<span style="display:none"><img src=x>`;
    expect(agrees(html)).toBe(true);
    const { path } = depthOf(fastTree.document(html) as HtmlTree, 'x');
    expect(path).toHaveLength(2 + 50 + 2);
  });

  it('formatting elements reopened by one token nest in one another past the cap, as Chromium attaches them (after the token)', () => {
    const html = `${open('div', 600)}<p><b style="display:none"><i><u>x</p>y<img src=x>`;
    expect(agrees(html)).toBe(true);
    expect(depthOf(fastTree.document(html) as HtmlTree, 'x').path).toContain('b[display:none]');
  });

  it('comments and conditional comments past the cap go where the elements go', () => {
    const html = `${open('div', 600)}<!--[if mso]><v:image src="https://a.example/vml.gif"/><![endif]--><div style="display:none"><!-- x --><img src=x>`;
    expect(agrees(html)).toBe(true);
    const fast = extractWith(fastTree, html);
    expect(fast).toEqual(extractWith(specTree, html));
    expect(fast.resources.map((r) => r.url)).toEqual(['https://a.example/vml.gif']);
  });

  it('a template past the cap: what follows goes into its parent, not its content (Chromium loads it)', () => {
    const html = `${open('div', 600)}<template><img src="https://a.example/t.gif"></template>`;
    expect(extractResources(html).resources.map((r) => r.url)).toEqual(['https://a.example/t.gif']);
    expect(extractResources(`${open('div', 500)}<template><img src="https://a.example/t.gif"></template>`).resources).toEqual([]);
  });

  it('the adoption agency past the cap: the parse5 path counts open elements, not stack slots (fixtures/fuzz/deep-adoption-freed-slot.eml)', () => {
    const html = readFileSync(path.join('fixtures', 'fuzz', 'deep-adoption-freed-slot.eml'), 'latin1').split('\r\n\r\n')[1];
    expect(agrees(html)).toBe(true);
    // Where Chromium 150 puts the img (checked in the browser): in the second nobr, inside the last div.
    for (const builder of [fastTree, specTree]) expect(depthOf(builder.document(html) as HtmlTree, 'https://example.com/o.gif?u=8f3a9c2e71d04b6a').path.slice(-3)).toEqual(['div', 'nobr', 'img']);
    for (const depth of [506, 507, 508, 509, 510]) expect(agrees(`${open('div', depth)}<nobr><span><div><nobr><img src=x>`), String(depth)).toBe(true);
  });

  // Structure tokens after a prefix that brings the stack to the cap: the soup crosses it both ways.
  const STRUCTURE = [
    '<div>',
    '</div>',
    '<p>',
    '</p>',
    '<b>',
    '</b>',
    '<i>',
    '</i>',
    '<b class=x>',
    '<a>',
    '</a>',
    '<table>',
    '</table>',
    '<tr>',
    '<td>',
    '</td>',
    '<li>',
    '<ul>',
    '</ul>',
    '<span>',
    '</span>',
    '<nobr>',
    '<font>',
    '</font>',
    '<select>',
    '<option>',
    '</select>',
    '<br>',
    '<img>',
    'x',
    ' ',
    '<!--c-->',
    '<h1>',
    '</h2>',
    '<button>',
    '</body>',
    '<pre>',
    '<form>',
    '</form>',
  ];
  const deepSoup = fc.record({ depth: fc.integer({ min: MAX_DOM_DEPTH - 6, max: MAX_DOM_DEPTH + 6 }), tag: fc.constantFrom('div', 'span', 'b', 'td'), tail: fc.array(fc.constantFrom(...STRUCTURE), { maxLength: 40 }) });

  it(
    'structure soup around the cap: wherever the fast builder answers, it equals parse5',
    async () => {
      let answered = 0;
      await checkProperty(
        'fast tree on deep soup',
        [deepSoup],
        async ({ depth, tag, tail }) => {
          if (agrees(`${open(tag === 'td' ? 'table><tr><td' : tag, depth)}${tail.join('')}`)) answered++;
        },
        300,
      );
      expect(answered).toBeGreaterThan(0);
    },
    TIMEOUT,
  );
});

describe('deep nesting: bounded work', () => {
  // As deep as the per-message node cap allows (html, head, body and the img besides).
  it('nested <div>, <b> and <span> up to the node cap: the fast builder takes them (it no longer hands deep documents to parse5)', () => {
    for (const tag of ['div', 'b', 'span']) {
      const tree = fastTree.document(`${open(tag, MAX_TREE_NODES - 4)}<img src=x>`);
      expect(tree, `${tag}: refused (${lastBailReason})`).not.toBeNull();
      expect(depthOf(tree as HtmlTree).max).toBeLessThanOrEqual(MAX_DOM_DEPTH + 1);
    }
  });

  it('markup that would make the fast builder quadratic (20,000 distinct unclosed <b> reopened again and again) goes to parse5 on a work budget', () => {
    const html = `<p>${Array.from({ length: 20_000 }, (_, i) => `<b class=c${i}>`).join('')}${'</p><p>x'.repeat(200)}<img src=x>`;
    expect(fastTree.document(html)).toBeNull();
    expect(lastBailReason).toMatch(/work/);
  });
});
