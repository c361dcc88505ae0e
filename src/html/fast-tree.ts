import { CannotProve, FastTokenizer } from './fast-tokenizer.js';
import { type FastElement, type FastNode, FastTreeBuilder } from './fast-tree-builder.js';
import { selectorAttributeNames } from './selector-attributes.js';
import type { HtmlTree, StyleText, TreeBuilder, TreeElement, TreeVisitor } from './tree.js';

/**
 * The attributes the fast builder keeps (every other one is skipped without being sliced): all
 * that the extraction reads. The differential against the spec builder compares exactly these.
 */
export const FAST_TREE_ATTRIBUTES: ReadonlySet<string> = new Set([
  'src',
  'srcset',
  'sizes',
  'background',
  'style',
  'hidden',
  'href',
  'xlink:href',
  'rel',
  'type',
  'poster',
  'data',
  'srcdoc',
  'http-equiv',
  'content',
  'width',
  'height',
  'class',
  'id',
  'as',
  'media',
  'imagesrcset',
  'imagesizes',
  // What the browser's own style sheet reads to hide an element (ua-hidden.ts).
  'open',
  'popover',
  'controls',
  // What pseudo-classes the cascade answers read (:read-write, :disabled, :checked, :required, :default).
  'readonly',
  'disabled',
  'contenteditable',
  'checked',
  'selected',
  'required',
  // And :placeholder-shown, :in-range/:out-of-range, :dir() (css-select-adapter.ts).
  'placeholder',
  'value',
  'min',
  'max',
  'dir',
  // Which column a table cell stands in, for visibility:collapse (table-columns.ts).
  'span',
  'colspan',
  'rowspan',
]);

// In these contexts parse5 reads the whole fragment as text (it starts in a raw-text state with no
// start tag whose end tag could close it, noscript included): no element, no comment.
const RAW_TEXT_CONTEXTS = new Set(['title', 'textarea', 'style', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'script', 'plaintext']);
// Contexts whose insertion modes are not proven.
const UNPROVEN_CONTEXTS = new Set(['template', 'select', 'frameset']);

/** Why the last call of `fastTree` returned null (for measurements and tests). */
export let lastBailReason = '';

/**
 * The fast tree builder: the HTML standard's tokenizer and tree construction for the shapes mail
 * is written in, returning exactly the tree events the spec builder (parse5) gives, or null for
 * any document where it meets a rule it does not reproduce. test/fast-tree.test.ts proves it
 * against specTree on every corpus message and on fuzzed, spliced and generated markup.
 *
 * Why it is hand-written: measured in CPU time on the corpus HTML (987 documents, 14.7 MB, a
 * trivial visitor), it builds and walks 140 MB/s where parse5 with source locations gives
 * 12.4 MB/s; with parse5 for the 0.3% of documents it refuses, 111 MB/s. It takes 1,000 of the
 * 1,003 corpus documents (99.6% of the bytes). The extraction uses it as
 * `extractWith(fastTree, html)`, which falls back to specTree wherever it answers null; with the
 * extraction over the tree, a one-worker scan of a 100 MB bench mbox took 9.3 s of CPU against
 * 15.2 s with parse5 alone (8.2 s with the old tag walker, on a machine loaded 8-10 deep).
 */
export const fastTree: TreeBuilder = {
  document(html) {
    return build(html, null, html);
  },
  fragment(html, context, _deadline, document) {
    if (context.namespace !== 'html' || UNPROVEN_CONTEXTS.has(context.name)) {
      lastBailReason = `fragment context <${context.name}>`;
      return null;
    }
    if (RAW_TEXT_CONTEXTS.has(context.name)) return new FastTree([]);
    return build(html, context, document ?? html);
  },
};

/**
 * The attributes kept for the trees of `document` and of its fragments: the extraction's, and
 * those its `<style>` selectors may test. Without a `<style>` start tag (ASCII case-insensitive)
 * a document has no rule to match, and no scan for `[name` is made (it was 1.6% of a warm scan's
 * profile: conditional comments write `[if mso]` again and again). Remembered for the last
 * document, whose conditional comments are built one after another.
 */
function keptAttributes(document: string): ReadonlySet<string> {
  if (document !== lastDocument) {
    lastKept = STYLE_TAG.test(document) ? selectorAttributeNames(document, FAST_TREE_ATTRIBUTES) : FAST_TREE_ATTRIBUTES;
    lastDocument = document;
  }
  return lastKept;
}
const STYLE_TAG = /<style/i;
let lastDocument: string | undefined;
let lastKept: ReadonlySet<string> = FAST_TREE_ATTRIBUTES;

/** `document`: the text whose `<style>` selectors apply (the fragment's document, or `html` itself). */
function build(html: string, context: TreeElement | null, document: string): HtmlTree | null {
  // The tokenizer turns NUL into U+FFFD or drops it depending on the state: not reproduced.
  if (html.includes('\0')) {
    lastBailReason = 'NUL';
    return null;
  }
  // Attributes a `<style>` selector of the document may test are kept too, so its rules match as
  // in parse5's tree (for a conditional comment's elements as well: the document's rules apply).
  const builder = new FastTreeBuilder(new FastTokenizer(html, keptAttributes(document)), context);
  let root: FastElement | null = null;
  try {
    if (context) {
      root = builder.element('html', {}, -1);
      builder.push(root);
      if (context.name === 'form') builder.form = builder.element('form', {}, -1);
      builder.resetInsertionMode();
    }
    builder.run();
  } catch (error) {
    if (error instanceof CannotProve) {
      lastBailReason = error.reason;
      return null;
    }
    throw error;
  }
  // Read after the run: an element's children array is made at its first child (NO_CHILDREN).
  const roots = root ? root.children : builder.top;
  return new FastTree(roots, builder.moved ? null : builder.styleElements, () => builder.isQuirks());
}

const styleText = (e: FastElement): StyleText => ({ css: e.css ?? '', start: e.css === null ? -1 : e.cssStart });

class FastTree implements HtmlTree {
  readonly styles: StyleText[] = [];

  /** `styleElements` in tree order, or null to find them by a walk. */
  constructor(
    private readonly roots: FastNode[],
    styleElements: readonly FastElement[] | null = [],
    private readonly mode: () => boolean = () => false,
  ) {
    if (styleElements) {
      for (const e of styleElements) this.styles.push(styleText(e));
      return;
    }
    this.visit({
      enter: (el) => {
        const e = el as FastElement;
        if (e.name === 'style') this.styles.push(styleText(e));
      },
      leave: () => undefined,
      comment: () => undefined,
    });
  }

  /** Read only when the document has `<style>` rules that matter (it may parse the DOCTYPE). */
  get quirks(): boolean {
    return this.mode();
  }

  walk(visitor: TreeVisitor): void {
    this.visit(visitor);
  }

  /**
   * Pre-order without recursion (a document may nest deeply), over two parallel stacks of
   * elements and child indexes: a frame object per element was 20 MB of a one-worker bench
   * scan's allocation.
   */
  private visit(visitor: TreeVisitor): void {
    const open: Array<FastElement | null> = [null];
    const lists: FastNode[][] = [this.roots];
    const next: number[] = [0];
    let depth = 0;
    while (depth >= 0) {
      const children = lists[depth];
      const k = next[depth];
      if (k >= children.length) {
        const el = open[depth];
        depth--;
        if (el) visitor.leave(el);
        continue;
      }
      next[depth] = k + 1;
      const child = children[k];
      if ('comment' in child) visitor.comment(child.comment, child.start);
      else {
        visitor.enter(child);
        depth++;
        open[depth] = child;
        lists[depth] = child.children;
        next[depth] = 0;
      }
    }
  }
}
