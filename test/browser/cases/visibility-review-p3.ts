import type { VisibilityCase } from '../visibility-case.js';

/**
 * Verdicts an outside review (issue 10, findings 3 and 4) found wrong: each case failed on
 * hidden10b before its fix, and each has controls that Chromium shows. The fixture PNG is 40x20.
 */
export const REVIEW_P3: VisibilityCase[] = [
  {
    id: 'review-replaced-display-contents',
    why: 'display:contents on a replaced element (img, input type=image) computes to display:none (CSS Display 3, "unusual elements"), from a rule and with a declared size too; on a div it only removes the div\'s box, and the image inside shows',
    html: '<style>.c{display:contents}</style><img style="display:contents" src="{{O}}/r-dc.png"><input type="image" style="display:contents" src="{{O}}/r-dc-input.png"><img class="c" src="{{O}}/r-dc-rule.png"><img style="display:contents" width="600" height="400" src="{{O}}/r-dc-sized.png"><div style="display:contents"><img src="{{O}}/r-dc-div-ctl.png"></div><input type="text" style="display:contents"><img src="{{O}}/r-dc-ctl.png">',
  },
  {
    id: 'review-opacity-paints-nothing',
    why: 'an opacity whose 8-bit alpha rounds to 0 (below 1/510: 0.001, 0.1%, 0.0019, an ancestor at .0001, filter:opacity(0.001)) paints nothing; 0.002, 0.2% and filter:opacity(0.01) paint (filter:opacity(0.002) paints nothing of this grey fixture, but a filter multiplies each pixel, so a darker image may still show: judged visible)',
    html: '<img style="opacity:0.001" src="{{O}}/r-op001.png"><img style="opacity:0.1%" src="{{O}}/r-op01pct.png"><img style="opacity:0.0019" src="{{O}}/r-op0019.png"><div style="opacity:.0001"><img src="{{O}}/r-op-anc.png"></div><img style="filter:opacity(0.001)" src="{{O}}/r-fop001.png"><img style="filter:opacity(0.1%)" src="{{O}}/r-fop01pct.png"><img style="opacity:0.002" src="{{O}}/r-op002-ctl.png"><img style="opacity:0.2%" src="{{O}}/r-op02pct-ctl.png"><img style="filter:opacity(0.01)" src="{{O}}/r-fop01-ctl.png"><img style="opacity:0.05" src="{{O}}/r-op05-ctl.png">',
    painted: true,
  },
  {
    id: 'review-min-size-enlarges',
    why: 'min-width and min-height win over a smaller width and height (attributes or CSS): a 1x1 image with min-width:40px;min-height:20px is laid out 40x20, not tiny; a min-size smaller than the size changes nothing',
    html: '<style>.m{min-width:30px;min-height:10px}</style><img width="1" height="1" style="min-width:40px;min-height:20px" src="{{O}}/r-min.png"><img class="m" width="1" height="1" src="{{O}}/r-min-rule.png"><img style="width:1px;height:1px;min-width:40px" src="{{O}}/r-min-w.png"><img width="1" height="1" style="min-width:1px;min-height:2px" src="{{O}}/r-min-small.png"><img width="1" height="1" src="{{O}}/r-min-ctl.png">',
  },
  {
    id: 'review-table-overflow-no-clip',
    why: 'a table grows to its content: height:0 with overflow:hidden on a <table> (or display:table) clips nothing; the same on a block (a table made display:block) hides',
    html: '<table style="height:0;overflow:hidden"><tr><td><img src="{{O}}/r-tbl0.png"></td></tr></table><div style="display:table;height:0;overflow:hidden"><img src="{{O}}/r-dtbl0.png"></div><table style="height:0;overflow:hidden;display:block"><tr><td><img src="{{O}}/r-tblblock.png"></td></tr></table>',
  },
  {
    id: 'review-logical-sizes',
    why: 'in the horizontal writing mode, block-size is height and inline-size is width (min-, max- too): a 0 block-size clipping wrapper hides, a 1px logical size is tiny; the later of a logical and a physical declaration wins',
    html: '<div style="overflow:hidden;block-size:0"><img src="{{O}}/r-bs0.png"></div><div style="overflow:hidden;height:100px;max-block-size:0"><img src="{{O}}/r-mbs0.png"></div><img style="inline-size:1px;block-size:1px" src="{{O}}/r-logical.png"><img width="40" height="20" style="block-size:1px" src="{{O}}/r-bs1.png"><img width="1" height="1" style="min-inline-size:40px;min-block-size:20px" src="{{O}}/r-min-logical.png"><img style="block-size:1px;height:20px" src="{{O}}/r-bs-then-h-ctl.png"><img style="height:1px;block-size:20px;width:40px" src="{{O}}/r-h-then-bs.png">',
  },
  {
    id: 'review-pseudo-classes-chromium-knows',
    why: 'pseudo-classes this Chromium knows apply (:dir(), :open, :placeholder-shown, :state(), :active-view-transition, :xr-overlay, :target-current, :in-range, :out-of-range, :indeterminate, :default, each as the markup at rest gives it); ones it does not know (:playing, :paused, :seeking) and ones with a wrong argument (:state(), :open(x)) make the rule invalid, dropped',
    html: '<style>img.a:dir(ltr){display:none}img.b:not(:open){display:none}img.c:not(:placeholder-shown){display:none}img.d:not(:state(x)){display:none}img.e:not(:active-view-transition){display:none}img.f:not(:xr-overlay){display:none}img.g:not(:target-current){display:none}img.h:not(:in-range){display:none}img.i:not(:indeterminate){display:none}img.j:not(:default){display:none}img.k:not(:out-of-range){display:none}[dir=rtl] img.l:dir(rtl){display:none}img.m:dir(rtl){display:none}details[open]:open img.n{display:none}details:open img.o{display:none}img.p:not(:playing){display:none}img.q:not(:paused){display:none}img.r:not(:seeking){display:none}img.s:not(:state()){display:none}img.t:not(:open(x)){display:none}progress:indeterminate+img.u{display:none}input:placeholder-shown+img.v{display:none}input:default+img.w{display:none}input:out-of-range+img.x{display:none}</style><img class="a" src="{{O}}/r-ps-a.png"><img class="b" src="{{O}}/r-ps-b.png"><img class="c" src="{{O}}/r-ps-c.png"><img class="d" src="{{O}}/r-ps-d.png"><img class="e" src="{{O}}/r-ps-e.png"><img class="f" src="{{O}}/r-ps-f.png"><img class="g" src="{{O}}/r-ps-g.png"><img class="h" src="{{O}}/r-ps-h.png"><img class="i" src="{{O}}/r-ps-i.png"><img class="j" src="{{O}}/r-ps-j.png"><img class="k" src="{{O}}/r-ps-k-ctl.png"><div dir="rtl"><img class="l" src="{{O}}/r-ps-l.png"></div><img class="m" src="{{O}}/r-ps-m-ctl.png"><details open><summary>s</summary><img class="n" src="{{O}}/r-ps-n.png"></details><details><summary>s</summary><img class="o" src="{{O}}/r-ps-o-ctl.png"></details><img class="p" src="{{O}}/r-ps-p-ctl.png"><img class="q" src="{{O}}/r-ps-q-ctl.png"><img class="r" src="{{O}}/r-ps-r-ctl.png"><img class="s" src="{{O}}/r-ps-s-ctl.png"><img class="t" src="{{O}}/r-ps-t-ctl.png"><progress></progress><img class="u" src="{{O}}/r-ps-u.png"><input placeholder="p"><img class="v" src="{{O}}/r-ps-v.png"><input type="checkbox" checked><img class="w" src="{{O}}/r-ps-w.png"><input type="number" min="1" max="2" value="5"><img class="x" src="{{O}}/r-ps-x.png">',
  },
  {
    id: 'review-aspect-ratio',
    why: 'aspect-ratio gives the auto side from the other: width:600px with 600/1 is 1 px tall (tiny), a width attribute of 600 with 1000 is 0.6 px; with both sides set, or auto (the natural ratio), it changes nothing',
    html: '<img style="width:600px;aspect-ratio:600/1" src="{{O}}/r-ar1.png"><img width="600" style="aspect-ratio:1000" src="{{O}}/r-ar2.png"><img style="height:1px;aspect-ratio:40 / 1" src="{{O}}/r-ar3.png"><img width="40" height="20" style="aspect-ratio:600/1" src="{{O}}/r-ar-both-ctl.png"><img style="width:40px;aspect-ratio:auto 600/1" src="{{O}}/r-ar-auto-ctl.png"><img style="width:40px;aspect-ratio:2" src="{{O}}/r-ar-2-ctl.png">',
  },
];
