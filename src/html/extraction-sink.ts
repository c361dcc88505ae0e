import type { Link, LoadCertainty, RejectedUrl, Resource, ResourceKind } from '../types.js';
import type { DeadlineLike } from '../engine/deadline.js';
import { staged } from '../engine/stage.js';
import { unwrapProxy as unwrap } from '../url/unwrap-proxy.js';
import { resolveUrl, type Resolved } from '../url/remote-url.js';
import { LineIndex } from './line-index.js';
import { TAGS_ONLY_NOTE } from './tag-tree.js';
import type { TreeBuilder } from './tree.js';
import type { Hidden, Size } from './visibility.js';

// A failure inside is that stage's, not the HTML walk's (see engine/stage.ts).
const unwrapProxy = staged('url', unwrap);
const resolve = staged('url', resolveUrl);

/** One URL found in a loading place, before it is resolved. */
/** What explain says of a resource after a meta Content-Security-Policy. */
export const META_CSP_NOTE = 'a <meta http-equiv=Content-Security-Policy> in the head comes before it: a client that honours it (Chromium does) may block this load; webmail and most mail clients ignore it';

export interface Found {
  raw: string;
  kind: ResourceKind;
  element: string;
  load: LoadCertainty;
  hidden: Hidden | undefined;
  size: Size;
  /** Offset in the message HTML of the element's `<` (or of the CSS construct). */
  at: number;
  client: 'outlook' | undefined;
}

/** An iframe's srcdoc, or a frame's data: document, waiting to be read as a document of its own. */
export interface PendingSrcdoc {
  html: string;
  at: number;
  /** How many documents hold it (1 for one in the message): see MAX_NESTED_DOCUMENTS. */
  depth: number;
  base: string | undefined;
  hidden: Hidden | undefined;
  client: 'outlook' | undefined;
}

/** Nested documents and sheets deeper than this are not read (a reason is listed instead). */
export const MAX_NESTED_DOCUMENTS = 16;
// Characters of nested documents and sheets read per message: 4 times its own text, plus 1 MiB.
const NESTED_BUDGET_FACTOR = 4;
const NESTED_BUDGET_MIN = 1 << 20;

/** What the walks of one message's documents (the message, its fragments, its srcdocs) collect. */
export class ExtractionSink {
  readonly resources: Resource[] = [];
  readonly links: Link[] = [];
  readonly rejected: RejectedUrl[] = [];
  readonly notLoaded: Resource[] = [];
  private readonly lines: LineIndex;
  private readonly srcdocs: PendingSrcdoc[] = [];

  constructor(
    html: string,
    readonly deadline: DeadlineLike,
    readonly builder: TreeBuilder,
  ) {
    this.lines = new LineIndex(html);
    this.nestedBudget = NESTED_BUDGET_FACTOR * html.length + NESTED_BUDGET_MIN;
  }

  /** Resolves a found URL against the base in effect and files it as a resource or a rejected one. */
  /**
   * A `<meta http-equiv=Content-Security-Policy>` in a head came before: what is added now only
   * may load. Chromium 150 enforces such a policy on what follows it (the oracle's `csp-*` cases),
   * but webmail drops a message's `<meta>` and most clients ignore its policy, and a sender must
   * not make a pixel "not loaded" with a policy the reader's client may not apply: the resource
   * stays listed and judged, as a may-load, and `explain` says why. The policy is not evaluated
   * (a resource it allows only may load too: the safe side).
   */
  metaCsp = false;

  /** The document being walked was read from its tags alone (tag-tree.ts): what is added now only may load. */
  tagsOnly = false;

  // Each URL found ticks the deadline: a sheet of 300,000 url()s or a srcset of 400,000
  // candidates is one step of the walk, and resolving them took 5 s past a 1 s budget.
  add(found: Found, base: string | undefined): void {
    this.deadline.tick();
    if (isBlank(found.raw)) return;
    const resolved = this.resolved(found.raw, base);
    const position = this.lines.position(found.at);
    if (resolved.url === undefined) {
      this.rejected.push({ written: found.raw, kind: found.kind, element: found.element, reason: resolved.reason, position, ...(found.client ? { client: found.client } : {}), ...(found.hidden ? { hiddenBy: found.hidden.by } : {}) });
      return;
    }
    const url = resolved.url;
    const unwrapped = unwrapProxy(url);
    const csp = this.metaCsp && found.client === undefined && found.kind !== 'meta-refresh';
    // Every key always present, undefined when it does not apply (JSON leaves those out): one
    // object shape, so that the rules reading it stay monomorphic (measured: fewer deopts and
    // recompiles of the analysis functions).
    const resource: Resource = {
      url,
      written: found.raw !== url ? found.raw : undefined,
      target: unwrapped.target,
      proxy: unwrapped.proxy || undefined,
      kind: found.kind,
      element: found.element,
      width: found.size.width,
      height: found.size.height,
      hiddenBy: found.hidden?.by,
      hiddenDetail: found.hidden?.detail,
      position,
      load: resolved.credentials || csp || this.tagsOnly ? 'may' : found.load,
      loadNote: this.tagsOnly ? TAGS_ONLY_NOTE : csp ? META_CSP_NOTE : undefined,
      client: found.client,
    };
    (found.kind === 'meta-refresh' ? this.notLoaded : this.resources).push(resource);
  }

  /** A URL in a loading place that loads nothing for a reason of the extraction's own (not the URL's). */
  reject(found: Found, reason: string): void {
    this.deadline.tick();
    if (isBlank(found.raw)) return;
    this.rejected.push({ written: found.raw, kind: found.kind, element: found.element, reason, position: this.lines.position(found.at), ...(found.client ? { client: found.client } : {}) });
  }

  /** A hyperlink, kept when it resolves to http(s): the link rules judge only those. */
  link(raw: string, base: string | undefined, at: number): void {
    this.deadline.tick();
    if (isBlank(raw)) return;
    const url = this.resolved(raw, base).url;
    if (url) this.links.push({ url, ...(raw !== url ? { written: raw } : {}), position: this.lines.position(at) });
  }

  // A newsletter names the same URL again and again (row after row of the same link and spacer):
  // in the corpus's 941 HTML parts a third of the 16,638 URLs repeat one of their own message's.
  // Each is parsed once per message (and base): the cache lives and dies with the sink.
  private readonly urls = new Map<string, Resolved>();

  private resolved(raw: string, base: string | undefined): Resolved {
    // A serialised base URL is never empty and holds no NUL (the URL parser percent-encodes it):
    // the first NUL ends the base, so no two (raw, base) pairs share a key.
    const key = base === undefined ? `\u0000${raw}` : `${base}\u0000${raw}`;
    let resolved = this.urls.get(key);
    if (resolved === undefined) {
      resolved = resolve(raw, base);
      if (raw.length <= 4096) this.urls.set(key, resolved);
    }
    return resolved;
  }

  /** Whether `raw` resolves to the same URL against both bases (or to none against either). */
  resolvesAlike(raw: string, a: string | undefined, b: string | undefined): boolean {
    return this.resolved(raw, a).url === this.resolved(raw, b).url;
  }

  queueSrcdoc(pending: PendingSrcdoc): void {
    this.srcdocs.push(pending);
  }

  /**
   * Whether a nested document or sheet (a srcdoc, a data: document or sheet) of `chars` characters
   * at `depth` is read; when not, its container's URL is listed as rejected with the reason, so
   * nothing is dropped silently. Decoding never grows a data: URL, but each level may repeat the
   * whole text below it (`data:text/html,<iframe src="data:text/html,...`): the depth and the
   * characters read in all are capped, which keeps the extraction linear in the message.
   */
  admitNested(found: Found, chars: number, depth: number): boolean {
    if (depth > MAX_NESTED_DOCUMENTS) this.reject(found, `a document or sheet nested more than ${MAX_NESTED_DOCUMENTS} deep is not read`);
    else if (this.nestedChars + chars > this.nestedBudget) this.reject(found, 'the nested documents and sheets of this message are too large to read');
    else {
      this.nestedChars += chars;
      return true;
    }
    return false;
  }

  private nestedChars = 0;
  private readonly nestedBudget: number = 0;

  /** The next srcdoc to read, in the order found (a queue, so nesting needs no recursion). */
  nextSrcdoc(): PendingSrcdoc | undefined {
    return this.srcdocs[this.srcdocsRead++];
  }

  private srcdocsRead = 0;
}

/** An attribute of only ASCII whitespace names no URL: a browser loads nothing for it (not even the base URL). */
function isBlank(raw: string): boolean {
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (!(c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d)) return false;
  }
  return true;
}
