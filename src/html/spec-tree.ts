import { defaultTreeAdapter, html as spec, InsertionMode, Parser, TokenizerMode, type DefaultTreeAdapterMap, type Token } from 'parse5';
import { NO_DEADLINE, type DeadlineLike } from '../engine/deadline.js';
import { MAX_DOM_DEPTH } from './dom-depth-cap.js';
import { TreeSizeCap } from './tree-size-cap.js';
import { IN_HEAD_IN_SELECT, VOID_KEPT_IN_SELECT } from './select-relaxation.js';
import type { HtmlTree, Namespace, StyleText, TreeBuilder, TreeElement, TreeVisitor } from './tree.js';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];
type ParentNode = DefaultTreeAdapterMap['parentNode'];

// Mail clients show messages with scripting disabled: <noscript> content is markup.
const OPTIONS = { sourceCodeLocationInfo: true, scriptingEnabled: false } as const;

const NAMESPACES: Record<string, Namespace> = { [spec.NS.HTML]: 'html', [spec.NS.SVG]: 'svg', [spec.NS.MATHML]: 'math' };

/**
 * parse5 with the one change of the current standard it lacks, what `<select>` keeps
 * (select-relaxation.ts), and Chromium's cap on the depth of the tree (MAX_DOM_DEPTH), as the
 * fast builder applies it.
 */
class RelaxedSelectParser extends Parser<DefaultTreeAdapterMap> {
  /** Blink's AttachLater: past MAX_DOM_DEPTH open elements, a new node goes into the current node's parent (not when foster-parented). */
  override _getInsertionLocation(): ReturnType<Parser<DefaultTreeAdapterMap>['_getInsertionLocation']> {
    const up = this._cappedParent();
    return up && !this._shouldFosterParentOnInsertion() ? { parent: up, beforeElement: null } : super._getInsertionLocation();
  }

  override _appendCommentNode(token: Token.CommentToken, parent: ParentNode): void {
    this._size.add();
    super._appendCommentNode(token, (parent === this.openElements.currentTmplContentOrNode && this._cappedParent()) || parent);
  }

  /**
   * The current node's parent once the stack is past the cap (the element's, even for a
   * template: Blink inserts there). Blink attaches the nodes of one token after the token, so
   * an element made by this token has no parent yet and keeps what follows in the same token
   * (formatting elements reopened together nest in one another): the oracle checks it.
   */
  private _cappedParent(): ParentNode | null {
    // `depth`, not `stackTop + 1`: past 64 open elements parse5's stack indexes them, and an
    // element removed from the middle (the adoption agency's) leaves its slot free, so the top
    // slot overcounts. Counting slots capped one element too early after `<nobr><span><div><nobr>`
    // at 508 open `<div>`s, where Chromium 150 and the fast builder agree
    // (fixtures/fuzz/deep-adoption-freed-slot.eml).
    if (this.openElements.depth <= MAX_DOM_DEPTH) return null;
    const current = this.openElements.current as Element | undefined;
    if (!current || this._bornAt.get(current) === this._token) return null;
    return defaultTreeAdapter.getParentNode(current) || null;
  }

  /** Tokens seen, and the token that made each element (for the cap). */
  private _token = 0;
  private readonly _bornAt = new WeakMap<Element, number>();

  /** The per-message memory budget, counted as nodes are made. */
  private readonly _size = new TreeSizeCap();

  override _createElement(...args: Parameters<Parser<DefaultTreeAdapterMap>['_createElement']>): Element {
    this._size.add();
    // eslint-disable-next-line no-restricted-syntax -- forwards the arguments of this very call
    const element = super._createElement(...args);
    this._bornAt.set(element, this._token);
    return element;
  }

  override onStartTag(token: Token.TagToken): void {
    this._token++;
    super.onStartTag(token);
  }

  override onEndTag(token: Token.TagToken): void {
    this._token++;
    super.onEndTag(token);
  }

  override onCharacter(token: Token.CharacterToken): void {
    this._token++;
    super.onCharacter(token);
  }

  override onWhitespaceCharacter(token: Token.CharacterToken): void {
    this._token++;
    super.onWhitespaceCharacter(token);
  }

  override onNullCharacter(token: Token.CharacterToken): void {
    this._token++;
    super.onNullCharacter(token);
  }

  override onComment(token: Token.CommentToken): void {
    this._token++;
    super.onComment(token);
  }

  override _startTagOutsideForeignContent(token: Token.TagToken): void {
    if (this.insertionMode !== InsertionMode.IN_SELECT && this.insertionMode !== InsertionMode.IN_SELECT_IN_TABLE) {
      return super._startTagOutsideForeignContent(token);
    }
    if (token.tagName === 'image') {
      // In body, `<image>` is an img.
      token.tagName = 'img';
      token.tagID = spec.TAG_ID.IMG;
    }
    const name = token.tagName;
    // As parse5's in-head rules read these, and its in-body rules the void elements.
    if (name === 'title') {
      this._switchToTextParsing(token, TokenizerMode.RCDATA);
    } else if (name === 'style' || name === 'noframes') {
      this._switchToTextParsing(token, TokenizerMode.RAWTEXT);
    } else if (VOID_KEPT_IN_SELECT.has(name) || IN_HEAD_IN_SELECT.has(name)) {
      this._appendElement(token, spec.NS.HTML);
      token.ackSelfClosing = true;
    } else {
      super._startTagOutsideForeignContent(token);
    }
  }
}

/** The reference builder: parse5, the HTML standard's tokenizer and tree construction. */
export const specTree: TreeBuilder = {
  document(html, deadline = NO_DEADLINE) {
    const parser = new RelaxedSelectParser(OPTIONS);
    writeInChunks(parser, html, deadline);
    return new SpecTree(parser.document, html);
  },
  fragment(html, context, deadline = NO_DEADLINE) {
    const ctx = defaultTreeAdapter.createElement(context.name, namespaceUri(context.namespace), []);
    const parser = RelaxedSelectParser.getFragmentParser<DefaultTreeAdapterMap>(ctx, OPTIONS);
    writeInChunks(parser, html, deadline);
    return new SpecTree(parser.getFragment(), html);
  },
};

/**
 * parse5 runs a whole write without returning, and the markup the fast builder refuses (deep
 * SVG, quadratic nesting) can keep it busy for minutes and gigabytes: a 5 MB `<svg>` + `<g>`x N
 * message took 94 s and 1.5 GB before its 10 s budget was checked. Fed in chunks, the parse stops
 * at the budget. The tokenizer resumes a token cut at a chunk's end where it stopped (it buffers
 * pending characters, never flushes them at a chunk's end): the tokens, hence the tree and its
 * offsets, are those of one write (checked by the differential tests).
 */
export const PARSE_CHUNK_CHARS = 64 * 1024;

function writeInChunks(parser: Parser<DefaultTreeAdapterMap>, html: string, deadline: DeadlineLike): void {
  for (let at = 0; ; at += PARSE_CHUNK_CHARS) {
    deadline.check();
    const last = at + PARSE_CHUNK_CHARS >= html.length;
    parser.tokenizer.write(html.slice(at, at + PARSE_CHUNK_CHARS), last);
    if (last) return;
  }
}

function namespaceUri(ns: Namespace): spec.NS {
  return ns === 'svg' ? spec.NS.SVG : ns === 'math' ? spec.NS.MATHML : spec.NS.HTML;
}

class SpecTree implements HtmlTree {
  readonly styles: StyleText[] = [];
  readonly quirks: boolean;

  constructor(
    private readonly root: ParentNode,
    private readonly html: string,
  ) {
    this.quirks = 'mode' in root && root.mode === spec.DOCUMENT_MODE.QUIRKS;
    // A first pass collects the style sheets: a <style> anywhere applies to the whole document,
    // an SVG one too (Chromium 150 fetches `<svg><style>@import url(x)</style></svg>`).
    this.visit(root, IGNORE, (node) => {
      if (node.nodeName !== 'style' || (node.namespaceURI !== spec.NS.HTML && node.namespaceURI !== spec.NS.SVG)) return;
      let css = '';
      let start = -1;
      for (const child of node.childNodes) {
        if (!defaultTreeAdapter.isTextNode(child)) continue;
        if (start < 0) start = child.sourceCodeLocation?.startOffset ?? -1;
        css += child.value;
      }
      this.styles.push({ css, start });
    });
  }

  walk(visitor: TreeVisitor): void {
    this.visit(this.root, visitor);
  }

  /** Pre-order over the tree without recursion: a document may nest 100,000 elements. */
  private visit(root: ParentNode, visitor: TreeVisitor, onElement?: (el: Element) => void): void {
    const stack: Array<{ node: Node; view?: TreeElement; next: number }> = [{ node: root, next: 0 }];
    while (stack.length) {
      const top = stack[stack.length - 1];
      const children = 'childNodes' in top.node ? top.node.childNodes : [];
      if (top.next >= children.length) {
        stack.pop();
        if (top.view) visitor.leave(top.view);
        continue;
      }
      const child = children[top.next++];
      if (child.nodeName === '#comment') {
        const c = child as DefaultTreeAdapterMap['commentNode'];
        // The data follows `<!--`, or `<!` / `<?` / `</` in a bogus comment.
        const at = c.sourceCodeLocation?.startOffset ?? -1;
        visitor.comment(c.data, at < 0 ? -1 : at + (this.html.startsWith('<!--', at) ? 4 : 2));
      } else if ('tagName' in child && isDeclarativeShadowRoot(child)) {
        // The shadow tree is rendered in the host's place: its content is walked as the host's.
        stack.push({ node: (child as DefaultTreeAdapterMap['template']).content, next: 0 });
      } else if ('tagName' in child) {
        const view = elementView(child);
        onElement?.(child);
        visitor.enter(view);
        // Template contents live in `content`, not `childNodes`: inert, never walked.
        stack.push({ node: child, view, next: 0 });
      }
    }
  }
}

/**
 * A declarative shadow root: `<template shadowrootmode=open|closed>` (ASCII case-insensitive).
 * parse5 keeps it an inert template; Chromium 150 renders what it holds and loads it, whatever
 * the host (an `<a>` too) and however many the host has (oracle: declarative-shadow-dom-*).
 */
function isDeclarativeShadowRoot(el: Element): boolean {
  if (el.tagName !== 'template' || el.namespaceURI !== spec.NS.HTML) return false;
  const mode = el.attrs.find((a) => a.name === 'shadowrootmode')?.value.toLowerCase();
  return mode === 'open' || mode === 'closed';
}

const IGNORE: TreeVisitor = { enter: () => undefined, leave: () => undefined, comment: () => undefined };

function elementView(el: Element): TreeElement {
  const attrs: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const a of el.attrs) {
    const key = a.prefix ? `${a.prefix}:${a.name}` : a.name;
    if (!(key in attrs)) attrs[key] = a.value;
  }
  return { name: el.tagName, namespace: NAMESPACES[el.namespaceURI] ?? 'html', attrs, start: el.sourceCodeLocation?.startOffset ?? -1 };
}
