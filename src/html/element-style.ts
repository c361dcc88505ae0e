import { parseStyle } from './css.js';
import type { StyleText, TreeElement } from './tree.js';

/**
 * One element during the extraction's pre-order walk, with what a selector can ask of it: its
 * parent and previous element sibling. Built per element, linked backwards only, so it costs one
 * small object each and nothing needs the rest of the tree.
 */
export interface ElementContext {
  el: TreeElement;
  parent: ElementContext | null;
  previous: ElementContext | null;
}

/** The cascaded values of the properties that decide hidden-ness and size, for one element. */
export interface StyleCascade {
  /** True when no `<style>` rule can matter: only inline styles count, and no matching is needed. */
  readonly empty: boolean;
  /** Property (lower-case) to value, for the element in `ctx` with its inline `style` attribute. */
  computed(ctx: ElementContext, inline: string | undefined): Map<string, string> | undefined;
}

/**
 * The seam for the CSS layer's cascade of `<style>` rules (class, id and type selectors), which
 * is being written beside this (src/html/css.ts and a cascade module): until it lands, an
 * element's style is its inline `style` attribute alone, as in the first version. Inheritance is
 * the extraction's job (visibility inherits and a descendant can undo it; display does not).
 */
export function styleCascade(_styles: readonly StyleText[]): StyleCascade {
  return INLINE_ONLY;
}

const INLINE_ONLY: StyleCascade = {
  empty: true,
  computed: (_ctx, inline) => (inline === undefined ? undefined : parseStyle(inline)),
};
