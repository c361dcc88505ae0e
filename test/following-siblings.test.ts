import { describe, expect, it } from 'vitest';
import { NO_DEADLINE } from '../src/engine/deadline.js';
import { extractResources, extractWith } from '../src/html/extract-resources.js';
import { followingSiblings } from '../src/html/following-siblings.js';
import { specTree } from '../src/html/spec-tree.js';

const O = 'https://t.example';

describe('siblings that follow each element (for :last-child and the like)', () => {
  it('counts, by pre-order, the element siblings after each element and those of its name', () => {
    const tree = specTree.document('<!doctype html><p><img><i></i><img></p><div></div>');
    if (!tree) throw new Error('no tree');
    const names: string[] = [];
    tree.walk({ enter: (el) => names.push(el.name), leave: () => undefined, comment: () => undefined });
    const f = followingSiblings(tree);
    const at = (i: number) => [names[i], f.after[i], f.afterOfType[i]];
    expect(names.map((_, i) => at(i))).toEqual([
      ['html', 0, 0],
      ['head', 1, 0],
      ['body', 0, 0],
      ['p', 1, 0],
      ['img', 2, 1],
      ['i', 1, 0],
      ['img', 0, 0],
      ['div', 0, 0],
    ]);
  });
  it('the extraction applies them alike on both tree builders, in an Outlook conditional comment too', () => {
    const html = `<style>td img:last-child, span img:last-child{display:none} .x:nth-last-of-type(2){display:none}</style><table><tr><td><img src="${O}/first"><img src="${O}/last"></td></tr></table><p><img class="x" src="${O}/x"><img src="${O}/y"></p><div><!--[if mso]><span><img src="${O}/mso-a"><img src="${O}/mso-b"></span><![endif]--></div>`;
    const read = (list: ReturnType<typeof extractResources>) => Object.fromEntries(list.resources.filter((r) => r.kind === 'img').map((r) => [new URL(r.url).pathname.slice(1), r.hiddenBy]));
    const fast = read(extractResources(html));
    expect(read(extractWith(specTree, html, NO_DEADLINE))).toEqual(fast);
    expect(fast).toEqual({ first: undefined, last: 'display-none', x: 'display-none', y: undefined, 'mso-a': undefined, 'mso-b': 'display-none' });
  });
});
