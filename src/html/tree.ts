/**
 * The document as the HTML standard's tree construction builds it, seen through a visitor.
 * Two builders produce it: the spec builder (parse5, src/html/spec-tree.ts), which is the
 * reference, and the fast walker (src/html/fast-tree.ts), which vouches only for documents it can
 * prove it reads identically and returns null for the rest. The extraction (what loads, hidden,
 * size) is written once, against this interface.
 */

import type { DeadlineLike } from '../engine/deadline.js';

export type Namespace = 'html' | 'svg' | 'math';

/** One element of the final tree. */
export interface TreeElement {
  /** Local name: lower-case for HTML; SVG names as the parser adjusts them (`foreignObject`). */
  readonly name: string;
  readonly namespace: Namespace;
  /**
   * Attributes as the tree holds them (the first of duplicates wins, values decoded). HTML names
   * are lower-case; foreign attributes in a namespace are keyed `xlink:href`, `xml:lang`.
   */
  readonly attrs: Readonly<Record<string, string>>;
  /** Offset of the start tag's `<` in the text given to the builder; -1 for an element the parser implied. */
  readonly start: number;
}

export interface TreeVisitor {
  /** An element entered, in tree order (pre-order); its children follow, then `leave`. */
  enter(el: TreeElement): void;
  leave(el: TreeElement): void;
  /** A comment node: its data, and the offset of the data's first character. */
  comment(data: string, start: number): void;
}

/** The text of one `<style>` element (its text children joined) and the offset of its first character. */
export interface StyleText {
  readonly css: string;
  readonly start: number;
}

export interface HtmlTree {
  /** Every `<style>` element of the document, HTML or SVG, in tree order (template contents excluded). */
  readonly styles: readonly StyleText[];
  /**
   * The document is in quirks mode (no or an old doctype, as much mail is): class and id
   * selectors match case-insensitively there. Absent or false for fragments and standards mode.
   */
  readonly quirks?: boolean;
  /** Walks the elements in tree order. Template contents are inert and never visited. */
  walk(visitor: TreeVisitor): void;
}

export interface TreeBuilder {
  /**
   * The tree of a whole document (`html`), or null when this builder cannot vouch for it. A
   * builder whose work can outgrow the message's budget checks `deadline` as it goes.
   */
  document(html: string, deadline?: DeadlineLike): HtmlTree | null;
  /**
   * The tree of `html` parsed as the content of `context` (the HTML fragment algorithm): Outlook's
   * conditional comments. Offsets are relative to `html`. Null when the builder cannot vouch.
   * `document` is the text of the document the fragment sits in (default: `html`): its `<style>`
   * rules apply to the fragment's elements, so a builder that keeps only some attributes keeps
   * those its selectors test.
   */
  fragment(html: string, context: TreeElement, deadline?: DeadlineLike, document?: string): HtmlTree | null;
}
