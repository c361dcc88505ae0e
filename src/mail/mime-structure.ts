import { headerParam, isIdentityEncoding, parseHeaderBlock, type Ticker } from './mime-headers.js';

/**
 * The one reader of MIME structure for the structure check (scan) and for clean: where each part
 * lies in the message bytes, its headers, its children. Delimiters follow mailsplit (mailparser's
 * splitter), so the parts found here are the parts whose HTML the scan reads; the fast path uses
 * the same delimiter rule in its strict form (multipartRanges). Offsets are byte offsets.
 */
export interface MimeNode {
  /** Lower-case header names to unfolded values (first occurrence wins). */
  headers: Map<string, string>;
  /** Media type, lower case; `text/plain` without a Content-Type. */
  type: string;
  /** The Content-Type value as written ('' without one). */
  contentType: string;
  /** Content-Transfer-Encoding, trimmed and lower case ('' without one). */
  encoding: string;
  /** Charset parameter, lower case, if any. */
  charset: string | undefined;
  bodyStart: number;
  bodyEnd: number;
  /** Nesting level: 0 for the message, +1 per multipart child or attached message. */
  depth: number;
  /** Attached-message level: 0 for the message itself, +1 inside each message/rfc822. */
  messageDepth: number;
  /** For a multipart: its boundary and what its delimiters looked like. */
  multipart: { boundary: string | undefined; found: boolean; closed: boolean } | null;
  children: MimeNode[];
  /** An attached message (message/rfc822) whose body is readable as it is (identity encoding). */
  attached: MimeNode | null;
  /** Deeper than MAX_PART_DEPTH: not read further. */
  tooDeep: boolean;
  /** Bytes of the header block (mailparser reads at most MAILPARSER_HEADER_BYTES of one). */
  headerBytes: number;
  /** The message's MAX_MIME_PARTS were used up here: this part's children past them are not read. */
  tooMany: boolean;
  /**
   * With `tooMany`: the byte offset where the first unread part starts (nothing after it is read,
   * since parts are counted in message order), and how many parts at least were left unread here
   * (the delimiters of this multipart after it, counted, not kept; nested parts not counted).
   */
  unread: { from: number; atLeast: number } | null;
}

/** Parts nested deeper than this are not read (mailsplit and real mail stay far below). */
export const MAX_PART_DEPTH = 40;

/**
 * Messages attached to messages (forwarding chains, list digests, bounces) are read this many
 * levels deep by the scan and by clean, with a warning past it. Real chains measured in the
 * corpora stay within 3; 8 leaves room and bounds the work per message.
 */
export const MAX_ATTACHED_DEPTH = 8;

/**
 * The most MIME parts (multiparts, leaves and attached messages together) read in one message.
 * The corpora's largest message has 14; mail with hundreds of attachments exists, so 10,000 leaves
 * a wide margin while bounding the tree kept in memory: 8 MB of empty parts (`--b` lines) made
 * 1.6 million nodes, 0.9 GB and 7 s before this limit (test/mime-limits.test.ts).
 */
export const MAX_MIME_PARTS = 10_000;

/**
 * The delimiter lines (`--boundary` at a line start, not the close delimiter) between `from` and
 * `end`: what a warning says was left unread. Counted by a native search, nothing kept, so a body
 * of millions of parts past the limit costs time linear in its bytes and no memory.
 */
function delimitersAfter(bytes: Buffer, from: number, end: number, boundary: string, ticker: Ticker): number {
  const delimiter = Buffer.from(`\n--${boundary}`, 'latin1');
  let count = 0;
  for (let i = bytes.indexOf(delimiter, from); i !== -1 && i < end; i = bytes.indexOf(delimiter, i + delimiter.length)) {
    const after = i + delimiter.length;
    if (bytes[after] === 0x2d && bytes[after + 1] === 0x2d) continue;
    if (++count % 1024 === 0) ticker.tick();
  }
  return count;
}

/** mailsplit's limit on one header block ("Max header size for a MIME node exceeded"). */
export const MAILPARSER_HEADER_BYTES = 256 * 1024;

/** What one reading of a message may still spend: parts left, and the message's deadline. */
interface Budget {
  partsLeft: number;
  ticker: Ticker;
}

const NO_TICKER: Ticker = { tick: () => undefined };

/**
 * The tree of a message. `ticker` (the message's deadline) is ticked per part and per header
 * line: the slow path runs this reader before mailparser, in the scan's own thread with
 * `--jobs 1`, where nothing else can stop it.
 */
export function readMimeTree(bytes: Buffer, ticker: Ticker = NO_TICKER): MimeNode {
  return readNode(bytes, 0, bytes.length, 0, 0, { partsLeft: MAX_MIME_PARTS, ticker });
}

function readNode(bytes: Buffer, start: number, end: number, depth: number, messageDepth: number, budget: Budget): MimeNode {
  budget.ticker.tick();
  budget.partsLeft--;
  const { headerEnd, bodyStart } = splitHeader(bytes, start, end);
  const headers = parseHeaderBlock(bytes.toString('latin1', start, headerEnd), budget.ticker);
  const contentType = headers.get('content-type') ?? '';
  const type = (contentType.split(';')[0].trim() || 'text/plain').toLowerCase();
  const node: MimeNode = {
    headers,
    type,
    contentType,
    encoding: (headers.get('content-transfer-encoding') ?? '').trim().toLowerCase(),
    charset: headerParam(contentType, 'charset')?.toLowerCase(),
    bodyStart,
    bodyEnd: end,
    depth,
    messageDepth,
    multipart: null,
    children: [],
    attached: null,
    tooDeep: depth > MAX_PART_DEPTH,
    headerBytes: headerEnd - start,
    tooMany: false,
    unread: null,
  };
  if (node.tooDeep) return node;
  if (type.startsWith('multipart/')) {
    const boundary = headerParam(contentType, 'boundary');
    node.multipart = { boundary, found: false, closed: false };
    if (!boundary) return node;
    // One range more than the budget: seeing it is what says the budget ran out here.
    const parts = delimitedParts(bytes, bodyStart, end, boundary, Math.max(0, budget.partsLeft) + 1);
    node.multipart.found = parts.found;
    node.multipart.closed = parts.closed;
    for (const [s, e] of parts.ranges) {
      if (budget.partsLeft <= 0) {
        node.tooMany = true;
        node.unread = { from: s, atLeast: 1 + delimitersAfter(bytes, s, end, boundary, budget.ticker) };
        break;
      }
      node.children.push(readNode(bytes, s, e, depth + 1, messageDepth, budget));
    }
  } else if (isAttachedMessageType(type) && isIdentityEncoding(node.encoding)) {
    if (budget.partsLeft <= 0) {
      node.tooMany = true;
      node.unread = { from: bodyStart, atLeast: 1 };
      return node;
    }
    // In base64 or quoted-printable an attached message is text only once decoded (clean decodes it).
    const inner = readNode(bytes, bodyStart, end, depth + 1, messageDepth + 1, budget);
    if (inner.headers.size > 0 || inner.tooDeep) node.attached = inner;
  }
  return node;
}

/**
 * An attached message: message/rfc822, and message/global (RFC 6532: the same with UTF-8 headers,
 * what a forward from an internationalised mailbox carries), which mail clients show alike.
 */
export function isAttachedMessageType(type: string): boolean {
  return type === 'message/rfc822' || type === 'message/global';
}

/**
 * The AMP for Email part (a multipart/alternative sibling of text/html), which Gmail, Yahoo Mail
 * and Mail.ru render instead of the HTML: read as HTML too, since its images load as an HTML part's do.
 */
export const AMP_HTML_TYPE = 'text/x-amp-html';

/** Every node of the tree, parents before children, in message order. */
export function* mimeNodes(node: MimeNode): Generator<MimeNode> {
  yield node;
  for (const child of node.children) yield* mimeNodes(child);
  if (node.attached) yield* mimeNodes(node.attached);
}

/**
 * The header block ends at the first empty line; a part that starts with one has no headers,
 * and one without any has only headers.
 */
function splitHeader(bytes: Buffer, start: number, end: number): { headerEnd: number; bodyStart: number } {
  if (bytes[start] === 0x0a) return { headerEnd: start, bodyStart: start + 1 };
  if (bytes[start] === 0x0d && bytes[start + 1] === 0x0a) return { headerEnd: start, bodyStart: start + 2 };
  for (let nl = bytes.indexOf(0x0a, start); nl !== -1 && nl < end; nl = bytes.indexOf(0x0a, nl + 1)) {
    if (bytes[nl + 1] === 0x0a && nl + 1 < end) return { headerEnd: nl + 1, bodyStart: nl + 2 };
    if (bytes[nl + 1] === 0x0d && bytes[nl + 2] === 0x0a && nl + 2 < end) return { headerEnd: nl + 1, bodyStart: nl + 3 };
  }
  return { headerEnd: end, bodyStart: end };
}

export interface Delimited {
  /** Body range of each part; the line break before a delimiter belongs to the delimiter. */
  ranges: Array<[number, number]>;
  /** An opening delimiter was seen. */
  found: boolean;
  /** The closing delimiter was seen (perhaps before any opening one: then `unusual`). */
  closed: boolean;
  /** Something mailsplit may read otherwise: a bare CR before a delimiter, a closing one in the preamble. */
  unusual: boolean;
  /** `maxParts` ranges were found and the search stopped there (the rest of the body is not read). */
  tooMany: boolean;
}

/**
 * The parts of a multipart body as mailsplit finds them: a delimiter is `--boundary` at a line
 * start, then `--` for the closing one, then only blanks and CRs to the line end. A closing
 * delimiter before any opening one does not count; an unclosed multipart runs to the end.
 * At most `maxParts` ranges are kept: what a hostile body of millions of delimiters makes is bounded.
 */
export function delimitedParts(bytes: Buffer, start: number, end: number, boundary: string, maxParts = MAX_MIME_PARTS): Delimited {
  const delimiter = Buffer.from(`--${boundary}`, 'latin1');
  const out: Delimited = { ranges: [], found: false, closed: false, unusual: false, tooMany: false };
  let partStart = -1;
  let pos = start;
  while (pos < end) {
    const found = bytes.indexOf(delimiter, pos);
    if (found === -1 || found + delimiter.length > end) break;
    let lineEnd = bytes.indexOf(0x0a, found);
    if (lineEnd === -1 || lineEnd >= end) lineEnd = end;
    pos = lineEnd + 1;
    if (!(found === start || bytes[found - 1] === 0x0a)) {
      if (bytes[found - 1] === 0x0d) out.unusual = true;
      continue;
    }
    const kind = delimiterKind(bytes, found + delimiter.length, lineEnd);
    if (kind === 0) continue;
    if (kind === 2 && partStart === -1) {
      // An empty multipart to the eye (it is closed), though mailsplit reads on.
      out.unusual = true;
      out.closed = true;
      continue;
    }
    if (partStart !== -1) {
      let cut = found;
      if (cut > partStart && bytes[cut - 1] === 0x0a) cut--;
      if (cut > partStart && bytes[cut - 1] === 0x0d) cut--;
      out.ranges.push([partStart, cut]);
      if (out.ranges.length >= maxParts) {
        out.tooMany = true;
        return out;
      }
    }
    out.found = true;
    if (kind === 2) {
      out.closed = true;
      return out;
    }
    partStart = Math.min(lineEnd + 1, end);
  }
  if (partStart !== -1) out.ranges.push([partStart, end]);
  return out;
}

/** 1 for a delimiter line, 2 for the closing one, 0 for a line that only starts like one. */
function delimiterKind(bytes: Buffer, i: number, lineEnd: number): 0 | 1 | 2 {
  let kind: 1 | 2 = 1;
  if (bytes[i] === 0x2d) {
    if (bytes[i + 1] !== 0x2d) return 0;
    kind = 2;
    i += 2;
  }
  while (i < lineEnd && (bytes[i] === 0x20 || bytes[i] === 0x09)) i++;
  while (i < lineEnd && bytes[i] === 0x0d) i++;
  return i === lineEnd ? kind : 0;
}

/**
 * Where the base64 data of a body ends: after the last line made only of the base64 alphabet
 * (and blanks), before the first line with anything else. What follows is a trailer, such as
 * the footer a mailing list appends to the part; mailparser decodes it as base64 too.
 */
export function base64DataEnd(bytes: Buffer, start: number, end: number): number {
  let lineStart = start;
  while (lineStart < end) {
    let lineEnd = bytes.indexOf(0x0a, lineStart);
    if (lineEnd === -1 || lineEnd >= end) lineEnd = end;
    for (let i = lineStart; i < lineEnd; i++) if (!BASE64_LINE[bytes[i]]) return lineStart;
    lineStart = lineEnd + 1;
  }
  return end;
}

const BASE64_LINE: boolean[] = Array.from({ length: 256 }, (_, c) => /[A-Za-z0-9+/=\r\t ]/.test(String.fromCharCode(c)));
