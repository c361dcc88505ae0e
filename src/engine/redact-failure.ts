import { headerFields } from '../mail/header-fields.js';
import { splitHeaderLines, type HeaderLine } from '../mail/header-lines.js';
import type { MessageResult } from '../types.js';
import { addressFinderFor } from '../url/address-leak.js';
import type { Detector } from './detector.js';
import { maskAddresses } from './mask-addresses.js';
import { redactResult } from './redact.js';

// A header block longer than this is not read for recipients: the --me addresses still mask.
const MAX_HEADER_BYTES = 256 * 1024;

/**
 * A failed message's reason can quote the message (`unknown charset "reader@example.org"`), yet
 * the recipients come from a parse that failed. They are read again from the header block
 * alone, tolerantly (lines that are not fields are passed over), and masked like a scanned
 * result. Never throws: should even that fail, the reason is withheld rather than shown.
 */
export function redactFailure(failed: MessageResult, bytes: Buffer, detector: Detector): MessageResult {
  try {
    const recipients = headerFields(headerBlock(bytes)).recipients;
    return redactResult(failed, addressFinderFor([...detector.me, ...recipients]));
  } catch {
    return { ...failed, error: 'the message could not be read (the reason is withheld: it could not be masked)' };
  }
}

/**
 * A reason (an error's message) masked with the recipients of the message it is about, read from
 * its header block: for `explain` and `clean`, which report a failure without a result.
 */
export function maskReason(reason: string, bytes: Buffer, me: readonly string[]): string {
  try {
    return maskAddresses(reason, addressFinderFor([...me, ...headerFields(headerBlock(bytes)).recipients]));
  } catch {
    return 'the message could not be read (the reason is withheld: it could not be masked)';
  }
}

function headerBlock(bytes: Buffer): HeaderLine[] {
  const head = bytes.subarray(0, Math.min(bytes.length, MAX_HEADER_BYTES)).toString('latin1');
  const lf = head.indexOf('\n\n');
  const crlf = head.indexOf('\r\n\r\n');
  const end = lf === -1 ? crlf : crlf === -1 ? lf : Math.min(lf, crlf);
  const block = end === -1 ? head : head.slice(0, end);
  const strict = splitHeaderLines(block);
  if (strict) return strict;
  // What the strict split refuses (an mbox `From ` line, a bare CR, a line without a colon): fields only.
  const lines: HeaderLine[] = [];
  for (const raw of block.split(/\r?\n|\r/)) {
    if ((raw.startsWith(' ') || raw.startsWith('\t')) && lines.length) lines[lines.length - 1].line += `\r\n${raw}`;
    else if (raw.indexOf(':') > 0) lines.push({ key: raw.slice(0, raw.indexOf(':')).trim().toLowerCase(), line: raw });
  }
  return lines;
}
