import type { LoadCase } from '../load-case.js';

/** SVG and MathML: integration points, breakouts, and what raw text means there. */
export const FOREIGN_CONTENT: LoadCase[] = [
  {
    id: 'svg-img-breaks-out',
    why: 'an <img> start tag inside <svg> pops out of foreign content and is an HTML img',
    html: '<svg><img src="{{O}}/svg-breakout.png"></svg>',
    loads: ['{{O}}/svg-breakout.png'],
  },
  {
    id: 'svg-style-is-not-raw-text',
    why: 'an SVG <style> is not raw text: an <img> inside it breaks out and loads',
    html: '<svg><style><img src="{{O}}/svg-style-breakout.png"></style></svg>',
    loads: ['{{O}}/svg-style-breakout.png'],
  },
  {
    id: 'svg-style-comment-breakout',
    why: 'a CSS comment does not protect markup in an SVG <style>: `</style>` and the img are tags',
    html: '<svg><style>/*</style><img src="{{O}}/svg-style-comment.png">*/</style></svg>',
    loads: ['{{O}}/svg-style-comment.png'],
  },
  {
    id: 'math-style-is-not-raw-text',
    why: 'a MathML <style> is not raw text either',
    html: '<math><style><img src="{{O}}/math-style-breakout.png"></style></math>',
    loads: ['{{O}}/math-style-breakout.png'],
  },
  {
    id: 'svg-script-is-not-raw-text',
    why: 'an SVG <script> is parsed as foreign markup: the img breaks out',
    html: '<svg><script><img src="{{O}}/svg-script-breakout.png"></script></svg>',
    loads: ['{{O}}/svg-script-breakout.png'],
  },
  {
    id: 'svg-cdata-is-text',
    why: 'in foreign content CDATA is a real section: its markup is text',
    html: '<svg><![CDATA[<img src="{{O}}/svg-cdata.png">]]></svg><img src="{{O}}/ctl.png">',
    loads: ['{{O}}/ctl.png'],
  },
  {
    id: 'svg-image-href',
    why: 'SVG <image href> loads',
    html: '<svg width="50" height="50"><image href="{{O}}/svg-image.png" width="40" height="20"/></svg>',
    loads: ['{{O}}/svg-image.png'],
  },
  {
    id: 'svg-image-xlink-href',
    why: 'SVG <image xlink:href> loads',
    html: '<svg width="50" height="50" xmlns:xlink="http://www.w3.org/1999/xlink"><image xlink:href="{{O}}/svg-xlink.png" width="40" height="20"/></svg>',
    loads: ['{{O}}/svg-xlink.png'],
  },
  {
    id: 'svg-image-href-beats-xlink',
    why: 'when both are present, href wins over xlink:href (SVG 2)',
    html: '<svg width="50" height="50"><image href="{{O}}/svg-href-wins.png" xlink:href="{{O}}/svg-xlink-loses.png" width="40" height="20"/></svg>',
    loads: ['{{O}}/svg-href-wins.png'],
  },
  {
    id: 'svg-image-uppercase',
    why: 'tag names in SVG are case-insensitive in HTML: <IMAGE> is SVG image',
    html: '<svg width="50" height="50"><IMAGE HREF="{{O}}/svg-image-upper.png" width="40" height="20"/></svg>',
    loads: ['{{O}}/svg-image-upper.png'],
  },
  {
    id: 'svg-image-outside-svg-is-img',
    why: 'outside <svg>, <image href> is an <img> with no src: nothing loads',
    html: '<image href="{{O}}/image-href.png"><img src="{{O}}/ctl.png">',
    loads: ['{{O}}/ctl.png'],
  },
  {
    id: 'foreignobject-img',
    why: 'foreignObject is an HTML integration point: an img inside is HTML and loads',
    html: '<svg width="100" height="100"><foreignObject width="100" height="100"><img src="{{O}}/foreign-object.png"></foreignObject></svg>',
    loads: ['{{O}}/foreign-object.png'],
  },
  {
    id: 'foreignobject-style-is-raw-text',
    why: 'inside foreignObject the rules are HTML again: <style> is raw text, the img in it is not an element',
    html: '<svg><foreignObject><style><img src="{{O}}/fo-style.png"></style></foreignObject></svg><img src="{{O}}/ctl.png">',
    loads: ['{{O}}/ctl.png'],
  },
  {
    id: 'foreignobject-uppercase',
    why: '<FOREIGNOBJECT> is adjusted to foreignObject, an integration point',
    html: '<svg><FOREIGNOBJECT><style><img src="{{O}}/fo-upper-style.png"></style></FOREIGNOBJECT></svg><img src="{{O}}/ctl.png">',
    loads: ['{{O}}/ctl.png'],
  },
  {
    id: 'svg-desc-is-integration-point',
    why: 'SVG <desc> is an HTML integration point: a <style> in it is HTML raw text',
    html: '<svg><desc><style><img src="{{O}}/desc-style.png"></style></desc></svg><img src="{{O}}/ctl.png">',
    loads: ['{{O}}/ctl.png'],
  },
  {
    id: 'svg-title-img',
    why: 'SVG <title> is an integration point: an img there is HTML and loads',
    html: '<svg><title><img src="{{O}}/svg-title.png"></title></svg>',
    loads: ['{{O}}/svg-title.png'],
  },
  {
    id: 'annotation-xml-html-style-raw',
    why: '<annotation-xml encoding="text/html"> is an integration point: <style> in it is raw text',
    html: '<math><annotation-xml encoding="text/html"><style><img src="{{O}}/ax-html-style.png"></style></annotation-xml></math><img src="{{O}}/ctl.png">',
    loads: ['{{O}}/ctl.png'],
  },
  {
    id: 'annotation-xml-plain-style-breakout',
    why: 'without the encoding, annotation-xml is not an integration point: <style> is MathML and the img breaks out',
    html: '<math><annotation-xml><style><img src="{{O}}/ax-plain-style.png"></style></annotation-xml></math>',
    loads: ['{{O}}/ax-plain-style.png'],
  },
  {
    id: 'annotation-xml-html-img',
    why: 'an img inside an HTML annotation-xml is HTML and loads',
    html: '<math><annotation-xml encoding="TEXT/HTML"><img src="{{O}}/ax-img.png"></annotation-xml></math>',
    loads: ['{{O}}/ax-img.png'],
  },
  {
    id: 'math-mi-style-raw',
    why: '<mi> is a MathML text integration point: <style> in it is HTML raw text',
    html: '<math><mi><style><img src="{{O}}/mi-style.png"></style></mi></math><img src="{{O}}/ctl.png">',
    loads: ['{{O}}/ctl.png'],
  },
  {
    id: 'math-mtext-img',
    why: 'an img inside <mtext> loads',
    html: '<math><mtext><img src="{{O}}/mtext.png"></mtext></math>',
    loads: ['{{O}}/mtext.png'],
  },
  {
    id: 'svg-font-color-breaks-out',
    why: '<font color> inside <svg> breaks out: the following <style> is HTML raw text',
    html: '<svg><font color="red"><style><img src="{{O}}/font-color-style.png"></style></svg><img src="{{O}}/ctl.png">',
    loads: ['{{O}}/ctl.png'],
  },
  {
    id: 'svg-font-plain-stays-foreign',
    why: '<font> without color, face or size stays SVG: its <style> is foreign and the img breaks out',
    html: '<svg><font><style><img src="{{O}}/font-plain-style.png"></style></font></svg>',
    loads: ['{{O}}/font-plain-style.png'],
  },
  {
    id: 'svg-end-p-breaks-out',
    why: '`</p>` inside <svg> breaks out of foreign content: the <style> after it is HTML raw text',
    html: '<p><svg></p><style><img src="{{O}}/end-p-style.png"></style></svg><img src="{{O}}/ctl.png">',
    loads: ['{{O}}/ctl.png'],
  },
  {
    id: 'svg-style-attribute-background',
    why: 'a style attribute on an SVG root applies CSS like any element',
    html: '<svg width="40" height="20" style="background-image:url({{O}}/svg-style-attr.png)"></svg>',
    loads: ['{{O}}/svg-style-attr.png'],
  },
  {
    id: 'svg-nested-in-foreignobject',
    why: 'svg inside foreignObject inside svg: the inner image loads',
    html: '<svg width="60" height="60"><foreignObject width="60" height="60"><svg width="50" height="50"><image href="{{O}}/inner-svg-image.png" width="40" height="20"/></svg></foreignObject></svg>',
    loads: ['{{O}}/inner-svg-image.png'],
  },
  // Outside review 3: foreign elements that load nothing by the standard, requested by Chromium's
  // preload scanner all the same; pixelaudit lists them as possible loads.
  ...(['svg', 'math'] as const).flatMap((ns): LoadCase[] => [
    {
      id: `${ns}-foreign-link-stylesheet`,
      why: `a <link rel=stylesheet> inside <${ns}> is a foreign element (no breakout tag), yet Chromium requests it: a possible load`,
      html: `<p>x</p><${ns}><link rel="stylesheet" href="{{O}}/${ns}-link.css"></${ns}>`,
      loads: [`{{O}}/${ns}-link.css`],
      listedMay: [`{{O}}/${ns}-link.css`],
    },
    {
      id: `${ns}-foreign-link-preload-image`,
      why: `a <link rel=preload as=image> inside <${ns}>: requested by Chromium, a possible load`,
      html: `<p>x</p><${ns}><link rel="preload" as="image" href="{{O}}/${ns}-preload.png"></${ns}>`,
      loads: [`{{O}}/${ns}-preload.png`],
      listedMay: [`{{O}}/${ns}-preload.png`],
    },
    {
      id: `${ns}-foreign-input-image`,
      why: `an <input type=image> inside <${ns}>: requested by Chromium, a possible load`,
      html: `<p>x</p><${ns}><input type="image" src="{{O}}/${ns}-input.png"></${ns}>`,
      loads: [`{{O}}/${ns}-input.png`],
      listedMay: [`{{O}}/${ns}-input.png`],
    },
    {
      id: `${ns}-foreign-video-poster`,
      why: `a <video poster> inside <${ns}>: requested by Chromium, a possible load`,
      html: `<p>x</p><${ns}><video poster="{{O}}/${ns}-poster.png"></video></${ns}>`,
      loads: [`{{O}}/${ns}-poster.png`],
      listedMay: [`{{O}}/${ns}-poster.png`],
    },
    {
      id: `${ns}-foreign-not-requested`,
      why: `inside <${ns}>, an icon link, iframe, object, audio, track, source and frame are neither requested by Chromium nor listed`,
      html: `<p>x</p><${ns}><link rel="icon" href="{{O}}/${ns}-icon.png"><iframe src="{{O}}/${ns}-if.html"></iframe><object data="{{O}}/${ns}-ob.png"></object><audio src="{{O}}/${ns}-au.mp3"></audio><track src="{{O}}/${ns}-tr.vtt"><source srcset="{{O}}/${ns}-so.png"><frame src="{{O}}/${ns}-fr.html"></${ns}><img src="{{O}}/${ns}-ctl.png">`,
      loads: [`{{O}}/${ns}-ctl.png`],
    },
  ]),
];
