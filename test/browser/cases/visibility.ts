import type { VisibilityCase } from '../visibility-case.js';
import { CSS_HIDING } from './visibility-css.js';
import { SELECTOR_CASES } from './visibility-selectors.js';
import { UA_HIDDEN } from './visibility-ua.js';
import { MOVED_CLIPPED } from './visibility-moved-clipped.js';
import { MASKS } from './visibility-masks.js';
import { SVG_CONTAINERS } from './visibility-svg.js';
import { REVIEW_P3 } from './visibility-review-p3.js';
import { REVIEW_P5 } from './visibility-review-p5.js';

/** Hidden and size verdicts: every img here has its own URL. The fixture PNG is 40x20. */
const DECLARED: VisibilityCase[] = [
  {
    id: 'visible-with-attributes',
    why: 'the control: a visible image of declared size',
    html: '<img src="{{O}}/v-plain.png" width="40" height="20">',
    declared: ['width', 'height'],
  },
  {
    id: 'visible-no-size',
    why: 'no declared size: nothing to compare but the verdict',
    html: '<img src="{{O}}/v-nosize.png">',
  },
  {
    id: 'hidden-by-ancestor-display-none',
    why: 'display:none on an ancestor hides the image',
    html: '<div style="display:none"><p><img src="{{O}}/v-anc-none.png"></p></div>',
  },
  {
    id: 'hidden-by-style-block-class',
    why: 'a class rule from <style> hides the ancestor',
    html: '<style>.gone{display:none}</style><div class="gone"><img src="{{O}}/v-class.png"></div><img src="{{O}}/v-class-ctl.png">',
  },
  {
    id: 'hidden-by-style-block-id',
    why: 'an id rule from <style> hides the image itself',
    html: '<style>#px{visibility:hidden}</style><img id="px" src="{{O}}/v-id.png"><img src="{{O}}/v-id-ctl.png">',
  },
  {
    id: 'hidden-by-important-rule',
    why: 'a <style> rule with !important beats an inline style',
    html: '<style>img.p{display:none!important}</style><img class="p" style="display:inline" src="{{O}}/v-important.png">',
  },
  {
    id: 'style-block-print-media-not-applied',
    why: 'a hiding rule under @media print does not apply on screen',
    html: '<style>@media print{.pr{display:none}}</style><img class="pr" src="{{O}}/v-print.png">',
  },
  {
    id: 'class-selector-case-in-quirks-mode',
    why: 'without a doctype (quirks mode, as much mail is) class selectors match case-insensitively',
    html: '<style>.Hide{display:none}</style><img class="hide" src="{{O}}/v-quirks.png">',
  },
  {
    id: 'class-selector-case-in-standards-mode',
    why: 'with <!doctype html> class selectors are case-sensitive',
    html: '<!doctype html><style>.Hide{display:none}</style><img class="hide" src="{{O}}/v-standards.png">',
  },
  {
    id: 'visibility-hidden-ancestor',
    why: 'visibility:hidden on an ancestor hides the image',
    html: '<div style="visibility:hidden"><img src="{{O}}/v-vis-anc.png"></div>',
  },
  {
    id: 'visibility-hidden-overridden-by-child',
    why: 'visibility is inherited but a child may set it back to visible',
    html: '<div style="visibility:hidden"><span style="visibility:visible"><img src="{{O}}/v-vis-child.png"></span></div>',
  },
  {
    id: 'visibility-hidden-overridden-on-img',
    why: 'the image itself may set visibility back to visible',
    html: '<div style="visibility:hidden"><img style="visibility:visible" src="{{O}}/v-vis-self.png"></div>',
  },
  {
    id: 'opacity-zero-ancestor',
    why: 'opacity:0 on an ancestor hides the image (a child cannot undo it)',
    html: '<div style="opacity:0"><img style="opacity:1" src="{{O}}/v-opacity.png"></div>',
  },
  {
    id: 'hidden-attribute-on-img',
    why: 'the hidden attribute hides the element',
    html: '<img hidden src="{{O}}/v-hidden-attr.png"><img src="{{O}}/v-hidden-attr-ctl.png">',
  },
  {
    id: 'hidden-attribute-overridden-by-css',
    why: 'the hidden attribute is only a default display:none: CSS display overrides it',
    html: '<img hidden style="display:inline" src="{{O}}/v-hidden-css.png">',
  },
  {
    id: 'foster-parented-out-of-hidden-table',
    why: 'an img directly in a hidden <table> is foster-parented before it: it is not inside the table, and visible',
    html: '<table style="display:none"><img src="{{O}}/v-fostered.png"><tr><td><img src="{{O}}/v-in-cell.png"></td></tr></table>',
  },
  {
    id: 'div-self-closing-hides-what-follows',
    why: '`<div style="display:none"/>` does not close: the img after it is inside the hidden div',
    html: '<div style="display:none"/><img src="{{O}}/v-div-slash.png">',
  },
  {
    id: 'reconstructed-formatting-element-hides',
    why: 'an open <b style="display:none"> is reconstructed in the next paragraph: the img lands inside a hidden copy',
    html: '<p><b style="display:none">x</p><p><img src="{{O}}/v-reconstructed.png"></p>',
  },
  {
    id: 'zero-height-wrapper',
    why: 'a 0-height wrapper with overflow:hidden clips the image away',
    html: '<div style="height:0;overflow:hidden"><img src="{{O}}/v-zero-wrapper.png" width="40" height="20"></div>',
    declared: ['width', 'height'],
  },
  {
    id: 'off-screen-absolute',
    why: 'an absolutely positioned ancestor far to the left puts the image off the page',
    html: '<div style="position:absolute;left:-9999px"><img src="{{O}}/v-offscreen.png"></div>',
  },
  {
    id: 'off-screen-text-indent',
    why: 'a large negative text-indent pushes an inline image off the page',
    html: '<div style="text-indent:-9999px"><img src="{{O}}/v-indent.png"></div>',
  },
  {
    id: 'width-attribute-with-px',
    why: 'dimension attributes are parsed by the HTML rules: "1px" is 1 (parsing stops at the first non-digit)',
    html: '<img src="{{O}}/v-1px.png" width="1px" height="1px">',
    declared: ['width', 'height'],
  },
  {
    id: 'width-attribute-trailing-junk',
    why: '"1abc" is 1 by the same rules',
    html: '<img src="{{O}}/v-1abc.png" width="1abc" height="1abc">',
    declared: ['width', 'height'],
  },
  {
    id: 'width-attribute-leading-space-and-fraction',
    why: 'leading whitespace is skipped and a fraction kept: " 2.5" is 2.5',
    html: '<img src="{{O}}/v-fraction.png" width=" 2.5" height="30">',
    declared: ['width', 'height'],
  },
  {
    id: 'width-attribute-negative-ignored',
    // Not `declared`: the markup sets no size (the rules for parsing dimension values fail on a
    // sign), so pixelaudit must report none; any size it did report (5, -5) is compared with
    // Chromium's natural 40x20 and fails, and so does a tiny verdict.
    why: 'a negative dimension is an error: no size is declared and the image keeps its natural size (40x20)',
    html: '<img src="{{O}}/v-negative.png" width="-5" height="-5">',
  },
  {
    id: 'width-attribute-zero',
    why: 'width="0" is a zero-width image: tiny',
    html: '<img src="{{O}}/v-zero.png" width="0" height="0">',
    declared: ['width', 'height'],
  },
  {
    id: 'css-size-overrides-attributes',
    why: 'CSS width/height override the attributes (presentational hints lose to author CSS)',
    html: '<img src="{{O}}/v-css-over.png" width="1" height="1" style="width:40px;height:20px">',
    declared: ['width', 'height'],
  },
  {
    id: 'css-size-from-style-block-overrides-attributes',
    why: 'a <style> rule overrides the attributes too',
    html: '<style>img.big{width:40px;height:20px}</style><img class="big" src="{{O}}/v-block-over.png" width="1" height="1">',
    declared: ['width', 'height'],
  },
  {
    id: 'css-size-makes-tiny',
    why: 'CSS can make a large declared image tiny',
    html: '<img src="{{O}}/v-css-tiny.png" width="600" height="300" style="width:1px;height:1px">',
    declared: ['width', 'height'],
  },
  {
    id: 'max-width-limits-size',
    why: 'max-width caps the used width (the height follows the aspect ratio when not set)',
    html: '<img src="{{O}}/v-maxwidth.png" width="600" style="max-width:2px">',
    declared: ['width'],
  },
  {
    id: 'max-width-percent-of-container',
    // The width is a percentage of the container, which only layout knows: pixelaudit reports no
    // width (not the attribute's 600, which Chromium caps at 100), and the declared height, 10.
    // A width pixelaudit did report is still compared with Chromium's.
    why: 'max-width:100% in a 100px container caps a width=600 image at 100: a width only layout knows',
    html: '<div style="width:100px"><img src="{{O}}/v-maxwidth-pct.png" width="600" height="10" style="max-width:100%"></div>',
    declared: ['height'],
  },
  {
    id: 'max-width-percent-keeps-tiny',
    why: 'a percentage cap never makes an image larger: width=1 with max-width:100% is still tiny (1 px)',
    html: '<div style="width:100px"><img src="{{O}}/v-maxwidth-pct-tiny.png" width="1" style="max-width:100%"></div>',
    declared: ['width'],
  },
  {
    id: 'width-only-keeps-aspect',
    why: 'width=1 alone: the height follows the 40x20 aspect ratio (0.5): tiny',
    html: '<img src="{{O}}/v-width-only.png" width="1">',
    declared: ['width'],
  },
  {
    id: 'input-image-hidden',
    why: 'an <input type=image> inside a hidden ancestor is hidden',
    html: '<div style="display:none"><input type="image" src="{{O}}/v-input-hidden.png"></div><input type="image" src="{{O}}/v-input-shown.png" width="40" height="20">',
  },
  {
    id: 'hidden-td',
    why: 'a hidden table cell hides its image, the next cell does not',
    html: '<table><tr><td style="display:none"><img src="{{O}}/v-td-hidden.png"></td><td><img src="{{O}}/v-td-shown.png"></td></tr></table>',
  },
  {
    id: 'noscript-image-visible',
    why: 'with scripting off, an img inside <noscript> is shown',
    html: '<noscript><img src="{{O}}/v-noscript.png" width="40" height="20"></noscript>',
    declared: ['width', 'height'],
  },
  {
    id: 'image-tag-hidden-parent',
    why: '<image> is an img, hidden with its ancestor',
    html: '<span style="display:none"><image src="{{O}}/v-image-tag.png"></span>',
  },
];

/** Every visibility case: declared markup and styles, the UA style sheet, CSS that hides, selectors. */
export const VISIBILITY: VisibilityCase[] = [...DECLARED, ...UA_HIDDEN, ...CSS_HIDING, ...SELECTOR_CASES, ...MOVED_CLIPPED, ...MASKS, ...SVG_CONTAINERS, ...REVIEW_P3, ...REVIEW_P5];
