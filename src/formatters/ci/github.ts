import type { Finding, Severity } from '../../types.js';
import { visible } from '../safe-text.js';
import { isAbsoluteUri, relativePath } from './artifact-uri.js';
import { findingLine, type CiItem } from './ci-item.js';
import { severityOf } from './severity.js';
import { UNREDACTED_NOTE } from './unredacted-note.js';

export interface GithubOptions {
  /** The checkout: file paths are given relative to it, as GitHub matches them against the repository. */
  baseDir: string;
}

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

// GitHub's escapes for workflow commands (docs: "Workflow commands for GitHub Actions"; the
// runner's ActionCommand.cs undoes them): `%`, CR and LF in the message; those and also `:` and
// `,` in a property, which end a property or the property list. `%` first, so the escapes
// written after it are not escaped again. Controls and bidi characters are made visible first
// (visible() leaves none of CR, LF), so a subject cannot reorder or hide text in the annotation.
export function escapeData(text: string): string {
  return visible(text).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * The `file` property names a file of the checkout for the runner to find, so it is written
 * with GitHub's property escapes only (`%25`, `%0D`, `%0A`, `%3A`, `%2C`), which the runner
 * undoes: made visible first, a line break in a file name was a literal `\x0a` and the
 * annotation named a file that does not exist. Other controls and bidi characters, for which
 * GitHub has no escape, are still made visible: written raw they would reach the log's terminal.
 */
export function escapeFileProperty(text: string): string {
  const kept = text
    .split(/(\r|\n)/)
    .map((piece) => (piece === '\r' || piece === '\n' ? piece : visible(piece)))
    .join('');
  return kept.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** One workflow command: `::error file=a.html,line=3,col=5,title=...::message`. */
export function workflowCommand(command: string, properties: ReadonlyArray<[string, string | number | undefined]>, message: string): string {
  const props = properties.filter((p): p is [string, string | number] => p[1] !== undefined).map(([k, v]) => `${k}=${k === 'file' ? escapeFileProperty(String(v)) : escapeProperty(String(v))}`);
  return `::${command}${props.length ? ` ${props.join(',')}` : ''}::${escapeData(message)}\n`;
}

/** The file an annotation is on, relative to the checkout; none for standard input or an IMAP message. */
function annotationFile(item: CiItem, baseDir: string): string | undefined {
  return item.artifact === undefined || isAbsoluteUri(item.artifact) ? undefined : relativePath(item.artifact, baseDir);
}

function annotation(item: CiItem, finding: Finding, baseDir: string): string {
  const inFile = item.positions === 'file' && finding.position;
  return workflowCommand(
    COMMAND[severityOf(finding)],
    [
      ['file', annotationFile(item, baseDir)],
      ['line', inFile ? finding.position?.line : undefined],
      ['col', inFile ? finding.position?.column : undefined],
      ['title', `pixelaudit ${finding.ruleId} ${finding.rule}`],
    ],
    findingLine(item, finding),
  );
}

/**
 * GitHub Actions annotations: one workflow command per finding (`::error`, `::warning`,
 * `::notice` by severity), on the file and, for `check`, the line and column; one `::error` per
 * message or file that could not be read. A scan position counts lines of the message's HTML, not
 * of the mail file, so a scan annotation names the file only and says the position in words.
 */
export function githubAnnotations(item: CiItem, options: GithubOptions): string {
  let out = '';
  for (const finding of item.findings) out += annotation(item, finding, options.baseDir);
  if (item.error !== null) {
    out += workflowCommand(
      'error',
      [
        ['file', annotationFile(item, options.baseDir)],
        ['title', 'pixelaudit: could not read'],
      ],
      `${item.name}: ${item.error}`,
    );
  }
  return out;
}

/** The notice a run written with --no-redact ends with (`::notice title=pixelaudit not redacted::...`). */
export function unredactedNotice(): string {
  return workflowCommand('notice', [['title', 'pixelaudit: not redacted']], UNREDACTED_NOTE);
}
