import { decodeHTML, decodeHTMLAttribute } from 'entities';
import { byLength, COMMON_TAGS, lookupIndex, lookupName, type NameTable } from './tag-names.js';

/**
 * Thrown where the fast tokenizer or tree builder meets something it does not reproduce exactly
 * (the caller answers null and the spec builder reads the document). Not an Error: a bail-out is
 * expected and frequent, and capturing a stack trace for each would cost more than the bail itself.
 */
export class CannotProve {
  constructor(readonly reason: string) {}
}

export function cannotProve(reason: string): never {
  // eslint-disable-next-line @typescript-eslint/only-throw-error -- a bail-out without a stack, on purpose (above)
  throw new CannotProve(reason);
}

/**
 * The attributes of a tag that keeps none (half the elements of the bench mbox's HTML): one
 * object shared by all, frozen so that a write into it throws instead of reaching every other.
 */
export const NO_ATTRIBUTES: Record<string, string> = Object.freeze({});

export const START = 0;
export const END = 1;
export const COMMENT = 2;
export const DOCTYPE = 3;
export const TEXT = 4;
export const EOF = 5;

/** What follows a start tag of a raw-text element, until its end tag. */
export const RAWTEXT = 1;
export const RCDATA = 2;
export const SCRIPT = 3;

// The HTML tokenizer's whitespace (CR included: the input stream turns it into LF, and parse5
// counts a CR from `&#13;` as whitespace too).
const isSpace = (c: number): boolean => c === 32 || c === 10 || c === 9 || c === 12 || c === 13;
const isAlpha = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);

/** The input stream's newline normalisation (CRLF and lone CR become LF), which parse5 applies to every value it keeps. */
export function normalizeNewlines(s: string): string {
  return s.includes('\r') ? s.replace(/\r\n?/g, '\n') : s;
}

/** Lower-cases ASCII letters only, as the tokenizer does for tag and attribute names. */
function asciiLower(s: string): string {
  for (let k = 0; k < s.length; k++) if (s.charCodeAt(k) > 127) return s.replace(/[A-Z]/g, (m) => m.toLowerCase());
  return s.toLowerCase();
}

/**
 * The HTML standard's tokenizer for the plain shapes of markup: start and end tags with quoted
 * and unquoted attributes, comments, bogus comments, a DOCTYPE, text, and the raw text of
 * `<style>`, `<title>` and their kin. It jumps from `<` to `<` with indexOf, as the walker in
 * sax.ts does, and throws CannotProve on every state it does not reproduce exactly (an attribute
 * name with `"`, `'`, `<` or a leading `=`, a comment that ends early by the standard's rules,
 * a tag cut by the end of the input, escapes inside `<script>` ...). Attribute values are kept
 * only for the names in `wanted`, decoded with the `entities` package parse5 itself uses.
 */
export class FastTokenizer {
  type = EOF;
  /** Tag name (lower case) of a START or END token. */
  name = '';
  attrs: Record<string, string> = NO_ATTRIBUTES;
  selfClosing = false;
  /** START, END, DOCTYPE: offset of `<`. TEXT: [start, end). COMMENT: offset of the data as the spec builder reports it. */
  start = 0;
  end = 0;
  /** COMMENT data; DOCTYPE: the whole `<!DOCTYPE ...>`. */
  data = '';

  private pos = 0;
  private rawName: string | null = null;
  private rawKind = 0;
  private readonly wanted: NameTable;
  /**
   * Whether the input holds a CR at all. The MIME path hands out LF line ends, so most documents
   * hold none, and one scan here spares a scan of every kept value, comment and style sheet
   * (normalizeNewlines was 98 ms of a 22 s profile of a one-worker bench scan).
   */
  private readonly hasCr: boolean;

  constructor(
    private readonly html: string,
    wanted: ReadonlySet<string>,
  ) {
    this.wanted = wantedTable(wanted);
    this.hasCr = html.includes('\r');
  }

  /** `text` (a slice of the input) with the input stream's newline normalisation. */
  newlines(text: string): string {
    return this.hasCr ? normalizeNewlines(text) : text;
  }

  /** Called by the tree builder after it inserts a raw-text element: the text runs to `</name`. */
  rawText(name: string, kind: number): void {
    this.rawName = name;
    this.rawKind = kind;
  }

  /** The input's length in UTF-16 code units (the tree builder's work budget is per character). */
  get length(): number {
    return this.html.length;
  }

  next(): number {
    const html = this.html;
    const length = html.length;
    if (this.rawName !== null) return this.rawTextToken();
    for (;;) {
      const i = this.pos;
      if (i >= length) return (this.type = EOF);
      if (html.charCodeAt(i) !== 60) {
        let lt = html.indexOf('<', i);
        if (lt === -1) lt = length;
        return this.text(i, lt);
      }
      const c = html.charCodeAt(i + 1);
      if (isAlpha(c)) return this.tag(i, START);
      if (c === 47 /* / */) {
        const d = html.charCodeAt(i + 2);
        if (isAlpha(d)) return this.tag(i, END);
        if (d === 62) {
          this.pos = i + 3; // `</>` is dropped
          continue;
        }
        if (i + 2 >= length) cannotProve('`</` at the end of the input');
        return this.bogusComment(i, i + 2);
      }
      if (c === 33 /* ! */) {
        if (html.startsWith('<!--', i)) return this.comment(i);
        if (isDoctype(html, i + 2)) return this.doctype(i);
        return this.bogusComment(i, i + 2);
      }
      if (c === 63 /* ? */) return this.bogusComment(i, i + 1);
      return this.text(i, i + 1); // a `<` that starts nothing is text
    }
  }

  /** Whether the current TEXT token holds a character other than whitespace, character references decoded. */
  textHasNonSpace(): boolean {
    const html = this.html;
    for (let k = this.start; k < this.end; k++) {
      const c = html.charCodeAt(k);
      if (isSpace(c)) continue;
      if (c !== 38 /* & */) return true;
      // `&#32;` and `&Tab;` are whitespace: decode the run to know.
      const decoded = decodeHTML(normalizeNewlines(html.slice(this.start, this.end)));
      for (let m = 0; m < decoded.length; m++) if (!isSpace(decoded.charCodeAt(m))) return true;
      return false;
    }
    return false;
  }

  /** Whether the current TEXT token is one newline: `\n`, `\r\n`, `\r` or a reference that decodes to LF. */
  textIsOneNewline(): boolean {
    const html = this.html;
    const s = this.start;
    const n = this.end - s;
    const c = html.charCodeAt(s);
    if (n === 1) return c === 10 || c === 13;
    if (n === 2 && c === 13) return html.charCodeAt(s + 1) === 10;
    return c === 38 && decodeHTML(normalizeNewlines(html.slice(s, this.end))) === '\n';
  }

  /** The source text of the current TEXT token. */
  htmlSlice(): string {
    return this.html.slice(this.start, this.end);
  }

  private text(start: number, end: number): number {
    this.start = start;
    this.end = end;
    this.pos = end;
    return (this.type = TEXT);
  }

  private rawTextToken(): number {
    const html = this.html;
    const name = this.rawName as string;
    const from = this.pos;
    let at = this.rawKind === SCRIPT ? scriptDataEnd(html, from) : from;
    // The first `</name` followed by whitespace, `/` or `>` ends the text (the standard's "appropriate end tag").
    for (; this.rawKind !== SCRIPT; ) {
      at = html.indexOf('</', at);
      if (at === -1) {
        at = html.length;
        break;
      }
      if (matchesName(html, at + 2, name) && isTagEnd(html.charCodeAt(at + 2 + name.length))) break;
      at += 2;
    }
    this.rawName = null;
    if (at === from) return this.next();
    return this.text(from, at);
  }

  private comment(lt: number): number {
    const html = this.html;
    const from = lt + 4;
    const c = html.charCodeAt(from);
    if (c === 62 || (c === 45 && html.charCodeAt(from + 1) === 62)) cannotProve('`<!-->` or `<!--->`');
    const end = html.indexOf('-->', from);
    let data = html.slice(from, end === -1 ? html.length : end);
    if (data.includes('--!')) cannotProve('`--!` in a comment');
    // Left open, the comment runs to the end of the input; the dashes it was ending with are not data.
    if (end === -1) data = data.endsWith('--') ? data.slice(0, -2) : data.endsWith('-') ? data.slice(0, -1) : data;
    this.data = this.newlines(data);
    this.start = from;
    this.pos = end === -1 ? html.length : end + 3;
    return (this.type = COMMENT);
  }

  /** `<?...>`, `<!...>` and `</` + a non-letter: a comment up to the next `>`. */
  private bogusComment(lt: number, from: number): number {
    const html = this.html;
    let end = html.indexOf('>', from);
    if (end === -1) end = html.length;
    this.data = this.newlines(html.slice(from, end));
    // The spec builder reports the data of a comment not written `<!--` as starting 2 after `<`.
    this.start = lt + 2;
    this.pos = end + 1;
    return (this.type = COMMENT);
  }

  /** Every DOCTYPE state ends at `>` (quoted identifiers included), so the token is `<!DOCTYPE` up to it. */
  private doctype(lt: number): number {
    const end = this.html.indexOf('>', lt);
    if (end === -1) cannotProve('a DOCTYPE left open');
    this.data = this.html.slice(lt, end + 1);
    this.start = lt;
    this.pos = end + 1;
    return (this.type = DOCTYPE);
  }

  /**
   * The start tag at `lt` as its name and every attribute (first of duplicates, decoded), sorted:
   * the Noah's Ark clause compares formatting elements by all their attributes, which the tokens
   * do not keep. Read again from the source only when the clause has to decide.
   */
  signatureAt(lt: number): string {
    const { type, name, attrs, selfClosing, start, pos } = this;
    let all: Map<string, string> | null = null;
    this.tag(lt, START, (m) => (all = m));
    const signature =
      this.name +
      [...(all as unknown as Map<string, string>)]
        .map(([k, v]) => `\0${k}\0${v}`)
        .sort()
        .join('');
    Object.assign(this, { type, name, attrs, selfClosing, start, pos });
    return signature;
  }

  private tag(lt: number, type: number, collect?: (all: Map<string, string>) => void): number {
    const all_ = collect !== undefined;
    const html = this.html;
    const length = html.length;
    let j = lt + (type === END ? 2 : 1);
    const nameStart = j;
    while (j < length) {
      const c = html.charCodeAt(j);
      if (isSpace(c) || c === 47 || c === 62) break;
      j++;
    }
    if (j >= length) cannotProve('a tag cut by the end of the input');
    this.name = lookupName(html, nameStart, j, COMMON_TAGS) ?? asciiLower(html.slice(nameStart, j));
    let attrs: Record<string, string> | null = null;
    const keep = type === START;
    const all: Map<string, string> | null = all_ ? new Map() : null;
    let seen = 0;
    this.selfClosing = false;
    for (;;) {
      // Before attribute name.
      while (j < length && isSpace(html.charCodeAt(j))) j++;
      if (j >= length) cannotProve('a tag cut by the end of the input');
      let c = html.charCodeAt(j);
      if (c === 62) break;
      if (c === 47) {
        // Self-closing start tag state: `/>` ends the tag, any other `/` is dropped.
        j++;
        if (html.charCodeAt(j) === 62) {
          this.selfClosing = true;
          break;
        }
        continue;
      }
      // Attribute name: a leading `=`, quotes and `<` are parse errors but part of the name.
      const an = j++;
      while (j < length) {
        c = html.charCodeAt(j);
        if (isSpace(c) || c === 47 || c === 62 || c === 61) break;
        j++;
      }
      const ae = j;
      // After attribute name.
      while (j < length && isSpace(html.charCodeAt(j))) j++;
      if (j >= length) cannotProve('a tag cut by the end of the input');
      let vs = -1;
      let ve = -1;
      if (html.charCodeAt(j) === 61) {
        j++;
        while (j < length && isSpace(html.charCodeAt(j))) j++;
        if (j >= length) cannotProve('a tag cut by the end of the input');
        const q = html.charCodeAt(j);
        if (q === 34 || q === 39) {
          vs = j + 1;
          ve = html.indexOf(q === 34 ? '"' : "'", vs);
          if (ve === -1) cannotProve('a quoted attribute value left open');
          j = ve + 1;
        } else if (q !== 62) {
          // Unquoted: up to whitespace or `>` (quotes, `<`, `=` and backquotes are kept as characters).
          vs = j;
          while (j < length) {
            c = html.charCodeAt(j);
            if (isSpace(c) || c === 62) break;
            j++;
          }
          if (j >= length) cannotProve('a tag cut by the end of the input');
          ve = j;
        }
      }
      if (keep) {
        const index = lookupIndex(html, an, ae, this.wanted);
        // The first of duplicated attributes wins, as in the tokenizer. The first 31 wanted names
        // (FAST_TREE_ATTRIBUTES begins with those mail writes most) are told apart by a bit each,
        // not by a lookup in the object: a lookup of a name the object does not have yet runs to
        // Object.prototype on one of hundreds of shapes. Measured as tag-names.ts's table is
        // (bench mbox HTML, 11 alternating passes, load 15-20), both together against before:
        // tokenizer 232 -> 202 ms a pass (median; min 200 -> 162), fast tree 444 -> 390 (386 -> 343).
        if (index >= 0) {
          const name = this.wanted.names[index];
          const bit = index < 31 ? 1 << index : 0;
          if (bit !== 0 ? (seen & bit) === 0 : (attrs ??= {})[name] === undefined) {
            seen |= bit;
            (attrs ??= {})[name] = vs < 0 ? '' : this.attributeValue(html.slice(vs, ve));
          }
        }
        if (all) {
          const full = asciiLower(html.slice(an, ae));
          if (!all.has(full)) all.set(full, vs < 0 ? '' : this.attributeValue(html.slice(vs, ve)));
        }
      }
    }
    this.attrs = attrs ?? NO_ATTRIBUTES;
    if (all) collect?.(all);
    this.start = lt;
    this.pos = j + 1;
    return (this.type = type);
  }

  private attributeValue(raw: string): string {
    const value = this.newlines(raw);
    return value.includes('&') ? decodeHTMLAttribute(value) : value;
  }
}

// The table of wanted names, made once per set: a tokenizer is made for every document and
// every conditional comment's fragment (byLength was about 0.8% of a cold scan's profile).
const WANTED_TABLES = new WeakMap<ReadonlySet<string>, NameTable>();

function wantedTable(wanted: ReadonlySet<string>): NameTable {
  let table = WANTED_TABLES.get(wanted);
  if (!table) WANTED_TABLES.set(wanted, (table = byLength(wanted)));
  return table;
}

function isDoctype(html: string, at: number): boolean {
  const word = 'doctype';
  if (at + word.length > html.length) return false;
  for (let k = 0; k < word.length; k++) if ((html.charCodeAt(at + k) | 0x20) !== word.charCodeAt(k)) return false;
  return true;
}

/** html[at...] spells `name` (lower-case letters) in any case. */
function matchesName(html: string, at: number, name: string): boolean {
  if (at + name.length > html.length) return false;
  for (let k = 0; k < name.length; k++) if ((html.charCodeAt(at + k) | 0x20) !== name.charCodeAt(k)) return false;
  return true;
}

const isTagEnd = (c: number): boolean => isSpace(c) || c === 47 || c === 62;

const isAsciiAlpha = isAlpha;

/**
 * Where the script data that starts at `from` ends: the tokenizer's script states, where `<!--`
 * escapes the text and a `<script>` inside the escape hides the next `</script>`.
 */
function scriptDataEnd(html: string, from: number): number {
  const DATA = 0;
  const ESCAPED = 1;
  const ESCAPED_DASH = 2;
  const ESCAPED_DASH_DASH = 3;
  const DOUBLE = 4;
  const DOUBLE_DASH = 5;
  const DOUBLE_DASH_DASH = 6;
  const length = html.length;
  let state = DATA;
  let i = from;
  while (i < length) {
    if (state === DATA) {
      const lt = html.indexOf('<', i);
      if (lt === -1) return length;
      const c = html.charCodeAt(lt + 1);
      if (c === 47 && matchesName(html, lt + 2, 'script') && isTagEnd(html.charCodeAt(lt + 8))) return lt;
      if (c === 33 && html.charCodeAt(lt + 2) === 45 && html.charCodeAt(lt + 3) === 45) {
        state = ESCAPED_DASH_DASH;
        i = lt + 4;
      } else i = lt + 1;
      continue;
    }
    const c = html.charCodeAt(i);
    if (c === 45 /* - */) {
      state = state === ESCAPED ? ESCAPED_DASH : state === ESCAPED_DASH || state === ESCAPED_DASH_DASH ? ESCAPED_DASH_DASH : state === DOUBLE ? DOUBLE_DASH : DOUBLE_DASH_DASH;
      i++;
      continue;
    }
    if (c === 62 /* > */ && (state === ESCAPED_DASH_DASH || state === DOUBLE_DASH_DASH)) {
      state = DATA;
      i++;
      continue;
    }
    if (c !== 60 /* < */) {
      state = state <= ESCAPED_DASH_DASH ? ESCAPED : DOUBLE;
      i++;
      continue;
    }
    const next = html.charCodeAt(i + 1);
    if (state <= ESCAPED_DASH_DASH) {
      state = ESCAPED;
      if (next === 47) {
        if (matchesName(html, i + 2, 'script') && isTagEnd(html.charCodeAt(i + 8))) return i;
        i += 2;
      } else if (isAsciiAlpha(next)) {
        // Double escape start: `<script` followed by whitespace, `/` or `>` hides the next end tag.
        let j = i + 1;
        while (j < length && isAsciiAlpha(html.charCodeAt(j))) j++;
        const after = html.charCodeAt(j);
        if (isTagEnd(after)) {
          if (j - (i + 1) === 6 && matchesName(html, i + 1, 'script')) state = DOUBLE;
          i = j + 1;
        } else i = j;
      } else i++;
    } else {
      state = DOUBLE;
      if (next === 47) {
        // Double escape end: `</script` followed by whitespace, `/` or `>` returns to the escape.
        let j = i + 2;
        while (j < length && isAsciiAlpha(html.charCodeAt(j))) j++;
        const after = html.charCodeAt(j);
        if (isTagEnd(after)) {
          if (j - (i + 2) === 6 && matchesName(html, i + 2, 'script')) state = ESCAPED;
          i = j + 1;
        } else i = j;
      } else i++;
    }
  }
  return length;
}
