// var() whose fallbacks refer again to a property that failed: each custom property has one
// computed value (CSS Variables 1), so the work is linear, not 3^n (a 933-byte message took
// minutes). Asserted by the answer and by the work counted, never by time.
import { describe, expect, it } from 'vitest';
import { compileCascade, enterElement, type ElementContext } from '../src/html/cascade.js';
import { MAX_VAR_WORK, VarResolver } from '../src/html/css-var.js';
import { specTree } from '../src/html/spec-tree.js';

/** `--a0:base; --aK: var(--aK-1, var(--aK-1, ...))` with `ways` references each, as the attack. */
function chain(n: number, ways: number, base = 'var(--zz)'): Map<string, string> {
  const decls = new Map([['--a0', base]]);
  for (let k = 1; k <= n; k++) {
    const p = `--a${k - 1}`;
    let v = `var(${p})`;
    for (let w = 1; w < ways; w++) v = `var(${p},${v})`;
    decls.set(`--a${k}`, v);
  }
  return decls;
}

function resolver(decls: Map<string, string>): VarResolver {
  return new VarResolver((name) => decls.get(name));
}

/** The img's cascaded values and the ticks counted, walking the message's HTML as the core does. */
function imgValues(decls: Map<string, string>, imgStyle: string): { values: Record<string, string>; ticks: number } {
  const style = [...decls].map(([k, v]) => `${k}:${v}`).join(';');
  const html = `<html><body><div style="${style}"><img id=t src="http://t.example.com/open.gif?u=abc123" width="1" height="1" style="${imgStyle}"></div></body></html>`;
  const tree = specTree.document(html);
  if (!tree) throw new Error('no tree');
  let ticks = 0;
  const cascade = compileCascade(tree.styles, {
    quirks: false,
    ticker: {
      tick: () => {
        ticks++;
      },
    },
  });
  const stack: ElementContext[] = [];
  let values: Record<string, string> = {};
  tree.walk({
    enter(el) {
      const ctx = enterElement(el, stack[stack.length - 1] ?? null, null);
      stack.push(ctx);
      if (el.attrs.id === 't') values = Object.fromEntries(cascade.computed(ctx));
    },
    leave() {
      stack.pop();
    },
    comment() {},
  });
  return { values, ticks };
}

describe('var() substitution is linear in the declarations', () => {
  it('the 3-way attack (n=16): invalid at computed-value time, in little work', () => {
    const vars = resolver(chain(16, 3));
    expect(vars.substitute('var(--a16)')).toBeUndefined();
    // 3^16 = 43 million fallbacks before; each of the 17 properties is now read once.
    expect(vars.work).toBeLessThan(1_000);
  });

  it('the 2-way attack (n=26): the same', () => {
    const vars = resolver(chain(26, 2));
    expect(vars.substitute('var(--a26)')).toBeUndefined();
    expect(vars.work).toBeLessThan(1_000);
  });

  it('in the cascade: the img display is unset (shown), as before the fix for small n', () => {
    // n=6 answered {} before the fix too (display invalid -> unset); n=16 must answer the same.
    for (const n of [6, 16]) {
      const { values, ticks } = imgValues(chain(n, 3), `display:var(--a${n})`);
      expect(values).toEqual({});
      expect(ticks).toBeLessThan(1_000);
    }
  });

  it('a valid base still reaches the end of the chain', () => {
    const vars = resolver(chain(30, 3, 'none'));
    expect(vars.substitute('var(--a30)')).toBe('none');
    expect(vars.work).toBeLessThan(1_000);
    expect(imgValues(chain(16, 3, 'none'), 'display:var(--a16)').values).toEqual({ display: 'none' });
  });

  it('a cycle makes every property on it invalid, its fallbacks too; a reference from outside takes its own fallback', () => {
    const decls = new Map([
      ['--a', 'var(--b, x)'],
      ['--b', 'var(--a)'],
    ]);
    const vars = resolver(decls);
    expect(vars.resolve('--a')).toBeUndefined();
    expect(vars.resolve('--b')).toBeUndefined();
    expect(vars.substitute('var(--a, none)')?.trim()).toBe('none');
    expect(vars.substitute('var(--b)')).toBeUndefined();
  });

  it('the work of one element is bounded when every step is valid and large', () => {
    // 20 properties of 60,000 characters (under the length cap), each declaration using the last.
    const decls = new Map<string, string>([['--b0', 'x '.repeat(30_000)]]);
    for (let k = 1; k < 20; k++) decls.set(`--b${k}`, `var(--b${k - 1})`);
    const vars = resolver(decls);
    let valid = 0;
    for (let i = 0; i < 200; i++) if (vars.substitute('var(--b19)') !== undefined) valid++;
    expect(valid).toBeGreaterThan(0);
    expect(valid).toBeLessThan(200);
    expect(vars.work).toBeLessThan(MAX_VAR_WORK + 200_000);
  });
});
