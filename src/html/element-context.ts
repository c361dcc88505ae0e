import type { TreeElement } from './tree.js';

/**
 * Where an element stands in the tree, as a pre-order walk knows it when the element is entered:
 * its parent's context and its previous element sibling's. The core creates one per element with
 * `enterElement` (in tree order) and keeps the parent's alive while its children are walked.
 * Nothing after the element (its children, its next siblings) is known: see `cascade.ts` for
 * the selectors that need it.
 */
export interface ElementContext {
  readonly el: TreeElement;
  readonly parent: ElementContext | null;
  /** The previous element sibling's context. */
  readonly previous: ElementContext | null;
  /** Position among the parent's element children, from 1 (`:nth-child`). */
  readonly index: number;
  /** Position among the parent's element children of the same name, from 1 (`:nth-of-type`). */
  readonly typeIndex: number;
  /** Memo of the cascade's selector matching on this element (see `selector-match.ts`). */
  memo: Map<number, boolean> | undefined;
  /** For `:nth-child(An+B of S)`: how many of this element and its previous siblings match S, by S. */
  counts: Map<number, number> | undefined;
  /** The custom properties (`--x`) this element's own declarations set, once asked for (see cascade.ts). */
  custom: Map<string, string> | undefined;
  /** Custom property values as inherited here, once looked up (null: not set). */
  vars: Map<string, string | null> | undefined;
  /** Counts by name of this element and its previous siblings, shared along the sibling chain. */
  readonly siblingTypes: Map<string, number>;
  /**
   * How many element siblings follow it, and how many of them have its name: known only when a
   * walk of their own ran first (following-siblings.ts, for `:last-child` and the like), else undefined.
   */
  readonly following: number | undefined;
  readonly followingOfType: number | undefined;
}

/**
 * The context of `el`, entered under `parent` after its previous element sibling `previous`
 * (null for a first child). Must be called for every element in tree order: the sibling counts
 * are carried along the sibling chain, so each call is O(1).
 */
export function enterElement(el: TreeElement, parent: ElementContext | null, previous: ElementContext | null, following?: number, followingOfType?: number): ElementContext {
  const siblingTypes = previous ? previous.siblingTypes : new Map<string, number>();
  const typeIndex = (siblingTypes.get(el.name) ?? 0) + 1;
  siblingTypes.set(el.name, typeIndex);
  return { el, parent, previous, index: previous ? previous.index + 1 : 1, typeIndex, memo: undefined, counts: undefined, custom: undefined, vars: undefined, siblingTypes, following, followingOfType };
}
