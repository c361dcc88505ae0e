import { Option, type Command } from 'commander';
import { EXIT_FINDINGS, EXIT_OK } from '../exit-codes.js';
import type { Formatter } from '../formatters/formatter.js';
import { FORMAT_NAMES, FORMATTERS } from '../formatters/index.js';
import { visible } from '../formatters/safe-text.js';
import type { Summary } from '../report/summary.js';
import type { MessageResult } from '../types.js';
import { useColor } from './color.js';
import { formatSpec, type FormatTarget } from './format-targets.js';
import type { Io } from './io.js';
import { collect, positiveInteger, positiveNumber } from './options.js';
import { openOutputs } from './outputs.js';

/** Flags shared by every command that produces a report (scan, imap). */
export interface ReportFlags {
  /** Every `-f NAME[:FILE]` given, in order; undefined for none (then `table`). */
  format?: FormatTarget[];
  output?: string;
  failOn: string;
  redact: boolean;
  color?: boolean;
  me?: string[];
  maxMessageSize: number;
  rules?: string[];
  disable?: string[];
  top: number;
  quiet?: boolean;
}

export function addReportOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('-f, --format <name[:file]>', `output format, repeatable, each to its own file: -f sarif:out.sarif -f github (${FORMAT_NAMES.join(', ')}; default table)`).argParser(formatSpec(FORMAT_NAMES)))
    .option('-o, --output <file>', 'write the report (the one -f without a file) to a file instead of stdout')
    .addOption(new Option('--fail-on <what>', 'exit 1 when a tracked message is found').choices(['tracked', 'none']).default('none'))
    .option('--no-redact', 'show recipient addresses and per-recipient tokens in URLs (masked by default)')
    .option('--color', 'force colour')
    .option('--no-color', 'no colour (NO_COLOR is respected too)')
    .option('--me <address>', 'your address, looked for in URLs besides the recipient headers (To, Cc, Bcc, Delivered-To...) (repeatable)', collect)
    .option('--max-message-size <MB>', 'messages above this size fail instead of being parsed', positiveNumber('--max-message-size'), 32)
    .option('--rules <path>', 'extra tracker data: a JSON file or folder in the rules/trackers format (repeatable)', collect)
    .option('--disable <id>', 'leave out a vendor or pattern id (repeatable)', collect)
    .option('--top <n>', 'vendors and senders listed in the table report', positiveInteger('--top'), 10)
    .option('-q, --quiet', 'do not print a line on stderr for each message that fails');
}

/**
 * Streams results to every chosen format and destination; `finish` writes the summaries, puts the
 * report files in place and picks the exit code; `close` after a failure discards the unfinished
 * files. `targets` come from resolveTargets (which checks them before any work); call before
 * scanning: the temporary files are created here.
 */
export async function openReport(io: Io, flags: ReportFlags, targets: readonly FormatTarget[], inputs: string[]) {
  const outputs = await openOutputs(io, targets, async (target, toFile): Promise<Formatter> => (await FORMATTERS[target.format]())({ color: useColor(io, flags.color, toFile), top: flags.top, inputs, baseDir: process.cwd() }));
  const kept: MessageResult[] = [];
  const keeps = outputs.formatters.some((f) => f.keepsResults);
  await outputs.begin();
  return {
    async onResult(result: MessageResult): Promise<void> {
      if (result.error !== null && !flags.quiet) await io.stderr.write(`pixelaudit: ${visible(result.source)}: ${visible(result.error)}\n`);
      if (keeps) kept.push(result);
      await outputs.message(result);
    },
    async finish(summary: Summary): Promise<number> {
      await outputs.end(summary, kept);
      return flags.failOn === 'tracked' && summary.tracked > 0 ? EXIT_FINDINGS : EXIT_OK;
    },
    close: () => outputs.close(),
  };
}
