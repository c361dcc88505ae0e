import type { Options } from 'css-select';
import nthCheck from 'nth-check';
import type { ElementContext } from './element-context.js';

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
  getParent: (ctx) => ctx.parent,
  prevElementSibling: (ctx) => ctx.previous,
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
const nthCache = new Map<string, (index: number) => boolean>();
function nth(formula: string | null | undefined): (index: number) => boolean {
  const key = formula ?? '';
  let check = nthCache.get(key);
  if (!check) {
    check = nthCheck(key);
    if (nthCache.size < 1000) nthCache.set(key, check);
  }
  return check;
}

// States a message at rest is never in: nothing is hovered, focused, targeted or visited.
const NEVER = ['hover', 'active', 'focus', 'focus-visible', 'focus-within', 'visited', 'target', 'target-within', 'autofill', '-webkit-autofill', 'user-invalid', 'user-valid', 'fullscreen', 'modal', 'picture-in-picture', 'playing', 'paused', 'popover-open'];

type Pseudo = (ctx: ElementContext, data?: string | null) => boolean;
const pseudos: Record<string, Pseudo> = {
  // From the counts the walk keeps: css-select's own walk the siblings each time (quadratic).
  'nth-child': (ctx, data) => nth(data)(ctx.index - 1),
  'nth-of-type': (ctx, data) => nth(data)(ctx.typeIndex - 1),
  'first-of-type': (ctx) => ctx.typeIndex === 1,
  defined: () => true,
  ...Object.fromEntries(NEVER.map((name) => [name, () => false])),
};

/** css-select's options for the cascade: our adapter, HTML rules, no cached results (the tree is being built). */
export function selectOptions(quirks: boolean): Options<ElementContext, ElementContext> {
  return { adapter, xmlMode: false, quirksMode: quirks, cacheResults: false, relativeSelector: false, pseudos };
}

/** Pseudo-classes the cascade evaluates (css-select's own, or the ones above). */
export const EVALUATED = new Set([
  'not', 'is', 'where', 'first-child', 'root', 'scope', 'link', 'any-link', 'checked', 'disabled', 'enabled', 'required', 'optional', 'read-only', 'read-write',
  ...Object.keys(pseudos),
]);

/**
 * Standard pseudo-classes that depend on what follows the element in the tree (children, later
 * siblings) or on state the walk does not have (`:lang` looks up every ancestor): a selector
 * using one is not applied (see cascade.ts).
 */
export const UNANSWERED = new Set([
  'last-child', 'last-of-type', 'only-child', 'only-of-type', 'nth-last-child', 'nth-last-of-type', 'empty', 'has', 'blank',
  'valid', 'invalid', 'in-range', 'out-of-range', 'placeholder-shown', 'default', 'indeterminate', 'lang', 'dir', 'host', 'host-context', 'state',
]);
