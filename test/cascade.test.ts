// The <style> cascade for hidden-ness and size: selectors, specificity, order, !important,
// layers and @media, matched over the element contexts a pre-order walk keeps.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileCascade, enterElement, MAY_BE_RELEVANT, type Cascade, type ElementContext } from '../src/html/cascade.js';
import { parseDeclarations } from '../src/html/css-declarations.js';
import { isKept, isRelevant } from '../src/html/css-properties.js';
import { sheetRules } from '../src/html/css-sheet.js';
import { followingSiblings } from '../src/html/following-siblings.js';
import { specTree } from '../src/html/spec-tree.js';

/** The cascaded relevant values of every element with an id, walking the parse5 tree as the core does. */
function computedById(html: string, quirks = false): Record<string, Record<string, string>> {
  const tree = specTree.document(html);
  if (!tree) throw new Error('no tree');
  const cascade: Cascade = compileCascade(tree.styles, { quirks });
  const out: Record<string, Record<string, string>> = {};
  const stack: Array<{ ctx: ElementContext; last: ElementContext | null }> = [];
  // As the document walk does: siblings that follow are counted first when a selector needs them.
  const following = cascade.needsFollowing ? followingSiblings(tree) : undefined;
  let entered = 0;
  tree.walk({
    enter(el) {
      const top = stack[stack.length - 1];
      const n = entered++;
      const ctx = enterElement(el, top?.ctx ?? null, top?.last ?? null, following?.after[n], following?.afterOfType[n]);
      if (top) top.last = ctx;
      stack.push({ ctx, last: null });
      if (el.attrs.id !== undefined) out[el.attrs.id] = Object.fromEntries(cascade.computed(ctx));
    },
    leave() {
      stack.pop();
    },
    comment() {},
  });
  return out;
}

/** Whether the element `t` (id="t") gets `display:none` from `css` in `body`. */
function hidden(css: string, body: string, quirks = false): boolean {
  return computedById(`<!doctype html><style>${css}</style>${body}`, quirks).t?.display === 'none';
}

describe('selectors', () => {
  const cases: Array<[string, string, string, boolean]> = [
    ['type', 'img{display:none}', '<img id=t>', true],
    ['type, case-insensitive in HTML', 'IMG{display:none}', '<img id=t>', true],
    ['class', '.x{display:none}', '<img id=t class="a x">', true],
    ['class is case-sensitive in standards mode', '.X{display:none}', '<img id=t class="x">', false],
    ['id', '#t{display:none}', '<img id=t>', true],
    ['attribute present', '[data-h]{display:none}', '<img id=t data-h>', true],
    ['attribute value, case-insensitive flag', '[alt="PIX" i]{display:none}', '<img id=t alt=pix>', true],
    ['attribute prefix', '[src^="https://t."]{display:none}', '<img id=t src="https://t.example/p">', true],
    ['attribute that does not match', '[alt=x]{display:none}', '<img id=t alt=y>', false],
    ['compound', 'img.x#t[alt]{display:none}', '<img id=t class=x alt>', true],
    ['compound that fails one part', 'img.x.y{display:none}', '<img id=t class=x>', false],
    ['descendant', '.w img{display:none}', '<div class=w><p><span><img id=t></span></p></div>', true],
    ['descendant without the ancestor', '.w img{display:none}', '<div class=v><img id=t></div>', false],
    ['child', '.w > img{display:none}', '<div class=w><img id=t></div>', true],
    ['child, not a grandchild', '.w > img{display:none}', '<div class=w><span><img id=t></span></div>', false],
    ['adjacent sibling', '.a + img{display:none}', '<p><b class=a></b><img id=t></p>', true],
    ['adjacent, not with an element between', '.a + img{display:none}', '<p><b class=a></b><i></i><img id=t></p>', false],
    ['general sibling', '.a ~ img{display:none}', '<p><b class=a></b><i></i><img id=t></p>', true],
    ['general sibling after, not before', '.a ~ img{display:none}', '<p><img id=t><b class=a></b></p>', false],
    ['chain of combinators', 'table .c > tr + tr td img{display:none}', '<table class=z><tbody class=c><tr><td></td></tr><tr><td><img id=t></td></tr></tbody></table>', true],
    ['chain that fails in its middle', 'table .c > tr + tr td img{display:none}', '<table><tbody class=c><tr><td><img id=t></td></tr></tbody></table>', false],
    ['descendant then sibling', '.w .a ~ img{display:none}', '<div class=w><p><b class=a></b><img id=t></p></div>', true],
    [':not()', 'img:not(.keep){display:none}', '<img id=t>', true],
    [':not() that excludes', 'img:not(.keep){display:none}', '<img id=t class=keep>', false],
    [':not() with a list', 'img:not(.a, .b){display:none}', '<img id=t class=b>', false],
    [':is()', ':is(.a, .b) img{display:none}', '<div class=b><img id=t></div>', true],
    [':where()', ':where(.a) img{display:none}', '<div class=a><img id=t></div>', true],
    ['selector list', '.nope, img{display:none}', '<img id=t>', true],
    [':first-child', 'img:first-child{display:none}', '<p><img id=t><img></p>', true],
    [':first-child, not the second', 'img:first-child{display:none}', '<p><img><img id=t></p>', false],
    [':nth-child(2)', 'img:nth-child(2){display:none}', '<p><img><img id=t></p>', true],
    [':nth-child(2n+1)', 'img:nth-child(2n+1){display:none}', '<p><img><img><img id=t></p>', true],
    [':nth-of-type(2)', 'img:nth-of-type(2){display:none}', '<p><img><b></b><img id=t></p>', true],
    [':first-of-type', 'img:first-of-type{display:none}', '<p><b></b><img id=t></p>', true],
    [':root', ':root img{display:none}', '<img id=t>', true],
    [':hover never matches a message at rest', 'img:hover{display:none}', '<img id=t>', false],
    [':not(:hover) does', 'img:not(:hover){display:none}', '<img id=t>', true],
    ['universal', '*{display:none}', '<img id=t>', true],
    ['escapes in a selector', '.\\31 23{display:none}', '<img id=t class=123>', true],
    ['a comment inside a compound', '.a/**/.b{display:none}', '<img id=t class="a b">', true],
    ['a comment between two type names is no selector', 'div/**/img{display:none}', '<div><img id=t></div>', false],
    ['an SVG element', 'image{display:none}', '<svg><image id=t href="x"/></svg>', true],
  ];
  for (const [name, css, body, expected] of cases) it(`${name}: ${css}`, () => expect(hidden(css, body)).toBe(expected));

  it('class and id are case-insensitive in quirks mode', () => {
    expect(computedById('<style>.X{display:none} #T2{opacity:0}</style><img id=t class=x><img id=t2>', true)).toMatchObject({ t: { display: 'none' }, t2: { opacity: '0' } });
  });
});

describe('selectors a pre-order walk cannot answer, and invalid ones', () => {
  const cases: Array<[string, string, string, boolean]> = [
    [':last-child applies (the walk counts the siblings that follow first)', 'img:last-child{display:none}', '<p><img id=t></p>', true],
    ['... not to an element a sibling follows', 'img:last-child{display:none}', '<p><img id=t><i></i></p>', false],
    [':only-child', 'img:only-child{display:none}', '<p><img id=t></p>', true],
    ['... not with a sibling after', 'img:only-child{display:none}', '<p><img id=t><b></b></p>', false],
    [':nth-last-child(1)', 'img:nth-last-child(1){display:none}', '<p><img id=t></p>', true],
    [':nth-last-child(2)', 'img:nth-last-child(2){display:none}', '<p><img id=t><i></i></p>', true],
    [':last-of-type past a sibling of another type', 'img:last-of-type{display:none}', '<p><img id=t><i></i></p>', true],
    ['... not before one of its type', 'img:last-of-type{display:none}', '<p><img id=t><img></p>', false],
    [':only-of-type', 'img:only-of-type{display:none}', '<p><i></i><img id=t><i></i></p>', true],
    [':nth-last-of-type(2)', 'img:nth-last-of-type(2){display:none}', '<p><img id=t><i></i><img></p>', true],
    [':not(:last-child)', 'img:not(:last-child){display:none}', '<p><img id=t><i></i></p>', true],
    ['an ancestor that is the last child', 'div:last-child img{display:none}', '<div></div><div><img id=t></div>', true],
    ['... and one that is not', 'div:last-child img{display:none}', '<div><img id=t></div><div></div>', false],
    ['the top-level element is its own last child', 'html:last-child img{display:none}', '<img id=t>', true],
    [':nth-last-child(An+B of S) is not applied', 'img:nth-last-child(1 of .x){display:none}', '<p><img id=t class=x></p>', false],
    [':empty is not applied', 'img:empty{display:none}', '<p><img id=t></p>', false],
    [':has() is not applied', 'p:has(img) img{display:none}', '<p><img id=t></p>', false],
    ['the other selectors of its list still are', 'img:empty, .x{display:none}', '<p><img id=t class=x></p>', true],
    ['a pseudo-element applies to it, not the element', 'img::before{display:none}', '<img id=t>', false],
    ['an unknown pseudo-class drops the whole list', '.x, img:frobnicate{display:none}', '<img id=t class=x>', false],
    ["jQuery's :contains() is no CSS: the whole list is dropped", '.x, p:contains(a){display:none}', '<img id=t class=x>', false],
    ['a descendant inside :not() is applied, its walk charged to the match budget', 'img:not(.a .b){display:none}', '<img id=t>', true],
    ['... and answers false for an element it names', 'img:not(.a img){display:none}', '<div class=a><img id=t></div>', false],
    ['a bad nth formula drops the list', '.x, img:nth-child(foo){display:none}', '<img id=t class=x>', false],
    ['a selector ending in a combinator drops the list', '.x, img >{display:none}', '<img id=t class=x>', false],
  ];
  for (const [name, css, body, expected] of cases) it(`${name}: ${css}`, () => expect(hidden(css, body)).toBe(expected));
});

describe('the cascade: importance, inline, layers, specificity, order', () => {
  const t = (css: string, attrs = ''): string | undefined => computedById(`<!doctype html><style>${css}</style><img id=t class="a b" ${attrs}>`).t?.display;
  it('higher specificity wins over order', () => expect(t('#t{display:none} .a{display:block}')).toBe('none'));
  it('two classes beat one', () => expect(t('.a.b{display:none} .a{display:block}')).toBe('none'));
  it('an id beats any number of classes', () => expect(t('#t{display:none} .a.b.a.b.a.b.a.b.a.b.a.b{display:block}')).toBe('none'));
  it('a class beats a type', () => expect(t('.a{display:none} img{display:block}')).toBe('none'));
  it(':where() adds nothing', () => expect(t(':where(#t){display:none} img{display:block}')).toBe('block'));
  it(':is() adds its most specific argument', () => expect(t(':is(#t, img){display:none} .a.b{display:block}')).toBe('none'));
  it(':not() adds its argument', () => expect(t('img:not(#x){display:none} img.a{display:block}')).toBe('none'));
  it('equal specificity: the later rule wins', () => expect(t('.a{display:none} .b{display:block}')).toBe('block'));
  it('the later of two <style> elements wins', () => expect(computedById('<style>.a{display:none}</style><style>.a{display:block}</style><img id=t class=a>').t.display).toBe('block'));
  it('the most specific selector of a list counts', () => expect(t('img, #t{display:none} .a.b{display:block}')).toBe('none'));
  it('inline style beats any rule', () => expect(t('#t{display:none}', 'style="display:block"')).toBe('block'));
  it('an !important rule beats inline style', () => expect(t('img{display:none !important}', 'style="display:block"')).toBe('none'));
  it('inline !important beats an !important rule', () => expect(t('#t{display:none !important}', 'style="display:block !important"')).toBe('block'));
  it('an !important of lower specificity beats a normal one', () => expect(t('img{display:none!important} #t{display:block}')).toBe('none'));
  it('two !important: specificity decides', () => expect(t('img{display:none!important} #t{display:block!important}')).toBe('block'));
  it('inside one rule, a later declaration wins, unless an earlier one is !important', () => {
    expect(t('.a{display:none; display:block}')).toBe('block');
    expect(t('.a{display:none!important; display:block}')).toBe('none');
  });
  it('an invalid value is dropped and does not override', () => expect(t('.a{display:none} #t{display:bogus}')).toBe('none'));
  it('an unlayered rule beats a layered one of higher specificity', () => expect(t('@layer x { #t{display:block} } .a{display:none}')).toBe('none'));
  it('a later layer beats an earlier one', () => expect(t('@layer one { #t{display:block} } @layer two { img{display:none} }')).toBe('none'));
  it('layer order is the order of first mention', () => expect(t('@layer two, one; @layer one { img{display:none} } @layer two { #t{display:block} }')).toBe('none'));
  it('!important reverses layer order: an earlier layer wins, and beats unlayered', () => {
    expect(t('@layer one { img{display:none!important} } @layer two { #t{display:block!important} }')).toBe('none');
    expect(t('@layer one { img{display:none!important} } #t{display:block!important}')).toBe('none');
  });
  it('the inline argument replaces the style attribute', () => {
    const tree = specTree.document('<style>.a{display:none}</style><img class=a style="display:block">');
    const cascade = compileCascade(tree?.styles ?? []);
    let img: ElementContext | undefined;
    const stack: ElementContext[] = [];
    tree?.walk({
      enter: (el) => {
        const ctx = enterElement(el, stack[stack.length - 1] ?? null, null);
        stack.push(ctx);
        if (el.name === 'img') img = ctx;
      },
      leave: () => void stack.pop(),
      comment: () => undefined,
    });
    expect(cascade.computed(img as ElementContext).get('display')).toBe('block');
    expect(cascade.computed(img as ElementContext, '').get('display')).toBe('none');
  });
});

describe('which rules are kept', () => {
  it('only relevant properties, shorthands as their longhands', () => {
    expect(computedById('<style>.a{color:red; margin:-2000px 0 0; width:1px; inset:-900px auto auto; font:x}</style><img id=t class=a>').t).toEqual({
      'margin-top': '-2000px',
      'margin-left': '0',
      width: '1px',
      top: '-900px',
      right: 'auto',
      bottom: 'auto',
      left: 'auto',
    });
  });
  it('a sheet with nothing relevant is empty, and so is one of irrelevant rules only', () => {
    expect(compileCascade([{ css: 'a{color:red} @font-face{font-family:x}', start: 0 }]).empty).toBe(true);
    // font-size is relevant (em sizes follow it), so is the font shorthand: not among these.
    expect(compileCascade([{ css: 'a{color:red; letter-spacing:12px; border-top:1px solid}', start: 0 }]).empty).toBe(true);
    // A font size alone leaves the cascade empty: its rules are kept apart, read when an em asks.
    expect(compileCascade([{ css: 'a{font:0/0 a}', start: 0 }]).empty).toBe(true);
    expect(compileCascade([{ css: 'a{font:0/0 a}', start: 0 }]).fontSize(enterElement({ name: 'a', namespace: 'html', attrs: {}, start: 0 }, null, null))).toBe('0');
    expect(compileCascade([]).empty).toBe(true);
    expect(compileCascade([{ css: 'a{disp\\6c ay:none}', start: 0 }]).empty).toBe(false);
  });
  it('an escaped property name is read', () => expect(hidden('.a{disp\\6c ay:none}', '<img id=t class=a>')).toBe(true));
  it('@supports blocks are applied when Chromium meets the condition (css-supports.ts); @container and @scope blocks are not applied', () => {
    expect(hidden('@supports (display:grid) { img{display:none} }', '<img id=t>')).toBe(true);
    expect(hidden('@supports (-webkit-overflow-scrolling:touch) { img{display:none} }', '<img id=t>')).toBe(false);
    expect(hidden('@supports selector(:has(a)) { img{display:none} }', '<img id=t>')).toBe(false);
    expect(hidden('@container (min-width: 1px) { img{display:none} }', '<img id=t>')).toBe(false);
    expect(hidden('@scope (body) { img{display:none} }', '<img id=t>')).toBe(false);
  });
  it('rules nested in a style rule apply relative to it (css-nesting.ts), and the declarations after them are read', () => {
    expect(computedById('<style>.a{ .b{display:none} img{visibility:hidden} opacity:0 }</style><div class=a><img id=t class=b></div><img id=u class=a>')).toEqual({ t: { display: 'none', visibility: 'hidden' }, u: { opacity: '0' } });
  });
  it('nested selectors with &, relative combinators, lists and nested @media', () => {
    expect(
      computedById('<style>.a{ &.b{display:none} > i{opacity:0} .c, .d{visibility:hidden} @media screen{ opacity:0 } }</style><div class=a><img id=t class=b><i id=v></i><p><i id=w></i></p><img id=x class=d></div><img id=u class="a b">'),
    ).toEqual({
      t: {},
      u: { display: 'none', opacity: '0' },
      v: { opacity: '0' },
      w: {},
      x: { visibility: 'hidden' },
    });
  });
  it('nesting that would grow geometrically is cut off', () => {
    const css = `${'a{& & & &{'.repeat(30)}display:none${'}'.repeat(30)}`;
    expect(hidden(css, '<a><a><a><img id=t></a></a></a>')).toBe(false);
  });
  it('a rule left open at the end of the sheet still applies (CSS Syntax closes it)', () => expect(hidden('img{display:none', '<img id=t>')).toBe(true));
  it('HTML comment markers in a sheet are ignored', () => expect(hidden('<!-- img{display:none} -->', '<img id=t>')).toBe(true));
});

describe('@media as a desktop mail client on a 1280x720 screen', () => {
  const cases: Array<[string, boolean]> = [
    ['@media (max-width: 600px)', false],
    ['@media only screen and (max-width:600px)', false],
    ['@media screen and (min-width: 601px)', true],
    ['@media (min-width: 40em)', true],
    ['@media (width >= 1000px)', true],
    ['@media (400px <= width <= 700px)', false],
    ['@media (1000px < width < 1300px)', true],
    ['@media (max-device-width: 480px)', false],
    ['@media screen', true],
    ['@media all', true],
    ['@media print', false],
    ['@media not print', true],
    ['@media not screen', false],
    ['@media print, (min-width: 100px)', true],
    ['@media (orientation: landscape)', true],
    ['@media (orientation: portrait)', false],
    ['@media (prefers-color-scheme: dark)', false],
    ['@media (prefers-color-scheme: light)', true],
    ['@media (-webkit-min-device-pixel-ratio: 2)', false],
    ['@media (min-resolution: 2dppx)', false],
    ['@media (hover: hover) and (pointer: fine)', true],
    ['@media (scripting: enabled)', false],
    ['@media (not (max-width: 600px))', true],
    ['@media ((max-width: 600px) or (min-width: 1200px))', true],
    ['@media (frobnicate: 1)', false],
    ['@media tv', false],
    ['@media screen and', false],
    ['@media', true],
    ['@media (min-aspect-ratio: 16/9)', true],
    ['@media (max-aspect-ratio: 1/1)', false],
  ];
  for (const [query, applies] of cases) it(`${query} ${applies ? 'applies' : 'does not apply'}`, () => expect(hidden(`${query} { img{display:none} }`, '<img id=t>')).toBe(applies));
  it('nested @media blocks all have to match', () => {
    expect(hidden('@media screen { @media (max-width: 600px) { img{display:none} } }', '<img id=t>')).toBe(false);
    expect(hidden('@media screen { @media (min-width: 600px) { img{display:none} } }', '<img id=t>')).toBe(true);
  });
});

describe('the pre-check skips only what cannot matter', () => {
  // Pieces of CSS without any relevant name; the property puts them together at random.
  const pieces = ['a', '.c', '#i', '{', '}', ':', ';', 'color', 'red', 'letter-spacing', '12px', '@media', '@layer x', '(', ')', '"s"', '/*', '*/', ' ', 'img', '!important', 'border', 'padding', 'z-index', '--v', 'var(', ',', '\n'];
  const sheet = fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((p) => p.join(''));
  it('a sheet the pre-check skips has no relevant rule (2,000 generated sheets)', () => {
    fc.assert(
      fc.property(sheet, (css) => {
        expect(MAY_BE_RELEVANT.test(css)).toBe(false);
        expect(sheetRules(css).rules).toEqual([]);
        expect(parseDeclarations(css, isRelevant)).toEqual([]);
        // The compile also keeps custom properties, for var(): only a sheet with `--` can have one.
        if (!css.includes('--')) expect(sheetRules(css, isKept).rules).toEqual([]);
      }),
      { seed: 20261201, numRuns: 2000 },
    );
  });
  it('and the pre-check lets through every relevant name, however it is written', () => {
    for (const css of ['a{DISPLAY:none}', 'a{Margin:0}', 'a{inset:0}', 'a{d\\69splay:none}', 'a{max-HEIGHT:0}']) {
      expect(MAY_BE_RELEVANT.test(css)).toBe(true);
      expect(sheetRules(css).rules.length).toBe(1);
    }
  });
});

describe('var() is substituted from custom properties', () => {
  const t = (html: string) => computedById(`<!doctype html>${html}`).t;
  it('from the same inline style', () => expect(t('<img id=t style="--h:none; display:var(--h)">')).toEqual({ display: 'none' }));
  it('inherited from an ancestor inline style', () => expect(t('<div style="--h:NONE"><p><img id=t style="display:var(--h)"></p></div>')).toEqual({ display: 'none' }));
  it('from a :root rule', () => expect(t('<style>:root{--h:none}</style><img id=t style="display:var(--h)">')).toEqual({ display: 'none' }));
  it('in a rule, from a class rule on an ancestor', () => expect(t('<style>.w{--o:0} img{opacity:var(--o)}</style><div class=w><img id=t></div>')).toEqual({ opacity: '0' }));
  it('a nearer ancestor wins', () => expect(t('<div style="--h:none"><div style="--h:block"><img id=t style="display:var(--h)"></div></div>')).toEqual({ display: 'block' }));
  it('the fallback when the property is not set', () => expect(t('<img id=t style="display:var(--nope, none)">')).toEqual({ display: 'none' }));
  it('nested references', () => expect(t('<div style="--a:var(--b); --b:-9999px"><img id=t style="margin-left:var(--a)"></div>')).toEqual({ 'margin-left': '-9999px' }));
  it('a shorthand with var() expands once substituted', () => expect(t('<img id=t style="--m:-2000px 0 0 -3000px; margin:var(--m)">')).toEqual({ 'margin-top': '-2000px', 'margin-left': '-3000px' }));
  it('names are case-sensitive', () => expect(t('<img id=t style="--H:none; display:var(--h)">')).toEqual({}));
  it('not set and no fallback: left out (unset)', () => expect(t('<img id=t style="display:none; display:var(--nope)">')).toEqual({}));
  it('invalid once substituted: left out', () => expect(t('<img id=t style="--h:bogus; display:var(--h)">')).toEqual({}));
  it('properties in a cycle are invalid, so the fallback applies', () => {
    expect(t('<img id=t style="--a:var(--b); --b:var(--a); display:var(--a, none)">')).toEqual({ display: 'none' });
    expect(t('<img id=t style="--a:var(--b); --b:var(--a); display:var(--a)">')).toEqual({});
  });
  it('custom properties that double at each step are cut off, not expanded 2^40 times', () => {
    const chain = Array.from({ length: 40 }, (_, i) => (i === 0 ? '--a0:x' : `--a${i}:var(--a${i - 1}) var(--a${i - 1})`)).join(';');
    expect(t(`<img id=t style="${chain}; display:var(--a39)">`)).toEqual({});
  });
  it('!important on a custom property is its flag, not part of its value', () => expect(t('<img id=t style="--h:none !important; display:var(--h)">')).toEqual({ display: 'none' }));
});

describe('cascade: a bounded amount of selector matching per document', () => {
  it('10,000 rules `.cN ~ img` over 10,000 siblings stop applying at the budget instead of taking 10^8 answers (4 GB)', async () => {
    const { extractResources } = await import('../src/html/extract-resources.js');
    const { MATCH_BUDGET } = await import('../src/html/selector-match.js');
    const r = 10_000;
    const rules = Array.from({ length: r }, (_, i) => `.c${i} ~ img{width:5px}`).join('');
    const html = `<style>${rules}</style>${'<i class=q></i>'.repeat(r)}<img src="https://x.example/o.gif" width=1 height=1>`;
    const before = process.memoryUsage().heapUsed;
    const out = extractResources(html);
    // The combinator rules are left out past the budget: the attribute's size stands.
    expect(out.resources.map((x) => x.width)).toEqual([1]);
    // Each memoised answer is a Map entry: the budget bounds what the document can hold.
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(MATCH_BUDGET * 200);
    // Under the budget the same rules apply as Chromium applies them.
    const small = `<style>.c1 ~ img{width:5px}</style><i class=c1></i><i></i><img src="https://x.example/o.gif" width=1 height=1>`;
    expect(extractResources(small).resources.map((x) => x.width)).toEqual([5]);
  }, 60_000);

  // An attacker's 76 KB: 250 rules `.cN ~ i` over 10,000 <i> spend the budget, so that the rule
  // hiding the pixel would never be matched and the 600x400 image would read as a visible picture.
  // Styles are resolved only for elements on the path of a load (document-walk.ts), so each <i>
  // holds an image: empty ones are never matched and spend nothing.
  const PAD = '<i><img src="https://cdn.shop.example/s.png"></i>';
  const exhausting = (pixel: string, pads = 10_000): string => {
    const rules = Array.from({ length: 250 }, (_, i) => `.c${i} ~ i{color:red;display:inline}`).join('');
    return `<style>${rules} .w img{display:none}</style><div>${PAD.repeat(pads)}</div>${pixel}`;
  };
  const pixelOf = <T extends { url: string }>(resources: readonly T[]): T[] => resources.filter((r) => r.url.includes('banner.png'));
  const PIXEL = '<div class=w><img src="https://cdn.shop.example/img/banner.png?u=8f3a9c2e71b44d0a9e5f7c1d" width=600 height=400></div>';

  it('past the budget, every element judged after errs towards hidden (unknown-cascade)', async () => {
    const { extractResources } = await import('../src/html/extract-resources.js');
    const out = extractResources(exhausting(PIXEL));
    expect(pixelOf(out.resources).map((x) => [x.hiddenBy, x.hiddenDetail])).toEqual([['unknown-cascade', 'the style sheets were too costly to apply in full']]);
    // Under the budget the same markup is judged by the rule itself.
    const small = exhausting(PIXEL, 10);
    expect(pixelOf(extractResources(small).resources).map((x) => x.hiddenBy)).toEqual(['display-none']);
    // And a visible image under the budget stays visible: the verdict is the budget's, not the rules'.
    const visible = small.replace(' .w img{display:none}', '');
    expect(pixelOf(extractResources(visible).resources).map((x) => x.hiddenBy)).toEqual([undefined]);
  }, 60_000);

  it('the message that exhausts it is tracked, and the finding says why the image counts as hidden', async () => {
    const { analyseMessage } = await import('../src/engine/analyse-message.js');
    const { detector, htmlMessage } = await import('./helpers.js');
    const r = await analyseMessage('exhaust.eml', htmlMessage(exhausting(PIXEL)), detector());
    expect(r).toMatchObject({ error: null, tracked: true });
    expect(JSON.stringify(r.findings)).toContain('the style sheets were too costly to apply in full');
  }, 60_000);
});
