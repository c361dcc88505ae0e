import { parseDeclarations, winners, type Declaration, type PropertyFilter } from './css-declarations.js';
import { isCustom, isFontSize, isRelevant } from './css-properties.js';
import { compiledRules, inlineDeclarations, parsedSheet, selectorList } from './css-cache.js';
import { TOO_COMPLEX, type CompiledSelector } from './css-selectors.js';
import { VarResolver } from './css-var.js';
import type { ElementContext } from './element-context.js';
import { MATCH_BUDGET, matches, type CascadeBudget } from './selector-match.js';
import type { StyleText } from './tree.js';
import type { Ticker } from '../url/form-matcher.js';

export type { ElementContext } from './element-context.js';
export { enterElement } from './element-context.js';
export { clearCssCaches, MAY_BE_RELEVANT } from './css-cache.js';

/**
 * The author style sheets of one document (its `<style>` elements), reduced to what can make an
 * element hidden or give it a size (the properties in `RELEVANT`, css-properties.ts).
 */
export interface Cascade {
  /** No rule sets a relevant or a custom property: no element needs matching (computed() reads the inline style alone). */
  readonly empty: boolean;
  /**
   * The document's match budget ran out (selector-match.ts): from then on selectors with
   * combinators stop applying, so what computed() returns may miss a rule that hides.
   */
  readonly exhausted: boolean;
  /**
   * A rule's selector uses `:last-child` or another pseudo-class that needs the siblings after
   * the element (css-select-adapter.ts FOLLOWING): the walk counts them first (following-siblings.ts).
   */
  readonly needsFollowing: boolean;
  /**
   * The cascaded value of each relevant property of the element (CSS Cascade 5): from the rules
   * whose selectors match it and its inline `style` (`ctx.el.attrs.style` unless `inline` is
   * given), ordered by importance, then inline over rules, then cascade layer, specificity and
   * source order. Values are `Declaration.value` text (`none`, `-9999px`, `inherit`).
   * `var()` is substituted from the custom properties the element has (its own, or inherited
   * from its ancestors' rules and styles); a value that cannot be substituted, or is invalid
   * once substituted, is left out (as `unset`).
   *
   * Cascaded, not computed: a property no declaration sets is absent, and `inherit`, `initial`,
   * `unset` and `revert` are returned as written. Inheritance is the caller's: it walks
   * the tree (visibility inherits, display and opacity do not, but hide everything inside).
   * Presentational hints (`width` attributes, `hidden`, which is `display:none` in the user
   * agent's sheet and so loses to any author `display`) are the caller's too.
   */
  computed(ctx: ElementContext, inline?: string): ReadonlyMap<string, string>;
  /**
   * The cascaded `font-size` of the element (rules and its inline style, `var()` substituted),
   * or undefined when nothing sets it. Apart from `computed`: its rules are matched only when
   * an `em` length needs the font size.
   */
  fontSize(ctx: ElementContext): string | undefined;
}

export interface CascadeOptions {
  /**
   * The document is in quirks mode (no doctype, as much mail): class and id selectors match
   * case-insensitively. Default false.
   */
  quirks?: boolean;
  /**
   * The message's deadline: compiling ticks it per token, rule and selector, and applying the
   * rules per rule tried on an element (a sheet of 300,000 rules compiled for 10 s of CPU, and
   * one element can be tried against every rule of a bucket, with no tick of the walk between).
   */
  ticker?: Ticker;
}

const NO_TICKER: Ticker = { tick() {} };

interface Rule {
  readonly selector: CompiledSelector;
  readonly declarations: ReadonlyMap<string, Declaration>;
  readonly layer: number;
  /** Source order across all the document's sheets. */
  readonly order: number;
}

/** What a document's sheets compile to; shared by the documents with the same sheets (see compileCascade). */
interface CompiledRules {
  readonly buckets: ReadonlyMap<string, readonly Rule[]>;
  /** The rules that set font-size, matched only when an `em` size needs them (see fontSize). */
  readonly fontBuckets: ReadonlyMap<string, readonly Rule[]>;
  readonly empty: boolean;
  readonly fontEmpty: boolean;
  readonly hasIds: boolean;
  readonly hasClasses: boolean;
  readonly needsFollowing: boolean;
  /** A selector past the bounds of selector-bounds.ts, or sheets past MAX_CASCADE_CHARS: not applied in full. */
  readonly tooCostly: boolean;
}

/**
 * The sheets' text one document may have cascaded. Reading a sheet keeps its tokens, 80 to 240
 * bytes of heap for each character of CSS (a 3 MB sheet of `.a{display:none}`: 240 MB): an
 * attacker's 31 MB `<style>` took gigabytes. Past this, the document's cascade is too costly
 * to apply in full (every element judged errs towards hidden); a mail's sheets are kilobytes.
 */
export const MAX_CASCADE_CHARS = 1_000_000;

/**
 * Compiles the document's `<style>` elements (in tree order) into its cascade. The rules of a
 * set of sheets are compiled once per worker (css-cache.ts, bounded): mail from one sender
 * repeats its template's sheets, and with the sheets and selectors cached the bucketing and the
 * winners of each rule were still redone for every message. Measured on the corpus HTML (941
 * documents, 3 passes, CPU time, same session, loaded machine): extraction 3.87, 4.04 s before
 * this and the lazy walk (document-walk.ts) -> 3.45, 3.36 s. The budget of selector answers
 * stays the document's own.
 */
export function compileCascade(styles: readonly StyleText[], options: CascadeOptions = {}): Cascade {
  const quirks = options.quirks ?? false;
  const ticker = options.ticker ?? NO_TICKER;
  if (styles.length === 0) return new StyleCascade(NO_RULES, quirks, ticker);
  let chars = 0;
  for (const style of styles) chars += style.css.length;
  if (chars > MAX_CASCADE_CHARS) return new StyleCascade(TOO_COSTLY, quirks, ticker);
  // Each sheet's length before its text: no two different lists of sheets give one key.
  let key = quirks ? 'q' : 's';
  for (const style of styles) key += `${style.css.length}:${style.css}`;
  // A compile the deadline stops throws before compiledRules keeps anything.
  return new StyleCascade(compiledRules(key, () => compileRules(styles, quirks, ticker)) as CompiledRules, quirks, ticker);
}

function compileRules(styles: readonly StyleText[], quirks: boolean, ticker: Ticker): CompiledRules {
  const buckets = new Map<string, Rule[]>();
  const fontBuckets = new Map<string, Rule[]>();
  let fontCount = 0;
  const layers = new Map<string, number>();
  let order = 0;
  let count = 0;
  let needsFollowing = false;
  let tooCostly = false;
  styles.forEach((style, index) => {
    const sheet = parsedSheet(style.css, ticker);
    if (!sheet) return;
    // Layer order is the order of first mention across the document's sheets.
    const layerOf = (name: string): string => (name.includes('\u0000') ? `${index}:${name}` : name);
    for (const name of sheet.layers) rank(layers, layerOf(name));
    for (const r of sheet.rules) {
      ticker.tick();
      const selectors = selectorList(r.selectorText, quirks, sheet.namespaces);
      if (selectors === TOO_COMPLEX) tooCostly = true;
      if (!selectors?.length) continue;
      if (!needsFollowing && selectors.some((s) => s.following)) needsFollowing = true;
      const all = winners(r.declarations);
      const at = order++;
      const layer = r.layer === undefined ? UNLAYERED : rank(layers, layerOf(r.layer));
      // Font sizes in rules of their own (see isFontSize): most elements never ask for them.
      const font = all.get('font-size');
      let declarations: ReadonlyMap<string, Declaration> = all;
      if (font) {
        const rest = new Map(all);
        rest.delete('font-size');
        declarations = rest;
        const only = new Map([['font-size', font]]);
        for (const selector of selectors) {
          ticker.tick();
          let bucket = fontBuckets.get(selector.key);
          if (!bucket) fontBuckets.set(selector.key, (bucket = []));
          bucket.push({ selector, declarations: only, layer, order: at });
          fontCount++;
        }
      }
      if (declarations.size === 0) continue;
      for (const selector of selectors) {
        ticker.tick();
        let bucket = buckets.get(selector.key);
        if (!bucket) buckets.set(selector.key, (bucket = []));
        bucket.push({ selector, declarations, layer, order: at });
        count++;
      }
    }
  });
  const keys = [...buckets.keys(), ...fontBuckets.keys()];
  // A cascade that may miss a rule is never empty: each element's style is read, and judged (document-walk.ts).
  return { buckets, fontBuckets, empty: count === 0 && !tooCostly, fontEmpty: fontCount === 0, hasIds: keys.some((k) => k.startsWith('#')), hasClasses: keys.some((k) => k.startsWith('.')), needsFollowing, tooCostly };
}

const NO_RULES: CompiledRules = { buckets: new Map(), fontBuckets: new Map(), empty: true, fontEmpty: true, hasIds: false, hasClasses: false, needsFollowing: false, tooCostly: false };
const TOO_COSTLY: CompiledRules = { ...NO_RULES, empty: false, tooCostly: true };

const UNLAYERED = Number.MAX_SAFE_INTEGER;

function rank(layers: Map<string, number>, name: string): number {
  let r = layers.get(name);
  if (r === undefined) layers.set(name, (r = layers.size));
  return r;
}

// The winning declaration so far of one property, with what the cascade compares.
interface Candidate {
  d: Declaration;
  inline: boolean;
  layer: number;
  specificity: number;
  order: number;
}

class StyleCascade implements Cascade {
  /** Per document: a cascade is compiled for each (its parsed sheets are what is cached). */
  readonly budget: CascadeBudget = { left: MATCH_BUDGET, exhausted: false };
  get exhausted(): boolean {
    return this.budget.exhausted;
  }
  private readonly buckets: ReadonlyMap<string, readonly Rule[]>;
  private readonly fontBuckets: ReadonlyMap<string, readonly Rule[]>;
  readonly empty: boolean;
  readonly needsFollowing: boolean;
  private readonly fontEmpty: boolean;
  private readonly hasIds: boolean;
  private readonly hasClasses: boolean;

  constructor(
    rules: CompiledRules,
    private readonly quirks: boolean,
    private readonly ticker: Ticker,
  ) {
    this.buckets = rules.buckets;
    this.fontBuckets = rules.fontBuckets;
    this.empty = rules.empty;
    this.needsFollowing = rules.needsFollowing;
    this.fontEmpty = rules.fontEmpty;
    this.hasIds = rules.hasIds;
    this.hasClasses = rules.hasClasses;
    this.budget.exhausted = rules.tooCostly;
  }

  computed(ctx: ElementContext, inline?: string): ReadonlyMap<string, string> {
    const style = inline ?? attr(ctx, 'style');
    const own = this.empty ? inlineDeclarations(style, isRelevant) : this.cascaded(ctx, style, isRelevant);
    // Most elements have no relevant declaration: one shared empty answer, no Map per element.
    if (own.size === 0) return NO_VALUES;
    // An inline style alone (no rule matched) is one of the cached ones: so is its answer, unless
    // it needs var(), whose substitution depends on the element.
    const cached = VALUES.get(own);
    if (cached) return cached;
    const out = new Map<string, string>();
    let withVar = false;
    for (const [name, d] of own) {
      out.set(name, d.value);
      if (d.value.includes('var(')) withVar = true;
    }
    if (withVar) this.substitute(ctx, style, own, out);
    else VALUES.set(own, out);
    return out;
  }

  fontSize(ctx: ElementContext): string | undefined {
    const style = attr(ctx, 'style');
    const own = this.fontEmpty ? inlineDeclarations(style, isFontSize) : this.cascaded(ctx, style, isFontSize, this.fontBuckets);
    const d = own.get('font-size');
    if (!d || !d.value.includes('var(')) return d?.value;
    const out = new Map([['font-size', d.value]]);
    this.substitute(ctx, style, own, out);
    return out.get('font-size');
  }

  /** The winning declarations of the properties `want` keeps, for the element: its rules and `style`. */
  private cascaded(ctx: ElementContext, style: string | undefined, want: PropertyFilter, buckets = this.buckets): ReadonlyMap<string, Declaration> {
    const best = new Map<string, Candidate>();
    // The rules whose subject's bucket is one of the element's: its id, classes, tag, and `*`.
    if (this.hasIds) {
      const id = attr(ctx, 'id');
      if (id) this.applyAll(buckets.get(`#${this.fold(id)}`), ctx, best, want);
    }
    if (this.hasClasses) {
      const cls = attr(ctx, 'class');
      // A class written twice is one class (its rules apply once).
      if (cls) for (const c of new Set(cls.split(BLANKS))) if (c) this.applyAll(buckets.get(`.${this.fold(c)}`), ctx, best, want);
    }
    this.applyAll(buckets.get(ctx.el.name.toLowerCase()), ctx, best, want);
    this.applyAll(buckets.get('*'), ctx, best, want);
    const inline = inlineDeclarations(style, want);
    // No rule matched: the inline style's winners are the answer (the cached map, see computed).
    if (best.size === 0) return inline;
    for (const d of inline.values()) offer(best, { d, inline: true, layer: UNLAYERED, specificity: 0, order: Number.MAX_SAFE_INTEGER });
    const out = new Map<string, Declaration>();
    for (const [name, c] of best) out.set(name, c.d);
    return out;
  }

  /**
   * Replaces the values with `var()` by their substitution (CSS Variables 1), read again as the
   * property's value; a value that cannot be substituted, or is invalid once substituted, is
   * left out (the property is then as if `unset`, which the caller reads as not set).
   */
  private substitute(ctx: ElementContext, style: string | undefined, own: ReadonlyMap<string, Declaration>, out: Map<string, string>): void {
    // One resolver for the element: each custom property is resolved once (see VarResolver).
    const vars = new VarResolver((name) => this.customValue(ctx, name, style), this.ticker);
    for (const [name, d] of own) {
      if (!d.value.includes('var(')) continue;
      out.delete(name);
      const text = vars.substitute(d.value);
      if (text === undefined) continue;
      // `!important` that comes from a substitution is no flag: the value is invalid.
      const expanded = parseDeclarations(`${d.shorthand ?? name}:${text}`, (n) => n === name).filter((x) => x.name === name && !x.important);
      const v = expanded[expanded.length - 1]?.value;
      if (v !== undefined && !v.includes('var(')) out.set(name, v);
    }
  }

  /**
   * The value of custom property `name` on the element: its own declaration, else its parent's
   * (custom properties inherit). Each element keeps its own and what it inherited, so a lookup
   * walks up only to the nearest element that knows.
   */
  private customValue(ctx: ElementContext, name: string, style: string | undefined): string | undefined {
    const path: ElementContext[] = [];
    let found: string | null = null;
    for (let c: ElementContext | null = ctx; c; c = c.parent) {
      const known = c.vars?.get(name);
      if (known !== undefined) {
        found = known;
        break;
      }
      const own = this.ownCustom(c, c === ctx ? style : attr(c, 'style')).get(name);
      path.push(c);
      if (own !== undefined) {
        found = own;
        break;
      }
    }
    for (const c of path) (c.vars ??= new Map()).set(name, found);
    return found ?? undefined;
  }

  private ownCustom(ctx: ElementContext, style: string | undefined): Map<string, string> {
    if (ctx.custom) return ctx.custom;
    const custom = new Map<string, string>();
    const decls = this.empty ? inlineDeclarations(style, isCustom) : this.cascaded(ctx, style, isCustom);
    for (const [name, d] of decls) custom.set(name, d.value);
    ctx.custom = custom;
    return custom;
  }

  private applyAll(rules: readonly Rule[] | undefined, ctx: ElementContext, best: Map<string, Candidate>, want: PropertyFilter): void {
    if (rules === undefined) return;
    for (const rule of rules) {
      this.ticker.tick();
      if (!matches(rule.selector, ctx, this.budget)) continue;
      for (const d of rule.declarations.values()) if (want(d.name)) offer(best, { d, inline: false, layer: rule.layer, specificity: rule.selector.specificity, order: rule.order });
    }
  }

  private fold(v: string): string {
    return this.quirks ? v.toLowerCase() : v;
  }
}

const NO_VALUES: ReadonlyMap<string, string> = new Map();
// The values of a cached inline style's winners (css-cache.ts keeps those maps, bounded): one
// Map per distinct style instead of one per element. Weak, so it empties with that cache.
const VALUES = new WeakMap<ReadonlyMap<string, Declaration>, ReadonlyMap<string, string>>();

// ASCII whitespace separates class names (HTML's "split on ASCII whitespace").
const BLANKS = /[\t\n\f\r ]+/;

function attr(ctx: ElementContext, name: string): string | undefined {
  return Object.hasOwn(ctx.el.attrs, name) ? ctx.el.attrs[name] : undefined;
}

/** Keeps `c` for its property when it beats the one kept (CSS Cascade 5, section 6.1). */
function offer(best: Map<string, Candidate>, c: Candidate): void {
  const kept = best.get(c.d.name);
  if (!kept || beats(c, kept)) best.set(c.d.name, c);
}

function beats(a: Candidate, b: Candidate): boolean {
  if (a.d.important !== b.d.important) return a.d.important;
  if (a.inline !== b.inline) return a.inline;
  // Layers: a later layer wins for normal declarations, an earlier one for important ones;
  // unlayered rules count as the last layer.
  if (a.layer !== b.layer) return a.d.important ? a.layer < b.layer : a.layer > b.layer;
  if (a.specificity !== b.specificity) return a.specificity > b.specificity;
  return a.order > b.order;
}
