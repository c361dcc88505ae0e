import { decodeHTMLAttribute } from 'entities';
import { cssUrls } from '../html/css.js';
import { walkHtml } from '../html/sax.js';
import { SVG_PRESENTATION_URL_ATTRIBUTES } from '../html/loading-elements.js';
import { parseSrcset } from '../html/srcset.js';
import { MAX_NESTED_DOCUMENTS } from '../html/extraction-sink.js';
import { dataContent, dataUrlOf } from '../url/data-document.js';

// Attributes whose value is CSS (a presentation attribute's url() loads in Chromium, as a style's).
const CSS_VALUED = new Set(['style', ...SVG_PRESENTATION_URL_ATTRIBUTES]);

/** The replacement for a URL as the extractor reads it (entities decoded), or undefined to leave it. */
export type Lookup = (value: string) => string | undefined;

interface Edit {
  start: number;
  end: number;
  text: string;
}

// No attribute is sliced into the walker's record: the values are read through `attribute`.
const NONE: ReadonlySet<string> = new Set();

/**
 * Rewrites the URLs of an HTML text where they are written, in one pass: the same walker as the
 * extractor (src/html/sax.ts) finds every attribute value, `srcset` candidate and CSS `url()` or
 * `@import` (in `style` attributes and `<style>` elements, also inside comments such as Outlook's
 * conditional ones); each is decoded as the extractor decodes it (HTML character references, CSS
 * escapes) and looked up whole. No regular expression is built from the message, and the time is
 * linear in the HTML plus the candidates (the per-URL regular expressions this replaces were
 * quadratic in the number of pixels and overflowed the stack on a 2 MB URL).
 */
export function rewriteHtml(html: string, lookup: Lookup, onReplace: (to: string) => void): string {
  const edits: Edit[] = [];
  collect(html, 0, lookup, onReplace, edits, true);
  if (edits.length === 0) return html;
  const pieces: string[] = [];
  let at = 0;
  for (const e of edits) {
    pieces.push(html.slice(at, e.start), e.text);
    at = e.end;
  }
  pieces.push(html.slice(at));
  return pieces.join('');
}

function collect(html: string, offset: number, lookup: Lookup, onReplace: (to: string) => void, edits: Edit[], comments: boolean): void {
  let inStyle = false;
  const edit = (start: number, end: number, text: string): void => {
    // The walk goes forward, so edits come in order; one that would overlap is dropped, never misplaced.
    const last = edits[edits.length - 1];
    if (last && offset + start < last.end) return;
    edits.push({ start: offset + start, end: offset + end, text });
  };
  walkHtml(
    html,
    {
      attribute: (name, start, end, quote) => {
        const raw = html.slice(start, end);
        const value = raw.includes('&') ? decodeHTMLAttribute(raw) : raw;
        let next: string | undefined;
        if (CSS_VALUED.has(name)) next = rewriteCss(value, lookup, onReplace);
        else if (name === 'srcdoc') next = rewriteDocument(value, lookup, onReplace);
        else if (name === 'values') next = rewriteList(value, lookup, onReplace) ?? whole(value, lookup, onReplace);
        else if (name === 'srcset') next = rewriteSrcset(value, lookup, onReplace) ?? whole(value, lookup, onReplace);
        else next = rewriteDataDocument(value, lookup, onReplace) ?? whole(value, lookup, onReplace);
        if (next === undefined) return;
        edit(start, end, attributeValue(next, quote));
      },
      open: (name) => {
        inStyle = name === 'style';
      },
      close: () => undefined,
      text: (start, end) => {
        if (!inStyle) return;
        const next = rewriteCss(html.slice(start, end), lookup, onReplace);
        if (next !== undefined) edit(start, end, next);
      },
      comment: (data, start) => {
        // Outlook renders the markup of `<!--[if mso]>...<![endif]-->`; the extractor reads it.
        if (comments && data.includes('<')) collect(data, offset + start, lookup, onReplace, edits, false);
      },
    },
    NONE,
  );
}

/** An iframe's srcdoc is a document of its own, whose resources the extractor lists: rewritten as one, or undefined when nothing changes. */
function rewriteDocument(html: string, lookup: Lookup, onReplace: (to: string) => void): string | undefined {
  let replaced = false;
  const out = rewriteHtml(html, lookup, (to) => {
    replaced = true;
    onReplace(to);
  });
  return replaced ? out : undefined;
}

// How many data: documents and sheets hold the one being rewritten: the extraction reads no
// deeper (MAX_NESTED_DOCUMENTS), and the cap keeps the recursion off the stack's limit.
let dataDepth = 0;

/**
 * A data: document or sheet in an attribute (`<iframe src="data:text/html,...">`, a
 * `<link href="data:text/css,...">`), whose resources the extractor lists: decoded, rewritten as
 * a document or sheet, and written back as a UTF-8 percent-encoded data: URL of the same type; or
 * undefined when it is none or nothing changes. An image's data: SVG is rewritten too (inert either way).
 */
function rewriteDataDocument(value: string, lookup: Lookup, onReplace: (to: string) => void): string | undefined {
  if (dataDepth >= MAX_NESTED_DOCUMENTS) return undefined;
  const frame = dataContent(value, 'frame');
  const content = frame && 'reason' in frame ? dataContent(value, 'sheet') : frame;
  if (!content || 'reason' in content || (frame && 'reason' in frame && !content.essence.endsWith('/css'))) return undefined;
  dataDepth++;
  try {
    const next = content.type === 'css' ? rewriteCss(content.text, lookup, onReplace) : rewriteDocument(content.text, lookup, onReplace);
    return next === undefined ? undefined : dataUrlOf(content.essence, next);
  } finally {
    dataDepth--;
  }
}

/** A SMIL `values` list (`a.png;b.png`): each entry looked up, or undefined when none is. */
function rewriteList(value: string, lookup: Lookup, onReplace: (to: string) => void): string | undefined {
  let changed = false;
  const out = value.split(';').map((entry) => {
    const to = lookup(entry.trim());
    if (to === undefined) return entry;
    changed = true;
    onReplace(to);
    return to;
  });
  return changed ? out.join(';') : undefined;
}

function whole(value: string, lookup: Lookup, onReplace: (to: string) => void): string | undefined {
  const to = lookup(value);
  if (to !== undefined) onReplace(to);
  return to;
}

/** A decoded value written back between its quotes (an unquoted one gets double quotes). */
function attributeValue(value: string, quote: number): string {
  const amp = value.replace(/&/g, '&amp;');
  if (quote === 39) return amp.replace(/'/g, '&#39;');
  const escaped = amp.replace(/"/g, '&quot;');
  return quote === 34 ? escaped : `"${escaped}"`;
}

/** The CSS with its looked-up URLs replaced, or undefined when none is. */
function rewriteCss(css: string, lookup: Lookup, onReplace: (to: string) => void): string | undefined {
  let out = '';
  let at = 0;
  let changed = false;
  for (const u of cssUrls(css)) {
    // An @import of a data: sheet: the sheet is rewritten inside it.
    const to = (u.kind === 'css-import' ? rewriteDataSheet(u.url, lookup, onReplace) : undefined) ?? lookup(u.url);
    if (to === undefined) continue;
    onReplace(to);
    out += css.slice(at, u.start);
    out += u.form === 'url' ? (/^[^\s"'()\\\x00-\x1f\x7f]*$/.test(to) ? `url(${to})` : `url(${cssString(to, '"')})`) : cssString(to, css[u.start] === "'" ? "'" : '"');
    at = u.end;
    changed = true;
  }
  return changed ? out + css.slice(at) : undefined;
}

function rewriteDataSheet(url: string, lookup: Lookup, onReplace: (to: string) => void): string | undefined {
  if (dataDepth >= MAX_NESTED_DOCUMENTS) return undefined;
  const content = dataContent(url, 'sheet');
  if (!content || 'reason' in content) return undefined;
  dataDepth++;
  try {
    const next = rewriteCss(content.text, lookup, onReplace);
    return next === undefined ? undefined : dataUrlOf(content.essence, next);
  } finally {
    dataDepth--;
  }
}

function cssString(value: string, quote: string): string {
  let out = quote;
  for (const c of value) {
    if (c === quote || c === '\\') out += `\\${c}`;
    else if (c === '\n' || c === '\r' || c === '\f') out += `\\${c.charCodeAt(0).toString(16)} `;
    else out += c;
  }
  return out + quote;
}

/**
 * A srcset with its looked-up candidates replaced, or undefined: candidates are found by the
 * HTML standard's srcset parser, the extractor's own (src/html/srcset.ts), so that
 * `a.gif 1x,b.gif 2x` (no blank after the comma) is two URLs here as there.
 */
function rewriteSrcset(srcset: string, lookup: Lookup, onReplace: (to: string) => void): string | undefined {
  const { candidates, dropped } = parseSrcset(srcset);
  const all = [...candidates, ...dropped].sort((a, b) => a.offset - b.offset);
  let out = '';
  let at = 0;
  for (const c of all) {
    const to = lookup(c.url);
    if (to === undefined || c.offset < at) continue;
    onReplace(to);
    out += srcset.slice(at, c.offset) + to;
    at = c.offset + c.url.length;
  }
  return at > 0 ? out + srcset.slice(at) : undefined;
}
