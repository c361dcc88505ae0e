import { compile, type Options } from 'css-select';
import { parse } from 'css-what';
import nthCheck from 'nth-check';
import type { ElementContext } from './element-context.js';
import { chargeWalk } from './selector-match.js';
import { OWN_PSEUDOS, splitOf } from './selector-normalise.js';
import { TextKeyedCache } from './text-keyed-cache.js';

/**
 * css-select over element contexts: an element knows its parent and previous siblings only.
 * Selectors that look at children or later siblings are never compiled (see css-selectors.ts),
 * so `getChildren` has nothing to give.
 */
// css-select exports its Options type only; the adapter's type is read from it.
type Adapter = NonNullable<Options<ElementContext, ElementContext>['adapter']>;
const adapter: Adapter = {
  isTag: (_node): _node is ElementContext => true,
  getAttributeValue: (ctx, name) => (Object.hasOwn(ctx.el.attrs, name) ? ctx.el.attrs[name] : undefined),
  hasAttrib: (ctx, name) => Object.hasOwn(ctx.el.attrs, name),
  getName: (ctx) => ctx.el.name,
  getParent: (ctx) => {
    chargeWalk();
    return ctx.parent;
  },
  prevElementSibling: (ctx) => {
    chargeWalk();
    return ctx.previous;
  },
  getChildren: () => [],
  // The previous siblings and the element itself, in order: all css-select asks of it here.
  getSiblings: (ctx) => {
    const out: ElementContext[] = [];
    for (let c: ElementContext | null = ctx; c; c = c.previous) out.push(c);
    return out.reverse();
  },
  getText: () => '',
  removeSubsets: (nodes) => nodes,
};

// `nth-check` compiles `2n+1` once; a sheet repeats the same few formulas.
const nthCache = new TextKeyedCache<(index: number) => boolean>({ maxChars: 64_000, maxEntries: 1000, maxKeyChars: 64 });
function nth(formula: string | null | undefined): (index: number) => boolean {
  return nthCache.get(formula ?? '', nthCheck);
}

// States a message at rest is never in: nothing is hovered, focused, targeted or visited.
const NEVER = [
  'hover',
  'active',
  'focus',
  'focus-visible',
  'focus-within',
  'visited',
  'target',
  'target-within',
  'autofill',
  '-webkit-autofill',
  'user-invalid',
  'user-valid',
  'fullscreen',
  'modal',
  'picture-in-picture',
  'popover-open',
  'active-view-transition',
  'xr-overlay',
  'target-current',
];
// (`:playing`, `:paused` and the other media states are unknown to this Chromium: a selector
// with one is invalid and its rule dropped, as an unknown name is here.)

// Text controls a user can type in (the HTML standard's :read-write): input types that take text.
const TEXT_INPUTS = new Set(['', 'text', 'search', 'url', 'tel', 'email', 'password', 'date', 'month', 'week', 'time', 'datetime-local', 'number']);
const attr = (ctx: ElementContext, name: string): string | undefined => (Object.hasOwn(ctx.el.attrs, name) ? ctx.el.attrs[name] : undefined);

/** The HTML standard's :read-write: an enabled, writable text control, or an editable element (contenteditable, inherited). */
function readWrite(ctx: ElementContext): boolean {
  if (ctx.el.namespace !== 'html') return false;
  const name = ctx.el.name;
  if (name === 'textarea' || (name === 'input' && TEXT_INPUTS.has((attr(ctx, 'type') ?? '').trim().toLowerCase()))) return attr(ctx, 'readonly') === undefined && attr(ctx, 'disabled') === undefined;
  for (let c: ElementContext | null = ctx; c; c = c.parent) {
    const editable = attr(c, 'contenteditable');
    if (editable === undefined) continue;
    const v = editable.trim().toLowerCase();
    if (v === '' || v === 'true' || v === 'plaintext-only') return true;
    if (v === 'false') return false;
  }
  return false;
}

interface NthOf {
  readonly id: number;
  readonly nth: (index: number) => boolean;
  readonly test: (ctx: ElementContext) => boolean;
}
const nthOfCache = new TextKeyedCache<NthOf | null>({ maxChars: 1_000_000, maxEntries: 1000 });
let nthOfId = 0;

/** `:nth-child(An+B of S)`, compiled once per argument text (validated by selector-normalise.ts). */
function nthOf(data: string): NthOf | null {
  return nthOfCache.get(data, compileNthOf);
}

function compileNthOf(data: string): NthOf | null {
  const of = splitOf(data);
  try {
    return of ? { id: nthOfId++, nth: nthCheck(of.formula), test: compile<ElementContext, ElementContext>(parse(of.selector), options(false)) } : null;
  } catch {
    return null;
  }
}

/**
 * How many of `ctx` and its previous siblings match S: remembered on each element, so a wide
 * sibling list is counted once (walking back to the nearest element that knows, then forward).
 */
function countOf(of: NthOf, ctx: ElementContext): number {
  const path: ElementContext[] = [];
  let c: ElementContext | null = ctx;
  let count = 0;
  while (c) {
    const known = c.counts?.get(of.id);
    if (known !== undefined) {
      count = known;
      break;
    }
    path.push(c);
    c = c.previous;
  }
  for (let i = path.length - 1; i >= 0; i--) {
    chargeWalk();
    if (of.test(path[i])) count++;
    (path[i].counts ??= new Map()).set(of.id, count);
  }
  return count;
}

type Pseudo = (ctx: ElementContext, data?: string | null) => boolean;

const isHtml = (ctx: ElementContext, ...names: string[]): boolean => ctx.el.namespace === 'html' && names.includes(ctx.el.name);
const inputType = (ctx: ElementContext): string => (attr(ctx, 'type') ?? '').trim().toLowerCase();
const NUMERIC_RANGE = new Set(['number', 'range']);
const RANGED = new Set([...NUMERIC_RANGE, 'date', 'month', 'week', 'time', 'datetime-local']);

/**
 * The HTML standard's :in-range (true) or :out-of-range (false) on an input with range
 * limitations; null for any other element (matches neither). Only number and range compare
 * their value with min and max here; a date or time input counts as in range (an approximation).
 */
function inRange(ctx: ElementContext): boolean | null {
  if (!isHtml(ctx, 'input') || !RANGED.has(inputType(ctx))) return null;
  if (!NUMERIC_RANGE.has(inputType(ctx))) return true;
  const value = Number.parseFloat(attr(ctx, 'value') ?? '');
  if (Number.isNaN(value)) return true;
  const min = Number.parseFloat(attr(ctx, 'min') ?? '');
  const max = Number.parseFloat(attr(ctx, 'max') ?? '');
  // A range input clamps its value, so it is never out of range.
  if (inputType(ctx) === 'range') return true;
  return !(value < min) && !(value > max);
}

/** `:dir(ltr|rtl)`: the nearest `dir` attribute's direction, ltr by default (`dir=auto`, which reads the text after the element, is taken as ltr: an approximation). */
function direction(ctx: ElementContext): string {
  for (let c: ElementContext | null = ctx; c; c = c.parent) {
    chargeWalk();
    const d = attr(c, 'dir')?.trim().toLowerCase();
    if (d === 'ltr' || d === 'rtl') return d;
  }
  return 'ltr';
}

/** Pseudo-classes that need what follows the element: answered from counts made by a walk before (following-siblings.ts). */
export const FOLLOWING = new Set(['last-child', 'only-child', 'last-of-type', 'only-of-type', 'nth-last-child', 'nth-last-of-type']);

// The document walk always counts them when a selector needs them; a context made without
// (a caller of enterElement that did not count) reads as having siblings after it.
const followingOf = (ctx: ElementContext): number => ctx.following ?? -1;
const followingOfTypeOf = (ctx: ElementContext): number => ctx.followingOfType ?? -1;
const pseudos: Record<string, Pseudo> = {
  [OWN_PSEUDOS.readWrite]: readWrite,
  [OWN_PSEUDOS.readOnly]: (ctx) => !readWrite(ctx),
  [OWN_PSEUDOS.namespace]: (ctx, data) => ctx.el.namespace === data,
  [OWN_PSEUDOS.never]: () => false,
  [OWN_PSEUDOS.nthOf]: (ctx, data) => {
    const of = nthOf(data ?? '');
    return of !== null && of.test(ctx) && of.nth(countOf(of, ctx) - 1);
  },
  // From the counts the walk keeps: css-select's own walk the siblings each time (quadratic).
  'nth-child': (ctx, data) => nth(data)(ctx.index - 1),
  'nth-of-type': (ctx, data) => nth(data)(ctx.typeIndex - 1),
  'first-of-type': (ctx) => ctx.typeIndex === 1,
  // From the walk of following siblings (following-siblings.ts), which runs first whenever a
  // compiled selector uses these (css-selectors.ts `following`).
  'last-child': (ctx) => followingOf(ctx) === 0,
  'only-child': (ctx) => ctx.index === 1 && followingOf(ctx) === 0,
  'last-of-type': (ctx) => followingOfTypeOf(ctx) === 0,
  'only-of-type': (ctx) => ctx.typeIndex === 1 && followingOfTypeOf(ctx) === 0,
  'nth-last-child': (ctx, data) => ctx.following !== undefined && nth(data)(ctx.following),
  'nth-last-of-type': (ctx, data) => ctx.followingOfType !== undefined && nth(data)(ctx.followingOfType),
  defined: () => true,
  // States read from the markup alone (the message at rest: no script, nothing typed).
  open: (ctx) => isHtml(ctx, 'details', 'dialog') && attr(ctx, 'open') !== undefined,
  'placeholder-shown': (ctx) => isHtml(ctx, 'input') && TEXT_INPUTS.has(inputType(ctx)) && (attr(ctx, 'placeholder') ?? '') !== '' && (attr(ctx, 'value') ?? '') === '',
  // A checkbox is indeterminate only by script; a radio group with none checked is not read here (needs the whole form).
  indeterminate: (ctx) => isHtml(ctx, 'progress') && attr(ctx, 'value') === undefined,
  // A form's default submit button is not read here (needs the whole form).
  default: (ctx) => (isHtml(ctx, 'input') && (inputType(ctx) === 'checkbox' || inputType(ctx) === 'radio') && attr(ctx, 'checked') !== undefined) || (isHtml(ctx, 'option') && attr(ctx, 'selected') !== undefined),
  'in-range': (ctx) => inRange(ctx) === true,
  'out-of-range': (ctx) => inRange(ctx) === false,
  dir: (ctx, data) => direction(ctx) === (data ?? '').trim().toLowerCase(),
  // Custom element states are set by script only. Two parameters: css-select then requires the argument, as Chromium does.
  state: (_ctx, _name) => false,
  ...Object.fromEntries(NEVER.map((name) => [name, () => false])),
};

/** css-select's options for the cascade: our adapter, HTML rules, no cached results (the tree is being built). */
export function selectOptions(quirks: boolean): Options<ElementContext, ElementContext> {
  return options(quirks);
}

function options(quirks: boolean): Options<ElementContext, ElementContext> {
  return { adapter, xmlMode: false, quirksMode: quirks, cacheResults: false, relativeSelector: false, pseudos };
}

/** Pseudo-classes the cascade evaluates (css-select's own, or the ones above). */
export const EVALUATED = new Set(['not', 'is', 'where', 'first-child', 'root', 'scope', 'link', 'any-link', 'checked', 'disabled', 'enabled', 'required', 'optional', 'read-only', 'read-write', ...Object.keys(pseudos)]);

/**
 * Standard pseudo-classes that depend on what follows the element in the tree (children, later
 * siblings) or on state the walk does not have (`:lang` looks up every ancestor): a selector
 * using one is not applied (see cascade.ts).
 */
export const UNANSWERED = new Set(['empty', 'has', 'blank', 'valid', 'invalid', 'lang', 'host', 'host-context']);
