import { color } from '@csstools/css-color-parser';
import { isFunctionNode, isTokenNode, isWhiteSpaceOrCommentNode, parseCommaSeparatedListOfComponentValues, type ComponentValue, type FunctionNode } from '@csstools/css-parser-algorithms';
import { TokenType } from '@csstools/css-tokenizer';
import { asciiLower, cssTokens } from './css-declarations.js';
import { LENGTH_UNITS } from './css-properties.js';

// Past this many tokens a mask is not read (it is then taken to show the element).
const MAX_TOKENS = 400;

/**
 * Whether a `mask-image` (what `mask` and the -webkit- forms set too) lets nothing of the
 * element through: every layer is `none` or an image of fully transparent colours (a gradient
 * whose every colour stop has alpha 0, `image(<color>)`), and one at least is not `none`.
 * Whatever `mask-composite` and `mask-mode` say, layers that are all alpha 0 composite to alpha
 * 0 (luminance is multiplied by alpha). A url(), image-set() or anything else is an image only
 * a fetch shows, so the mask is taken to show the element; so is a colour this cannot decide
 * (`currentcolor`). A gradient the parser drops (an unknown word before the stops, a bare
 * number as a position) makes the declaration invalid: no mask. Proven in Chromium 150
 * (test/browser/cases/visibility-masks.ts).
 */
export function maskHides(value: string | undefined): boolean {
  if (value === undefined) return false;
  const tokens = cssTokens(value);
  if (tokens.length > MAX_TOKENS) return false;
  let image = false;
  for (const layer of parseCommaSeparatedListOfComponentValues(tokens)) {
    const parts = layer.filter((c) => !isWhiteSpaceOrCommentNode(c));
    if (parts.length !== 1) return false;
    const part = parts[0];
    if (isTokenNode(part) && part.value[0] === TokenType.Ident && asciiLower(part.value[4].value) === 'none') continue;
    if (!isFunctionNode(part) || !transparentImage(part)) return false;
    image = true;
  }
  return image;
}

/**
 * Whether a `-webkit-mask-box-image` (an image drawn over the border box as a nine-slice mask)
 * lets nothing through: its image, the first component, is one of fully transparent colours.
 */
export function maskBoxImageHides(value: string | undefined): boolean {
  if (value === undefined) return false;
  const tokens = cssTokens(value);
  if (tokens.length > MAX_TOKENS) return false;
  const layers = parseCommaSeparatedListOfComponentValues(tokens);
  if (layers.length !== 1) return false;
  const first = layers[0].find((c) => !isWhiteSpaceOrCommentNode(c));
  return first !== undefined && isFunctionNode(first) && transparentImage(first);
}

const GRADIENTS = new Set([
  'linear-gradient',
  'repeating-linear-gradient',
  'radial-gradient',
  'repeating-radial-gradient',
  'conic-gradient',
  'repeating-conic-gradient',
  '-webkit-linear-gradient',
  '-webkit-repeating-linear-gradient',
  '-webkit-radial-gradient',
  '-webkit-repeating-radial-gradient',
]);

function transparentImage(fn: FunctionNode): boolean {
  const name = asciiLower(fn.getName());
  const args = argumentsOf(fn);
  if (name === 'image') return args.length === 1 && args[0].length === 1 && transparent(args[0][0]);
  if (name === '-webkit-gradient') return legacyGradientTransparent(args);
  if (!GRADIENTS.has(name)) return false;
  const kind = name.includes('linear') ? 'linear' : name.includes('radial') ? 'radial' : 'conic';
  let stops = 0;
  let previousWasStop = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const colours = arg.filter((c) => color(c) !== false || isCurrentColour(c));
    if (colours.length === 0) {
      // The gradient's line, shape or start before the stops; later, a transition hint between two stops.
      if (i === 0 ? !validPrelude(arg, kind, name.startsWith('-webkit-')) : !(previousWasStop && arg.length === 1 && isPosition(arg[0], kind))) return false;
      previousWasStop = false;
      continue;
    }
    if (colours.length !== 1 || arg.length > 3) return false;
    if (!arg.every((c) => c === colours[0] || isPosition(c, kind))) return false;
    if (!transparent(colours[0])) return false;
    stops++;
    previousWasStop = true;
  }
  return stops > 0 && previousWasStop;
}

/** A colour with alpha 0 (`transparent`, `#0000`, `rgb(0 0 0 / 0)`, a mix of such). */
function transparent(c: ComponentValue): boolean {
  const parsed = color(c);
  return parsed !== false && typeof parsed.alpha === 'number' && parsed.alpha === 0;
}

const isCurrentColour = (c: ComponentValue): boolean => isTokenNode(c) && c.value[0] === TokenType.Ident && asciiLower(c.value[4].value) === 'currentcolor';

/** The function's arguments split at top-level commas, blanks and comments left out. */
function argumentsOf(fn: FunctionNode): ComponentValue[][] {
  const out: ComponentValue[][] = [[]];
  for (const c of fn.value) {
    if (isTokenNode(c) && c.value[0] === TokenType.Comma) out.push([]);
    else if (!isWhiteSpaceOrCommentNode(c)) out[out.length - 1].push(c);
  }
  return out;
}

/** A colour stop's position: a length or percentage (linear, radial), an angle or percentage (conic), 0, or a math function. */
function isPosition(c: ComponentValue, kind: string): boolean {
  if (isFunctionNode(c)) return MATH.has(asciiLower(c.getName()));
  if (!isTokenNode(c)) return false;
  const t = c.value;
  if (t[0] === TokenType.Percentage) return true;
  if (t[0] === TokenType.Number) return t[4].value === 0;
  if (t[0] !== TokenType.Dimension) return false;
  const unit = asciiLower(t[4].unit);
  return kind === 'conic' ? ANGLE_UNITS.has(unit) : LENGTH_UNITS.has(unit);
}

const MATH = new Set(['calc', 'min', 'max', 'clamp', 'round', 'mod', 'rem', 'abs', 'sign', '-webkit-calc']);
const ANGLE_UNITS = new Set(['deg', 'grad', 'rad', 'turn']);
const SIDES_X = new Set(['left', 'right']);
const SIDES_Y = new Set(['top', 'bottom']);
const INTERPOLATION = new Set([
  'in',
  'srgb',
  'srgb-linear',
  'display-p3',
  'display-p3-linear',
  'a98-rgb',
  'prophoto-rgb',
  'rec2020',
  'lab',
  'oklab',
  'xyz',
  'xyz-d50',
  'xyz-d65',
  'hsl',
  'hwb',
  'lch',
  'oklch',
  'shorter',
  'longer',
  'increasing',
  'decreasing',
  'hue',
]);
const RADIAL = new Set(['circle', 'ellipse', 'closest-side', 'closest-corner', 'farthest-side', 'farthest-corner', 'contain', 'cover', 'at', 'center', ...SIDES_X, ...SIDES_Y]);

/**
 * The words before a gradient's colour stops, read loosely: only words and units the gradient
 * may take (a word it cannot, `bogus`, makes Chromium drop the whole value). linear: `to` and one
 * or two sides of different axes, or an angle; the legacy -webkit- form names its start side
 * without `to`; radial: shape, extent and `at` a position; conic: `from` an angle, `at` a
 * position. Each may name an interpolation colour space (`in oklab`).
 */
function validPrelude(words: readonly ComponentValue[], kind: string, legacy: boolean): boolean {
  const idents: string[] = [];
  for (const w of words) {
    if (isTokenNode(w) && w.value[0] === TokenType.Ident) idents.push(asciiLower(w.value[4].value));
    else if (kind === 'linear' ? !isAngle(w) : kind === 'conic' ? !isAngle(w) && !isPosition(w, 'radial') : !isPosition(w, 'radial')) return false;
  }
  if (kind === 'linear') {
    const rest = idents.filter((w) => !INTERPOLATION.has(w));
    const sides = rest[0] === 'to' ? rest.slice(1) : legacy ? rest : rest.length ? ['bad'] : [];
    if (sides.length > 2 || (rest[0] === 'to' && sides.length === 0)) return false;
    const x = sides.filter((s) => SIDES_X.has(s)).length;
    const y = sides.filter((s) => SIDES_Y.has(s)).length;
    return x <= 1 && y <= 1 && x + y === sides.length;
  }
  const allowed = kind === 'radial' ? RADIAL : CONIC;
  return idents.every((w) => allowed.has(w) || INTERPOLATION.has(w));
}
const CONIC = new Set(['from', 'at', 'center', ...SIDES_X, ...SIDES_Y]);

function isAngle(c: ComponentValue): boolean {
  if (isFunctionNode(c)) return MATH.has(asciiLower(c.getName()));
  if (!isTokenNode(c)) return false;
  const t = c.value;
  if (t[0] === TokenType.Number) return t[4].value === 0;
  return t[0] === TokenType.Dimension && ANGLE_UNITS.has(asciiLower(t[4].unit));
}

/**
 * WebKit's first gradient syntax, `-webkit-gradient(linear, left top, left bottom, from(c),
 * to(c), color-stop(50%, c))`: the type, its points (and radii), then the stops, every one of
 * which must be transparent.
 */
function legacyGradientTransparent(args: readonly ComponentValue[][]): boolean {
  const type = args[0]?.length === 1 && isTokenNode(args[0][0]) && args[0][0].value[0] === TokenType.Ident ? asciiLower(args[0][0].value[4].value) : '';
  const points = type === 'linear' ? 2 : type === 'radial' ? 4 : -1;
  if (points < 0 || args.length <= points + 1) return false;
  for (const stop of args.slice(points + 1)) {
    if (stop.length !== 1 || !isFunctionNode(stop[0])) return false;
    const fn = asciiLower(stop[0].getName());
    const inner = argumentsOf(stop[0]);
    const colour = fn === 'color-stop' ? inner[1] : fn === 'from' || fn === 'to' ? inner[0] : undefined;
    if (!colour || colour.length !== 1 || (fn === 'color-stop' && inner.length !== 2) || !transparent(colour[0])) return false;
  }
  return true;
}
