import type { LoadCase } from '../load-case.js';

// Outside review 5, findings 1 and 2: Chromium's preload scanner reads tags by name in any
// namespace (src/html/preload-scan.ts). Each case failed before the scanner was modelled.
const FOREIGN_BASE = '<svg><base href="{{O2}}/fb/"></svg>';

/** What Chromium's preload scanner fetches besides the tree: a `<base>` and a `<picture>` inside svg or math. */
export const PRELOAD_SCANNER: LoadCase[] = [
  {
    id: 'preload-svg-base-img',
    why: 'a <base> inside <svg> is no HTML base for the tree (the img loads page-relative), but the preload scanner takes it: the img is fetched against it too',
    html: `${FOREIGN_BASE}<img src="fb-img.png">`,
    loads: ['{{O2}}/fb/fb-img.png'],
    pageRelative: ['{{O}}/__page/fb-img.png'],
    listedMay: ['{{O2}}/fb/fb-img.png'],
  },
  {
    id: 'preload-math-base-img',
    why: 'a <base> inside <math> steers the preload scanner as one inside <svg>',
    html: '<math><base href="{{O2}}/mb/"></math><img src="mb-img.png">',
    loads: ['{{O2}}/mb/mb-img.png'],
    pageRelative: ['{{O}}/__page/mb-img.png'],
  },
  {
    id: 'preload-svg-base-inside-svg',
    why: 'an img after the foreign <base> in the same svg breaks out of it and is fetched against the scanner base too',
    html: '<svg><base href="{{O2}}/fb2/"><img src="fb-in.png"></svg>',
    loads: ['{{O2}}/fb2/fb-in.png'],
    pageRelative: ['{{O}}/__page/fb-in.png'],
  },
  {
    id: 'preload-svg-base-then-html-base',
    why: 'the scanner keeps the first <base> it meets (the SVG one), the tree takes the HTML one: the img is fetched against both',
    html: `${FOREIGN_BASE}<base href="{{O}}/hb/"><img src="both.png">`,
    loads: ['{{O2}}/fb/both.png', '{{O}}/hb/both.png'],
    listedMust: ['{{O}}/hb/both.png'],
    listedMay: ['{{O2}}/fb/both.png'],
  },
  {
    id: 'preload-html-base-then-svg-base',
    why: 'after an HTML <base>, a foreign one changes nothing for either',
    html: '<base href="{{O}}/first/"><svg><base href="{{O2}}/fb/"></svg><img src="first.png">',
    loads: ['{{O}}/first/first.png'],
  },
  {
    id: 'preload-svg-base-invalid-then-valid',
    why: 'a data: <base> inside svg sets no scanner base; the next one does',
    html: '<svg><base href="data:text/html,x"><base href="{{O2}}/fb3/"></svg><img src="second.png">',
    loads: ['{{O2}}/fb3/second.png'],
    pageRelative: ['{{O}}/__page/second.png'],
  },
  {
    id: 'preload-svg-base-in-template',
    why: 'the scanner reads nothing inside <template>, as the tree',
    html: '<template><base href="{{O2}}/tb/"></template><img src="tpl.png"><img src="{{O}}/ctl.png">',
    loads: ['{{O}}/ctl.png'],
    pageRelative: ['{{O}}/__page/tpl.png'],
  },
  {
    id: 'preload-svg-base-preloaded-kinds',
    why: 'srcset (one candidate), input type=image, video poster, link rel=stylesheet and preload and a <style> @import are fetched against the scanner base',
    html: `${FOREIGN_BASE}<img srcset="k1.png 1x, k1b.png 2x"><input type="image" src="k2.png"><video poster="k3.png" width="10" height="10"></video><link rel="stylesheet" href="k4.css"><link rel="preload" as="image" href="k5.png"><style>@import url(k6.css);</style>`,
    loads: ['{{O2}}/fb/k1.png', '{{O2}}/fb/k2.png', '{{O2}}/fb/k3.png', '{{O2}}/fb/k4.css', '{{O2}}/fb/k5.png', '{{O2}}/fb/k6.css'],
    mayLoad: ['{{O2}}/fb/k1b.png'],
    pageRelative: ['{{O}}/__page/k1.png', '{{O}}/__page/k2.png', '{{O}}/__page/k3.png', '{{O}}/__page/k4.css', '{{O}}/__page/k5.png', '{{O}}/__page/k6.css'],
  },
  {
    id: 'preload-svg-base-tree-only-kinds',
    why: "a style attribute url(), a <style> url(), a background attribute, iframe, embed, object, video and audio src and an SVG image are the tree's alone: page-relative only",
    html: `${FOREIGN_BASE}<div style="background:url(t1.png);width:9px;height:9px"></div><style>p{background:url(t2.png)}</style><p>x</p><table background="t3.png"><tr><td>x</td></tr></table><iframe src="t4.html" width="9" height="9"></iframe><embed src="t5.png" type="image/png" width="9" height="9"><object data="t6.png" type="image/png" width="9" height="9"></object><video src="t7.mp4" width="9" height="9"></video><audio src="t8.mp3" controls></audio><svg width="9" height="9"><image href="t9.png" width="9" height="9"/></svg><img src="{{O}}/ctl.png">`,
    loads: ['{{O}}/ctl.png'],
    pageRelative: ['t1.png', 't2.png', 't3.png', 't4.html', 't5.png', 't6.png', 't7.mp4', 't8.mp3', 't9.png'].map((u) => `{{O}}/__page/${u}`),
  },
  {
    id: 'preload-svg-picture-source',
    why: 'a <source srcset> in a <picture> inside <svg>: the tree has no HTML picture (the img breaks out and loads its src), the scanner fetches the source for the img',
    html: '<svg><picture><source srcset="{{O}}/sp-src.png"><img src="{{O}}/sp-img.png"></picture></svg>',
    loads: ['{{O}}/sp-src.png', '{{O}}/sp-img.png'],
    listedMay: ['{{O}}/sp-src.png'],
    listedMust: ['{{O}}/sp-img.png'],
  },
  {
    id: 'preload-math-picture-source',
    why: 'the same inside <math>',
    html: '<math><picture><source srcset="{{O}}/mp-src.png"><img src="{{O}}/mp-img.png"></picture></math>',
    loads: ['{{O}}/mp-src.png', '{{O}}/mp-img.png'],
  },
  {
    id: 'preload-svg-picture-closed-by-svg',
    why: "</svg> closes the SVG picture in the tree but not for the scanner: the HTML source after it is still its picture's",
    html: '<svg><picture></svg><source srcset="{{O}}/spc-src.png"><img src="{{O}}/spc-img.png">',
    loads: ['{{O}}/spc-src.png', '{{O}}/spc-img.png'],
  },
  {
    id: 'preload-svg-picture-source-left-open',
    why: "the source stays the scanner's across </svg> when only the img follows",
    html: '<svg><picture><source srcset="{{O}}/spo-src.png"></svg><img src="{{O}}/spo-img.png">',
    loads: ['{{O}}/spo-src.png', '{{O}}/spo-img.png'],
  },
  {
    id: 'preload-svg-picture-no-img',
    why: '</picture> ends the picture for the scanner, so the img after it fetches no source; the tree walk sees no end tags and an SVG picture popped by a breakout img must stay open (preload-svg-picture-source): listed, a superset',
    html: '<svg><picture><source srcset="{{O}}/spn-src.png"></picture></svg><img src="{{O}}/ctl.png">',
    loads: ['{{O}}/ctl.png'],
    mayLoad: ['{{O}}/spn-src.png'],
  },
  {
    id: 'preload-picture-svg-child-ends-it',
    why: 'any other start tag (here <svg>) ends the picture for the scanner, and the SVG source is no source of the HTML picture for the tree: only the img src loads',
    html: '<picture><svg><source srcset="{{O}}/pse-src.png"></svg><img src="{{O}}/pse-img.png"></picture>',
    loads: ['{{O}}/pse-img.png'],
  },
  {
    id: 'preload-svg-source-without-picture',
    why: 'a source in svg with no picture start tag before it is fetched by neither',
    html: '<svg><source srcset="{{O}}/sn-src.png"></svg><img src="{{O}}/sn-img.png">',
    loads: ['{{O}}/sn-img.png'],
  },
  {
    id: 'preload-foreignobject-picture',
    why: 'inside foreignObject the picture is HTML: the tree picks the source (the img src is one candidate among others)',
    html: '<svg><foreignObject width="20" height="20"><picture><source srcset="{{O}}/fop-src.png"><img src="{{O}}/fop-img.png"></picture></foreignObject></svg>',
    loads: ['{{O}}/fop-src.png'],
    mayLoad: ['{{O}}/fop-img.png'],
  },
  {
    id: 'preload-annotation-xml-picture',
    why: 'inside an annotation-xml HTML integration point the picture is HTML as well',
    html: '<math><annotation-xml encoding="text/html"><picture><source srcset="{{O}}/axp-src.png"><img src="{{O}}/axp-img.png"></picture></annotation-xml></math>',
    loads: ['{{O}}/axp-src.png'],
    mayLoad: ['{{O}}/axp-img.png'],
  },
  {
    id: 'preload-svg-picture-source-foreign-base',
    why: 'the scanner resolves its picture source against its own (SVG) base',
    html: '<svg><base href="{{O2}}/spb/"><picture><source srcset="spb-src.png"><img src="{{O}}/spb-img.png"></picture></svg>',
    loads: ['{{O2}}/spb/spb-src.png', '{{O}}/spb-img.png'],
  },
];
