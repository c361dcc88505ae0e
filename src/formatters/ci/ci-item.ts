import { findingMessage } from '../../rules/finding-message.js';
import type { FileResult, Finding, MessageResult } from '../../types.js';
import { isAbsoluteUri } from './artifact-uri.js';

/**
 * What the CI formats (SARIF, GitHub annotations, JUnit) report on: one scanned message or one
 * checked file, with its findings or the reason it could not be read. Both `scan` results and
 * `check` results become these, so each format has one implementation for both.
 */
export interface CiItem {
  /** What the item is called in reports: the message's source (`box.mbox#3`) or the checked file. */
  name: string;
  /** The file it lives in, as a path (relative or absolute), or an absolute URI (`imap://...`); undefined for standard input. */
  artifact?: string;
  /**
   * Where `position` counts: `file` for check (lines of the template itself), `html` for scan
   * (lines of the message's decoded HTML, which are not lines of the mail file: an encoded
   * part, headers and other parts come before). Formats give a file region only for `file`.
   */
  positions: 'file' | 'html';
  findings: readonly Finding[];
  /** Why the message or file could not be read, or null. */
  error: string | null;
}

// `path#N` names message N of an mbox (src/input/read-messages.ts); an .emlx or .eml is the file itself.
const MESSAGE_IN_FILE = /#\d+$/;

/** The file a scan source lives in: `box.mbox#3` is in `box.mbox`; `-` (standard input) is in no file. */
export function sourceArtifact(source: string): string | undefined {
  if (isAbsoluteUri(source)) return source;
  const file = source.replace(MESSAGE_IN_FILE, '');
  return file === '-' || file === '' ? undefined : file;
}

export function fromMessageResult(result: MessageResult): CiItem {
  return { name: result.source, artifact: sourceArtifact(result.source), positions: 'html', findings: result.findings, error: result.error };
}

/**
 * A checked file. `check` reads a mail file (`syntax` `eml`, or `mbox`) the scan's way, so its
 * positions count lines of the decoded HTML, not of the file: those get no file region either.
 */
export function fromFileResult(result: FileResult & { syntax?: string }): CiItem {
  const positions = result.syntax === 'eml' || result.syntax === 'mbox' ? 'html' : 'file';
  return { name: result.file, artifact: result.file, positions, findings: result.findings, error: result.error };
}

/**
 * A finding in one line of words, the same in every CI format: the rule's message, the URL, and
 * for a scan the message it is in and its place in that message's HTML (which is not a place
 * in the mail file, so it is said rather than given as a file position). Raw text: each format escapes it.
 */
export function findingLine(item: CiItem, finding: Finding): string {
  if (item.positions === 'file') return `${findingMessage(finding)}: ${finding.url}`;
  // check on an .eml names the decoded part the position counts in (html-part-label.ts).
  const where = finding.htmlPart === 'headers' ? ' (in its headers)' : finding.position ? ` (line ${finding.position.line}, column ${finding.position.column} of ${finding.htmlPart ? `${finding.htmlPart}, decoded` : 'its HTML'})` : '';
  return `${findingMessage(finding)}: ${finding.url} in ${item.name}${where}`;
}
