import type { ResourceKind } from '../types.js';
import { frozenBaseUrl } from '../url/remote-url.js';
import type { Found } from './extraction-sink.js';
import type { TreeElement } from './tree.js';

/**
 * What Chromium's preload scanner fetches besides the tree: it reads tags by name alone, blind to
 * namespaces, so two constructs of foreign content (`<svg>`, `<math>`) that the tree ignores still
 * make it request something (outside review 5, findings 1 and 2; the oracle's `preload-*` cases,
 * Chromium 150):
 *
 * - its base URL is the first `<base href>` it meets, in any namespace (`<svg><base href=X>`),
 *   while the tree's is the first HTML one. When they differ, the kinds it preloads (img src and
 *   srcset, picture sources, input type=image, video poster, link rel=stylesheet and preload, a
 *   `<style>`'s @import) are requested against both; a CSS url(), a background attribute, an
 *   iframe, object, embed, audio or video src, an SVG image, against the tree's alone;
 * - a `<source srcset>` after any `<picture>` start tag, with only `<source>` and `<img>` start
 *   tags between them, is what it fetches for the next `<img>` in place of its src: so
 *   `<svg><picture><source srcset=A><img src=B>` requests A (the scanner) and B (the tree: the
 *   img breaks out of the SVG, so it is in no picture). Any other start tag, or `</picture>`,
 *   ends that picture for the scanner.
 *
 * This follows the walk's tree order, which is the tokens' order for what matters here. Known
 * differences, both rare: an SVG picture closed by `</picture>` is taken as still open when an
 * `<img>` comes next (a superset: its sources listed as may-loads), and an HTML picture closed
 * without `</picture>` as ended. Inside a foreign `<template>` (an ordinary element for the tree)
 * the scanner reads nothing, as Chromium's skips every template's content.
 */
export class PreloadScan {
  /** The base URL the scanner resolves against. */
  base: string | undefined;
  private baseSet: boolean;
  /** Open foreign `<template>` elements. */
  private templates = 0;
  /** Inside a picture for the scanner: the source candidates it may fetch for the next img; null outside. */
  private sources: Found[] | null = null;

  constructor(
    base: string | undefined,
    baseSet: boolean,
    private readonly fallback: string | undefined,
  ) {
    this.base = base;
    this.baseSet = baseSet;
  }

  /** The element `el`, entered in tree order, as the scanner meets its start tag. */
  enter(el: TreeElement): void {
    if (el.name === 'template') {
      this.templates++;
      return;
    }
    if (this.templates > 0) return;
    if (el.name === 'base') this.baseElement(el);
    if (el.name === 'picture') this.sources = [];
    else if (el.name !== 'source' && el.name !== 'img') this.sources = null;
  }

  leave(el: TreeElement): void {
    if (el.name === 'template') this.templates--;
    // An SVG or MathML picture is popped by the img that breaks out of it, which the scanner
    // still reads as the picture's (see above).
    else if (el.name === 'picture' && el.namespace === 'html') this.sources = null;
  }

  /** Whether a `<source>` entered now is one of the scanner's picture sources. */
  inPicture(): boolean {
    return this.sources !== null && this.templates === 0;
  }

  /** Keeps a candidate of such a source for the next img. */
  addSource(found: Found): void {
    this.sources?.push(found);
  }

  /** The candidates an img entered now fetches by the scanner alone; each is handed out once. */
  takeSources(): readonly Found[] {
    const taken = this.sources ?? [];
    if (this.sources !== null && this.sources.length) this.sources = [];
    return taken;
  }

  /** The base the scanner fetches a `kind` against, when it is not `treeBase`; undefined otherwise. */
  otherBase(kind: ResourceKind, treeBase: string | undefined): string | undefined {
    return this.base !== treeBase && PRELOADED.has(kind) ? this.base : undefined;
  }

  private baseElement(el: TreeElement): void {
    if (this.baseSet || el.attrs.href === undefined) return;
    // As the tree's base (document-walk.ts): one that fails to parse, or is data: or
    // javascript:, sets nothing, and the next one counts.
    const url = frozenBaseUrl(el.attrs.href, this.fallback);
    if (url === undefined) return;
    this.base = url;
    this.baseSet = true;
  }
}

/** What the scanner fetches (and so resolves against its own base), by resource kind. */
const PRELOADED: ReadonlySet<ResourceKind> = new Set<ResourceKind>(['img', 'img-srcset', 'picture-source', 'input-image', 'video-poster', 'link-stylesheet', 'link-preload', 'css-import']);
