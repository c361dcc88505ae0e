import { compile } from 'css-select';
import { AttributeAction, parse, SelectorType, type Selector } from 'css-what';
import nthCheck from 'nth-check';
import { EVALUATED, FOLLOWING, UNANSWERED, selectOptions } from './css-select-adapter.js';
import type { ElementContext } from './element-context.js';
import { MAX_SEGMENTS } from './selector-match.js';
import { normaliseComplex, OWN_PSEUDOS, splitOf } from './selector-normalise.js';
import { MAX_SELECTOR_WEIGHT, selectorBounds } from './selector-bounds.js';

function safeParse(text: string): Selector[][] | undefined {
  try {
    return parse(text);
  } catch {
    return undefined;
  }
}

/**
 * One complex selector of a rule's selector list, compiled for the cascade. It is cut at its
 * descendant (` `) and general-sibling (`~`) combinators into segments that css-select matches
 * (each holds only `>` and `+`, so it looks a fixed number of elements away); how the segments
 * chain is answered by `selector-match.ts` with a memo on each element, so matching stays linear
 * in the document however deep it nests (css-select alone walks every ancestor for every element).
 */
export interface CompiledSelector {
  /** Specificity as one number: ids * 2^20 + classes, attributes and pseudo-classes * 2^10 + types. */
  readonly specificity: number;
  /** The rule bucket of the subject's compound: `#id`, `.class`, a tag name, or `*`. */
  readonly key: string;
  /** Segments left to right; `combinators[k]` joins segment k and k + 1. */
  readonly segments: readonly Segment[];
  readonly combinators: ReadonlyArray<'descendant' | 'sibling'>;
  /** A number unique to this selector, for the memo. */
  readonly id: number;
  /**
   * A `:is()` / `:not()` / `:where()` / `:nth-child(of)` argument holds a descendant or `~`
   * combinator: css-select walks ancestors or siblings for it, charged to the document's match
   * budget (selector-match.ts).
   */
  readonly deep: boolean;
  /** It uses `:last-child` or another pseudo-class of `FOLLOWING`: the walk must count following siblings first. */
  readonly following: boolean;
  /**
   * Its simple selectors and combinators, those of its arguments included: each match of a
   * selector heavier than HEAVY_SELECTOR costs this much of the document's match budget.
   */
  readonly weight: number;
}

/**
 * What compileSelectorList returns for a list past the bounds of selector-bounds.ts: the rule
 * is not compiled, and its document's cascade is too costly to apply in full (cascade.ts).
 */
export const TOO_COMPLEX: CompiledSelector[] = Object.freeze([]) as unknown as CompiledSelector[];

export interface Segment {
  readonly test: (ctx: ElementContext) => boolean;
  /** From the subject of the segment to its leftmost element: `parent` for `>`, `previous` for `+`, right to left. */
  readonly hops: ReadonlyArray<'parent' | 'previous'>;
}

let nextId = 0;

/**
 * The selectors of a selector list, or undefined when the list is invalid (a browser drops the
 * whole rule then). Selectors that name a pseudo-element, or a pseudo-class in `UNANSWERED`,
 * are left out of the list: a pre-order walk cannot tell whether they match (a documented
 * choice: such a rule is treated as not matching).
 */
export function compileSelectorList(text: string, quirks: boolean, namespaces: ReadonlyMap<string, string> = new Map()): CompiledSelector[] | undefined {
  const bounds = selectorBounds(text);
  if (bounds === 'too-complex') return TOO_COMPLEX;
  let list: Selector[][];
  try {
    list = parse(text);
  } catch {
    return undefined;
  }
  const out: CompiledSelector[] = [];
  let tooComplex = false;
  const options = selectOptions(quirks);
  for (const parsed of list) {
    usesFollowing = false;
    const complex = normaliseComplex(parsed, namespaces, (inner) => check(inner, true) === 'ok');
    if (complex === undefined) return undefined;
    const verdict = check(complex, false);
    if (verdict === 'invalid') return undefined;
    // Valid so far, but too heavy to compile (or to answer, once `:has()` is): the list is too
    // complex unless a later selector is invalid.
    if (bounds === 'parse' && weightOf(complex) > MAX_SELECTOR_WEIGHT) {
      tooComplex = true;
      continue;
    }
    if (verdict === 'unanswered') continue;
    const compiled = compileComplex(complex, quirks, options);
    if (compiled === undefined) return undefined;
    // Past the memo's key space (85 combinators in a row): not applied, as an unanswered one.
    if (compiled.segments.length <= MAX_SEGMENTS) out.push(usesFollowing ? { ...compiled, following: true } : compiled);
  }
  return tooComplex ? TOO_COMPLEX : out;
}

type Verdict = 'ok' | 'unanswered' | 'invalid';

// Set by checkPseudo while one complex selector (and what it holds) is checked.
let usesFollowing = false;

/**
 * Whether a complex selector can be compiled. Inside `:is()` / `:not()` / `:where()` a
 * descendant or `~` is taken too: css-select walks the ancestors or siblings for it, bounded by
 * the document's match budget (see `deep`).
 */
function check(complex: readonly Selector[], _inner: boolean): Verdict {
  let result: Verdict = 'ok';
  if (complex.length === 0 || isTraversal(complex[0]) || isTraversal(complex[complex.length - 1])) return 'invalid';
  for (const s of complex) {
    let v: Verdict;
    switch (s.type) {
      case SelectorType.PseudoElement:
        v = 'unanswered';
        break;
      case SelectorType.Pseudo:
        v = checkPseudo(s.name, s.data);
        break;
      case SelectorType.Descendant:
      case SelectorType.Sibling:
        v = 'ok';
        break;
      case SelectorType.Parent:
      case SelectorType.ColumnCombinator:
        v = 'invalid';
        break;
      default:
        v = 'ok';
    }
    if (v === 'invalid') return 'invalid';
    if (v === 'unanswered') result = 'unanswered';
  }
  return result;
}

const IDENT_ARGUMENT = /^-?[a-zA-Z_\u0080-\uffff][\w\u0080-\uffff-]*$/;

function checkPseudo(name: string, data: Selector[][] | string | null): Verdict {
  if (UNANSWERED.has(name)) return 'unanswered';
  if (FOLLOWING.has(name)) usesFollowing = true;
  if (!EVALUATED.has(name)) return 'invalid';
  if (Array.isArray(data)) {
    let result: Verdict = 'ok';
    for (const inner of data) {
      const v = check(inner, true);
      if (v === 'invalid') return 'invalid';
      if (v === 'unanswered') result = 'unanswered';
    }
    return result;
  }
  if (name === OWN_PSEUDOS.nthOf) return 'ok';
  // `:dir()` and `:state()` take one identifier: `:state()` is invalid, as in Chromium.
  if ((name === 'dir' || name === 'state') && !(typeof data === 'string' && IDENT_ARGUMENT.test(data.trim()))) return 'invalid';
  // `of S` counted from the end would need S matched on the siblings that follow: not done.
  if (name === 'nth-last-child' && typeof data === 'string' && splitOf(data)) return 'unanswered';
  if (name === 'nth-child' || name === 'nth-of-type' || name === 'nth-last-child' || name === 'nth-last-of-type') {
    try {
      nthCheck(data ?? '');
    } catch {
      return 'invalid';
    }
  }
  return 'ok';
}

function isTraversal(s: Selector): boolean {
  return s.type === SelectorType.Descendant || s.type === SelectorType.Child || s.type === SelectorType.Sibling || s.type === SelectorType.Adjacent || s.type === SelectorType.Parent || s.type === SelectorType.ColumnCombinator;
}

function compileComplex(complex: readonly Selector[], quirks: boolean, options: ReturnType<typeof selectOptions>): CompiledSelector | undefined {
  const segments: Segment[] = [];
  const combinators: Array<'descendant' | 'sibling'> = [];
  let current: Selector[] = [];
  const close = (): boolean => {
    const hops = current
      .filter(isTraversal)
      .map((s) => (s.type === SelectorType.Child ? 'parent' : 'previous'))
      .reverse();
    let test: (ctx: ElementContext) => boolean;
    try {
      // css-select sorts the tokens it is given: it gets a copy.
      test = compile<ElementContext, ElementContext>([current.slice()], options);
    } catch {
      return false;
    }
    segments.push({ test, hops });
    current = [];
    return true;
  };
  for (const s of complex) {
    if (s.type === SelectorType.Descendant || s.type === SelectorType.Sibling) {
      if (!close()) return undefined;
      combinators.push(s.type === SelectorType.Descendant ? 'descendant' : 'sibling');
    } else current.push(s);
  }
  if (!close()) return undefined;
  return { specificity: specificity(complex), key: bucketKey(complex, quirks), segments, combinators, id: nextId++, deep: isDeep(complex), following: false, weight: weightOf(complex) };
}

/** Simple selectors and combinators of a complex selector and its arguments (depth is bounded by selector-bounds.ts). */
function weightOf(complex: readonly Selector[]): number {
  let n = 0;
  for (const s of complex) {
    n++;
    if (s.type === SelectorType.Pseudo && Array.isArray(s.data)) for (const inner of s.data) n += weightOf(inner);
  }
  return n;
}

/** Whether an argument of a pseudo-class holds a combinator that walks (descendant, `~`), or `of S`. */
function isDeep(complex: readonly Selector[]): boolean {
  for (const s of complex) {
    if (s.type !== SelectorType.Pseudo) continue;
    if (s.name === OWN_PSEUDOS.nthOf) return true;
    if (Array.isArray(s.data) && s.data.some((c) => c.some((x) => x.type === SelectorType.Descendant || x.type === SelectorType.Sibling) || isDeep(c))) return true;
  }
  return false;
}

/** Selectors 4 specificity, packed (each part capped at 1023). */
export function specificity(complex: readonly Selector[]): number {
  let a = 0;
  let b = 0;
  let c = 0;
  for (const s of complex) {
    switch (s.type) {
      case SelectorType.Attribute:
        if (isIdSelector(s)) a++;
        else b++;
        break;
      case SelectorType.Tag:
      case SelectorType.PseudoElement:
        c++;
        break;
      case SelectorType.Pseudo:
        // Our own: a namespace test or nothing-matches count for nothing; `of S` as :nth-child.
        if (s.name === OWN_PSEUDOS.namespace || s.name === OWN_PSEUDOS.never) break;
        if (s.name === OWN_PSEUDOS.nthOf && typeof s.data === 'string') {
          const of = splitOf(s.data);
          const inner = of ? safeParse(of.selector) : undefined;
          b++;
          if (inner) {
            const best = inner.reduce((m, selector) => Math.max(m, specificity(selector)), 0);
            a += best >> 20;
            b += (best >> 10) & 1023;
            c += best & 1023;
          }
          break;
        }
        if (Array.isArray(s.data)) {
          // :is(), :not(), :has(): the most specific argument; :where(): nothing.
          if (s.name !== 'where') {
            const inner = s.data.reduce((m, selector) => Math.max(m, specificity(selector)), 0);
            a += inner >> 20;
            b += (inner >> 10) & 1023;
            c += inner & 1023;
          }
        } else b++;
        break;
      default:
        break;
    }
  }
  return Math.min(a, 1023) * 2 ** 20 + Math.min(b, 1023) * 2 ** 10 + Math.min(c, 1023);
}

/** The bucket of the subject compound (the last one): an id, else a class, else its tag, else `*`. */
function bucketKey(complex: readonly Selector[], quirks: boolean): string {
  let start = complex.length;
  while (start > 0 && !isTraversal(complex[start - 1])) start--;
  const subject = complex.slice(start);
  const fold = (v: string): string => (quirks ? v.toLowerCase() : v);
  for (const s of subject) if (isIdSelector(s)) return `#${fold(s.value)}`;
  for (const s of subject) if (isClassSelector(s)) return `.${fold(s.value)}`;
  for (const s of subject) if (s.type === SelectorType.Tag) return s.name.toLowerCase();
  return '*';
}

// css-what marks `#x` and `.x` (not `[id=x]`) as case-insensitive in quirks mode only.
type Attribute = Extract<Selector, { type: SelectorType.Attribute }>;
const isIdSelector = (s: Selector): s is Attribute => s.type === SelectorType.Attribute && s.name === 'id' && s.action === AttributeAction.Equals && s.ignoreCase === 'quirks';
const isClassSelector = (s: Selector): s is Attribute => s.type === SelectorType.Attribute && s.name === 'class' && s.action === AttributeAction.Element && s.ignoreCase === 'quirks';
