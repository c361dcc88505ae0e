import type { LoadCase } from '../load-case.js';
import type { VisibilityCase } from '../visibility-case.js';

/**
 * Chromium caps the depth of the tree (src/html/dom-depth-cap.ts: past 512 open elements a new
 * node goes into the current node's parent). The markup below nests far deeper than that.
 */
const open = (tag: string, n: number): string => `<${tag}>`.repeat(n);

export const DEEP_NESTING_LOADS: LoadCase[] = [
  {
    id: 'deep-nesting-img-at-depth-600',
    why: 'a pixel under 600 open <div>s is still in the document and loads (the builders must not give up on it)',
    html: `${open('div', 600)}<img src="{{O}}/deep-600.png">`,
    loads: ['{{O}}/deep-600.png'],
  },
  {
    id: 'deep-nesting-20000-b',
    why: "20,000 unclosed <b> (formatting elements, Noah's Ark keeps three on the list) and then an img: it loads",
    html: `${open('b', 20000)}<img src="{{O}}/deep-b.png">`,
    loads: ['{{O}}/deep-b.png'],
  },
  {
    id: 'deep-nesting-template-past-the-cap',
    why: 'past the cap a node goes into the parent of the current node even when that node is a <template>: the img leaves the inert template content for the document, and loads',
    html: `${open('div', 600)}<template><img src="{{O}}/deep-template.png"></template><img src="{{O}}/deep-template-ctl.png">`,
    loads: ['{{O}}/deep-template.png', '{{O}}/deep-template-ctl.png'],
  },
  {
    id: 'deep-nesting-template-below-the-cap',
    why: 'the control: a <template> under 500 <div>s stays inert',
    html: `${open('div', 500)}<template><img src="{{O}}/shallow-template.png"></template><img src="{{O}}/shallow-template-ctl.png">`,
    loads: ['{{O}}/shallow-template-ctl.png'],
  },
];

export const DEEP_NESTING_VISIBILITY: VisibilityCase[] = [
  {
    id: 'deep-nesting-hidden-ancestor-above-the-cap',
    why: 'display:none at depth 100, a pixel at depth 600: the capped tree still has it inside the hidden element',
    html: `${open('div', 100)}<div style="display:none">${open('div', 500)}<img src="{{O}}/v-deep-hidden.png" width="1" height="1"></div>`,
  },
  {
    id: 'deep-nesting-hidden-element-past-the-cap',
    why: 'a display:none element opened at depth 550 and a pixel at depth 600: past the cap both are children of the 512th element, siblings, so the pixel is visible',
    html: `${open('div', 550)}<div style="display:none">${open('div', 50)}<img src="{{O}}/v-deep-visible.png" width="1" height="1">`,
  },
  {
    id: 'deep-nesting-reconstructed-formatting-past-the-cap',
    why: 'formatting elements reopened past the cap by one token (text after </p>): where Chromium puts each copy decides whether the image is inside the hidden <b>',
    html: `${open('div', 600)}<p><b style="display:none"><i><u>x</p>y<img src="{{O}}/v-deep-reconstructed.png" width="1" height="1">`,
  },
];
