import type { VisibilityCase } from '../visibility-case.js';

/**
 * Elements the browser's own style sheet (the HTML standard's rendering section, Chromium's
 * html.css) or its rendering model leaves unrendered. Each case has a control that is shown.
 */
export const UA_HIDDEN: VisibilityCase[] = [
  {
    id: 'ua-dialog-without-open',
    why: 'dialog:not([open]) is display:none in the UA sheet; an open dialog and an author display show',
    html: '<dialog><img src="{{O}}/ua-dialog.png"></dialog><dialog open><img src="{{O}}/ua-dialog-open.png"></dialog><style>.shown{display:block}</style><dialog class="shown"><img src="{{O}}/ua-dialog-css.png"></dialog>',
  },
  {
    id: 'ua-datalist',
    why: 'datalist is display:none in the UA sheet, unless the author gives it a display',
    html: '<datalist><img src="{{O}}/ua-datalist.png"></datalist><datalist style="display:block"><img src="{{O}}/ua-datalist-css.png"></datalist>',
  },
  {
    id: 'ua-media-fallback',
    why: 'the children of video and audio are fallback content, never rendered (controls or not, whatever their CSS)',
    html: '<video><img src="{{O}}/ua-video.png"></video><audio><img src="{{O}}/ua-audio.png"></audio><audio controls><p style="display:block"><img src="{{O}}/ua-audio-controls.png"></p></audio><img src="{{O}}/ua-media-ctl.png">',
  },
  {
    id: 'ua-details-closed',
    why: 'a closed details shows only its first summary; the rest, a second summary included, is skipped (content-visibility:hidden); an open one shows everything',
    html: '<details><summary><img src="{{O}}/ua-summary.png"></summary><img src="{{O}}/ua-details-body.png"><summary><img src="{{O}}/ua-summary-2.png"></summary><div style="display:block"><img src="{{O}}/ua-details-div.png"></div></details><details open><img src="{{O}}/ua-details-open.png"></details>',
  },
  {
    id: 'ua-details-nested-summary',
    why: 'a summary deeper inside a closed details is not its summary: hidden',
    html: '<details><div><summary><img src="{{O}}/ua-summary-deep.png"></summary></div></details>',
  },
  {
    id: 'ua-popover',
    why: 'a popover not shown is display:none in the UA sheet (auto and manual alike); an author display shows it',
    html: '<div popover><img src="{{O}}/ua-popover.png"></div><div popover="manual"><img src="{{O}}/ua-popover-manual.png"></div><div popover style="display:block"><img src="{{O}}/ua-popover-css.png"></div><div popover="bogus"><img src="{{O}}/ua-popover-bogus.png"></div>',
  },
  {
    id: 'ua-rp',
    why: 'rp is display:none in the UA sheet; rt is shown; an author display shows rp',
    html: '<ruby>x<rp><img src="{{O}}/ua-rp.png"></rp><rt>y<img src="{{O}}/ua-rt.png"></rt></ruby><rp style="display:inline"><img src="{{O}}/ua-rp-css.png"></rp>',
  },
  {
    id: 'ua-object-fallback',
    why: 'an object with data renders that instead of its content (an image, a page, an unknown type alike); one without data shows its fallback',
    html: '<object data="{{O}}/ua-obj.png" type="image/png"><img src="{{O}}/ua-object-img.png"></object><object data="{{O}}/ua-obj.html"><p><img src="{{O}}/ua-object-html.png"></p></object><object><img src="{{O}}/ua-object-nodata.png"></object>',
  },
  {
    id: 'ua-hidden-until-found',
    why: 'hidden=until-found is content-visibility:hidden: its content is not shown',
    html: '<div hidden="until-found"><img src="{{O}}/ua-until-found.png"></div>',
  },
  {
    id: 'ua-noscript-rendered',
    why: 'with scripting off (mail clients) noscript content is rendered: visible',
    html: '<noscript><p><img src="{{O}}/ua-noscript.png"></p></noscript>',
  },
];
