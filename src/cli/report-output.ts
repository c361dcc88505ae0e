import { Option, type Command } from 'commander';
import { EXIT_FINDINGS, EXIT_OK } from '../exit-codes.js';
import { FORMAT_NAMES, FORMATTERS } from '../formatters/index.js';
import { visible } from '../formatters/safe-text.js';
import type { Summary } from '../report/summary.js';
import type { MessageResult } from '../types.js';
import { useColor } from './color.js';
import { AtomicFileSink } from '../output/atomic-sink.js';
import type { Io, Sink } from './io.js';
import { collect, positiveInteger, positiveNumber } from './options.js';

/** Flags shared by every command that produces a report (scan, imap). */
export interface ReportFlags {
  format: string;
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
    .addOption(new Option('-f, --format <name>', 'output format').choices(FORMAT_NAMES).default('table'))
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .addOption(new Option('--fail-on <what>', 'exit 1 when a tracked message is found').choices(['tracked', 'none']).default('none'))
    .option('--no-redact', 'show recipient addresses and per-recipient tokens in URLs (masked by default)')
    .option('--color', 'force colour')
    .option('--no-color', 'no colour (NO_COLOR is respected too)')
    .option('--me <address>', 'your address, looked for in URLs besides To/Cc/Delivered-To (repeatable)', collect)
    .option('--max-message-size <MB>', 'messages above this size fail instead of being parsed', positiveNumber('--max-message-size'), 32)
    .option('--rules <path>', 'extra tracker data: a JSON file or folder in the rules/trackers format (repeatable)', collect)
    .option('--disable <id>', 'leave out a vendor or pattern id (repeatable)', collect)
    .option('--top <n>', 'vendors and senders listed in the table report', positiveInteger('--top'), 10)
    .option('-q, --quiet', 'do not print a line on stderr for each message that fails');
}

/**
 * Streams results to the chosen formatter and destination; `finish` writes the summary, puts a
 * report file in place and picks the exit code; `close` after a failure discards the unfinished
 * file. Call after guardReportOutput and before scanning: the temporary file is created here.
 */
export async function openReport(io: Io, flags: ReportFlags, inputs: string[]) {
  const file = flags.output ? await AtomicFileSink.open(flags.output) : undefined;
  const out: Sink = file ?? io.stdout;
  const formatter = (await FORMATTERS[flags.format]())({ color: useColor(io, flags.color, Boolean(file)), top: flags.top, inputs });
  const kept: MessageResult[] = [];
  if (formatter.begin) await out.write(formatter.begin());
  return {
    async onResult(result: MessageResult): Promise<void> {
      if (result.error !== null && !flags.quiet) await io.stderr.write(`pixelaudit: ${visible(result.source)}: ${visible(result.error)}\n`);
      if (formatter.keepsResults) kept.push(result);
      if (formatter.message) await out.write(formatter.message(result));
    },
    async finish(summary: Summary): Promise<number> {
      await out.write(formatter.end(summary, kept));
      await file?.commit();
      return flags.failOn === 'tracked' && summary.tracked > 0 ? EXIT_FINDINGS : EXIT_OK;
    },
    async close(): Promise<void> {
      await file?.close();
    },
  };
}
