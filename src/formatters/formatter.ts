import type { Summary } from '../report/summary.js';
import type { MessageResult } from '../types.js';

export interface FormatContext {
  /** Colour the output (a TTY without NO_COLOR or --no-color). */
  color: boolean;
  /** How many vendors and senders the terminal report lists. */
  top: number;
  /** The inputs scanned, for the report header. */
  inputs: string[];
  /** Every study table (the `report` command), not only the prevalence and comparison tables. */
  full?: boolean;
  /** The folder file locations are made relative to (SARIF's %SRCROOT%, GitHub annotation paths): the working directory. */
  baseDir: string;
}

/**
 * Formatters are pure: strings out of data. `message` is called as each message is done (for
 * streaming formats), `end` once with the summary and, when `keepsResults`, every result.
 */
export interface Formatter {
  keepsResults: boolean;
  begin?(): string;
  message?(result: MessageResult): string;
  end(summary: Summary, results: MessageResult[]): string;
}

export type FormatterFactory = (ctx: FormatContext) => Formatter;
