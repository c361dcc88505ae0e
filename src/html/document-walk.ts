import { staged } from '../engine/stage.js';
import { frozenBaseUrl } from '../url/remote-url.js';
import { dataContent, type DataReader } from '../url/data-document.js';
import { outlookContent } from './conditional-comment.js';
import { cssUrls as urlsOfCss, type CssUrl } from './css.js';
import { compileCascade, enterElement, type Cascade, type ElementContext } from './cascade.js';
import { sheetUrls as urlsOfSheet } from './css-cache.js';
import type { ExtractionSink, Found } from './extraction-sink.js';
import { isHyperlink, linkLoads, loadingAttributes, type LoadingAttribute, type Place } from './loading-elements.js';
import { mediaAttributeMatches } from './css-media.js';
import { refreshUrl } from './meta-refresh.js';
import { parseSrcset } from './srcset.js';
import { PreloadScan } from './preload-scan.js';
import { TableColumns } from './table-columns.js';
import { PAINTS_NOTHING_BELOW } from './css-filter.js';
import type { HtmlTree, TreeElement, TreeVisitor } from './tree.js';
import { fontSizeOf, MEDIUM, uaFontSize } from './css-font-size.js';
import type { LengthBasis } from './css-length.js';
import { UNSCALED, type BoxScale } from './css-transform.js';
import { TextKeyedCache } from './text-keyed-cache.js';
import { hiddenByUserAgent } from './ua-hidden.js';
import { hiddenBySvg, SVG_REFERENCE } from './svg-hidden.js';
import { followingSiblings, type FollowingSiblings } from './following-siblings.js';
import { declaredSize, hasBox, hiddenByElement, ownOpacity, ownScale, tinyBySize, visibilityOf, type Hidden, type Size } from './visibility.js';

const cssUrls = staged('css', urlsOfCss);
// A sheet's URLs, searched once per worker (css-cache.ts), under the same stage name.
const sheetUrls = staged('css', urlsOfSheet);

/** Where a tree's content sits in the message, and what it inherits from its container. */
export interface Origin {
  /** The text the tree's offsets index (plus `offset`): the message HTML, or a srcdoc's. */
  source: string;
  /** Added to the tree's offsets to make offsets in `source` (a fragment's place). */
  offset: number;
  /** When set, every position is this offset: a srcdoc's resources point at its iframe. */
  fixedAt?: number;
  /** The base URL in effect where the content starts. */
  base?: string;
  /** What a `<base href>` inside is parsed against (the container's base for a srcdoc). */
  baseFallback?: string;
  /** A `<base href>` already took effect: later ones change nothing (only the first counts). */
  baseSet?: boolean;
  /** Hidden-ness inherited from the container (the comment's parent, the iframe). */
  hidden?: Hidden;
  visibility?: Hidden;
  inObject?: boolean;
  /** How many documents hold this one (1 for the message; a srcdoc's or data: document's is its container's plus one). */
  depth?: number;
  /** The content is Outlook's alone (a conditional comment's). */
  client?: 'outlook';
  /** The container's element context and cascade, for a fragment read in its parent's place. */
  parent?: ElementContext;
  cascade?: Cascade;
}

interface Frame {
  ctx: ElementContext;
  /** The element's `style` attribute. */
  inline: string | undefined;
  /** Its inline style may hide it: read for hidden-ness even when the cascade is empty. */
  mayHide: boolean;
  /** Its computed style once read (styleOf: for hidden-ness or a size). */
  style: ReadonlyMap<string, string> | undefined;
  styleRead: boolean;
  /** `hidden`, `visibility` and `scale` are known only once `resolve()` reached the frame. */
  hidden: Hidden | undefined;
  /** An inherited visibility:hidden, which a descendant's visibility:visible undoes. */
  visibility: Hidden | undefined;
  inObject: boolean;
  /** The last child element entered, the `previous` of the next one. */
  lastChild: ElementContext | null;
  /** For a picture: source candidates waiting for the img that loads them (null once it came). */
  sources?: Found[] | null;
  /** Its computed font size in px, once an `em` asked for it. */
  fontSize?: number;
  /** What its own and its ancestors' zoom and transforms scale its box by. */
  scale: BoxScale;
  /** The product of its own and its ancestors' opacities (filter opacity() too): group opacities multiply. */
  opacity: number;
  /** A table's columns (table-columns.ts), shared by its colgroups and rows; once a col or colgroup came. */
  columns?: TableColumns;
  /** A cell in a column of visibility:collapse. */
  columnHidden?: Hidden;
}

// Styles that can hide an element; any other inline style needs no parsing on an element that
// loads nothing (a backslash may be an escape, `disp\lay`).
const MAY_HIDE = /display|visibility|opacity|mso-hide|position|margin-(?:left|top)\s*:\s*-|text-indent\s*:\s*-|overflow|content-visibility|(?<!text-)transform|translate|filter|contain|scale|zoom|(?<!background-)clip|mask|\\/i;

/** What the walk asks of an inline style's text, whatever element carries it. */
interface InlineStyle {
  mayHide: boolean;
  urls: readonly CssUrl[];
}

// Newsletters repeat their inline styles row after row (the corpus's 39,295 are 7,979 distinct):
// each distinct text is tested and searched for URLs once per worker. Measured on the corpus
// HTML, steady state: the two scans of every style (MAY_HIDE, then cssUrls's own pre-check and
// candidate search) were about 5% of the extraction's CPU time. Bounded (emptied when full).
const INLINE_STYLES = new TextKeyedCache<InlineStyle>({ maxChars: 4_000_000, maxEntries: 20_000, maxKeyChars: 4096 });
const inlineStyleOf = (css: string): InlineStyle => ({ mayHide: MAY_HIDE.test(css), urls: cssUrls(css) });

function inlineStyle(css: string): InlineStyle {
  return INLINE_STYLES.get(css, inlineStyleOf);
}
// The kinds whose data: URL Chromium reads as a document whose subresources load, or as a sheet.
const DATA_READERS: Partial<Record<string, DataReader>> = { iframe: 'frame', frame: 'frame', 'object-data': 'frame', embed: 'frame', 'link-stylesheet': 'sheet' };

const BODY: TreeElement = { name: 'body', namespace: 'html', attrs: {}, start: -1 };

/**
 * One pre-order walk over one tree (the message, a conditional comment's fragment, a srcdoc),
 * keeping a stack of the open elements' hidden state. Iterative: the tree's walk is, and this
 * keeps its own stack, so 100,000 nested elements need no recursion.
 */
const UNKNOWN_CASCADE: Hidden = { by: 'unknown-cascade', detail: 'the style sheets were too costly to apply in full' };

export class DocumentWalk implements TreeVisitor {
  private readonly stack: Frame[] = [];
  /** How many frames of the stack, from the bottom, have their hidden state resolved. */
  private resolvedDepth = 0;
  /** The frame whose `em` the basis reads while resolve() reaches it; -1: the top of the stack. */
  private emAt = -1;
  private readonly cascade: Cascade;
  private base: string | undefined;
  private baseSet: boolean;
  /** What Chromium's preload scanner sees besides the tree: its own base, its picture sources. */
  private readonly scan: PreloadScan;
  private styleIndex = 0;
  /** Following-sibling counts by pre-order number, when a selector needs them (following-siblings.ts). */
  private readonly following: FollowingSiblings | undefined;
  /** How many elements were entered: the next one's pre-order number. */
  private entered = 0;
  /** Whether the document refers to an element by fragment (svg-hidden.ts), once an SVG container asks. */
  private svgReferenced: boolean | undefined;
  private readonly root: Frame;

  constructor(
    private readonly sink: ExtractionSink,
    private readonly tree: HtmlTree,
    private readonly origin: Origin,
  ) {
    this.cascade = origin.cascade ?? compileCascade(tree.styles, { quirks: tree.styles.length > 0 && (tree.quirks ?? false), ticker: sink.deadline });
    // Only documents whose sheets use :last-child and the like pay for this walk of their own.
    this.following = this.cascade.needsFollowing ? followingSiblings(tree) : undefined;
    this.base = origin.base;
    this.baseSet = origin.baseSet ?? false;
    this.scan = new PreloadScan(origin.base, this.baseSet, origin.baseFallback);
    this.root = {
      ctx: origin.parent ?? enterElement(BODY, null, null),
      inline: undefined,
      mayHide: false,
      style: undefined,
      styleRead: true,
      hidden: origin.hidden,
      visibility: origin.visibility,
      inObject: origin.inObject ?? false,
      lastChild: null,
      fontSize: MEDIUM,
      scale: UNSCALED,
      opacity: 1,
    };
  }

  // em and rem of the element being entered (the top of the stack) or being resolved, read only
  // when a length needs them.
  private readonly basis: LengthBasis = {
    em: () => this.fontSizeAt(this.emAt < 0 ? this.stack.length - 1 : this.emAt),
    rem: () => (this.stack[0]?.ctx.el.name === 'html' && this.stack[0].ctx.el.namespace === 'html' ? this.fontSizeAt(0) : MEDIUM),
    percentDefinite: true,
  };

  /**
   * The computed font size of the element at `index` in the stack (the root frame's is medium),
   * from its nearest ancestor that knows its own: its style is read now if the walk skipped it.
   * Iterative and remembered on each frame, so linear however deep the document.
   */
  private fontSizeAt(index: number): number {
    let i = index;
    while (i >= 0 && this.stack[i].fontSize === undefined) i--;
    let size = i >= 0 ? this.stack[i].fontSize! : (this.root.fontSize ?? MEDIUM);
    for (let j = i + 1; j <= index; j++) {
      const frame = this.stack[j];
      size = fontSizeOf(this.cascade.fontSize(frame.ctx), size, j === 0 ? MEDIUM : this.basis.rem(), uaFontSize(frame.ctx.el, this.tree.quirks ?? false));
      frame.fontSize = size;
    }
    return size;
  }

  run(): void {
    this.tree.walk(this);
  }

  /**
   * Past the document's match budget, rules with combinators no longer apply (selector-match.ts):
   * an attacker's 250 rules `.cN ~ i` over 10,000 `<i>` spend it so that `.w img{display:none}`
   * is never matched and the hidden pixel reads as a visible picture. Every element judged after
   * that errs towards hidden: exhausting the budget then makes a pixel more suspect, not less.
   * The cascade is non-empty whenever it can run out, so each element's style was read above.
   */
  private unknownCascade(): Hidden | undefined {
    return this.cascade.exhausted ? UNKNOWN_CASCADE : undefined;
  }

  enter(el: TreeElement): void {
    this.sink.deadline.tick();
    const parent = this.stack[this.stack.length - 1] ?? this.root;
    const n = this.entered++;
    const following = this.following;
    const ctx = enterElement(el, parent === this.root && !this.origin.parent ? null : parent.ctx, parent.lastChild, following?.after[n], following?.afterOfType[n]);
    parent.lastChild = ctx;
    const inline = el.attrs.style;
    const inlineFacts = inline === undefined ? undefined : inlineStyle(inline);
    const loads = loadingAttributes(el) ?? linkLoads(el);
    // The element's style, hidden state, visibility and scale (cascaded, and its parent's) are
    // resolved only when something in it loads (resolve()): most elements of a newsletter hold
    // no resource, and the cascade for each one was the walk's largest cost. Measured on the
    // corpus HTML (987 documents, 14.7 M chars, 3 warm passes, CPU time, before and after
    // alternating in one session, load 10-13): 1.71-2.30 s (median 1.94) -> 1.42-2.08 s
    // (median 1.78); a sha1 of every extraction (corpus, fixtures, browser cases) unchanged.
    const frame: Frame = {
      ctx,
      inline,
      mayHide: inlineFacts?.mayHide ?? false,
      style: undefined,
      // With no style attribute and no rule, there is nothing to read (undefined, not computed).
      styleRead: inline === undefined && this.cascade.empty,
      hidden: undefined,
      visibility: undefined,
      inObject: parent.inObject || (el.namespace === 'html' && el.name === 'object'),
      lastChild: null,
      scale: UNSCALED,
      opacity: 1,
    };
    this.stack.push(frame);
    const at = this.at(el.start);
    this.scan.enter(el);
    if (el.namespace === 'html' && TABLE_COLUMN_PARTS.has(el.name)) this.tableColumns(el, frame, parent);
    if (el.name === 'base' && el.namespace === 'html') this.baseElement(el);
    if (el.name === 'style' && el.namespace !== 'math') this.styleElement(el);
    if (el.name === 'meta' && el.namespace === 'html' && parent !== this.root && isHead(parent.ctx.el) && isMetaCsp(el) && !this.origin.client) this.sink.metaCsp = true;
    if (isHyperlink(el)) {
      const href = el.attrs.href ?? (el.namespace === 'svg' ? el.attrs['xlink:href'] : undefined);
      if (href !== undefined) this.sink.link(href, this.base, at);
    }
    let size: Size | undefined;
    if (el.name === 'img' && el.namespace === 'html') {
      const seen = this.seen();
      size = declaredSize(el, this.styleOf(frame), this.basis, frame.scale);
      this.pictureImg(parent, seen ?? tinyBySize(size), size);
      this.scannerPictureImg(seen ?? tinyBySize(size), size);
    } else if (el.name === 'source' && el.attrs.srcset !== undefined && this.scan.inPicture() && !(el.namespace === 'html' && parent.ctx.el.name === 'picture' && parent.ctx.el.namespace === 'html')) {
      this.scannerPictureSource(el, at);
    }
    const place: Place | undefined = loads.length ? { parent: parent === this.root && !this.origin.parent ? undefined : parent.ctx.el, inObject: parent.inObject } : undefined;
    for (const a of loads) {
      const value = el.attrs[a.attr];
      if (value === undefined || !place || (a.when && !a.when(el, place))) continue;
      const seen = this.seen();
      size ??= declaredSize(el, this.styleOf(frame), this.basis, frame.scale);
      const load = typeof a.load === 'function' ? a.load(el, place) : a.load;
      const template: Found = {
        raw: '',
        kind: a.kind,
        element: el.name,
        load,
        hidden: seen ?? (a.boxed ? tinyBySize(size) : undefined),
        size,
        at,
        client: a.client ?? this.origin.client,
      };
      this.load(a, value, template, parent);
    }
    if (inlineFacts !== undefined && inlineFacts.urls.length) {
      const seen = this.seen();
      this.inlineCss(inlineFacts.urls, el, seen, this.styleOf(frame), at, frame.scale);
    }
  }

  leave(el: TreeElement): void {
    this.scan.leave(el);
    if (el.name === 'colgroup') this.stack[this.stack.length - 1]?.columns?.endColgroup();
    this.stack.pop();
    if (this.resolvedDepth > this.stack.length) this.resolvedDepth = this.stack.length;
  }

  /** The computed style of the frame's element, read once. */
  private styleOf(frame: Frame): ReadonlyMap<string, string> | undefined {
    if (!frame.styleRead) {
      frame.style = this.cascade.computed(frame.ctx, frame.inline);
      frame.styleRead = true;
    }
    return frame.style;
  }

  /** Why the innermost open element is not seen (hidden, or visibility:hidden inherited), or undefined. */
  private seen(): Hidden | undefined {
    const top = this.resolve();
    return top.hidden?.by === 'tiny' ? (top.visibility ?? top.hidden) : (top.hidden ?? top.visibility);
  }

  /**
   * Resolves the hidden state, visibility and scale of every open element not resolved yet,
   * outermost first (each from its parent's), once each, and returns the innermost frame (the
   * root when none is open). The cascade is thus asked in tree order, as when every element
   * was resolved on entering: its memos and match budget see a subsequence of the same calls.
   */
  private resolve(): Frame {
    const stack = this.stack;
    for (let i = this.resolvedDepth; i < stack.length; i++) {
      const frame = stack[i];
      const parent = i > 0 ? stack[i - 1] : this.root;
      const el = frame.ctx.el;
      // Parsing every inline style is costly: only one that may hide is read for hidden-ness
      // (the one of an element that loads something is read for its size, by styleOf); a
      // non-empty cascade reads them all.
      const style = !this.cascade.empty || frame.mayHide ? this.styleOf(frame) : undefined;
      const own = visibilityOf(el, style);
      frame.visibility = own === undefined ? parent.visibility : (own ?? undefined);
      // Most styles set none of these: no scale to compute.
      const scaled = style !== undefined && (style.has('zoom') || style.has('transform') || style.has('scale')) ? ownScale(style, hasBox(el, style.get('display'))) : undefined;
      frame.scale = scaled ? { x: parent.scale.x * scaled.x, y: parent.scale.y * scaled.y, collapsed: false } : parent.scale;
      frame.opacity = style === undefined && el.namespace !== 'svg' ? parent.opacity : parent.opacity * ownOpacity(el, style);
      // An em in a hiding length is the font size of this element, not of the top of the stack.
      this.emAt = i;
      try {
        const own = hiddenByElement(el, style, this.basis) ?? hiddenByUserAgent(frame.ctx, style?.get('display')) ?? this.svgHidden(frame, style) ?? frame.columnHidden;
        // A strip-sized clip (tiny) yields to a hidden ancestor; a fieldset's rendered legend sits outside its clip.
        const inherited = renderedLegend(frame.ctx) && parent.hidden !== (i > 1 ? stack[i - 2] : this.root).hidden && isClip(parent.hidden) ? (i > 1 ? stack[i - 2] : this.root).hidden : parent.hidden;
        frame.hidden = (own?.by === 'tiny' ? undefined : own) ?? inherited ?? multipliedOpacity(el, frame.opacity, parent.opacity) ?? this.unknownCascade() ?? own;
      } finally {
        this.emAt = -1;
      }
      this.resolvedDepth = i + 1;
    }
    return stack[stack.length - 1] ?? this.root;
  }

  /** Columns, rows and cells of an HTML table, for the columns `visibility:collapse` takes out (table-columns.ts). */
  private tableColumns(el: TreeElement, frame: Frame, parent: Frame): void {
    const up = parent.ctx.el;
    const parentIs = (name: string) => parent !== this.root && up.name === name && up.namespace === 'html';
    const collapse = () => this.styleOf(frame)?.get('visibility') === 'collapse';
    if (el.name === 'colgroup') {
      if (!parentIs('table')) return;
      frame.columns = parent.columns ??= new TableColumns();
      frame.columns.colgroup(el, collapse());
    } else if (el.name === 'col') {
      if (parentIs('colgroup') && parent.columns) parent.columns.col(el, collapse(), true);
      else if (parentIs('table')) (parent.columns ??= new TableColumns()).col(el, collapse(), false);
    } else if (el.name === 'tr') {
      const table = parentIs('table') ? parent : this.stack[this.stack.length - 3];
      if (table?.columns && table.ctx.el.name === 'table') {
        frame.columns = table.columns;
        frame.columns.row(parent.ctx.el);
      }
    } else if (parentIs('tr') && parent.columns) frame.columnHidden = parent.columns.cell(el);
  }

  /** What SVG leaves undrawn (svg-hidden.ts); only elements in or at the edge of SVG are asked. */
  private svgHidden(frame: Frame, style: ReadonlyMap<string, string> | undefined): Hidden | undefined {
    const el = frame.ctx.el;
    const clips = el.namespace === 'svg' && (el.name === 'svg' || el.name === 'foreignObject');
    if (!clips && frame.ctx.parent?.el.namespace !== 'svg') return undefined;
    // A clipping box's size is read from its style even when nothing else in it could hide.
    return hiddenBySvg(frame.ctx, clips ? this.styleOf(frame) : style, () => (this.svgReferenced ??= SVG_REFERENCE.test(this.origin.source)));
  }

  comment(data: string, start: number): void {
    // A conditional comment's content cannot hold another (its `-->` would end the outer one).
    if (this.origin.client === 'outlook' || start < 0) return;
    const content = outlookContent(data);
    if (!content) return;
    const html = this.origin.source;
    const dataAt = this.origin.offset + start;
    const from = dataAt + originalOffset(html, dataAt, content.start);
    const to = dataAt + originalOffset(html, dataAt, content.end);
    const parent = this.resolve();
    const tree = this.sink.builder.fragment(html.slice(from, to), parent.ctx.el, undefined, html);
    if (!tree) return;
    new DocumentWalk(this.sink, tree, {
      source: html,
      offset: from,
      fixedAt: this.origin.fixedAt,
      base: this.base,
      baseFallback: this.origin.baseFallback,
      baseSet: this.baseSet,
      hidden: parent.hidden,
      visibility: parent.visibility,
      inObject: parent.inObject,
      depth: this.origin.depth,
      client: 'outlook',
      parent: parent.ctx,
      cascade: this.cascade,
    }).run();
  }

  private baseElement(el: TreeElement): void {
    if (this.baseSet || el.attrs.href === undefined) return;
    // The first <base href> sets the base for what follows it: Chromium fetches each resource
    // as its element is parsed, so one before the <base> was already resolved without it.
    // One whose href fails to parse or is data: or javascript: freezes the fallback base (HTML
    // "set the frozen base URL"), but Chromium's preload scanner then takes the next <base>
    // and fetches against it (outside review 3; oracle base-*-then-base): the next one counts.
    const frozen = frozenBaseUrl(el.attrs.href, this.origin.baseFallback);
    if (frozen === undefined) {
      this.base = this.origin.baseFallback;
      return;
    }
    this.baseSet = true;
    this.base = frozen;
  }

  /**
   * A `<style>` element (HTML or SVG: both are style sheets of the document): the tree's
   * `styles` hold their texts in the same tree order. Its `type` changes nothing: Chromium 150
   * fetches the @import of `<style type="text/plain">`. A fragment's own sheets are Outlook's:
   * their URLs count, their rules are not cascaded. A sheet whose `media` does not match the
   * screen is still fetched with its @imports (Chromium 150 does) but never applied: its url()s
   * load nothing.
   */
  private styleElement(el: TreeElement): void {
    const sheet = this.tree.styles[this.styleIndex++];
    if (!sheet) return;
    const applied = el.namespace !== 'html' || mediaAttributeMatches(el.attrs.media);
    for (const u of sheetUrls(sheet.css, this.sink.deadline)) {
      if (!applied && u.kind !== 'css-import') continue;
      const at = this.at(sheet.start + u.offset);
      // An @import loads with the sheet; a url() only where its rule applies, a font when used.
      const found: Found = { raw: u.url, kind: u.kind, element: 'style', load: u.kind === 'css-import' && !u.mayOnly ? 'must' : 'may', hidden: undefined, size: {}, at, client: this.origin.client };
      if (u.dropped !== undefined) this.sink.reject(found, u.dropped);
      else if (u.kind !== 'css-import' || !this.dataSheet(found, this.depth())) this.add(found);
    }
  }

  /**
   * Files `found` against the base in effect and, when Chromium's preload scanner fetches its
   * kind against a base of its own (a `<base>` in foreign content: preload-scan.ts), against
   * that one too, as a may-load (a mail client's engine may scan otherwise).
   */
  private add(found: Found): void {
    this.sink.add(found, this.base);
    const other = this.scan.otherBase(found.kind, this.base);
    if (other !== undefined && !this.sink.resolvesAlike(found.raw, this.base, other)) this.sink.add({ ...found, load: 'may' }, other);
  }

  /** A `<source srcset>` the tree gives no picture but the preload scanner reads as one's (preload-scan.ts). */
  private scannerPictureSource(el: TreeElement, at: number): void {
    const { candidates } = parseSrcset(el.attrs.srcset ?? '', this.sink.deadline);
    for (const c of candidates) this.scan.addSource({ raw: c.url, kind: 'picture-source', element: el.name, load: 'may', hidden: undefined, size: {}, at, client: this.origin.client });
  }

  /** An img after such sources: the scanner fetches them (in place of its src), with its hidden-ness and size. */
  private scannerPictureImg(hidden: Hidden | undefined, size: Size): void {
    for (const s of this.scan.takeSources()) this.sink.add({ ...s, size, hidden }, this.scan.base);
  }

  private depth(): number {
    return this.origin.depth ?? 1;
  }

  /**
   * A data: document in a frame-like element (iframe, frame, object, embed): queued to be read
   * like a srcdoc, its resources at the element with its hidden-ness. True when `found` was a
   * data: URL (read, or rejected with the reason); false for any other URL.
   */
  private dataFrame(found: Found): boolean {
    const content = dataContent(found.raw, 'frame');
    if (content === undefined) return false;
    if ('reason' in content) this.sink.reject(found, content.reason);
    else if (this.sink.admitNested(found, content.text.length, this.depth() + 1)) this.sink.queueSrcdoc({ html: content.text, at: found.at, depth: this.depth() + 1, base: undefined, hidden: found.hidden, client: found.client });
    return true;
  }

  /**
   * A data: style sheet (`<link rel=stylesheet href="data:text/css,...">`, an `@import` of one,
   * also inside another data: sheet): its URLs are read now, at the place of `found`, as the
   * `<style>` sheet's are (its @imports load with it, its url()s may). Its rules are not
   * cascaded (a known gap). Recursion is bounded by MAX_NESTED_DOCUMENTS. A data: URL is no base:
   * only absolute URLs inside load.
   */
  private dataSheet(found: Found, depth: number): boolean {
    const content = dataContent(found.raw, 'sheet');
    if (content === undefined) return false;
    if ('reason' in content) this.sink.reject(found, content.reason);
    else if (this.sink.admitNested(found, content.text.length, depth + 1)) {
      for (const u of sheetUrls(content.text, this.sink.deadline)) {
        const inner: Found = { ...found, raw: u.url, kind: u.kind, load: u.kind === 'css-import' && !u.mayOnly ? found.load : 'may' };
        if (u.dropped !== undefined) this.sink.reject(inner, u.dropped);
        else if (u.kind !== 'css-import' || !this.dataSheet(inner, depth + 1)) this.sink.add(inner, undefined);
      }
    }
    return true;
  }

  private load(a: LoadingAttribute, value: string, template: Found, parent: Frame): void {
    const found = (raw: string): Found => ({ ...template, raw });
    if (a.form === 'url') {
      const f = found(value);
      const reader = DATA_READERS[a.kind];
      if (reader === 'frame' ? !this.dataFrame(f) : reader === 'sheet' ? !this.dataSheet(f, this.depth()) : true) this.add(f);
    } else if (a.form === 'srcset') {
      const { candidates, dropped } = parseSrcset(value, this.sink.deadline);
      const list = candidates.map((c) => found(c.url));
      for (const d of dropped) this.sink.reject(found(d.url), 'a srcset candidate with an invalid descriptor');
      if (a.viaPicture) {
        // Loaded only through the picture's img, and only if the source comes before it.
        if (parent.sources !== null) {
          // One push per candidate: a spread of 100,000 arguments overflows the stack.
          const pending = (parent.sources ??= []);
          for (const f of list) pending.push(f);
        }
      } else for (const f of list) this.add(f);
    } else if (a.form === 'refresh') {
      const refresh = refreshUrl(value);
      if (refresh && refresh.url) this.sink.add(found(refresh.url), this.base);
    } else if (a.form === 'css') {
      for (const u of urlsOfCss(value, { attribute: true })) this.sink.add(found(u.url), this.base);
    } else if (a.form === 'smil-values') {
      for (const v of value.split(';')) if (v.trim()) this.sink.add(found(v.trim()), this.base);
    } else if (a.form === 'srcdoc') {
      const f = found('');
      if (this.sink.admitNested({ ...f, raw: value.slice(0, 200) }, value.length, this.depth() + 1)) this.sink.queueSrcdoc({ html: value, at: f.at, depth: this.depth() + 1, base: this.base, hidden: f.hidden, client: f.client });
    }
  }

  /** An img: in a picture, the sources before it load through it, with its hidden-ness and (unless their own) size. */
  private pictureImg(parent: Frame, hidden: Hidden | undefined, size: Size): void {
    if (parent.sources === null || parent.ctx.el.name !== 'picture' || parent.ctx.el.namespace !== 'html') return;
    for (const s of parent.sources ?? []) {
      const own = s.size.width !== undefined || s.size.height !== undefined;
      this.add({ ...s, size: own ? s.size : size, hidden: hidden ?? (own ? tinyBySize(s.size) : undefined) });
    }
    // Sources after the img are not among its candidates.
    parent.sources = null;
  }

  /** `style` is the element's computed style. */
  private inlineCss(urls: readonly CssUrl[], el: TreeElement, seen: Hidden | undefined, style: ReadonlyMap<string, string> | undefined, at: number, scale: BoxScale): void {
    // The whole attribute is given as CSS text (its URLs found by inlineStyle): an @import found
    // in it is listed as rejected below, with the reason explain shows.
    const size = declaredSize(el, style, this.basis, scale);
    for (const u of urls) {
      const found: Found = { raw: u.url, kind: u.kind, element: el.name, load: 'may', hidden: seen, size, at, client: this.origin.client };
      // A style attribute is a list of declarations: an at-rule in it is invalid and loads nothing.
      if (u.kind === 'css-import') this.sink.reject(found, '@import in a style attribute is ignored');
      else this.sink.add(found, this.base);
    }
  }

  private at(start: number): number {
    // An implied element has no offset (-1), even when a later `<body>` or `<html>` tag gave it
    // attributes: such a resource is placed at the start of its text.
    return this.origin.fixedAt ?? this.origin.offset + Math.max(0, start);
  }
}

/**
 * The offset in `html` of the `index`-th character of a comment's data that starts at `start`.
 * The parser's offsets count the source, but its data has each CR LF made one LF: the two drift
 * apart by one per CR LF before the index.
 */
function originalOffset(html: string, start: number, index: number): number {
  // Linear in the comment alone: a search for the next CR could run to the end of the document
  // for every comment (quadratic for many comments and one CR at the end).
  let normalised = 0;
  let i = start;
  while (normalised < index && i < html.length) {
    if (html.charCodeAt(i) === 0x0d && html.charCodeAt(i + 1) === 0x0a) i++;
    i++;
    normalised++;
  }
  return i - start;
}

/**
 * Opacities that each paint but whose product does not (below 1/510: the 8-bit alpha rounds to
 * 0 whatever the image), judged at the element where the product first falls under it.
 */
function multipliedOpacity(el: TreeElement, opacity: number, parentOpacity: number): Hidden | undefined {
  if (opacity >= PAINTS_NOTHING_BELOW || parentOpacity < PAINTS_NOTHING_BELOW) return undefined;
  return { by: 'opacity-zero', detail: `<${el.name}> opacity ${Number(opacity.toPrecision(3))} with its ancestors' (group opacities multiply)` };
}

const TABLE_COLUMN_PARTS = new Set(['colgroup', 'col', 'tr', 'td', 'th']);

const isHead = (el: TreeElement): boolean => el.name === 'head' && el.namespace === 'html';

/**
 * A policy Chromium enforces from a `<meta>`: `http-equiv` Content-Security-Policy (ASCII
 * case-insensitive; not `-Report-Only`, which a meta cannot carry) with a non-blank `content`,
 * and only as a child of the head (the HTML standard's pragma; Chromium 150 ignores one in the body).
 */
function isMetaCsp(el: TreeElement): boolean {
  return (el.attrs['http-equiv'] ?? '').trim().toLowerCase() === 'content-security-policy' && (el.attrs.content ?? '').trim() !== '';
}

/** The first `legend` child of a `fieldset`: drawn in the fieldset's border, outside what its overflow clips. */
function renderedLegend(ctx: ElementContext): boolean {
  return ctx.el.name === 'legend' && ctx.el.namespace === 'html' && ctx.typeIndex === 1 && ctx.parent?.el.name === 'fieldset' && ctx.parent.el.namespace === 'html';
}

const isClip = (h: Hidden | undefined): boolean => h?.by === 'zero-height-wrapper' || h?.by === 'tiny';
