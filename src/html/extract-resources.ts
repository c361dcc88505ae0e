import type { Link, Resource, ResourceKind } from '../types.js';
import { NO_DEADLINE, type DeadlineLike } from '../engine/deadline.js';
import { staged } from '../engine/stage.js';
import { unwrapProxy as unwrap } from '../url/unwrap-proxy.js';
import { cssUrls as urlsOfCss, parseStyle } from './css.js';
import { LineIndex } from './line-index.js';
import { walkHtml } from './sax.js';
import { declaredSize, hiddenByElement, tinyBySize, type Hidden, type Size } from './visibility.js';

export interface ExtractedHtml {
  resources: Resource[];
  links: Link[];
}

interface Frame {
  name: string;
  hidden: Hidden | undefined;
}

const VML_IMAGE = new Set(['v:image', 'v:fill', 'v:imagedata']);
// Every attribute the extraction reads; the walker skips the rest without slicing them.
const WANTED = new Set(['src', 'srcset', 'background', 'style', 'hidden', 'href', 'rel', 'type', 'poster', 'width', 'height']);
// Styles that can hide an element; any other style needs no parsing on a non-image element.
const MAY_HIDE = /display|visibility|opacity|mso-hide|position|margin-(?:left|top)\s*:\s*-|text-indent\s*:\s*-|overflow/i;
// Outlook's conditional comments hold real markup that Outlook renders: `<!--[if mso]>...<![endif]-->`.
const CONDITIONAL = /^\[if [^\]]*\]>([\s\S]*)<!\[endif\]$/i;
// A failure inside is that stage's, not the HTML walk's (see engine/stage.ts).
const cssUrls = staged('css', urlsOfCss);
const unwrapProxy = staged('url', unwrap);

/**
 * Walks the HTML once (tokenizer events and a linear stack: no DOM, so memory and time stay
 * linear even for 100,000 nested elements) and collects every remote resource a mail client
 * would load, with its source position and whether the reader could see it.
 */
export function extractResources(html: string, deadline: DeadlineLike = NO_DEADLINE): ExtractedHtml {
  const collector = new Collector(html, deadline);
  collector.walk(html, 0, [], false);
  return { resources: collector.resources, links: collector.links };
}

class Collector {
  readonly resources: Resource[] = [];
  readonly links: Link[] = [];
  private base: string | undefined;
  private readonly lines: LineIndex;

  constructor(
    html: string,
    private readonly deadline: DeadlineLike,
  ) {
    this.lines = new LineIndex(html);
  }

  /** Walks `text`, found at `offsetBase` in the message HTML, inside the elements of `outer`. */
  walk(text: string, offsetBase: number, outer: Frame[], inConditional: boolean): void {
    // Only the innermost outer frame is read (its hidden state): copying the whole stack for each
    // conditional comment made deep nesting with many comments quadratic.
    const stack: Frame[] = outer.length ? [outer[outer.length - 1]] : [];
    let styleText: string | null = null;
    let styleStart = 0;
    walkHtml(text, {
      open: (name, attribs, start) => {
        this.deadline.tick();
        // Parsing every inline style is costly; only images (for their size) and styles that can hide need it.
        const style = attribs.style && (name === 'img' || name === 'input' || MAY_HIDE.test(attribs.style)) ? parseStyle(attribs.style) : undefined;
        const hidden = hiddenByElement(name, attribs, style) ?? stack[stack.length - 1]?.hidden;
        stack.push({ name, hidden });
        if (name === 'style') styleText = '';
        if (name === 'base' && attribs.href && !this.base) this.base = attribs.href.trim();
        this.element(name, attribs, style, hidden, offsetBase + start);
      },
      text: (start, end) => {
        if (styleText === null) return;
        if (styleText === '') styleStart = offsetBase + start;
        styleText += text.slice(start, end);
      },
      close: (name) => {
        if (name === 'style' && styleText !== null) {
          for (const u of cssUrls(styleText)) this.add(u.url, u.kind, 'style', undefined, {}, styleStart + u.offset);
          styleText = null;
        }
        stack.pop();
      },
      comment: (data, start) => {
        if (inConditional) return;
        const m = CONDITIONAL.exec(data.trim());
        if (m) this.walk(m[1], offsetBase + start + data.indexOf(m[1]), stack, true);
      },
    }, WANTED);
  }

  private element(name: string, attribs: Record<string, string>, style: Map<string, string> | undefined, hidden: Hidden | undefined, at: number): void {
    if (name === 'img' || (name === 'input' && attribs.type?.toLowerCase() === 'image')) {
      const size = declaredSize(attribs, style);
      const seen = hidden ?? tinyBySize(size);
      const kind: ResourceKind = name === 'img' ? 'img' : 'input-image';
      if (attribs.src) this.add(attribs.src, kind, name, seen, size, at);
      if (attribs.srcset) for (const url of srcsetUrls(attribs.srcset)) this.add(url, 'img-srcset', name, seen, size, at);
    } else if (name === 'a' || name === 'area') {
      if (attribs.href) this.links.push({ url: attribs.href.trim(), position: this.lines.position(at) });
    } else if (name === 'link') {
      if (attribs.href && /\bstylesheet\b/i.test(attribs.rel ?? '')) this.add(attribs.href, 'link-stylesheet', name, undefined, {}, at);
    } else if (name === 'video') {
      if (attribs.poster) this.add(attribs.poster, 'video-poster', name, hidden, declaredSize(attribs, style), at);
    } else if (VML_IMAGE.has(name)) {
      if (attribs.src) this.add(attribs.src, 'vml-image', name, hidden, declaredSize(attribs, style), at);
    }
    if (attribs.background) this.add(attribs.background, 'background-attr', name, hidden, declaredSize(attribs, style), at);
    if (attribs.style && /url\(/i.test(attribs.style)) {
      for (const u of cssUrls(attribs.style)) this.add(u.url, u.kind, name, hidden, declaredSize(attribs, style), at);
    }
  }

  private add(raw: string, kind: ResourceKind, element: string, hidden: Hidden | undefined, size: Size, at: number): void {
    const url = remoteUrl(raw, this.base);
    if (!url) return;
    const unwrapped = unwrapProxy(url);
    // Every key always present, undefined when it does not apply (JSON leaves those out): one
    // object shape, so that the rules reading it stay monomorphic (measured: fewer deopts and
    // recompiles of the analysis functions).
    this.resources.push({
      url,
      written: raw !== url ? raw : undefined,
      target: unwrapped.target,
      proxy: unwrapped.proxy || undefined,
      kind,
      element,
      width: size.width,
      height: size.height,
      hiddenBy: hidden?.by,
      hiddenDetail: hidden?.detail,
      position: this.lines.position(at),
    });
  }
}

/** The absolute http(s) URL a client would fetch, or undefined for cid:, data:, relative and junk. */
export function remoteUrl(raw: string, base?: string): string | undefined {
  // Browsers drop tabs and newlines inside URLs and trim the ends.
  const url = raw.replace(/[\t\n\r]/g, '').trim();
  if (/^https?:\/\//i.test(url)) return url;
  if (url.startsWith('//')) return `http:${url}`;
  if (base && !/^[a-z][a-z0-9+.-]*:/i.test(url) && url !== '' && !url.startsWith('#')) {
    try {
      const resolved = new URL(url, base).href;
      return /^https?:/i.test(resolved) ? resolved : undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

function srcsetUrls(srcset: string): string[] {
  return srcset
    .split(/,\s+/)
    .map((c) => c.trim().split(/\s+/)[0])
    .filter((u) => u.length > 0);
}
