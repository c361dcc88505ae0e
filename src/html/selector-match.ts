import type { CompiledSelector } from './css-selectors.js';
import { HEAVY_SELECTOR } from './selector-bounds.js';
import type { ElementContext } from './element-context.js';

// Memo keys: selector id, segment index, and which question (MAX_SEGMENTS keeps them apart).
const MATCH = 0;
const ANCESTOR = 1;
const SIBLING = 2;
export const MAX_SEGMENTS = 85;
const key = (sel: CompiledSelector, k: number, what: number): number => sel.id * 256 + k * 3 + what;

/**
 * The answers one document may memoise for selectors with combinators. Each answer is O(1) once,
 * so the matching is linear in elements x such selectors; a message can make that product
 * quadratic in its size (10,000 rules `.cN ~ img` over 10,000 siblings: 10^8 answers, 4 GB, as
 * an attacker measured). Past the budget, selectors with combinators stop applying for the
 * document (`CascadeBudget.exhausted`): the hidden and size verdicts then rest on inline styles,
 * attributes and one-segment rules, and the extraction says so.
 */
export const MATCH_BUDGET = 2_000_000;

export interface CascadeBudget {
  left: number;
  exhausted: boolean;
}

class OverBudget extends Error {}

/** Whether `sel` matches the element of `ctx`. */
export function matches(sel: CompiledSelector, ctx: ElementContext, budget?: CascadeBudget): boolean {
  // A heavy selector (an attacker's `img:not(.a1):not(.a2)...` in 600 rules over 100,000
  // elements) costs its weight per element: charged, so that matching stays bounded by the budget.
  if (sel.weight > HEAVY_SELECTOR && budget) {
    if (budget.exhausted) return false;
    budget.left -= sel.weight;
    if (budget.left < 0) {
      budget.exhausted = true;
      return false;
    }
  }
  // One segment (`.x`, `td > img`): nothing to remember, css-select answers it directly.
  if (sel.segments.length === 1 && !sel.deep) return sel.segments[0].test(ctx);
  if (budget?.exhausted) return false;
  current = budget;
  walking = sel.deep ? budget : undefined;
  try {
    return sel.segments.length === 1 ? sel.segments[0].test(ctx) : matchAt(sel, sel.segments.length - 1, ctx);
  } catch (error) {
    if (!(error instanceof OverBudget)) throw error;
    return false;
  } finally {
    current = undefined;
    walking = undefined;
  }
}

let current: CascadeBudget | undefined;
// Set while a `deep` selector is tested: each step css-select takes to a parent or a previous
// sibling costs one answer of the budget (an attacker's `:not(div div div ... img)` over deep
// nesting would walk every ancestor for every element).
let walking: CascadeBudget | undefined;

/** Called by the css-select adapter for each step up or back: charges a deep selector's walk. */
export function chargeWalk(): void {
  if (walking && --walking.left < 0) {
    walking.exhausted = true;
    throw new OverBudget();
  }
}

function remember(ctx: ElementContext, memoKey: number, value: boolean): void {
  if (current && --current.left < 0) {
    current.exhausted = true;
    throw new OverBudget();
  }
  (ctx.memo ??= new Map()).set(memoKey, value);
}

/**
 * Whether segments 0..k match with `ctx` as the subject of segment k. Each answer is kept on the
 * element, and the walk up to the nearest answered ancestor (or back to the nearest answered
 * sibling) fills in every element it passes, so each question is answered once per element:
 * linear in the document for a given sheet, however deep or wide it is.
 */
function matchAt(sel: CompiledSelector, k: number, ctx: ElementContext): boolean {
  const memoKey = key(sel, k, MATCH);
  const known = ctx.memo?.get(memoKey);
  if (known !== undefined) return known;
  let result = false;
  const segment = sel.segments[k];
  if (segment.test(ctx)) {
    if (k === 0) result = true;
    else {
      const anchor = leftmost(ctx, segment.hops);
      result = anchor !== null && (sel.combinators[k - 1] === 'descendant' ? someAbove(sel, k - 1, anchor, 'parent', ANCESTOR) : someAbove(sel, k - 1, anchor, 'previous', SIBLING));
    }
  }
  remember(ctx, memoKey, result);
  return result;
}

/** The leftmost element of a segment matched at `ctx` (its `>` and `+` hops followed). */
function leftmost(ctx: ElementContext, hops: ReadonlyArray<'parent' | 'previous'>): ElementContext | null {
  let c: ElementContext | null = ctx;
  for (const hop of hops) {
    if (!c) return null;
    c = c[hop];
  }
  return c;
}

/**
 * Whether some element strictly above `ctx` along `link` (an ancestor, or a previous sibling)
 * matches segments 0..k. Iterative: a document may nest 100,000 elements.
 */
function someAbove(sel: CompiledSelector, k: number, ctx: ElementContext, link: 'parent' | 'previous', what: number): boolean {
  const memoKey = key(sel, k, what);
  // Walk up to the first element whose answer is known, then answer downwards.
  const path: ElementContext[] = [];
  let c: ElementContext | null = ctx;
  let above = false;
  while (c) {
    const known = c.memo?.get(memoKey);
    if (known !== undefined) {
      above = known;
      break;
    }
    path.push(c);
    c = c[link];
  }
  // above = the answer for the element where the walk stopped (false past the top).
  for (let i = path.length - 1; i >= 0; i--) {
    const next = path[i][link];
    above = above || (next !== null && matchAt(sel, k, next));
    remember(path[i], memoKey, above);
  }
  return above;
}
