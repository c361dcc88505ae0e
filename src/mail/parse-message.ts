import iconv from 'iconv-lite';
import type { Attachment, ParsedMail } from 'mailparser';
import { InputError } from '../errors.js';
import { checkStructure } from './check-structure.js';
import { readMimeFast } from './fast-mime.js';
import type { Ticker } from './mime-headers.js';
import { AMP_HTML_TYPE, isAttachedMessageType, MAX_ATTACHED_DEPTH, MAX_MIME_PARTS } from './mime-structure.js';
import { type HeaderFields, headerFields } from './header-fields.js';
import { type HeaderLine, rawHeaderValue } from './header-lines.js';

/** The parts of a message that the rules read. */
export interface ParsedMessage extends HeaderFields {
  /** Every text/html part, joined in message order (embedded messages included). */
  html: string | null;
  /** Structure problems that did not stop the scan. */
  warnings: string[];
  /** Header values by lower-case name, as raw text. */
  header(name: string): string[];
  /** Every top-level header, in order, name lower-cased, value unfolded. */
  headers: Array<{ name: string; value: string }>;
  /** Why part of the message was not read (parts past MAX_MIME_PARTS), or null when all of it was. */
  incomplete: string | null;
}

// Measured: skipping the conversions we never read makes parsing 1.8x faster.
const PARSER_OPTIONS = {
  skipHtmlToText: true,
  skipTextToHtml: true,
  skipImageLinks: true,
  skipTextLinks: true,
  keepCidLinks: true,
  // mailsplit's own limit is 1,000 nodes, failing the whole message; the structure check has
  // already cut the message after MAX_MIME_PARTS (plus the empty part the cut may leave at its end).
  maxChildNodes: MAX_MIME_PARTS + 10,
} as const;

export { MAX_ATTACHED_DEPTH } from './mime-structure.js';

export async function parseMessage(bytes: Buffer): Promise<ParsedMessage> {
  return parseMessageFast(bytes) ?? parseMessageSlow(bytes);
}

/** The fast MIME path alone, synchronous: null when the message needs mailparser. */
export function parseMessageFast(bytes: Buffer): ParsedMessage | null {
  const fast = readMimeFast(bytes);
  return fast ? build(fast.headerLines, fast.html, [], null) : null;
}

/**
 * mailparser and the structure check, for mail the fast path does not take. The check is
 * synchronous and ticks `ticker` (the message's deadline): it runs before the first await.
 */
export async function parseMessageSlow(bytes: Buffer, ticker?: Ticker): Promise<ParsedMessage> {
  const { warnings, readEnd, incomplete } = checkStructure(bytes, ticker);
  // Past the part limit mailparser gets only the parts read: the rest is neither parsed nor kept.
  const mail = await parseMime(readEnd < bytes.length ? bytes.subarray(0, readEnd) : bytes);
  const htmlParts = typeof mail.html === 'string' && mail.html.length > 0 ? [mail.html] : [];
  for (const part of ampHtml(mail)) htmlParts.push(part);
  for (const part of await attachedHtml(mail, 1, warnings)) htmlParts.push(part);
  return build(mail.headerLines, htmlParts.length ? htmlParts.join('\n') : null, warnings, incomplete);
}

function build(lines: readonly HeaderLine[], html: string | null, warnings: string[], incomplete: string | null): ParsedMessage {
  return new Parsed(
    headerFields(lines),
    html,
    warnings,
    lines.map((h) => new HeaderField(h.key, h.line)),
    incomplete,
  );
}

/** A ParsedMessage whose `header` is a method, not a closure made for each message. */
class Parsed implements ParsedMessage {
  readonly messageId: string | null;
  readonly from: string | null;
  readonly fromAddress: string | null;
  readonly date: string | null;
  readonly subject: string | null;
  readonly recipients: string[];

  constructor(
    fields: HeaderFields,
    readonly html: string | null,
    readonly warnings: string[],
    readonly headers: HeaderField[],
    readonly incomplete: string | null,
  ) {
    this.messageId = fields.messageId;
    this.from = fields.from;
    this.fromAddress = fields.fromAddress;
    this.date = fields.date;
    this.subject = fields.subject;
    this.recipients = fields.recipients;
  }

  header(name: string): string[] {
    const key = name.toLowerCase();
    const out: string[] = [];
    for (const h of this.headers) if (h.name === key) out.push(h.value);
    return out;
  }
}

/** A header whose value is unfolded only when read: the rules read a few of a message's dozens. */
class HeaderField {
  private unfolded: string | undefined;

  constructor(
    readonly name: string,
    private readonly line: string,
  ) {}

  get value(): string {
    this.unfolded ??= rawHeaderValue(this.line);
    return this.unfolded;
  }
}

// mailparser's stream pipeline (html-to-text, he, mailsplit...) is loaded only when a message
// needs it: the fast path takes 98% of the benchmark mbox, and importing it cost about a third of
// a one-message run's start (see src/cli/run.ts).
let simpleParser: typeof import('mailparser').simpleParser | undefined;

async function parseMime(bytes: Buffer): Promise<ParsedMail> {
  // Outside the try: a chunk that cannot be loaded is the run's internal error, not unreadable MIME.
  simpleParser ??= (await import('mailparser/lib/simple-parser.js')).default;
  try {
    return await simpleParser(bytes, PARSER_OPTIONS);
  } catch (error) {
    throw new InputError(`unreadable MIME: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** HTML of messages attached as message/rfc822 or message/global (mailparser keeps those as attachments), MAX_ATTACHED_DEPTH levels deep. */
async function attachedHtml(mail: ParsedMail, depth: number, warnings: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const attachment of mail.attachments) {
    if (!isAttachedMessageType(attachment.contentType) || !attachment.content?.length) continue;
    if (depth > MAX_ATTACHED_DEPTH) {
      warnings.push(`forwarded messages nested deeper than ${MAX_ATTACHED_DEPTH} levels: the ones below are not read`);
      return out;
    }
    const inner = await parseMime(attachment.content);
    if (typeof inner.html === 'string' && inner.html) out.push(inner.html);
    for (const part of ampHtml(inner)) out.push(part);
    for (const part of await attachedHtml(inner, depth + 1, warnings)) out.push(part);
  }
  return out;
}

/** The text of AMP parts (mailparser keeps them as attachments, undecoded), as the fast path reads them. */
export function ampHtml(mail: ParsedMail): string[] {
  const out: string[] = [];
  for (const attachment of mail.attachments) {
    if (attachment.contentType !== AMP_HTML_TYPE || attachment.contentDisposition === 'attachment' || !attachment.content?.length) continue;
    const text = decodeCharset(attachment.content, charsetOf(attachment)).replace(/\r?\n/g, '\n');
    if (text) out.push(text);
  }
  return out;
}

function charsetOf(attachment: Attachment): string {
  const header = attachment.headers.get('content-type') as { params?: Record<string, string> } | undefined;
  return header?.params?.charset ?? 'utf-8';
}

function decodeCharset(bytes: Buffer, charset: string): string {
  return iconv.encodingExists(charset) ? iconv.decode(bytes, charset) : bytes.toString('utf8');
}
