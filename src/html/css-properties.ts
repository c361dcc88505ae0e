import { TokenType, type CSSToken } from '@csstools/css-tokenizer';
import type { Declaration, PropertyFilter } from './css-declarations.js';
import { asciiLower, isBlank, isIdent, valueText } from './css-declarations.js';

/**
 * The properties that can make an element hidden or give it a size: the only ones the cascade
 * keeps. `margin` and `inset` are read as the longhands they set.
 */
export const RELEVANT: ReadonlySet<string> = new Set([
  'display',
  'visibility',
  'opacity',
  'mso-hide',
  'position',
  'left',
  'top',
  'right',
  'bottom',
  'margin-left',
  'margin-top',
  'text-indent',
  'overflow',
  'width',
  'height',
  'max-width',
  'max-height',
  // Enlarge a tiny declared size (a 1x1 image at min-width:600px is 600 px wide).
  'min-width',
  'min-height',
  // Gives the auto side of a box from the other (a 600 px wide image at 600/1 is 1 px tall).
  'aspect-ratio',
  // Hide or shrink without display or visibility (css-transform.ts, css-clip.ts).
  'content-visibility',
  'transform',
  'scale',
  'zoom',
  'clip-path',
  'clip',
  // Move the box off the page or paint it transparent (css-transform.ts, css-filter.ts).
  'translate',
  'filter',
  // Clip to a strip, or size as if empty (css-overflow.ts).
  'overflow-x',
  'overflow-y',
  'contain',
  // Hides a box turned away from the viewer (css-transform.ts facesAway).
  'backface-visibility',
  // A mask of transparent images paints nothing (css-mask.ts); `mask` sets it.
  'mask-image',
  '-webkit-mask-box-image',
]);

export const isRelevant: PropertyFilter = (name) => RELEVANT.has(name);

/**
 * What em sizes are relative to (the `font` shorthand sets it too): kept by the cascade apart from
 * RELEVANT, in rules of their own, and read only when an `em` asks (mail sets font sizes on most
 * elements; matching them for every element cost 15% of the extraction, measured on the corpus).
 */
export const isFontSize: PropertyFilter = (name) => name === 'font-size';

/** Custom properties (`--x`): kept by the cascade for the `var()` of relevant values. */
export const isCustom: PropertyFilter = (name) => name.startsWith('--');

/** What the cascade keeps of a rule: relevant properties and custom properties. */
export const isKept: PropertyFilter = (name) => RELEVANT.has(name) || name === 'font-size' || name.startsWith('--');

// CSS-wide keywords: valid for every property (what they resolve to is the inheritance's business).
const WIDE = new Set(['inherit', 'initial', 'unset', 'revert', 'revert-layer']);
const DISPLAY = new Set([
  'none',
  'contents',
  'block',
  'inline',
  'inline-block',
  'flow',
  'flow-root',
  'run-in',
  'list-item',
  'flex',
  'inline-flex',
  'grid',
  'inline-grid',
  'table',
  'inline-table',
  'table-row-group',
  'table-header-group',
  'table-footer-group',
  'table-row',
  'table-cell',
  'table-column-group',
  'table-column',
  'table-caption',
  'ruby',
  'ruby-base',
  'ruby-text',
  'ruby-base-container',
  'ruby-text-container',
  'math',
  'inline-list-item',
  'block flow',
  'inline flow',
  'block flow-root',
  'inline flow-root',
  'block flex',
  'inline flex',
  'block grid',
  'inline grid',
  'block table',
  'inline table',
  'block list-item',
  'inline list-item',
  'flow list-item',
  'block flow list-item',
  '-webkit-box',
  '-webkit-inline-box',
  '-webkit-flex',
  '-webkit-inline-flex',
  '-moz-box',
  '-moz-inline-box',
]);
const CONTAIN = new Set(['none', 'strict', 'content', 'size', 'inline-size', 'layout', 'style', 'paint']);
const VISIBILITY = new Set(['visible', 'hidden', 'collapse']);
const POSITION = new Set(['static', 'relative', 'absolute', 'fixed', 'sticky', '-webkit-sticky']);
const OVERFLOW = new Set(['visible', 'hidden', 'clip', 'scroll', 'auto', 'overlay', '-webkit-paged-x', '-webkit-paged-y']);
const SIZE_WORDS = new Set(['auto', 'min-content', 'max-content', 'fit-content', 'stretch', '-webkit-fill-available', '-moz-available', '-webkit-min-content', '-webkit-max-content', '-moz-fit-content', '-webkit-fit-content']);
export const LENGTH_UNITS: ReadonlySet<string> = new Set([
  'px',
  'pt',
  'pc',
  'in',
  'cm',
  'mm',
  'q',
  'em',
  'rem',
  'ex',
  'rex',
  'ch',
  'rch',
  'cap',
  'rcap',
  'ic',
  'ric',
  'lh',
  'rlh',
  'vw',
  'vh',
  'vi',
  'vb',
  'vmin',
  'vmax',
  'svw',
  'svh',
  'lvw',
  'lvh',
  'dvw',
  'dvh',
  'svi',
  'svb',
  'lvi',
  'lvb',
  'dvi',
  'dvb',
  'svmin',
  'svmax',
  'lvmin',
  'lvmax',
  'dvmin',
  'dvmax',
  'cqw',
  'cqh',
  'cqi',
  'cqb',
  'cqmin',
  'cqmax',
]);

type Check = (parts: readonly CSSToken[]) => boolean;

/** A `<length-percentage>`, a bare number (the unitless-length quirk), or a math function. */
function isLengthPercentage(t: CSSToken): boolean {
  switch (t[0]) {
    case TokenType.Dimension:
      return LENGTH_UNITS.has(asciiLower(t[4].unit));
    case TokenType.Percentage:
      return true;
    // `0` is a length; any other bare number only in quirks mode, which mail without a doctype
    // is in (and the attributes this replaced were read the same way).
    case TokenType.Number:
      return true;
    case TokenType.Function:
      return true;
    default:
      return false;
  }
}

const keyword =
  (set: ReadonlySet<string>): Check =>
  (p) =>
    p.length === 1 && p[0][0] === TokenType.Ident && set.has(asciiLower(p[0][4].value));
const lengthOr =
  (words: ReadonlySet<string>): Check =>
  (p) =>
    p.length === 1 && (isLengthPercentage(p[0]) || (p[0][0] === TokenType.Ident && words.has(asciiLower(p[0][4].value))));
const AUTO = new Set(['auto']);
const FONT_SIZE_WORDS = new Set(['xx-small', 'x-small', 'small', 'medium', 'large', 'x-large', 'xx-large', 'xxx-large', 'smaller', 'larger', 'math']);
const NONE_OR_SIZE = new Set([...SIZE_WORDS, 'none']);

const CHECKS: Record<string, Check> = {
  display: (p) => p.length >= 1 && p.length <= 3 && p.every((t) => t[0] === TokenType.Ident) && DISPLAY.has(p.map((t) => asciiLower(t[4].value)).join(' ')),
  visibility: keyword(VISIBILITY),
  opacity: (p) => p.length === 1 && (p[0][0] === TokenType.Number || p[0][0] === TokenType.Percentage || p[0][0] === TokenType.Function),
  // Outlook's own property: Outlook's parser, not a browser's, reads it; anything is kept.
  'mso-hide': (p) => p.length >= 1,
  position: keyword(POSITION),
  left: lengthOr(AUTO),
  top: lengthOr(AUTO),
  right: lengthOr(AUTO),
  bottom: lengthOr(AUTO),
  'margin-left': lengthOr(AUTO),
  'margin-top': lengthOr(AUTO),
  'text-indent': (p) => p.length >= 1 && p.length <= 3 && isLengthPercentage(p[0]) && p.slice(1).every((t) => t[0] === TokenType.Ident && ['hanging', 'each-line'].includes(asciiLower(t[4].value))),
  'overflow-x': (p) => p.length === 1 && p[0][0] === TokenType.Ident && OVERFLOW.has(asciiLower(p[0][4].value)),
  'overflow-y': (p) => p.length === 1 && p[0][0] === TokenType.Ident && OVERFLOW.has(asciiLower(p[0][4].value)),
  'backface-visibility': keyword(new Set(['visible', 'hidden'])),
  contain: (p) => p.length >= 1 && p.length <= 4 && p.every((t) => t[0] === TokenType.Ident && CONTAIN.has(asciiLower(t[4].value))),
  overflow: (p) => p.length >= 1 && p.length <= 2 && p.every((t) => t[0] === TokenType.Ident && OVERFLOW.has(asciiLower(t[4].value))),
  width: lengthOr(SIZE_WORDS),
  height: lengthOr(SIZE_WORDS),
  'max-width': lengthOr(NONE_OR_SIZE),
  'max-height': lengthOr(NONE_OR_SIZE),
  'min-width': lengthOr(SIZE_WORDS),
  'min-height': lengthOr(SIZE_WORDS),
  'aspect-ratio': (p) => p.length >= 1 && p.length <= 4 && p.every((t) => t[0] === TokenType.Number || isIdent(t, 'auto') || (t[0] === TokenType.Delim && t[4].value === '/')),
  'content-visibility': keyword(new Set(['visible', 'hidden', 'auto'])),
  transform: (p) => p.length >= 1 && (p.every((t) => t[0] === TokenType.Function) || (p.length === 1 && isIdent(p[0], 'none'))),
  scale: (p) => (p.length >= 1 && p.length <= 3 && p.every((t) => t[0] === TokenType.Number || t[0] === TokenType.Percentage)) || (p.length === 1 && isIdent(p[0], 'none')),
  zoom: (p) => p.length === 1 && (p[0][0] === TokenType.Number || p[0][0] === TokenType.Percentage || p[0][0] === TokenType.Function || isIdent(p[0], 'normal') || isIdent(p[0], 'reset')),
  'font-size': lengthOr(FONT_SIZE_WORDS),
  translate: (p) => (p.length >= 1 && p.length <= 3 && p.every(isLengthPercentage)) || (p.length === 1 && isIdent(p[0], 'none')),
  filter: (p) => p.length >= 1 && (p.every((t) => t[0] === TokenType.Function || t[0] === TokenType.URL) || (p.length === 1 && isIdent(p[0], 'none'))),
  // Layers of images or none, comma-separated: what each image is, css-mask.ts reads.
  'mask-image': (p) => p.length >= 1 && p.every((t, i) => (i % 2 === 1 ? t[0] === TokenType.Comma : t[0] === TokenType.Function || t[0] === TokenType.URL || isIdent(t, 'none'))) && p.length % 2 === 1,
};

/**
 * Appends the declaration `name: tokens[from, to)` to `out` when it is wanted and valid, or the
 * longhands a `margin` / `inset` shorthand sets. A value with `var()` is valid when parsed
 * (what it substitutes to is not known here) and kept as written.
 */
export function expandDeclaration(written: string, tokens: readonly CSSToken[], from: number, to: number, important: boolean, want: PropertyFilter, out: Declaration[]): void {
  if (from >= to) return;
  // Chromium's aliases: `-webkit-transform` is `transform` (the later of the two wins), and so on.
  const name = aliasOf(written) ?? written;
  if (name === 'font') {
    // Kept as written for a caller that wants it, and read for the font-size it sets.
    if (want('font')) out.push({ name, value: valueText(tokens, from, to, false), important });
    return fontShorthand(tokens, from, to, important, want, out);
  }
  if (name === 'mask') return maskShorthand(tokens, from, to, important, want, out);
  const check = CHECKS[name];
  const shorthand = name === 'margin' ? MARGIN : name === 'inset' ? INSET : undefined;
  if (!check && !shorthand) {
    if (want(name)) out.push({ name, value: valueText(tokens, from, to, name.startsWith('--')), important });
    return;
  }
  const parts = components(tokens, from, to);
  if (parts === undefined) return;
  const heads = parts.map((r) => tokens[r[0]]);
  const value = valueText(tokens, from, to, false);
  const wide = heads.length === 1 && heads[0][0] === TokenType.Ident && WIDE.has(asciiLower(heads[0][4].value));
  const withVar = value.includes('var(');
  if (check) {
    if (wide || withVar || check(heads)) out.push({ name, value, important });
    return;
  }
  if (!shorthand) return;
  // A shorthand takes 1 to 4 values: top, right, bottom, left as the CSS box sides go.
  if (!wide && !withVar && !(heads.length <= 4 && heads.every((t) => isLengthPercentage(t) || isAuto(t)))) return;
  for (const [longhand, side] of shorthand) {
    if (!want(longhand)) continue;
    // With var() or a CSS-wide keyword, each longhand takes the whole value (known only at computed time).
    const range = parts[sideIndex(parts.length, side)];
    if (withVar && !wide) out.push({ name: longhand, value, important, shorthand: name });
    else out.push({ name: longhand, value: wide ? value : valueText(tokens, range[0], range[1], false), important });
  }
}

/** Whether the values of this property are checked here (so a value left out is invalid), as `@supports` needs to know (css-supports.ts). */
export function valueChecked(written: string): boolean {
  const name = aliasOf(written) ?? written;
  return name in CHECKS || name === 'margin' || name === 'inset';
}

/** The property a name is read as (Chromium's aliases, logical sizes), or undefined. */
export const aliasOf = (name: string): string | undefined => (Object.hasOwn(ALIASES, name) ? ALIASES[name] : undefined);

const ALIASES: Record<string, string> = {
  '-webkit-transform': 'transform',
  '-webkit-clip-path': 'clip-path',
  '-webkit-filter': 'filter',
  '-webkit-backface-visibility': 'backface-visibility',
  '-webkit-mask-image': 'mask-image',
  '-webkit-mask': 'mask',
  // Logical sizes in the horizontal writing mode mail is written in (writing-mode is not read):
  // one computed value with the physical one, so the later declaration of the two wins, as for an alias.
  'inline-size': 'width',
  'block-size': 'height',
  'min-inline-size': 'min-width',
  'min-block-size': 'min-height',
  'max-inline-size': 'max-width',
  'max-block-size': 'max-height',
};

const isAuto = (t: CSSToken): boolean => t[0] === TokenType.Ident && asciiLower(t[4].value) === 'auto';

// Longhand and its index in the 1-to-4 value list's expansion (top 0, right 1, bottom 2, left 3).
const MARGIN: ReadonlyArray<[string, number]> = [
  ['margin-top', 0],
  ['margin-left', 3],
];
const INSET: ReadonlyArray<[string, number]> = [
  ['top', 0],
  ['right', 1],
  ['bottom', 2],
  ['left', 3],
];

/** CSS box shorthand: 1 value sets every side; 2 vertical, horizontal; 3 top, horizontal, bottom; 4 each. */
function sideIndex(n: number, side: number): number {
  return n === 1 ? 0 : n === 2 ? side % 2 : n === 3 ? (side === 3 ? 1 : side) : side;
}

/**
 * The value's top-level components as token ranges (a function is one, up to its `)`), blanks
 * left out; undefined when a block is not closed or a token is not a plain value (`{`, `;`).
 */
function components(tokens: readonly CSSToken[], from: number, to: number): Array<[number, number]> | undefined {
  const out: Array<[number, number]> = [];
  for (let i = from; i < to; i++) {
    const type = tokens[i][0];
    if (isBlank(type)) continue;
    if (type === TokenType.Function) {
      const end = functionEnd(tokens, i, to);
      out.push([i, end + 1]);
      i = end;
      continue;
    }
    if (type === TokenType.OpenCurly || type === TokenType.OpenSquare || type === TokenType.OpenParen || type === TokenType.BadString || type === TokenType.BadURL) return undefined;
    out.push([i, i + 1]);
  }
  return out;
}

/** The index of the `)` closing the function at `at`, or to - 1 when it is left open to the end. */
function functionEnd(tokens: readonly CSSToken[], at: number, to: number): number {
  let depth = 0;
  for (let i = at; i < to; i++) {
    const type = tokens[i][0];
    if (type === TokenType.Function || type === TokenType.OpenParen) depth++;
    else if (type === TokenType.CloseParen && --depth === 0) return i;
  }
  return to - 1;
}

// Font-size keywords and relative sizes as the `font` shorthand may hold them.
const SIZE_IN_FONT = new Set([...FONT_SIZE_WORDS].filter((w) => w !== 'math'));

/**
 * The `font-size` a `font` shorthand sets (`font: 0/0 a`, `font: bold 12px/1.2 Arial`): the
 * component before a `/`, else the first length, percentage, size keyword or math function;
 * a bare `0` is a length, other bare numbers are weights. A system font (`caption`) sets a size
 * the walk does not know: nothing is kept. With `var()` the whole value is kept, to expand once
 * substituted.
 */
function fontShorthand(tokens: readonly CSSToken[], from: number, to: number, important: boolean, want: PropertyFilter, out: Declaration[]): void {
  if (!want('font-size')) return;
  const parts = components(tokens, from, to);
  if (parts === undefined || parts.length === 0) return;
  const value = valueText(tokens, from, to, false);
  if (value.includes('var(')) {
    out.push({ name: 'font-size', value, important, shorthand: 'font' });
    return;
  }
  const heads = parts.map((r) => tokens[r[0]]);
  if (heads.length === 1 && heads[0][0] === TokenType.Ident && WIDE.has(asciiLower(heads[0][4].value))) {
    out.push({ name: 'font-size', value, important });
    return;
  }
  const slash = heads.findIndex((t) => t[0] === TokenType.Delim && t[4].value === '/');
  const isSize = (t: CSSToken): boolean =>
    (t[0] === TokenType.Dimension && LENGTH_UNITS.has(asciiLower(t[4].unit))) ||
    t[0] === TokenType.Percentage ||
    t[0] === TokenType.Function ||
    (t[0] === TokenType.Number && t[4].value === 0) ||
    (t[0] === TokenType.Ident && SIZE_IN_FONT.has(asciiLower(t[4].value)));
  const at = slash > 0 ? slash - 1 : heads.findIndex(isSize);
  if (at < 0 || !isSize(heads[at])) return;
  out.push({ name: 'font-size', value: valueText(tokens, parts[at][0], parts[at][1], false), important });
}

// What a mask layer's image can be; the other words of a layer (position, size, repeat, origin, clip, composite, mode) are not.
const IMAGE_FUNCTIONS = /^(?:-webkit-)?(?:repeating-)?(?:linear|radial|conic)-gradient$|^(?:-webkit-)?(?:image|image-set|cross-fade|url|src|element|paint|gradient)$/;

/**
 * The `mask-image` a `mask` shorthand (or `-webkit-mask`) sets: each comma-separated layer's
 * image, `none` where the layer names none (the shorthand resets what it leaves out). The other
 * components are not checked (a shorthand Chromium drops for them is read as setting its images).
 * With `var()` the whole value is kept, to expand once substituted.
 */
function maskShorthand(tokens: readonly CSSToken[], from: number, to: number, important: boolean, want: PropertyFilter, out: Declaration[]): void {
  if (!want('mask-image')) return;
  const parts = components(tokens, from, to);
  if (parts === undefined || parts.length === 0) return;
  const value = valueText(tokens, from, to, false);
  const heads = parts.map((r) => tokens[r[0]]);
  if (value.includes('var(') || (heads.length === 1 && heads[0][0] === TokenType.Ident && WIDE.has(asciiLower(heads[0][4].value)))) {
    out.push({ name: 'mask-image', value, important, ...(value.includes('var(') ? { shorthand: 'mask' } : {}) });
    return;
  }
  const layers: string[] = [];
  let image: string | undefined;
  for (let i = 0; i <= parts.length; i++) {
    const t = heads[i];
    if (i === parts.length || t[0] === TokenType.Comma) {
      layers.push(image ?? 'none');
      image = undefined;
      continue;
    }
    const isImage = t[0] === TokenType.URL || (t[0] === TokenType.Function && IMAGE_FUNCTIONS.test(asciiLower(t[4].value))) || isIdent(t, 'none');
    if (!isImage) continue;
    // Two images in one layer: not a value Chromium takes.
    if (image !== undefined) return;
    image = valueText(tokens, parts[i][0], parts[i][1], false);
  }
  out.push({ name: 'mask-image', value: layers.join(', '), important });
}
