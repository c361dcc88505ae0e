import type { LoadCase } from '../load-case.js';

/**
 * Which style sheets Chromium fetches from, as against which it applies: the rule is "list what
 * is fetched" (an @import loads with its sheet even where the sheet does not apply), and a url()
 * of a rule loads only where the rule applies, which the list may include (mayLoad).
 */
export const STYLE_SHEETS: LoadCase[] = [
  {
    id: 'sheet-style-media-print',
    why: 'a <style media=print> is fetched with its @import (Chromium 150 requests it) but never applied: its url()s load nothing',
    html: '<style media="print">@import url({{O}}/sp-import.css); div{background:url({{O}}/sp-bg.png)}</style><div>x</div><img src="{{O}}/ctl.png">',
    loads: ['{{O}}/sp-import.css', '{{O}}/ctl.png'],
  },
  {
    id: 'sheet-style-type-unknown-import',
    why: 'Chromium 150 fetches the @import of a <style> whose type is not CSS',
    html: '<style type="text/x-not-css">@import url({{O}}/st-import.css);</style><img src="{{O}}/ctl.png">',
    loads: ['{{O}}/st-import.css', '{{O}}/ctl.png'],
  },
  {
    id: 'sheet-style-title-alternate',
    why: 'a second titled <style> is an alternate sheet: Chromium fetches its @import but does not apply it; pixelaudit still lists its url() (known gap: titled sets are not told apart)',
    html: '<style title="main">p{color:red}</style><style title="alt">@import url({{O}}/stt-import.css); div{background:url({{O}}/stt-bg.png)}</style><div>x</div><img src="{{O}}/ctl.png">',
    loads: ['{{O}}/stt-import.css', '{{O}}/ctl.png'],
    mayLoad: ['{{O}}/stt-bg.png'],
  },
  {
    id: 'sheet-import-after-unknown-at-rule',
    why: 'an unknown at-rule is dropped by the parser and leaves the @import after it valid: fetched',
    html: '<style>@foo bar; @import url({{O}}/after-unknown.css);</style><img src="{{O}}/ctl.png">',
    loads: ['{{O}}/after-unknown.css', '{{O}}/ctl.png'],
  },
  {
    id: 'sheet-import-after-unknown-block-at-rule',
    why: 'an unknown at-rule with a block is dropped too: the @import after it is fetched',
    html: '<style>@foo { x: y } @import url({{O}}/after-unknown-block.css);</style><img src="{{O}}/ctl.png">',
    loads: ['{{O}}/after-unknown-block.css', '{{O}}/ctl.png'],
  },
  {
    id: 'sheet-import-after-invalid-style-rule',
    why: 'a style rule with an invalid selector is dropped: the @import after it is fetched',
    html: '<style>!!{color:red} @import url({{O}}/after-invalid-rule.css);</style><img src="{{O}}/ctl.png">',
    loads: ['{{O}}/after-invalid-rule.css', '{{O}}/ctl.png'],
  },
  {
    id: 'sheet-import-after-namespace',
    why: '@import after a valid @namespace is invalid: not fetched',
    html: '<style>@namespace svg url(http://www.w3.org/2000/svg); @import url({{O}}/after-namespace.css);</style><img src="{{O}}/ctl.png">',
    loads: ['{{O}}/ctl.png'],
  },
  {
    id: 'sheet-namespace-url',
    why: 'the URL of @namespace names a namespace and is never fetched',
    html: '<style>@namespace url({{O}}/namespace); @namespace x url("{{O}}/namespace-x");</style><img src="{{O}}/ctl.png">',
    loads: ['{{O}}/ctl.png'],
  },
  {
    id: 'sheet-supports-url',
    why: 'a url() in an @supports condition is not fetched; the rule inside applies',
    html: '<style>@supports (background: url({{O}}/supports-cond.png)) { div { background: url({{O}}/supports-bg.png) } }</style><div>x</div><img src="{{O}}/ctl.png">',
    loads: ['{{O}}/supports-bg.png', '{{O}}/ctl.png'],
  },
  {
    id: 'sheet-unknown-at-rule-url',
    why: 'an unknown at-rule loads nothing, in its prelude or its block',
    html: '<style>@foo url({{O}}/unknown-prelude.png) { div { background: url({{O}}/unknown-block.png) } }</style><div>x</div><img src="{{O}}/ctl.png">',
    loads: ['{{O}}/ctl.png'],
  },
];
