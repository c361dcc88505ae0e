import { parseStyle } from './css.js';
import type { StyleText, TreeElement } from './tree.js';

/**
 * The seam to the CSS layer's cascade of `<style>` rules, which is being written beside this
 * (src/html/cascade.ts and src/html/element-context.ts, with the same names and shapes:
 * `compileCascade(styles)` -> `{ empty, computed(ctx, inline) }`, and `enterElement(el, parent,
 * previous)` called for every element in tree order). Until it lands, an element's style is its
 * inline `style` attribute alone, as in the first version, and merging it is replacing this
 * file's bodies with those calls. Inheritance is the extraction's job: visibility inherits and a
 * descendant can undo it; display and opacity hide the whole subtree.
 */

/** One element during the pre-order walk, with what a selector can ask of it so far. */
export interface ElementContext {
  readonly el: TreeElement;
  readonly parent: ElementContext | null;
  /** The previous element sibling's context. */
  readonly previous: ElementContext | null;
}

/** The context of `el`, entered under `parent` after its previous element sibling; called for every element in tree order. */
export function enterElement(el: TreeElement, parent: ElementContext | null, previous: ElementContext | null): ElementContext {
  return { el, parent, previous };
}

/** The cascaded values of the properties that decide hidden-ness and size. */
export interface Cascade {
  /** True when no `<style>` rule can matter: only inline styles count, and no matching is needed. */
  readonly empty: boolean;
  /** Property (lower-case) to value, for the element in `ctx` with its inline `style` attribute. */
  computed(ctx: ElementContext, inline?: string): Map<string, string>;
}

export function compileCascade(_styles: readonly StyleText[]): Cascade {
  return INLINE_ONLY;
}

const INLINE_ONLY: Cascade = {
  empty: true,
  computed: (ctx, inline) => parseStyle(inline ?? ctx.el.attrs.style ?? ''),
};
