import { isTokenNumeric, tokenize, TokenType, type CSSToken } from '@csstools/css-tokenizer';
import { isFunctionNode, isTokenNode, type ComponentValue } from '@csstools/css-parser-algorithms';
import {
  isGeneralEnclosed,
  isMediaCondition,
  isMediaConditionListWithAnd,
  isMediaConditionListWithOr,
  isMediaFeature,
  isMediaFeatureBoolean,
  isMediaFeaturePlain,
  isMediaFeatureRangeNameValue,
  isMediaFeatureRangeValueName,
  isMediaFeatureRangeValueNameValue,
  isMediaNot,
  isMediaQueryInvalid,
  isMediaQueryWithType,
  isMediaQueryWithoutType,
  MediaFeatureEQ,
  MediaFeatureGT,
  MediaFeatureLT,
  parseFromTokens,
  type MediaCondition,
  type MediaFeature,
  type MediaFeatureComparison,
  type MediaFeatureValue,
  type MediaInParens,
  type MediaQuery,
} from '@csstools/media-query-list-parser';
import { asciiLower } from './css-declarations.js';
import { checkCssEscapes } from './css-escape-limit.js';

/**
 * The screen the cascade assumes: a desktop mail client on a 1280x720 screen, its message
 * shown in a viewport as wide as the screen, one device pixel per CSS pixel, a mouse, light
 * mode, no scripting (mail clients run none). Newsletters hide their mobile-only parts with
 * `@media (max-width: 600px)`; at this size those rules do not apply.
 */
const SCREEN = { width: 1280, height: 720 };
const EM = 16;

// Discrete features and the values they have on that screen.
const DISCRETE: Record<string, string> = {
  orientation: 'landscape',
  'prefers-color-scheme': 'light',
  'prefers-reduced-motion': 'no-preference',
  'prefers-reduced-transparency': 'no-preference',
  'prefers-contrast': 'no-preference',
  'prefers-reduced-data': 'no-preference',
  'forced-colors': 'none',
  'inverted-colors': 'none',
  hover: 'hover',
  'any-hover': 'hover',
  pointer: 'fine',
  'any-pointer': 'fine',
  scripting: 'none',
  update: 'fast',
  'overflow-block': 'scroll',
  'overflow-inline': 'scroll',
  'display-mode': 'browser',
  'color-gamut': 'srgb',
  'dynamic-range': 'standard',
  'video-dynamic-range': 'standard',
  scan: 'progressive',
};

// Range features: their value on that screen, and what kind of value they compare with.
const RANGE: Record<string, { value: number; kind: 'length' | 'ratio' | 'resolution' | 'integer' }> = {
  width: { value: SCREEN.width, kind: 'length' },
  height: { value: SCREEN.height, kind: 'length' },
  'device-width': { value: SCREEN.width, kind: 'length' },
  'device-height': { value: SCREEN.height, kind: 'length' },
  'aspect-ratio': { value: SCREEN.width / SCREEN.height, kind: 'ratio' },
  'device-aspect-ratio': { value: SCREEN.width / SCREEN.height, kind: 'ratio' },
  resolution: { value: 1, kind: 'resolution' },
  '-webkit-device-pixel-ratio': { value: 1, kind: 'integer' },
  color: { value: 8, kind: 'integer' },
  'color-index': { value: 0, kind: 'integer' },
  monochrome: { value: 0, kind: 'integer' },
  grid: { value: 0, kind: 'integer' },
};

const LENGTH_PX: Record<string, number> = {
  px: 1,
  em: EM,
  rem: EM,
  ex: EM / 2,
  ch: EM / 2,
  pt: 96 / 72,
  pc: 16,
  in: 96,
  cm: 96 / 2.54,
  mm: 96 / 25.4,
  q: 96 / 101.6,
  vw: SCREEN.width / 100,
  vh: SCREEN.height / 100,
  vmin: SCREEN.height / 100,
  vmax: SCREEN.width / 100,
};
const DPPX: Record<string, number> = { dppx: 1, x: 1, dpi: 1 / 96, dpcm: 2.54 / 96 };

/**
 * Whether a media query list (the prelude of `@media`) matches that screen. An empty list
 * matches; a query that does not parse is `not all`; an unknown media type or feature does not
 * match (as Chromium treats them).
 */
export function mediaMatches(prelude: CSSToken[]): boolean {
  const tokens = prelude.filter((t) => t[0] !== TokenType.Comment);
  if (tokens.every((t) => t[0] === TokenType.Whitespace)) return true;
  const queries = parseFromTokens(tokens, { preserveInvalidMediaQueries: true });
  if (queries.length === 0) return true;
  return queries.some(queryMatches);
}

function queryMatches(q: MediaQuery): boolean {
  if (isMediaQueryInvalid(q)) return false;
  if (isMediaQueryWithoutType(q)) return condition(q.media) === true;
  if (!isMediaQueryWithType(q)) return false;
  const type = asciiLower(q.getMediaType());
  const typeOk = type === 'all' || type === 'screen';
  const result = typeOk && (q.media === undefined || condition(q.media) === true);
  return asciiLower(q.getModifier()) === 'not' ? !result : result;
}

// Media Queries 4 three-valued logic: unknown (undefined) for what cannot be evaluated.
type Tri = boolean | undefined;

function condition(c: MediaCondition): Tri {
  const m = c.media;
  if (isMediaNot(m)) return not(inParens(m.media));
  if (isMediaConditionListWithAnd(m)) return [m.leading, ...m.list.map((x) => x.media)].map(inParens).reduce<Tri>(and, true);
  if (isMediaConditionListWithOr(m)) return [m.leading, ...m.list.map((x) => x.media)].map(inParens).reduce<Tri>(or, false);
  return inParens(m);
}

const not = (v: Tri): Tri => (v === undefined ? undefined : !v);
const and = (a: Tri, b: Tri): Tri => (a === false || b === false ? false : a === undefined || b === undefined ? undefined : true);
const or = (a: Tri, b: Tri): Tri => (a === true || b === true ? true : a === undefined || b === undefined ? undefined : false);

function inParens(p: MediaInParens): Tri {
  const m = p.media;
  if (isMediaCondition(m)) return condition(m);
  if (isMediaFeature(m)) return feature(m);
  if (isGeneralEnclosed(m)) return undefined;
  return undefined;
}

function feature(f: MediaFeature): Tri {
  const inner = f.feature;
  const name = asciiLower(inner.getName());
  if (isMediaFeatureBoolean(inner)) {
    if (name in DISCRETE) return DISCRETE[name] !== 'none' && DISCRETE[name] !== 'no-preference';
    const range = RANGE[name];
    return range ? range.value !== 0 : undefined;
  }
  if (isMediaFeaturePlain(inner)) {
    if (name in DISCRETE) return identOf(inner.value) === DISCRETE[name];
    // `min-width`, and WebKit's `-webkit-min-device-pixel-ratio`.
    const prefixed = /^(-webkit-)?(min|max)-(.*)$/.exec(name);
    const range = RANGE[prefixed ? (prefixed[1] ?? '') + prefixed[3] : name];
    if (!range) return undefined;
    const v = valueOf(inner.value, range.kind);
    if (v === undefined) return undefined;
    if (!prefixed) return range.value === v;
    return prefixed[2] === 'min' ? range.value >= v : range.value <= v;
  }
  if (isMediaFeatureRangeNameValue(inner) || isMediaFeatureRangeValueName(inner)) {
    const range = RANGE[name];
    if (!range) return undefined;
    const v = valueOf(inner.value, range.kind);
    const op = inner.operatorKind();
    if (v === undefined || op === false) return undefined;
    // `width < 600px` reads feature OP value; `600px < width` reads value OP feature.
    return isMediaFeatureRangeNameValue(inner) ? compare(range.value, op, v) : compare(v, op, range.value);
  }
  if (isMediaFeatureRangeValueNameValue(inner)) {
    const range = RANGE[name];
    if (!range) return undefined;
    const one = valueOf(inner.valueOne, range.kind);
    const two = valueOf(inner.valueTwo, range.kind);
    const opOne = inner.valueOneOperatorKind();
    const opTwo = inner.valueTwoOperatorKind();
    if (one === undefined || two === undefined || opOne === false || opTwo === false) return undefined;
    return compare(one, opOne, range.value) && compare(range.value, opTwo, two);
  }
  return undefined;
}

function compare(a: number, op: MediaFeatureComparison, b: number): boolean {
  switch (op) {
    case MediaFeatureLT.LT:
      return a < b;
    case MediaFeatureLT.LT_OR_EQ:
      return a <= b;
    case MediaFeatureGT.GT:
      return a > b;
    case MediaFeatureGT.GT_OR_EQ:
      return a >= b;
    case MediaFeatureEQ.EQ:
      return a === b;
    default:
      return false;
  }
}

function tokensOf(v: MediaFeatureValue): CSSToken[] {
  const values: ComponentValue[] = Array.isArray(v.value) ? v.value : [v.value];
  return values.flatMap((c) => c.tokens()).filter((t) => t[0] !== TokenType.Whitespace && t[0] !== TokenType.Comment);
}

function identOf(v: MediaFeatureValue): string | undefined {
  const t = tokensOf(v);
  return t.length === 1 && t[0][0] === TokenType.Ident ? asciiLower(t[0][4].value) : undefined;
}

/** A feature value as a number in px, dppx, a ratio or a plain integer; undefined when it is not one. */
function valueOf(v: MediaFeatureValue, kind: 'length' | 'ratio' | 'resolution' | 'integer'): number | undefined {
  const values: ComponentValue[] = Array.isArray(v.value) ? v.value : [v.value];
  if (values.some((c) => isFunctionNode(c))) return undefined;
  const t = tokensOf(v);
  if (kind === 'ratio') {
    // `16/9`, `16 / 9` or a single number.
    const nums = t.filter((x) => x[0] === TokenType.Number).map((x) => (x[4] as { value: number }).value);
    const slash = t.some((x) => x[0] === TokenType.Delim && x[4].value === '/');
    if (nums.length === 2 && slash && t.length === 3) return nums[0] / nums[1];
    return nums.length === 1 && t.length === 1 ? nums[0] : undefined;
  }
  if (t.length !== 1 || !isTokenNode(values[0]) || !isTokenNumeric(t[0])) return undefined;
  const token = t[0];
  if (token[0] === TokenType.Number) return kind === 'integer' || (kind === 'length' && token[4].value === 0) ? token[4].value : undefined;
  if (token[0] !== TokenType.Dimension) return undefined;
  const unit = asciiLower(token[4].unit);
  const per = kind === 'length' ? LENGTH_PX[unit] : kind === 'resolution' ? DPPX[unit] : undefined;
  return per === undefined ? undefined : token[4].value * per;
}

/** Whether a `media` attribute (of `<style>`, `<link>`) matches that screen: absent or empty matches. */
export function mediaAttributeMatches(media: string | undefined): boolean {
  if (media === undefined) return true;
  checkCssEscapes(media);
  return mediaMatches(tokenize({ css: media }).filter((t) => t[0] !== TokenType.EOF));
}
