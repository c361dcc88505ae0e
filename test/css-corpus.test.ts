// The CSS fast paths against the tokens on every real message: the bundled fixtures, and the
// shared corpora when they are present (read where they are, never copied).
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileCascade, enterElement, type ElementContext } from '../src/html/cascade.js';
import { parseDeclarations, tokenDeclarations } from '../src/html/css-declarations.js';
import { isRelevant } from '../src/html/css-properties.js';
import { specTree } from '../src/html/spec-tree.js';
import { parseMessage } from '../src/mail/parse-message.js';
import { CORPORA, realMessages } from './fuzz/corpus.js';

describe('CSS on real mail', () => {
  it(`inline styles: the split equals the tokens; every sheet compiles and every element gets its values${existsSync(CORPORA) ? '' : ' (fixtures only: no corpora)'}`, async () => {
    let styles = 0;
    let sheets = 0;
    const differ: string[] = [];
    for (const { name, bytes } of realMessages()) {
      const html = (await parseMessage(bytes).catch(() => null))?.html;
      if (!html) continue;
      const tree = specTree.document(html);
      if (!tree) continue;
      const cascade = compileCascade(tree.styles);
      sheets += tree.styles.length;
      const stack: Array<{ ctx: ElementContext; last: ElementContext | null }> = [];
      tree.walk({
        enter(el) {
          const top = stack[stack.length - 1];
          const ctx = enterElement(el, top?.ctx ?? null, top?.last ?? null);
          if (top) top.last = ctx;
          stack.push({ ctx, last: null });
          const style = el.attrs.style;
          if (style !== undefined) {
            styles++;
            for (const want of [undefined, isRelevant]) {
              if (JSON.stringify(parseDeclarations(style, want)) !== JSON.stringify(tokenDeclarations(style, want))) differ.push(`${name}: ${style.slice(0, 80)}`);
            }
          }
          cascade.computed(ctx);
        },
        leave: () => void stack.pop(),
        comment: () => undefined,
      });
    }
    expect(differ).toEqual([]);
    expect(styles).toBeGreaterThan(100);
    expect(sheets).toBeGreaterThan(10);
  }, 120_000);
});
