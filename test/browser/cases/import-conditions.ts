import type { LoadCase } from '../load-case.js';

const sheet = (css: string): string => `<style>${css}</style><img src="{{O}}/ctl.png">`;

/**
 * `@import` conditions (CSS Cascade 5 `<import-conditions>`) as Chromium 150 fetches them: a
 * media list never stops the fetch; `supports()` drops the rule when it parses neither as a
 * declaration nor as a condition, and a condition that parses is fetched true or false (it only
 * decides whether the sheet applies); a declaration of a property other than a custom one loads
 * only if Chromium knows the property and value, which pixelaudit cannot tell, so it is listed
 * as a may-load (`mayLoad`: Chromium may or may not request it). src/html/css-import-conditions.ts.
 */
export const IMPORT_CONDITIONS: LoadCase[] = [
  {
    id: 'import-supports-empty-dropped',
    why: '`supports()` is neither a declaration nor a condition: the @import is invalid and not fetched',
    html: sheet('@import url({{O}}/ic-empty.css) supports();'),
    loads: ['{{O}}/ctl.png'],
  },
  {
    id: 'import-supports-bare-ident-dropped',
    why: '`supports(display)`: an identifier with no colon is no declaration, and a condition cannot start with it',
    html: sheet('@import url({{O}}/ic-ident.css) supports(display);'),
    loads: ['{{O}}/ctl.png'],
  },
  {
    id: 'import-supports-string-dropped',
    why: 'a string is no supports condition: not fetched',
    html: sheet('@import url({{O}}/ic-string.css) supports("x");'),
    loads: ['{{O}}/ctl.png'],
  },
  {
    id: 'import-supports-dangling-and-dropped',
    why: '`(a) and` with nothing after: the condition does not parse',
    html: sheet('@import url({{O}}/ic-and.css) supports((display:block) and);'),
    loads: ['{{O}}/ctl.png'],
  },
  {
    id: 'import-supports-not-alone-dropped',
    why: '`not` with no operand does not parse, nor does `not not (a)`',
    html: sheet('@import url({{O}}/ic-not.css) supports(not); @import url({{O}}/ic-notnot.css) supports(not not (display:block));'),
    loads: ['{{O}}/ctl.png'],
  },
  {
    id: 'import-supports-custom-property-semicolon-dropped',
    why: 'a custom property whose value holds a top-level `;` is no declaration',
    html: sheet('@import url({{O}}/ic-semi.css) supports(--x: a;b);'),
    loads: ['{{O}}/ctl.png'],
  },
  {
    id: 'import-supports-escaped-name-dropped',
    why: '`supp\\6frts(` is the supports() function once the escape is decoded: its empty declaration drops the rule',
    html: sheet('@import url({{O}}/ic-escaped.css) supp\\6frts(display:);'),
    loads: ['{{O}}/ctl.png'],
  },
  {
    id: 'import-supports-url-string-form-dropped',
    why: 'the conditions after `url("x")` are read after its closing parenthesis',
    html: sheet('@import url("{{O}}/ic-urlstr.css") supports();'),
    loads: ['{{O}}/ctl.png'],
  },
  {
    id: 'import-supports-at-end-of-sheet-dropped',
    why: 'the end of the sheet closes the @import as a `;` would: its supports() is still read',
    html: sheet('@import url({{O}}/ic-eof.css) supports(display)'),
    loads: ['{{O}}/ctl.png'],
  },
  {
    id: 'import-supports-false-condition-fetched',
    why: 'a condition that parses is fetched even when false: `not (display:block)` loads',
    html: sheet('@import url({{O}}/ic-false.css) supports(not (display:block));'),
    loads: ['{{O}}/ic-false.css', '{{O}}/ctl.png'],
  },
  {
    id: 'import-supports-unknown-properties-in-parens-fetched',
    why: '`(foo:bar) and (bar:baz)` parses as a condition (false): fetched',
    html: sheet('@import url({{O}}/ic-parens.css) supports((foo:bar) and (bar:baz));'),
    loads: ['{{O}}/ic-parens.css', '{{O}}/ctl.png'],
  },
  {
    id: 'import-supports-condition-prefix-fetched',
    why: 'only the beginning of the condition must parse: `(a)(b)`, `(a) foo` and a function operand load',
    html: sheet('@import url({{O}}/ic-p1.css) supports((display:block)(display:flex)); @import url({{O}}/ic-p2.css) supports((display:block) foo); @import url({{O}}/ic-p3.css) supports(foo(!!));'),
    loads: ['{{O}}/ic-p1.css', '{{O}}/ic-p2.css', '{{O}}/ic-p3.css', '{{O}}/ctl.png'],
  },
  {
    id: 'import-supports-custom-property-fetched',
    why: 'a custom property declaration is always valid (an empty value too)',
    html: sheet('@import url({{O}}/ic-custom.css) supports(--x: 1); @import url({{O}}/ic-custom-empty.css) supports(--y:);'),
    loads: ['{{O}}/ic-custom.css', '{{O}}/ic-custom-empty.css', '{{O}}/ctl.png'],
  },
  {
    id: 'import-supports-unknown-property-may-load',
    why: 'Chromium drops `supports(foo:bar)` and `supports(display:bogus)` because it does not know the property or value; pixelaudit has no such table and lists them as may-loads',
    html: sheet('@import url({{O}}/ic-foo.css) supports(foo:bar); @import url({{O}}/ic-bogus.css) supports(display:bogus);'),
    loads: ['{{O}}/ctl.png'],
    mayLoad: ['{{O}}/ic-foo.css', '{{O}}/ic-bogus.css'],
  },
  {
    id: 'import-supports-new-property-may-load',
    why: 'Chromium 150 knows `corner-shape` (known-css-properties 0.37 does not) and fetches: a table of properties would have missed it, so a declaration is a may-load',
    html: sheet('@import url({{O}}/ic-corner.css) supports(corner-shape: round); @import url({{O}}/ic-flex.css) supports(display:flex);'),
    loads: ['{{O}}/ctl.png'],
    mayLoad: ['{{O}}/ic-corner.css', '{{O}}/ic-flex.css'],
  },
  {
    id: 'import-layer-then-supports-dropped',
    why: 'after `layer`, `layer(a.b)` or `LAYER( a )` the supports() is read: empty, the rule is dropped',
    html: sheet('@import url({{O}}/ic-l1.css) layer supports(); @import url({{O}}/ic-l2.css) layer(a.b) supports(); @import url({{O}}/ic-l3.css) LAYER( a ) supports();'),
    loads: ['{{O}}/ctl.png'],
  },
  {
    id: 'import-layer-not-a-name-fetched',
    why: '`layer(a.1)` and `layer()` are no layer names: read as media queries with what follows, so the supports() after them is not read and the sheet loads',
    html: sheet('@import url({{O}}/ic-ln1.css) layer(a.1) supports(); @import url({{O}}/ic-ln2.css) layer() supports();'),
    loads: ['{{O}}/ic-ln1.css', '{{O}}/ic-ln2.css', '{{O}}/ctl.png'],
  },
  {
    id: 'import-supports-after-media-fetched',
    why: 'a supports() after a media query is part of the media list: `screen supports()` loads',
    html: sheet('@import url({{O}}/ic-media.css) screen supports();'),
    loads: ['{{O}}/ic-media.css', '{{O}}/ctl.png'],
  },
  {
    id: 'import-media-list-never-stops-fetch',
    why: 'no media list stops the fetch, not even an invalid one (`!!`, `foo(bar)`, `not all`)',
    html: sheet('@import url({{O}}/ic-m1.css) !!; @import url({{O}}/ic-m2.css) foo(bar); @import url({{O}}/ic-m3.css) not all;'),
    loads: ['{{O}}/ic-m1.css', '{{O}}/ic-m2.css', '{{O}}/ic-m3.css', '{{O}}/ctl.png'],
  },
  {
    id: 'import-with-block-dropped',
    why: 'an @import with a block is invalid and not fetched; it does not end the place for imports: the next one loads',
    html: sheet('@import url({{O}}/ic-block.css) screen {} @import url({{O}}/ic-after-block.css);'),
    loads: ['{{O}}/ic-after-block.css', '{{O}}/ctl.png'],
  },
  {
    id: 'import-dropped-keeps-later-imports',
    why: 'a dropped @import leaves the next one valid',
    html: sheet('@import url({{O}}/ic-d1.css) supports(); @import url({{O}}/ic-d2.css);'),
    loads: ['{{O}}/ic-d2.css', '{{O}}/ctl.png'],
  },
];
