import { html, parse } from 'parse5';
import type { TreeElement } from './tree.js';
import { MAX_DOM_DEPTH } from './dom-depth-cap.js';
import { TextKeyedCache } from './text-keyed-cache.js';
import { TreeSizeCap } from './tree-size-cap.js';
import { COMMENT, DOCTYPE, END, EOF, FastTokenizer, NO_ATTRIBUTES, RAWTEXT, RCDATA, SCRIPT, START, TEXT, cannotProve } from './fast-tokenizer.js';
import { IMPLIED_END, IMPLIED_END_THOROUGH, MODE_SELECTING, SPECIAL, TABLE_STRUCTURE, flagsOf } from './fast-tree-tags.js';
import { endTagInBody, startTagInBody } from './fast-tree-body.js';
import { endTagInSelect, startTagInSelect } from './fast-tree-select.js';
import {
  characterInTable,
  endTagInCaption,
  endTagInCell,
  endTagInColumnGroup,
  endTagInRow,
  endTagInTable,
  endTagInTableBody,
  startTagInCaption,
  startTagInCell,
  startTagInColumnGroup,
  startTagInRow,
  startTagInTable,
  startTagInTableBody,
  tokenInColumnGroup,
} from './fast-tree-table.js';

/** An element of the tree the fast builder makes; it is its own TreeElement view. */
export interface FastElement extends TreeElement {
  /** NO_ATTRIBUTES (shared) until <html> or <body> adopts some: replaced then, never written. */
  attrs: Record<string, string>;
  readonly flags: number;
  /** NO_CHILDREN (shared) until the first child: addChild replaces it. */
  children: FastNode[];
  /** The element it is a child of; null at the top (document, or the fragment's list). */
  parent: FastElement | null;
  /** Where the start tag it was made from begins: a reconstructed copy reports it, an adoption agency copy does not. */
  readonly tokenStart: number;
  /** On the stack of open elements (a formatting element off it would be reconstructed). */
  open: boolean;
  /** A `<style>`: its text and the offset of its first character. */
  css: string | null;
  cssStart: number;
  /** The token that made it (an element made by the current token is not yet attached, for the depth cap). */
  readonly born: number;
  /** Its start tag with every attribute, once Noah's Ark has compared it (pushFormatting). */
  signature: string | undefined;
}
export interface FastComment {
  readonly comment: string;
  readonly start: number;
}
export type FastNode = FastElement | FastComment;

export const enum Mode {
  Initial,
  BeforeHtml,
  BeforeHead,
  InHead,
  AfterHead,
  InBody,
  Text,
  InTable,
  InTableText,
  InCaption,
  InColumnGroup,
  InTableBody,
  InRow,
  InCell,
  InSelect,
  InSelectInTable,
  AfterBody,
  AfterAfterBody,
}

/**
 * The stack and formatting-list steps the builder may take per character of input (plus a
 * floor) before it hands the document to the spec builder, so that no markup makes it quadratic:
 * scope searches over a deep stack, a long list of distinct formatting elements reopened again
 * and again. Measured on the corpus's 984 documents the builder takes: at most 0.43 steps a
 * character (mean 0.055), at most 45,569 in one document; 16 leaves a wide margin and bounds a
 * 5 MB message to about 84 million steps.
 */
const WORK_PER_CHARACTER = 16;
const WORK_FLOOR = 100_000;

/**
 * The children of an element that has none yet, shared and frozen (a push into it throws). Of the
 * bench mbox's HTML elements 43% have no child and 43% one, and an array made empty grows to 17
 * slots at its first push: [child] made at the first one is 24 bytes instead of 152.
 */
export const NO_CHILDREN: FastNode[] = Object.freeze([]) as unknown as FastNode[];

/** Appends `node` to the children of `parent` (the one way they grow, for NO_CHILDREN). */
export function addChild(parent: FastElement, node: FastNode): void {
  if (parent.children === NO_CHILDREN) parent.children = [node];
  else parent.children.push(node);
}

export function appendChild(parent: FastElement, el: FastElement): void {
  addChild(parent, el);
  el.parent = parent;
}

/**
 * The HTML standard's tree construction, as parse5 implements it (function for function, so the
 * two can be read side by side), for the insertion modes mail uses: the head, the body, tables,
 * after the body. Every branch it does not reproduce throws CannotProve: foster parenting,
 * reconstruction of active formatting elements, the adoption agency beyond its simple case,
 * template, select, frameset, foreign content, noscript in head ...
 */
// Mail repeats a few DOCTYPEs (33 distinct in the corpus's 941 documents), and parse5 builds a
// whole document to read one: the answer is kept per DOCTYPE text. Measured on a one-worker scan
// of the 100 MB bench mbox: parse5's DOCTYPE reads were 248 ms of 21.4 s profiled. Bounded
// (emptied when full), so memory stays flat.
const DOCTYPE_QUIRKS = new TextKeyedCache<boolean>({ maxChars: 256 * 1024, maxEntries: 256, maxKeyChars: 1024 });

function doctypeIsQuirks(doctype: string): boolean {
  return DOCTYPE_QUIRKS.get(doctype, (text) => parse(text).mode === html.DOCUMENT_MODE.QUIRKS);
}

export class FastTreeBuilder {
  mode = Mode.Initial;
  originalMode = Mode.Initial;
  readonly stack: FastElement[] = [];
  /** Children of the document, or of the fragment's root `html`. */
  readonly top: FastNode[] = [];
  head: FastElement | null = null;
  form: FastElement | null = null;
  /** The list of active formatting elements; null is a marker. */
  readonly formatting: Array<FastElement | null> = [];
  fosterParenting = false;
  tableTextNonSpace = false;
  /** After <pre> and <listing>: a newline right after the start tag is dropped (parse5's skipNextNewLine). */
  skipNewline = false;
  /** Whether a <frameset> could still replace the body (parse5's framesetOk). */
  framesetOk = true;
  /** The <style> elements in the order they were inserted... */
  readonly styleElements: FastElement[] = [];
  /** ... which is tree order unless foster parenting or the adoption agency moved a subtree. */
  moved = false;
  private doctype: string | null = null;
  private quirks: boolean | undefined;
  /** How many open elements bear each name: most scope searches end at once when none does. */
  private readonly openCount = new Map<string, number>();
  /** Tokens read so far. */
  private tokens = 0;
  /** Thrown past, not a CannotProve: parse5's tree of the same markup would be no smaller. */
  private readonly size = new TreeSizeCap();
  /** Stack and list steps taken so far, and how many the input allows (WORK_PER_CHARACTER). */
  work = 0;
  private readonly workBudget: number;

  constructor(
    readonly tok: FastTokenizer,
    readonly context: TreeElement | null,
  ) {
    this.workBudget = WORK_FLOOR + WORK_PER_CHARACTER * tok.length;
  }

  get current(): FastElement {
    return this.stack[this.stack.length - 1];
  }

  run(): void {
    for (;;) {
      const type = this.tok.next();
      this.tokens++;
      this.process(type);
      if (type === EOF) return;
      if (this.work > this.workBudget) cannotProve('more stack and list work than the input length allows');
    }
  }

  process(type: number): void {
    if (this.skipNewline) {
      // Dropped before anything sees it: a lone newline there reconstructs no formatting element.
      this.skipNewline = false;
      if (type === TEXT && this.tok.textIsOneNewline()) return;
    }
    switch (type) {
      case TEXT:
        return this.onText();
      case START:
        return this.onStartTag();
      case END:
        return this.onEndTag();
      case COMMENT:
        return this.onComment();
      case DOCTYPE:
        return this.onDoctype();
      default:
        return this.onEof();
    }
  }

  // ---- tree mutation
  element(name: string, attrs: Record<string, string>, start: number, tokenStart = start): FastElement {
    this.size.add();
    // Every field in the literal, signature included: one object shape for every element, so the
    // walk's reads of them stay monomorphic (a signature added later gave some elements another).
    return { name, namespace: 'html', attrs, start, flags: flagsOf(name), children: NO_CHILDREN, parent: null, open: false, css: null, cssStart: -1, tokenStart, born: this.tokens, signature: undefined };
  }

  /** Puts a new node where the standard inserts: at the end of the current node, or before the table when foster parenting. */
  private place(el: FastElement): void {
    if (this.stack.length === 0) {
      this.top.push(el);
      return;
    }
    const current = this.current;
    if (this.fosterParenting && current.flags & TABLE_STRUCTURE) return this.fosterParent(el);
    appendChild(this.cappedParent(current), el);
  }

  /**
   * Where a node meant for the current node goes: its parent, once the stack is past
   * MAX_DOM_DEPTH (Blink's AttachLater), unless the current token made the current node (Blink
   * attaches a token's nodes after it: that one has no parent yet).
   */
  private cappedParent(current: FastElement): FastElement {
    return this.stack.length > MAX_DOM_DEPTH && current.parent && current.born !== this.tokens ? current.parent : current;
  }

  /** parse5's _findFosterParentingLocation (no template is ever open here). */
  fosterParent(el: FastElement): void {
    this.moved = true;
    const tableIdx = this.indexOfTopmost('table');
    if (tableIdx === -1) return appendChild(this.stack[0], el);
    const table = this.stack[tableIdx];
    const parent = table.parent;
    if (!parent) return appendChild(this.stack[tableIdx - 1], el);
    parent.children.splice(parent.children.lastIndexOf(table), 0, el);
    el.parent = parent;
  }

  /** Inserts the current start tag as an element and pushes it. */
  insertElement(): FastElement {
    const el = this.element(this.tok.name, this.tok.attrs, this.tok.start);
    this.place(el);
    this.push(el);
    return el;
  }

  /** An element the parser implies (no source location: start -1). */
  insertFake(name: string): FastElement {
    const el = this.element(name, NO_ATTRIBUTES, -1);
    this.place(el);
    this.push(el);
    return el;
  }

  /** Inserts a void element: appended, never pushed. */
  appendElement(): void {
    this.place(this.element(this.tok.name, this.tok.attrs, this.tok.start));
  }

  /** A copy of a formatting element, as reconstruction inserts it: from the same start tag, with its location. */
  insertCopy(of: FastElement): FastElement {
    const el = this.element(of.name, of.attrs, of.tokenStart);
    el.signature = of.signature;
    this.place(el);
    this.push(el);
    return el;
  }

  /** Text is not in the tree events (whitespace and text go where the mode says, and nothing shows it); only style sheets keep theirs. */
  insertCharacters(): void {
    const el = this.current;
    if (this.mode === Mode.Text && el.name === 'style' && this.tok.end > this.tok.start) {
      el.css = this.tok.newlines(this.tok.htmlSlice());
      el.cssStart = this.tok.start;
    }
  }

  /** A comment appended to `parent`'s children, or to the document's when null. */
  appendComment(parent: FastElement | null): void {
    this.size.add();
    const comment = { comment: this.tok.data, start: this.tok.start };
    if (parent) addChild(parent, comment);
    else this.top.push(comment);
  }

  commentAtCurrent(): void {
    this.appendComment(this.stack.length ? this.cappedParent(this.current) : null);
  }

  push(el: FastElement): void {
    this.markOpen(el, true);
    this.stack.push(el);
  }

  pop(): void {
    this.markOpen(this.stack.pop() as FastElement, false);
  }

  /** Every change of an element's place on the stack goes through here, so that openCount stays true. */
  markOpen(el: FastElement, open: boolean): void {
    if (el.open === open) return;
    el.open = open;
    this.openCount.set(el.name, (this.openCount.get(el.name) ?? 0) + (open ? 1 : -1));
  }

  /** Whether an element of this name is open (anywhere on the stack). */
  isOpen(name: string): boolean {
    return (this.openCount.get(name) ?? 0) > 0;
  }

  /** Pops until the stack holds `length` elements. */
  shortenTo(length: number): void {
    while (this.stack.length > length) this.pop();
  }

  remove(el: FastElement): void {
    const i = this.stack.lastIndexOf(el);
    this.work += this.stack.length - i;
    if (i === this.stack.length - 1) this.pop();
    else if (i >= 0) {
      this.stack.splice(i, 1);
      this.markOpen(el, false);
    }
  }

  switchToText(kind: number): void {
    const el = this.insertElement();
    if (el.name === 'style') this.styleElements.push(el);
    this.tok.rawText(this.tok.name, kind);
    this.originalMode = this.mode;
    this.mode = Mode.Text;
  }

  // ---- the stack of open elements
  indexOfTopmost(name: string): number {
    if (!this.isOpen(name)) return -1;
    for (let i = this.stack.length - 1; i >= 0; i--) {
      this.work++;
      if (this.stack[i].name === name) return i;
    }
    return -1;
  }

  /** Whether an element named `name` (or the element `el`) is open above every element with a `boundary` flag. */
  hasInScope(name: string, boundary: number, el?: FastElement): boolean {
    // With no element of that name open, the search below would run to a boundary (html is one).
    if (this.stack.length && !this.isOpen(name)) return false;
    for (let i = this.stack.length - 1; i >= 0; i--) {
      this.work++;
      const node = this.stack[i];
      if (node.name === name && (!el || node === el)) return true;
      if (node.flags & boundary) return false;
    }
    return true;
  }

  hasAnyInScope(names: readonly string[], boundary: number): boolean {
    if (this.stack.length && !names.some((name) => this.isOpen(name))) return false;
    for (let i = this.stack.length - 1; i >= 0; i--) {
      this.work++;
      const node = this.stack[i];
      if (names.includes(node.name)) return true;
      if (node.flags & boundary) return false;
    }
    return true;
  }

  hasSpecialAbove(index: number, flag = SPECIAL): boolean {
    for (let i = this.stack.length - 1; i > index; i--) {
      this.work++;
      if (this.stack[i].flags & flag) return true;
    }
    return false;
  }

  popUntilPopped(name: string): void {
    this.shortenTo(Math.max(this.indexOfTopmost(name), 0));
  }

  popUntilAnyPopped(names: readonly string[]): void {
    for (let i = this.stack.length - 1; i >= 0; i--) {
      this.work++;
      if (names.includes(this.stack[i].name)) return this.shortenTo(i);
    }
    this.shortenTo(0);
  }

  /** Pops until the current node is one of `names` (clear the stack back to a table, body or row context). */
  clearBackTo(names: readonly string[]): void {
    for (let i = this.stack.length - 1; i >= 0; i--) {
      this.work++;
      if (names.includes(this.stack[i].name)) return this.shortenTo(i + 1);
    }
    this.shortenTo(0);
  }

  generateImpliedEndTags(): void {
    while (this.stack.length && this.current.flags & IMPLIED_END) this.pop();
  }

  /** parse5 pops the thorough list here, as the elements it adds never sit above the ones excluded. */
  generateImpliedEndTagsExcept(name: string): void {
    while (this.stack.length && this.current.name !== name && this.current.flags & IMPLIED_END_THOROUGH) this.pop();
  }

  closeP(): void {
    this.generateImpliedEndTagsExcept('p');
    this.popUntilPopped('p');
  }

  // ---- the list of active formatting elements
  /** Pushes onto the list; of four entries after the last marker with the same name and attributes, the oldest goes (Noah's Ark). */
  pushFormatting(el: FastElement): void {
    const list = this.formatting;
    let named = 0;
    let i = list.length - 1;
    for (; i >= 0 && list[i] !== null; i--) if ((list[i] as FastElement).name === el.name) named++;
    this.work += list.length - i;
    if (named >= 3) {
      // Only now are the attributes compared: a fourth entry equal to three others drops the oldest.
      const signature = this.signatureOf(el);
      let same = 0;
      let oldest = -1;
      for (let k = list.length - 1; k > i; k--) {
        const entry = list[k] as FastElement;
        if (entry.name === el.name && this.signatureOf(entry) === signature) {
          same++;
          oldest = k;
        }
      }
      if (same >= 3) list.splice(oldest, 1);
    }
    list.push(el);
  }

  /** An element's start tag with all its attributes, read again from the source (a copy's is its original's). */
  private signatureOf(el: FastElement): string {
    // Kept on the element, not in a map by offset: 1.7 million nested `<b>` would fill the map.
    el.signature ??= this.tok.signatureAt(el.tokenStart);
    return el.signature;
  }

  insertMarker(): void {
    this.formatting.push(null);
  }

  clearToLastMarker(): void {
    while (this.formatting.length && this.formatting.pop() !== null);
  }

  /** The last entry named `name` after the last marker. */
  formattingEntry(name: string): number {
    for (let i = this.formatting.length - 1; i >= 0; i--) {
      this.work++;
      const el = this.formatting[i];
      if (el === null) return -1;
      if (el.name === name) return i;
    }
    return -1;
  }

  /** Whether `el` is in the list at all (markers included in the search, as parse5's getElementEntry does). */
  isFormattingEntry(el: FastElement): boolean {
    this.work += this.formatting.length;
    return this.formatting.lastIndexOf(el) >= 0;
  }

  /** Reopens, as copies, the formatting elements after the last marker that were closed by other elements. */
  reconstructFormatting(): void {
    const list = this.formatting;
    const last = list[list.length - 1];
    if (last === undefined || last === null || last.open) return;
    let k = list.length - 1;
    while (k > 0 && list[k - 1] !== null && !(list[k - 1] as FastElement).open) k--;
    this.work += 2 * (list.length - k);
    for (; k < list.length; k++) list[k] = this.insertCopy(list[k] as FastElement);
  }

  // ---- document mode
  isQuirks(): boolean {
    if (this.context) return false; // parse5 parses a fragment in no-quirks mode
    if (this.doctype === null) return true;
    // parse5's own reading of the DOCTYPE (a few hundred bytes), only when a <table> meets an open <p>.
    this.quirks ??= doctypeIsQuirks(this.doctype);
    return this.quirks;
  }

  resetInsertionMode(): void {
    let i = this.stack.length - 1;
    while (i >= 0 && !MODE_SELECTING.has(this.stack[i].name)) i--;
    this.work += this.stack.length - i;
    const name = i === 0 && this.context ? this.context.name : i >= 0 ? this.stack[i].name : '';
    if (i === 0 && this.context && this.context.namespace !== 'html') cannotProve('a foreign fragment context');
    switch (name) {
      case 'tr':
        this.mode = Mode.InRow;
        return;
      case 'tbody':
      case 'thead':
      case 'tfoot':
        this.mode = Mode.InTableBody;
        return;
      case 'caption':
        this.mode = Mode.InCaption;
        return;
      case 'colgroup':
        this.mode = Mode.InColumnGroup;
        return;
      case 'table':
        this.mode = Mode.InTable;
        return;
      case 'body':
        this.mode = Mode.InBody;
        return;
      case 'select': {
        const table = this.indexOfTopmost('table');
        this.mode = i > 0 && table > 0 && table > this.indexOfTopmost('template') ? Mode.InSelectInTable : Mode.InSelect;
        return;
      }
      case 'frameset':
      case 'template':
        cannotProve(`insertion mode of <${name}>`);
      // falls through (never reached)
      case 'html':
        this.mode = this.head ? Mode.AfterHead : Mode.BeforeHead;
        return;
      case 'td':
      case 'th':
        if (i > 0) {
          this.mode = Mode.InCell;
          return;
        }
        break;
      case 'head':
        if (i > 0) {
          this.mode = Mode.InHead;
          return;
        }
        break;
    }
    this.mode = Mode.InBody;
  }

  // ---- token dispatch by insertion mode
  private onText(): void {
    const tok = this.tok;
    const mode = this.mode;
    // The body first: most text is there, and only a frameset still possible needs to know what it holds.
    if (mode === Mode.InBody || mode === Mode.InCell || mode === Mode.InCaption) {
      this.reconstructFormatting();
      if (this.framesetOk && tok.textHasNonSpace()) this.framesetOk = false;
      return;
    }
    if (mode === Mode.Text) return this.insertCharacters();
    if (mode === Mode.InTableText) {
      if (!this.tableTextNonSpace && tok.textHasNonSpace()) this.tableTextNonSpace = true;
      return;
    }
    if (mode === Mode.InTable || mode === Mode.InTableBody || mode === Mode.InRow) return characterInTable(this);
    if (mode === Mode.InSelect || mode === Mode.InSelectInTable) return;
    const nonSpace = tok.textHasNonSpace();
    switch (mode) {
      case Mode.Initial:
        if (!nonSpace) return;
        this.mode = Mode.BeforeHtml;
        return this.onText();
      case Mode.BeforeHtml:
        if (!nonSpace) return;
        this.tokenBeforeHtml();
        return this.onText();
      case Mode.BeforeHead:
        if (!nonSpace) return;
        this.tokenBeforeHead();
        return this.onText();
      case Mode.InHead:
        if (!nonSpace) return;
        this.tokenInHead();
        return this.onText();
      case Mode.AfterHead:
        if (!nonSpace) return;
        this.tokenAfterHead();
        return this.onText();
      case Mode.InColumnGroup:
        if (!nonSpace) return;
        return tokenInColumnGroup(this, TEXT);
      case Mode.AfterBody:
      case Mode.AfterAfterBody:
        if (nonSpace) {
          this.mode = Mode.InBody;
          this.framesetOk = false;
        }
        this.reconstructFormatting();
        return;
    }
  }

  private onComment(): void {
    switch (this.mode) {
      case Mode.Initial:
      case Mode.BeforeHtml:
      case Mode.AfterAfterBody:
        // Before the root element and after </html>, a comment is the document's (the fragment's root here).
        return this.appendComment(null);
      case Mode.InTableText:
        return this.tokenInTableText(COMMENT);
      case Mode.AfterBody:
        return this.appendComment(this.stack[0]);
      default:
        return this.commentAtCurrent();
    }
  }

  private onDoctype(): void {
    if (this.mode === Mode.Initial) {
      this.doctype = this.tok.data;
      this.mode = Mode.BeforeHtml;
    } else if (this.mode === Mode.InTableText) this.tokenInTableText(DOCTYPE);
    // Anywhere else a DOCTYPE is a parse error and ignored.
  }

  processStartTag(): void {
    this.onStartTag();
  }

  processEndTag(): void {
    this.onEndTag();
  }

  private onStartTag(): void {
    const name = this.tok.name;
    if (name === 'svg' || name === 'math') cannotProve('foreign content');
    switch (this.mode) {
      case Mode.Initial:
        this.mode = Mode.BeforeHtml;
        return this.onStartTag();
      case Mode.BeforeHtml:
        if (name === 'html') {
          this.insertElement();
          this.mode = Mode.BeforeHead;
          return;
        }
        this.tokenBeforeHtml();
        return this.onStartTag();
      case Mode.BeforeHead:
        if (name === 'html') return startTagInBody(this);
        if (name === 'head') {
          this.head = this.insertElement();
          this.mode = Mode.InHead;
          return;
        }
        this.tokenBeforeHead();
        return this.onStartTag();
      case Mode.InHead:
        return this.startTagInHead();
      case Mode.AfterHead:
        return this.startTagAfterHead();
      case Mode.InBody:
        return startTagInBody(this);
      case Mode.InTable:
        return startTagInTable(this);
      case Mode.InTableText:
        return this.tokenInTableText(START);
      case Mode.InCaption:
        return startTagInCaption(this);
      case Mode.InColumnGroup:
        return startTagInColumnGroup(this);
      case Mode.InTableBody:
        return startTagInTableBody(this);
      case Mode.InRow:
        return startTagInRow(this);
      case Mode.InCell:
        return startTagInCell(this);
      case Mode.InSelect:
      case Mode.InSelectInTable:
        return startTagInSelect(this);
      case Mode.AfterBody:
      case Mode.AfterAfterBody:
        if (name !== 'html') this.mode = Mode.InBody;
        return startTagInBody(this);
      case Mode.Text:
        cannotProve('a start tag in text mode'); // the tokenizer never gives one
    }
  }

  private onEndTag(): void {
    const name = this.tok.name;
    switch (this.mode) {
      case Mode.Initial:
        this.mode = Mode.BeforeHtml;
        return this.onEndTag();
      case Mode.BeforeHtml:
        if (name === 'html' || name === 'head' || name === 'body' || name === 'br') {
          this.tokenBeforeHtml();
          return this.onEndTag();
        }
        return;
      case Mode.BeforeHead:
        if (name === 'head' || name === 'body' || name === 'html' || name === 'br') {
          this.tokenBeforeHead();
          return this.onEndTag();
        }
        return;
      case Mode.InHead:
        if (name === 'head') {
          this.pop();
          this.mode = Mode.AfterHead;
        } else if (name === 'body' || name === 'br' || name === 'html') {
          this.tokenInHead();
          this.onEndTag();
        } else if (name === 'template') cannotProve('template');
        return;
      case Mode.AfterHead:
        if (name === 'body' || name === 'html' || name === 'br') {
          this.tokenAfterHead();
          this.onEndTag();
        } else if (name === 'template') cannotProve('template');
        return;
      case Mode.InBody:
        return endTagInBody(this);
      case Mode.Text:
        this.pop();
        this.mode = this.originalMode;
        return;
      case Mode.InTable:
        return endTagInTable(this);
      case Mode.InTableText:
        return this.tokenInTableText(END);
      case Mode.InCaption:
        return endTagInCaption(this);
      case Mode.InColumnGroup:
        return endTagInColumnGroup(this);
      case Mode.InTableBody:
        return endTagInTableBody(this);
      case Mode.InRow:
        return endTagInRow(this);
      case Mode.InCell:
        return endTagInCell(this);
      case Mode.InSelect:
      case Mode.InSelectInTable:
        return endTagInSelect(this);
      case Mode.AfterBody:
        if (name === 'html') {
          if (!this.context) this.mode = Mode.AfterAfterBody;
          return;
        }
        this.mode = Mode.InBody;
        return endTagInBody(this);
      case Mode.AfterAfterBody:
        this.mode = Mode.InBody;
        return endTagInBody(this);
    }
  }

  private onEof(): void {
    switch (this.mode) {
      case Mode.Initial:
        this.mode = Mode.BeforeHtml;
        return this.onEof();
      case Mode.BeforeHtml:
        this.tokenBeforeHtml();
        return this.onEof();
      case Mode.BeforeHead:
        this.tokenBeforeHead();
        return this.onEof();
      case Mode.InHead:
        this.tokenInHead();
        return this.onEof();
      case Mode.AfterHead:
        this.tokenAfterHead();
        return this.onEof();
      case Mode.Text:
        this.pop();
        this.mode = this.originalMode;
        return this.onEof();
      case Mode.InTableText:
        return this.tokenInTableText(EOF);
      default:
        return; // stop parsing (no template is ever open here)
    }
  }

  // ---- the modes before the body
  tokenBeforeHtml(): void {
    const el = this.element('html', {}, -1);
    this.top.push(el);
    this.push(el);
    this.mode = Mode.BeforeHead;
  }

  tokenBeforeHead(): void {
    this.head = this.insertFake('head');
    this.mode = Mode.InHead;
  }

  tokenInHead(): void {
    this.pop();
    this.mode = Mode.AfterHead;
  }

  tokenAfterHead(): void {
    this.insertFake('body');
    this.mode = Mode.InBody;
  }

  startTagInHead(): void {
    switch (this.tok.name) {
      case 'html':
        return startTagInBody(this);
      case 'base':
      case 'basefont':
      case 'bgsound':
      case 'link':
      case 'meta':
        return this.appendElement();
      case 'title':
        return this.switchToText(RCDATA);
      case 'noscript':
        cannotProve('<noscript> in head (scripting off)');
      // falls through (never reached)
      case 'noframes':
      case 'style':
        return this.switchToText(RAWTEXT);
      case 'script':
        return this.switchToText(SCRIPT);
      case 'template':
        cannotProve('template');
      // falls through (never reached)
      case 'head':
        return;
      default:
        this.tokenInHead();
        return this.onStartTag();
    }
  }

  private startTagAfterHead(): void {
    switch (this.tok.name) {
      case 'html':
        return startTagInBody(this);
      case 'body':
        this.insertElement();
        this.framesetOk = false;
        this.mode = Mode.InBody;
        return;
      case 'frameset':
        cannotProve('frameset');
      // falls through (never reached)
      case 'base':
      case 'basefont':
      case 'bgsound':
      case 'link':
      case 'meta':
      case 'noframes':
      case 'script':
      case 'style':
      case 'template':
      case 'title': {
        // Put back in the head that was already closed.
        const head = this.head as FastElement;
        this.push(head);
        this.startTagInHead();
        this.remove(head);
        return;
      }
      case 'head':
        return;
      default:
        this.tokenAfterHead();
        return this.onStartTag();
    }
  }

  /** Leaves "in table text": whitespace was inserted where it stood; other text would be foster-parented. */
  tokenInTableText(type: number): void {
    if (this.tableTextNonSpace) {
      // Text in a table goes before it: only where reconstructed formatting elements go shows in the events.
      const saved = this.fosterParenting;
      this.fosterParenting = true;
      this.reconstructFormatting();
      this.fosterParenting = saved;
      this.framesetOk = false;
    }
    this.mode = this.originalMode;
    this.process(type);
  }
}
