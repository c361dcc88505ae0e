import { Parser } from 'htmlparser2';
import type { Link, Resource, ResourceKind } from '../types.js';
import { unwrapProxy } from '../url/unwrap-proxy.js';
import { cssUrls, parseStyle } from './css.js';
import { LineIndex } from './line-index.js';
import { declaredSize, hiddenByElement, tinyBySize, type Hidden } from './visibility.js';

export interface ExtractedHtml {
  resources: Resource[];
  links: Link[];
}

interface Frame {
  name: string;
  hidden: Hidden | undefined;
}

const PARSER_OPTIONS = { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true };
const VML_IMAGE = new Set(['v:image', 'v:fill', 'v:imagedata']);
// Outlook's conditional comments hold real markup that Outlook renders: `<!--[if mso]>...<![endif]-->`.
const CONDITIONAL = /^\[if [^\]]*\]>([\s\S]*)<!\[endif\]$/i;

/**
 * Walks the HTML once (htmlparser2 events: no DOM, so memory and time stay linear even for
 * 100,000 nested elements) and collects every remote resource a mail client would load, with
 * its source position and whether the reader could see it.
 */
export function extractResources(html: string): ExtractedHtml {
  const lines = new LineIndex(html);
  const resources: Resource[] = [];
  const links: Link[] = [];
  let base: string | undefined;

  const walk = (text: string, offsetBase: number, outer: Frame[], depth: number): void => {
    const stack: Frame[] = [...outer];
    let styleText: string | null = null;
    let styleStart = 0;
    const parser: Parser = new Parser(
      {
        onopentag(name, attribs) {
          const at = offsetBase + parser.startIndex;
          const style = attribs.style ? parseStyle(attribs.style) : undefined;
          const parentHidden = stack.length ? stack[stack.length - 1].hidden : undefined;
          const own = hiddenByElement(name, attribs, style);
          const hidden = own ?? parentHidden;
          stack.push({ name, hidden });
          if (name === 'style') {
            styleText = '';
            styleStart = offsetBase + parser.endIndex + 1;
          }
          if (name === 'base' && attribs.href && !base) base = attribs.href.trim();
          collectFromElement(name, attribs, style, hidden, at);
        },
        ontext(data) {
          if (styleText !== null) styleText += data;
        },
        onclosetag(name) {
          if (name === 'style' && styleText !== null) {
            for (const u of cssUrls(styleText)) add(u.url, u.kind, 'style', undefined, {}, styleStart + u.offset);
            styleText = null;
          }
          // Pop to the matching element: htmlparser2 reports implied closes, but stay safe on stray ones.
          for (let i = stack.length - 1; i >= outer.length; i--) {
            if (stack[i].name === name) {
              stack.length = i;
              break;
            }
          }
        },
        oncomment(data) {
          if (depth > 0) return;
          const m = CONDITIONAL.exec(data.trim());
          if (m) walk(m[1], offsetBase + parser.startIndex + 4 + data.indexOf(m[1]), stack, depth + 1);
        },
      },
      PARSER_OPTIONS,
    );

    const collectFromElement = (
      name: string,
      attribs: Record<string, string>,
      style: Map<string, string> | undefined,
      hidden: Hidden | undefined,
      at: number,
    ): void => {
      if (name === 'img' || (name === 'input' && attribs.type?.toLowerCase() === 'image')) {
        const size = declaredSize(attribs, style);
        const seen = hidden ?? tinyBySize(size);
        const kind: ResourceKind = name === 'img' ? 'img' : 'input-image';
        if (attribs.src) add(attribs.src, kind, name, seen, size, at);
        if (attribs.srcset) for (const url of srcsetUrls(attribs.srcset)) add(url, 'img-srcset', name, seen, size, at);
      } else if (name === 'a' || name === 'area') {
        if (attribs.href) links.push({ url: attribs.href.trim(), position: lines.position(at) });
      } else if (name === 'link') {
        if (attribs.href && /\bstylesheet\b/i.test(attribs.rel ?? '')) add(attribs.href, 'link-stylesheet', name, undefined, {}, at);
      } else if (name === 'video') {
        if (attribs.poster) add(attribs.poster, 'video-poster', name, hidden, declaredSize(attribs, style), at);
      } else if (VML_IMAGE.has(name)) {
        if (attribs.src) add(attribs.src, 'vml-image', name, hidden, declaredSize(attribs, style), at);
      }
      if (attribs.background) add(attribs.background, 'background-attr', name, hidden, declaredSize(attribs, style), at);
      if (attribs.style && /url\(/i.test(attribs.style)) {
        for (const u of cssUrls(attribs.style)) add(u.url, u.kind, name, hidden, declaredSize(attribs, style), at);
      }
    };

    parser.write(text);
    parser.end();
  };

  const add = (
    raw: string,
    kind: ResourceKind,
    element: string,
    hidden: Hidden | undefined,
    size: { width?: number; height?: number },
    at: number,
  ): void => {
    const url = remoteUrl(raw, base);
    if (!url) return;
    const unwrapped = unwrapProxy(url);
    resources.push({
      url,
      target: unwrapped.target,
      ...(unwrapped.proxy ? { proxy: unwrapped.proxy } : {}),
      kind,
      element,
      ...(size.width !== undefined ? { width: size.width } : {}),
      ...(size.height !== undefined ? { height: size.height } : {}),
      ...(hidden ? { hiddenBy: hidden.by, hiddenDetail: hidden.detail } : {}),
      position: lines.position(at),
    });
  };

  walk(html, 0, [], 0);
  return { resources, links };
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
