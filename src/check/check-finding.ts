import type { Finding, Severity, SourcePosition } from '../types.js';

/** A rule's configured severity: `off` findings are dropped before anything sees them. */
export type SeverityOrOff = Severity | 'off';

/**
 * A finding of `check`: the project's Finding with where it is (the file, and a position that is
 * always set: line and column in the source template, or in the decoded HTML of an .eml), how
 * much it matters, and a fingerprint for baselines. This is what the formatters take.
 */
export interface CheckFinding extends Finding {
  /** The file as named on the command line or found in a folder (relative to the cwd when below it). */
  file: string;
  position: SourcePosition;
  severity: Severity;
  /** Stable across unrelated edits of the file: see fingerprint.ts. */
  fingerprint: string;
  /** The tag name of the element, or `template` for a tag. */
  element: string;
}

/** The result of one file: its findings, or why it could not be checked. */
export interface CheckedFile {
  file: string;
  /** The template syntax the file was read with (`eml` for a message). */
  syntax: string;
  findings: CheckFinding[];
  /** Findings a suppression comment or the baseline silenced: counted, not shown. */
  suppressed: number;
  baselined: number;
  /** Null when checked; otherwise the reason (unreadable, not UTF-8 text...). */
  error: string | null;
}

/** A finding before the run's configuration is applied: where, and what. */
export interface RawFinding {
  finding: Finding;
  /** Offset of the element or tag in the source (for suppressions). */
  offset: number;
  element: string;
  /** The URL's or tag's shape for the fingerprint. */
  shape: string;
  /**
   * The scan rule's finding of the same element that this template finding repeats (a hidden
   * pixel with an id is PA002 and PA012): this one is shown only when that one is configured
   * off or at info, so turning PA002 down never hides a pixel PA012 is on for.
   */
  repeats?: RawFinding;
  /** A scan rule's finding on a URL with no template expression: its identifiers are literal, the same in every copy (policy.ts). */
  literal?: boolean;
  /** The element path (`html>body>div>img`), set once the file's findings are known (element-paths.ts). */
  path?: string;
}
