import type { VisibilityCase } from '../visibility-case.js';

/** Selectors of `<style>` rules that hide: the cascade must apply each as Chromium does. */
export const SELECTOR_CASES: VisibilityCase[] = [
  {
    id: 'sel-namespace-any',
    why: '*|img and |img-free forms: a namespace prefix on the type selector matches HTML images',
    html: '<style>*|img.a{display:none}</style><img class="a" src="{{O}}/s-ns-any.png"><img src="{{O}}/s-ns-ctl.png">',
  },
  {
    id: 'sel-namespace-declared',
    why: 'a declared default namespace (the XHTML one) matches HTML elements; an undeclared prefix invalidates the rule',
    html: '<style>@namespace h url(http://www.w3.org/1999/xhtml); h|img.b{display:none} q|img.c{display:none}</style><img class="b" src="{{O}}/s-ns-decl.png"><img class="c" src="{{O}}/s-ns-undecl.png">',
  },
  {
    id: 'sel-read-only-write',
    why: ':read-only matches an img (not editable); :read-write does not',
    html: '<style>img.r:read-only{display:none} img.w:read-write{display:none}</style><img class="r" src="{{O}}/s-ro.png"><img class="w" src="{{O}}/s-rw.png">',
  },
  {
    id: 'sel-nth-child-of',
    why: ':nth-child(An+B of S) counts only the siblings matching S',
    html: '<style>img:nth-child(2 of .p){display:none}</style><div><img class="p" src="{{O}}/s-of-1.png"><img src="{{O}}/s-of-x.png"><img class="p" src="{{O}}/s-of-2.png"></div>',
  },
  {
    id: 'sel-webkit-any',
    why: ':-webkit-any() is :is() in Chromium',
    html: '<style>:-webkit-any(div,p) > img{display:none}</style><p><img src="{{O}}/s-any.png"></p><span><img src="{{O}}/s-any-ctl.png"></span>',
  },
  {
    id: 'sel-forgiving-is',
    why: ':is() and :where() forgive an invalid argument; :not() with a descendant combinator is applied',
    html: '<style>img:is(.x, :bogus){display:none} img:where(:bogus, .y){display:none} img.z:not(table img){display:none}</style><img class="x" src="{{O}}/s-is.png"><img class="y" src="{{O}}/s-where.png"><img class="z" src="{{O}}/s-not-desc.png"><table><tr><td><img class="z" src="{{O}}/s-not-ctl.png"></td></tr></table>',
  },
  {
    id: 'sel-is-descendant',
    why: ':is() holding a descendant combinator applies',
    html: '<style>img:is(div .q){display:none}</style><div><p><img class="q" src="{{O}}/s-is-desc.png"></p></div><img class="q" src="{{O}}/s-is-desc-ctl.png">',
  },
  {
    id: 'sel-attribute-flags',
    why: '[a=b i] matches case-insensitively; [a=b s] case-sensitively; type= values are case-insensitive in HTML',
    html: '<style>img[alt="PIXEL" i]{display:none} img[alt="Spacer" s]{display:none} input[type="IMAGE"]{display:none}</style><img alt="pixel" src="{{O}}/s-flag-i.png"><img alt="spacer" src="{{O}}/s-flag-s.png"><input type="image" src="{{O}}/s-type-ci.png">',
  },
  {
    id: 'sel-quirks-case',
    why: 'quirks mode: class and id selectors match case-insensitively; attribute selectors on class do not',
    html: '<style>#PX{display:none} [class="Q"]{display:none}</style><img id="px" src="{{O}}/s-q-id.png"><img class="q" src="{{O}}/s-q-attr.png">',
  },
  {
    id: 'sel-tag-case',
    why: 'type selectors are case-insensitive for HTML elements',
    html: '<style>IMG.u{display:none}</style><img class="u" src="{{O}}/s-tag-case.png">',
  },
  {
    id: 'sel-following-siblings',
    why: 'selectors that need what follows the element apply (the walk counts the siblings after each element first): :last-child, :only-child, :last-of-type, :only-of-type, :nth-last-child(), :nth-last-of-type(), on the image, on an ancestor, inside :not(); an element a sibling (of its type) follows does not match',
    html: '<style>.a img:last-child{display:none} .b img:only-child{opacity:0} .c img:last-of-type{visibility:hidden} .d img:only-of-type{display:none} .e img:nth-last-child(2){display:none} .f img:nth-last-of-type(1){display:none} .g div:last-child{display:none} .h img:not(:last-child){display:none}</style><p class="a"><img src="{{O}}/f-last-ctl.png"><img src="{{O}}/f-last.png"></p><p class="b"><img src="{{O}}/f-only.png"></p><p class="b"><img src="{{O}}/f-only-ctl.png"><i></i></p><p class="c"><img src="{{O}}/f-last-type-ctl.png"><img src="{{O}}/f-last-type.png"><i></i></p><p class="d"><i></i><img src="{{O}}/f-only-type.png"><i></i></p><p class="e"><img src="{{O}}/f-nth-last.png"><i></i></p><p class="f"><img src="{{O}}/f-nth-last-type-ctl.png"><img src="{{O}}/f-nth-last-type.png"><b></b></p><div class="g"><div><img src="{{O}}/f-anc-ctl.png"></div><div><img src="{{O}}/f-anc.png"></div></div><p class="h"><img src="{{O}}/f-not.png"><img src="{{O}}/f-not-ctl.png"></p>',
  },
];
