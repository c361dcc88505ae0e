import type { VisibilityCase } from '../visibility-case.js';

/**
 * Issue 10's second attacker: pixels Chromium moves off the page, clips to a strip, paints
 * invisible or never renders, which pixelaudit judged visible at their declared size (and two
 * the other way). Each case has a control that Chromium shows. The fixture PNG is 40x20.
 */
export const MOVED_CLIPPED: VisibilityCase[] = [
  {
    id: 'moved-translate-off-page',
    why: 'transform: translate(-9999px), translateX/Y, translate3d and the translate property move the box off the page; a small translate does not',
    html: '<img style="transform:translate(-9999px)" src="{{O}}/m-translate.png"><img style="transform:translateY(-5000px)" src="{{O}}/m-translate-y.png"><img style="transform:translate3d(-2000px,0,0)" src="{{O}}/m-translate3d.png"><img style="translate:-9999px" src="{{O}}/m-translate-prop.png"><div style="transform:translateX(-3000px)"><img src="{{O}}/m-translate-anc.png"></div><img style="transform:translate(-10px)" src="{{O}}/m-translate-ctl.png"><style>.t{transform:translate(-9999px,0)}</style><p class="t"><img src="{{O}}/m-translate-rule.png"></p>',
  },
  {
    id: 'moved-translate-percent',
    why: "a translation in % is of the box's own size: -5000% of a 40 px wide image is -2000 px, off the page, as are -5000% of its 20 px height, the translate property's -2500% and -200% of a 600 px block; -50% is not",
    html: '<img width="40" height="20" style="transform:translateX(-5000%)" src="{{O}}/m-pct-x.png"><img width="40" height="20" style="transform:translate(0,-5000%)" src="{{O}}/m-pct-y.png"><img width="40" height="20" style="translate:-2500% 0" src="{{O}}/m-pct-prop.png"><div style="width:600px;transform:translate(-200%)"><img src="{{O}}/m-pct-block.png"></div><img width="40" height="20" style="transform:translate(-50%)" src="{{O}}/m-pct-ctl.png">',
  },
  {
    id: 'moved-relative-off-page',
    why: 'position:relative with top or left of -9999px moves the box off the page (as absolute and fixed do); a small shift, or one on a static box, does not',
    html: '<img style="position:relative;top:-9999px" src="{{O}}/m-rel-top.png"><div style="position:relative;left:-5000px"><img src="{{O}}/m-rel-left.png"></div><img style="position:relative;top:-5px" src="{{O}}/m-rel-ctl.png"><img style="top:-9999px" src="{{O}}/m-static-ctl.png">',
  },
  {
    id: 'clipped-1px-wrapper',
    why: 'a block wrapper 1 to 3 px wide or tall that clips (overflow hidden, auto, clip on that axis, overflow-y, a max-height, from a rule) shows a strip of the image: tiny; a 100px wrapper, a span, a table cell (it grows) and a clip on the other axis do not; inside display:none it is hidden',
    html: '<div style="width:1px;height:1px;overflow:hidden"><img src="{{O}}/m-wrap-1x1.png"></div><div style="height:1px;overflow:hidden"><img src="{{O}}/m-wrap-h1.png"></div><div style="width:2px;overflow:hidden"><img width="40" height="20" src="{{O}}/m-wrap-w2.png"></div><div style="max-height:1px;overflow:hidden"><img src="{{O}}/m-wrap-maxh.png"></div><div style="height:1px;overflow:auto"><img src="{{O}}/m-wrap-auto.png"></div><div style="height:1px;overflow-y:hidden"><img src="{{O}}/m-wrap-oy.png"></div><div style="height:1px;overflow:clip"><img src="{{O}}/m-wrap-clip.png"></div><div style="display:flex;height:1px;overflow:hidden"><img src="{{O}}/m-wrap-flex.png"></div><style>.strip{height:2px;overflow:hidden}</style><div class="strip"><img src="{{O}}/m-wrap-rule.png"></div><div style="height:100px;overflow:hidden"><img src="{{O}}/m-wrap-ctl.png"></div><span style="height:1px;overflow:hidden"><img src="{{O}}/m-wrap-span-ctl.png"></span><table><tr><td style="height:1px;overflow:hidden"><img src="{{O}}/m-wrap-td-ctl.png"></td></tr></table><div style="height:1px;overflow:clip visible"><img src="{{O}}/m-wrap-clip-x-ctl.png"></div><div style="display:none"><div style="height:1px;overflow:hidden"><img src="{{O}}/m-wrap-in-hidden.png"></div></div>',
    painted: true,
  },
  {
    id: 'filter-opacity-zero',
    why: 'filter: opacity(0) paints nothing (on the image, a block or an inline ancestor, -webkit-filter too); brightness(0) paints black, which is seen; opacity(0.5) is seen, a negative amount is invalid',
    html: '<img style="filter:opacity(0)" src="{{O}}/m-filter-op.png"><div style="filter:blur(1px) opacity(0%)"><img src="{{O}}/m-filter-anc.png"></div><img style="filter:brightness(0)" src="{{O}}/m-filter-black.png"><img style="filter:opacity(0.5)" src="{{O}}/m-filter-ctl.png"><span style="-webkit-filter:opacity(0)"><img src="{{O}}/m-filter-span.png"></span><img style="filter:opacity(-1)" src="{{O}}/m-filter-invalid-ctl.png">',
    painted: true,
  },
  {
    id: 'ua-progress-meter-select',
    why: "the content of progress and meter is not rendered (fallback content), nor anything inside a select (its options are drawn in the picker, even a listbox's, and a base-select drop-down's; a base-select listbox, which shows them, is a known gap); an image after them is",
    html: '<progress><img src="{{O}}/m-progress.png"></progress><meter><img src="{{O}}/m-meter.png"></meter><select><img src="{{O}}/m-select.png"></select><select><option><img src="{{O}}/m-select-option.png"></option></select><select multiple><option><img src="{{O}}/m-select-listbox.png"></option></select><select size="3"><optgroup><option><img src="{{O}}/m-select-size.png"></option></optgroup></select><select style="appearance:base-select"><option><img src="{{O}}/m-select-base.png"></option></select><img src="{{O}}/m-ua-ctl.png">',
  },
  {
    id: 'contain-size-paint',
    why: 'contain:strict (or size with paint) makes an empty-sized box that clips: hidden; paint with height:1px is a strip; size alone, content, inline-size with paint, or on a span do not hide; an img with size containment and no size is 0 x 0',
    html: '<div style="contain:strict"><img src="{{O}}/m-c-strict.png"></div><div style="contain:size paint"><img src="{{O}}/m-c-size-paint.png"></div><div style="contain:paint;height:1px"><img src="{{O}}/m-c-paint-1px.png"></div><div style="contain:size"><img src="{{O}}/m-c-size-ctl.png"></div><div style="contain:content"><img src="{{O}}/m-c-content-ctl.png"></div><div style="contain:inline-size paint"><img src="{{O}}/m-c-inline-size-ctl.png"></div><span style="contain:strict"><img src="{{O}}/m-c-span-ctl.png"></span><img style="contain:size" src="{{O}}/m-c-self.png"><img style="contain:size" width="40" height="20" src="{{O}}/m-c-self-sized-ctl.png">',
    painted: true,
  },
  {
    id: 'legend-outside-fieldset-clip',
    why: "a fieldset's first legend is drawn in its border, outside what its overflow clips: a zero-height fieldset with overflow:hidden hides its content, not its legend",
    html: '<fieldset style="height:0;overflow:hidden;padding:0;border:0;margin:0"><legend><img src="{{O}}/m-legend.png"></legend><img src="{{O}}/m-fieldset-content.png"><legend><img src="{{O}}/m-legend-second.png"></legend></fieldset><div style="display:none"><fieldset><legend><img src="{{O}}/m-legend-in-hidden.png"></legend></fieldset></div>',
  },
  {
    id: 'supports-block-applied',
    why: "an @supports block whose condition Chromium meets applies its rules (display:grid, a custom property, not of an unsupported property); one it does not meet (iOS's -webkit-overflow-scrolling, mso-hide, an invalid value) does not",
    html: '<style>@supports (display:grid){.a{display:none}}@supports (--x:1) and (opacity:0){.b{opacity:0}}@supports not (-webkit-overflow-scrolling:touch){.c{visibility:hidden}}@supports (-webkit-overflow-scrolling:touch){.d{display:none}}@supports (mso-hide:all){.e{display:none}}@supports (display:bogus){.f{display:none}}@supports (display:grid){@media screen{.g{display:none}}}</style><img class="a" src="{{O}}/s-grid.png"><img class="b" src="{{O}}/s-and.png"><img class="c" src="{{O}}/s-not.png"><img class="d" src="{{O}}/s-ios-ctl.png"><img class="e" src="{{O}}/s-mso-ctl.png"><img class="f" src="{{O}}/s-bogus-ctl.png"><img class="g" src="{{O}}/s-nested.png">',
  },
  {
    id: 'clip-path-empty-path',
    why: 'clip-path: path() of lines on one straight line encloses nothing (a lone moveto, a horizontal line, a diagonal, relative commands): hidden; a rectangle or a curve does not hide',
    html: `<img style="clip-path:path('M0 0')" src="{{O}}/cp-move.png"><img style="clip-path:path('M0 0 L40 0')" src="{{O}}/cp-line.png"><div style="clip-path:path(evenodd, 'm0 0 l5 5 5 5 z')"><img src="{{O}}/cp-diagonal.png"></div><img style="clip-path:path('M0,0L1-1')" src="{{O}}/cp-packed.png"><img style="clip-path:path('M0 0 H40 V20 Z')" src="{{O}}/cp-rect-ctl.png"><img style="clip-path:path('M0 0 C 10 40 30 40 40 0 Z')" src="{{O}}/cp-curve-ctl.png">`,
  },
  {
    id: 'css-nesting-applied',
    why: 'rules nested in a style rule apply relative to it: & for the parent, a relative selector, a list, a child combinator, nested @media and deeper nesting; a nested rule that matches nothing does not hide',
    html: '<style>.n{ & img.a{display:none} .b, .c{opacity:0} > .d{visibility:hidden} @media screen{ .e{display:none} } .f{ & img{display:none} } .nomatch{display:none} }</style><div class="n"><img class="a" src="{{O}}/n-amp.png"><p><img class="c" src="{{O}}/n-list.png"></p><img class="d" src="{{O}}/n-child.png"><p><img class="d" src="{{O}}/n-grandchild-ctl.png"></p><img class="e" src="{{O}}/n-media.png"><div class="f"><img src="{{O}}/n-deeper.png"></div><img src="{{O}}/n-plain-ctl.png"></div><img class="a" src="{{O}}/n-outside-ctl.png">',
  },
  {
    id: 'backface-turned-away',
    why: 'backface-visibility:hidden hides a box whose transform turns its back to the viewer (rotateY(180deg), rotateX(120deg), a matrix3d, -webkit- prefixed, from a rule); a mirror (scaleX(-1)), a turn under 90deg, or backface-visibility:visible does not',
    html: '<style>.away{transform:rotateY(180deg)}</style><img style="backface-visibility:hidden;transform:rotateY(180deg)" src="{{O}}/b-rotatey.png"><img style="backface-visibility:hidden;transform:rotateX(120deg)" src="{{O}}/b-rotatex.png"><img style="-webkit-backface-visibility:hidden;transform:matrix3d(-1,0,0,0,0,1,0,0,0,0,-1,0,0,0,0,1)" src="{{O}}/b-matrix3d.png"><img class="away" style="backface-visibility:hidden" src="{{O}}/b-rule.png"><img style="backface-visibility:hidden;transform:scaleX(-1)" src="{{O}}/b-mirror-ctl.png"><img style="backface-visibility:hidden;transform:rotateY(60deg)" src="{{O}}/b-turn-ctl.png"><img style="transform:rotateY(180deg)" src="{{O}}/b-visible-ctl.png">',
    painted: true,
  },
];
