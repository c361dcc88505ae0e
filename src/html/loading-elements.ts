import type { ResourceKind } from '../types.js';
import type { TreeElement } from './tree.js';

/**
 * Every element that loads something when a message is shown, as data: which attribute, what
 * kind of resource, and whether a browser must load it or only may (a srcset candidate, media a
 * `preload` setting holds back, an icon only a top-level page fetches). Checked against
 * Chromium 150 with scripting off, on project-written pages, and against the HTML standard:
 *
 * - Loads Chromium makes: img src and srcset; picture > source srcset (only before the img, and
 *   only with one); input type=image; SVG image and feImage href, else xlink:href (href wins,
 *   even empty; feImage loads even in a filter that nothing uses); video poster; video, audio src
 *   and their source children (held back by preload=none); track (only a default one loads);
 *   object data and embed src (not when nested inside an object that loads); iframe src (not
 *   when srcdoc is set) and srcdoc (a document of its own); frame (the parser keeps it only in a
 *   frameset document); the background attribute of col and colgroup; inside svg or math,
 *   input type=image, video poster and link rel=stylesheet or preload (possible loads); link rel=stylesheet (also media=print and disabled, not with a type
 *   other than text/css), icon, preload (with as=image, style, font, fetch or track), prefetch,
 *   compression-dictionary; the background attribute where the standard maps it.
 * - Looked at and left out: SVG use with an external href (fetched same-origin only, and a
 *   message shares no origin with its sender), link rel=modulepreload and preload as=script
 *   (scripting is off), prerender, preconnect and dns-prefetch (no request), MathML mglyph, a
 *   background attribute on other elements, source outside picture, video and audio.
 * - `sizes` chooses among srcset candidates and changes no URL: every candidate is reported.
 * - VML (`v:image`, `v:fill`, `v:imagedata`) loads in Outlook only.
 */

export type Load = 'must' | 'may';

/** How the attribute's value is read. */
export type Form = 'url' | 'srcset' | 'srcdoc' | 'refresh' | 'css' | 'smil-values';

/** Where the element stands, for the rules that depend on it. */
export interface Place {
  parent: TreeElement | undefined;
  /** Inside an `<object>` element (whose own load replaces its content). */
  inObject: boolean;
}

export interface LoadingAttribute {
  /** Attribute name as the tree keys it (`xlink:href` for the namespaced one). */
  attr: string;
  kind: ResourceKind;
  form: Form;
  load: Load | ((el: TreeElement, place: Place) => Load);
  /** Only when this holds (the element loads nothing through this attribute otherwise). */
  when?: (el: TreeElement, place: Place) => boolean;
  /** The resource fills the element's box: its size and a tiny size count. */
  boxed?: boolean;
  /** Loaded by Outlook only, not by browsers. */
  client?: 'outlook';
  /** picture > source: loaded through the picture's img, so only if one follows. */
  viaPicture?: boolean;
}

const parentIs =
  (...names: string[]) =>
  (_el: TreeElement, place: Place): boolean =>
    place.parent !== undefined && place.parent.namespace === 'html' && names.includes(place.parent.name);
const without = (attr: string) => (el: TreeElement) => !(attr in el.attrs);
const notInObject: LoadingAttribute['load'] = (_el, place) => (place.inObject ? 'may' : 'must');
// With a srcset, or inside a picture, src is one candidate among others.
const imgSrc: LoadingAttribute['load'] = (el, place) => ('srcset' in el.attrs || parentIs('picture')(el, place) ? 'may' : 'must');

// The elements the HTML standard's rendering section maps `background` on (§15.3.4, §15.3.8).
const BACKGROUND: LoadingAttribute = { attr: 'background', kind: 'background-attr', form: 'url', load: 'must', boxed: false };
const VML: LoadingAttribute = { attr: 'src', kind: 'vml-image', form: 'url', load: 'must', client: 'outlook', boxed: true };
const SVG_HREF = (kind: ResourceKind): LoadingAttribute[] => [
  { attr: 'href', kind, form: 'url', load: 'must', boxed: true },
  { attr: 'xlink:href', kind, form: 'url', load: 'must', when: without('href'), boxed: true },
];

/**
 * SVG presentation attributes are CSS values: a `url()` in these points at an element of another
 * document, which Chromium 150 fetches (oracle: svg-presentation-*); `cursor` it does not.
 */
export const SVG_PRESENTATION_URL_ATTRIBUTES: readonly string[] = ['fill', 'stroke', 'mask', 'filter', 'clip-path', 'marker-start', 'marker-mid', 'marker-end'];
const SVG_PRESENTATION: LoadingAttribute[] = SVG_PRESENTATION_URL_ATTRIBUTES.map((attr) => ({ attr, kind: 'css-url', form: 'css', load: 'may' }));

/** SMIL `<set>` and `<animate>` of an `href`: Chromium 150 fetches the `to`, `from` and every `values` entry. */
const animatesHref = (el: TreeElement): boolean => el.attrs.attributeName === 'href' || el.attrs.attributeName === 'xlink:href';
const SMIL_HREF: LoadingAttribute[] = [
  { attr: 'to', kind: 'svg-image', form: 'url', load: 'may', when: animatesHref },
  { attr: 'from', kind: 'svg-image', form: 'url', load: 'may', when: animatesHref },
  { attr: 'values', kind: 'svg-image', form: 'smil-values', load: 'may', when: animatesHref },
];

const AMP_IMAGE: LoadingAttribute[] = [
  { attr: 'src', kind: 'img', form: 'url', load: (el) => ('srcset' in el.attrs ? 'may' : 'must'), boxed: true },
  { attr: 'srcset', kind: 'img-srcset', form: 'srcset', load: 'may', boxed: true },
];

// <video> and <audio>, and AMP's amp-video and amp-audio, which its runtime loads alike.
const VIDEO: LoadingAttribute[] = [
  { attr: 'poster', kind: 'video-poster', form: 'url', load: 'must', boxed: true },
  { attr: 'src', kind: 'video-src', form: 'url', load: 'may' },
];
const AUDIO: LoadingAttribute[] = [{ attr: 'src', kind: 'audio-src', form: 'url', load: 'may' }];

const FOREIGN_INPUT: LoadingAttribute[] = [{ attr: 'src', kind: 'input-image', form: 'url', load: 'may', when: (el) => el.attrs.type?.toLowerCase() === 'image', boxed: true }];
const FOREIGN_VIDEO: LoadingAttribute[] = [{ attr: 'poster', kind: 'video-poster', form: 'url', load: 'may', boxed: true }];

const TABLE: Record<string, LoadingAttribute[]> = {
  'html img': [
    { attr: 'src', kind: 'img', form: 'url', load: imgSrc, boxed: true },
    { attr: 'srcset', kind: 'img-srcset', form: 'srcset', load: 'may', boxed: true },
  ],
  'html source': [
    { attr: 'srcset', kind: 'picture-source', form: 'srcset', load: 'may', when: parentIs('picture'), viaPicture: true, boxed: true },
    { attr: 'src', kind: 'media-source', form: 'url', load: 'may', when: parentIs('video', 'audio', 'amp-video', 'amp-audio') },
  ],
  'html input': [{ attr: 'src', kind: 'input-image', form: 'url', load: 'must', when: (el) => el.attrs.type?.toLowerCase() === 'image', boxed: true }],
  'svg image': SVG_HREF('svg-image'),
  'svg feImage': SVG_HREF('svg-feimage'),
  'svg set': SMIL_HREF,
  'svg animate': SMIL_HREF,
  'html video': VIDEO,
  'html audio': AUDIO,
  'html track': [{ attr: 'src', kind: 'track', form: 'url', load: 'may', when: parentIs('video', 'audio') }],
  'html object': [{ attr: 'data', kind: 'object-data', form: 'url', load: notInObject, boxed: true }],
  'html embed': [{ attr: 'src', kind: 'embed', form: 'url', load: notInObject, boxed: true }],
  'html iframe': [
    { attr: 'src', kind: 'iframe', form: 'url', load: 'must', when: without('srcdoc'), boxed: true },
    { attr: 'srcdoc', kind: 'iframe', form: 'srcdoc', load: 'must', boxed: true },
  ],
  'html frame': [{ attr: 'src', kind: 'frame', form: 'url', load: 'must' }],
  'html meta': [{ attr: 'content', kind: 'meta-refresh', form: 'refresh', load: 'may', when: (el) => el.attrs['http-equiv']?.toLowerCase() === 'refresh' }],
  'html body': [BACKGROUND],
  'html table': [BACKGROUND],
  'html thead': [BACKGROUND],
  'html tbody': [BACKGROUND],
  'html tfoot': [BACKGROUND],
  'html tr': [BACKGROUND],
  'html td': [BACKGROUND],
  'html th': [BACKGROUND],
  // Not in the standard's list (§15.3.8 maps it on table, rows and cells), but Chromium 150
  // fetches it on columns too (outside review 3, oracle col-background, colgroup-background).
  'html col': [BACKGROUND],
  'html colgroup': [BACKGROUND],
  // Inside <svg> or <math> these stay foreign elements (they are no breakout tags), which load
  // nothing by the standard; Chromium 150 requests them all the same (its preload scanner reads
  // tokens whatever their namespace: oracle foreign-*). A mail client's WebKit or Gecko may
  // not: possible loads, so that a tracker cannot hide there. Their iframe, object, audio,
  // track, source, frame and script were not requested.
  'svg input': FOREIGN_INPUT,
  'math input': FOREIGN_INPUT,
  'svg video': FOREIGN_VIDEO,
  'math video': FOREIGN_VIDEO,
  // AMP for Email (text/x-amp-html parts, rendered by Gmail, Yahoo Mail and Mail.ru): the AMP
  // runtime loads these as img, video and audio do (and a <source> inside amp-video/amp-audio).
  // amp-list's and amp-state's JSON and amp-form's submit are not listed (a known gap).
  'html amp-img': AMP_IMAGE,
  'html amp-anim': AMP_IMAGE,
  'html amp-video': VIDEO,
  'html amp-audio': AUDIO,
  'html v:image': [VML],
  'html v:fill': [VML],
  'html v:imagedata': [VML],
};

// By namespace, then name: no key string is built per element.
const LOADING = new Map<string, Map<string, LoadingAttribute[]>>();
for (const [key, attrs] of Object.entries(TABLE)) {
  const [ns, name] = key.split(' ');
  if (!LOADING.has(ns)) LOADING.set(ns, new Map());
  LOADING.get(ns)?.set(name, ns === 'svg' ? [...attrs, ...SVG_PRESENTATION] : attrs);
}
const NONE: readonly LoadingAttribute[] = Object.freeze([]);

/** The loading attributes of an element (link elements: see `linkLoads`), or undefined for none. */
export function loadingAttributes(el: TreeElement): readonly LoadingAttribute[] | undefined {
  // A foreign <link> is in no table (its loads depend on rel); an SVG one keeps the presentation attributes.
  if (el.name === 'link' && el.namespace === 'svg') return [...linkLoads(el), ...SVG_PRESENTATION];
  return LOADING.get(el.namespace)?.get(el.name) ?? (el.namespace === 'svg' ? SVG_PRESENTATION : undefined);
}

/** What one `rel` token makes a `<link href>` load, by the token (ASCII case-insensitive, exact). */
const LINK_RELS: Record<string, { kind: ResourceKind; load: Load }> = {
  stylesheet: { kind: 'link-stylesheet', load: 'must' },
  icon: { kind: 'link-icon', load: 'may' },
  'apple-touch-icon': { kind: 'link-icon', load: 'may' },
  'apple-touch-icon-precomposed': { kind: 'link-icon', load: 'may' },
  'mask-icon': { kind: 'link-icon', load: 'may' },
  preload: { kind: 'link-preload', load: 'may' },
  prefetch: { kind: 'link-prefetch', load: 'may' },
  'compression-dictionary': { kind: 'link-prefetch', load: 'may' },
};

// `as` values Chromium preloads with scripting off (as=script is not fetched, a missing as neither).
const PRELOAD_AS = new Set(['image', 'style', 'font', 'fetch', 'track']);

/** The loads of a `<link>`: one per kind its rel tokens name, from href (and imagesrcset for an image preload). */
export function linkLoads(el: TreeElement): readonly LoadingAttribute[] {
  if (el.name !== 'link') return NONE;
  // A foreign <link> (inside <svg> or <math>) loads by Chromium's preload scanner only: its
  // style sheets and preloads are possible loads (see the table above); icons it did not request.
  const foreign = el.namespace === 'svg' || el.namespace === 'math';
  if (el.namespace !== 'html' && !foreign) return NONE;
  const tokens = new Set((el.attrs.rel ?? '').toLowerCase().split(/[\t\n\f\r ]+/));
  const out: LoadingAttribute[] = [];
  const kinds = new Set<ResourceKind>();
  for (const token of tokens) {
    const rel = LINK_RELS[token];
    if (!rel || kinds.has(rel.kind)) continue;
    if (foreign && rel.kind !== 'link-stylesheet' && rel.kind !== 'link-preload') continue;
    if (rel.kind === 'link-stylesheet' && !isCssType(el.attrs.type)) continue;
    const as = (el.attrs.as ?? '').toLowerCase();
    if (rel.kind === 'link-preload' && !PRELOAD_AS.has(as)) continue;
    kinds.add(rel.kind);
    // An alternate style sheet is one the reader may pick; Chromium 150 fetches it all the same.
    const load = foreign || (rel.kind === 'link-stylesheet' && tokens.has('alternate')) ? 'may' : rel.load;
    out.push({ attr: 'href', kind: rel.kind, form: 'url', load });
    if (rel.kind === 'link-preload' && as === 'image') out.push({ attr: 'imagesrcset', kind: rel.kind, form: 'srcset', load: 'may' });
  }
  return out;
}

/** A style sheet's `type`: absent, empty or text/css (parameters aside), ASCII case-insensitive. */
export function isCssType(type: string | undefined): boolean {
  if (type === undefined) return true;
  const essence = type.split(';')[0].trim().toLowerCase();
  return essence === '' || essence === 'text/css';
}

/** Elements whose href is a hyperlink (kept for the link rules). */
export function isHyperlink(el: TreeElement): boolean {
  return (el.namespace === 'html' && (el.name === 'a' || el.name === 'area')) || (el.namespace === 'svg' && el.name === 'a');
}
