import type { VisibilityCase } from '../visibility-case.js';

/** CSS beyond display and visibility that hides an image or makes it tiny. The fixture PNG is 40x20. */
export const CSS_HIDING: VisibilityCase[] = [
  {
    id: 'css-content-visibility-hidden',
    why: "content-visibility:hidden skips the element's content: an image inside, or the image itself, is not shown; auto shows it",
    html: '<div style="content-visibility:hidden"><img src="{{O}}/c-cv-anc.png"></div><img style="content-visibility:hidden" src="{{O}}/c-cv-self.png"><div style="content-visibility:auto"><img src="{{O}}/c-cv-auto.png"></div>',
  },
  {
    id: 'css-transform-scale-zero',
    why: 'transforms that collapse the box (scale(0), scaleX(0), a singular matrix, the scale property, rotateX(90deg), -webkit-transform) hide; a small scale makes it tiny',
    html: '<div style="transform:scale(0)"><img src="{{O}}/c-scale0.png"></div><img style="transform:scaleX(0)" src="{{O}}/c-scalex0.png"><img style="transform:matrix(1,0,0,0,0,0)" src="{{O}}/c-matrix.png"><img style="scale:0" src="{{O}}/c-scale-prop.png"><img style="transform:rotateX(90deg)" src="{{O}}/c-rotatex.png"><img style="transform:translate(5px) scale(1,0)" src="{{O}}/c-scale-list.png"><img style="transform:matrix3d(1,0,0,0,0,0,0,0,0,0,1,0,0,0,0,1)" src="{{O}}/c-matrix3d.png"><img style="transform:scale(0.01)" width="100" height="100" src="{{O}}/c-scale-small.png"><img style="transform:rotate(45deg)" src="{{O}}/c-rotate-ctl.png"><img style="-webkit-transform:scale(0)" src="{{O}}/c-webkit.png"><img style="text-transform:uppercase;-webkit-clip-path:inset(50%)" src="{{O}}/c-webkit-clip.png">',
  },
  {
    id: 'css-transform-from-style-block',
    why: 'a transform from a <style> rule hides as an inline one does',
    html: '<style>.t{transform:scaleY(0)}</style><p class="t"><img src="{{O}}/c-scale-rule.png"></p>',
  },
  {
    id: 'css-clip-path-to-nothing',
    why: 'clip-path and clip that leave no area hide (inset 50%, a zero circle, a degenerate polygon, clip:rect(0,0,0,0) on an absolute box); a partial clip does not',
    html: '<img style="clip-path:inset(50%)" src="{{O}}/c-inset.png"><div style="clip-path:circle(0)"><img src="{{O}}/c-circle.png"></div><img style="clip-path:polygon(0 0,0 0,0 0)" src="{{O}}/c-polygon.png"><img style="position:absolute;clip:rect(0,0,0,0)" src="{{O}}/c-clip-rect.png"><img style="clip-path:inset(0 0 60% 0)" src="{{O}}/c-inset-partial.png">',
  },
  {
    id: 'css-opacity-forms',
    why: 'opacity 0%, calc(0) and a negative value (clamped to 0) hide; 0.01 does not (0.001 paints nothing: review-opacity-paints-nothing)',
    html: '<img style="opacity:0%" src="{{O}}/c-op-pct.png"><img style="opacity:calc(0)" src="{{O}}/c-op-calc.png"><img style="opacity:-1" src="{{O}}/c-op-neg.png"><img style="opacity:0.01" src="{{O}}/c-op-tiny.png">',
  },
  {
    id: 'css-visibility-collapse',
    why: "visibility:collapse hides a table row's content and anything else",
    html: '<table><tr style="visibility:collapse"><td><img src="{{O}}/c-collapse-row.png"></td></tr></table><div style="visibility:collapse"><img src="{{O}}/c-collapse-div.png"></div>',
  },
  {
    id: 'css-size-math-functions',
    why: 'calc(), min(), max() and clamp() sizes are computed: zero and tiny results are tiny',
    html: '<img style="width:calc(0px);height:calc(10px - 10px)" src="{{O}}/c-calc0.png"><img style="width:min(0px,50%);height:min(2px,3px)" src="{{O}}/c-min.png"><img style="width:max(1px,0.5px);height:1px" src="{{O}}/c-max.png"><img style="width:clamp(0px,1px,2px);height:clamp(1px,5px,2px)" src="{{O}}/c-clamp.png"><img style="width:calc(2 * 20px);height:calc(20px)" src="{{O}}/c-calc-ctl.png">',
    declared: ['width', 'height'],
  },
  {
    id: 'css-size-relative-units',
    why: "rem (16px at the root), em of the image's font size, and 0vw/0vh are known sizes",
    html: '<img style="width:0rem;height:1rem" src="{{O}}/c-rem0.png"><img style="width:0.125rem;height:0.125rem" src="{{O}}/c-rem.png"><img style="width:0vw;height:10px" src="{{O}}/c-vw.png"><img style="height:0vh;width:calc(1vw - 1vw)" src="{{O}}/c-vh.png"><img style="width:0.1em;height:0.1em" src="{{O}}/c-em.png"><img style="width:2.5rem;height:1.25rem" src="{{O}}/c-rem-ctl.png">',
    declared: ['width', 'height'],
  },
  {
    id: 'css-em-under-font-size-zero',
    why: 'an image sized in em under a font-size:0 ancestor is 0 px; under font-size:2px, 2em is 4px',
    html: '<div style="font-size:0"><img style="width:10em;height:10em" src="{{O}}/c-fs0.png"></div><div style="font-size:2px"><span><img style="width:2em;height:2em" src="{{O}}/c-fs2.png"></span></div><div style="font:0/0 a"><img style="width:5em;height:5em" src="{{O}}/c-font-short.png"></div><style>.small{font-size:1px}</style><p class="small"><img style="width:3em;height:1em" src="{{O}}/c-fs-rule.png"></p>',
    declared: ['width', 'height'],
  },
  {
    id: 'css-rem-under-root-font-size',
    why: "rem follows the root element's font size: html{font-size:0} makes 5rem 0",
    html: '<style>html{font-size:0}</style><img style="width:5rem;height:5rem" src="{{O}}/c-root-fs.png">',
    declared: ['width', 'height'],
  },
  {
    id: 'css-zoom-shrinks',
    why: 'zoom multiplies down the tree: 100x100 under zoom:0.01 is 1x1, tiny; zoom:0 is treated as 1',
    html: '<div style="zoom:0.01"><img width="100" height="100" src="{{O}}/c-zoom.png"></div><img style="zoom:0" width="40" height="20" src="{{O}}/c-zoom0.png"><div style="zoom:0.5"><img width="4" height="4" src="{{O}}/c-zoom-half.png"></div>',
    declared: ['width', 'height'],
  },
  {
    id: 'css-max-size-zero',
    why: 'max-width:0 and max-height:0 make the image 0 px on that side',
    html: '<img style="max-width:0" src="{{O}}/c-maxw0.png"><img style="max-height:calc(0px)" src="{{O}}/c-maxh0.png">',
  },
  {
    id: 'css-zero-wrapper-computed',
    why: 'an overflow:hidden wrapper of width 0, calc(0px) height or max-height:0 clips the image away',
    html: '<div style="overflow:hidden;width:0"><img src="{{O}}/c-wrap-w0.png"></div><div style="overflow:hidden;height:calc(0px)"><img src="{{O}}/c-wrap-calc.png"></div><div style="overflow:hidden;max-height:0"><img src="{{O}}/c-wrap-maxh.png"></div><div style="overflow:hidden;height:0rem"><img src="{{O}}/c-wrap-rem.png"></div>',
  },
];
