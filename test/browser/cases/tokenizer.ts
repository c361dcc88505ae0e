import type { LoadCase } from '../load-case.js';

/** The HTML tokenizer's states: where markup starts and stops being markup. */
export const TOKENIZER: LoadCase[] = [
  {
    id: 'plain-img',
    why: 'the control: one image, loaded',
    html: '<p>hi <img src="{{O}}/plain.png">',
    loads: ['{{O}}/plain.png'],
  },
  {
    id: 'comment-ends-early-abrupt',
    why: '`<!-->` is a whole (empty) comment: abrupt-closing-of-empty-comment, so the img after it is markup',
    html: '<!--><img src="{{O}}/after-abrupt.png"> -->',
    loads: ['{{O}}/after-abrupt.png'],
  },
  {
    id: 'relative-no-base',
    why: 'a relative URL with no <base> resolves against the page, which pixelaudit cannot know',
    html: '<img src="rel.png"><img src="{{O}}/abs.png">',
    loads: ['{{O}}/abs.png'],
    pageRelative: ['{{O}}/__page/rel.png'],
  },
];
