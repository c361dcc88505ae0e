import { Command, Option } from 'commander';
import { createDetector } from '../../engine/detector.js';
import { scan } from '../../engine/scan.js';
import { EXIT_ERROR, EXIT_FINDINGS, EXIT_OK } from '../../exit-codes.js';
import { FORMAT_NAMES, FORMATTERS } from '../../formatters/index.js';
import type { MessageResult } from '../../types.js';
import { useColor } from '../color.js';
import { FileSink, type Io, type Sink } from '../io.js';
import { collect, positiveNumber, refuseOutputOverInput } from '../options.js';

interface ScanFlags {
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

export function scanCommand(io: Io, setExit: (code: number) => void): Command {
  return new Command('scan')
    .description('scan mail files, folders, maildirs and mbox files for tracking pixels')
    .argument('<paths...>', 'files (.eml, .emlx, mbox), folders (walked recursively, maildir included), or - for stdin')
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
    .option('--top <n>', 'vendors and senders listed in the table report', positiveNumber('--top'), 10)
    .option('-q, --quiet', 'do not print a line on stderr for each message that fails')
    .action(async (paths: string[], flags: ScanFlags) => {
      refuseOutputOverInput(flags.output, paths);
      const detector = createDetector({ me: flags.me, redact: flags.redact, extra: flags.rules, disable: flags.disable });
      const file = flags.output ? new FileSink(flags.output) : undefined;
      const out: Sink = file ?? io.stdout;
      const formatter = (await FORMATTERS[flags.format]())({ color: useColor(io, flags.color, Boolean(file)), top: flags.top, inputs: paths });
      const kept: MessageResult[] = [];
      try {
        if (formatter.begin) await out.write(formatter.begin());
        const { summary, unusableInputs } = await scan(paths, {
          detector,
          maxMessageBytes: flags.maxMessageSize * 1024 * 1024,
          stdin: io.stdin,
          onResult: async (result) => {
            if (result.error !== null && !flags.quiet) await io.stderr.write(`pixelaudit: ${result.source}: ${result.error}\n`);
            if (formatter.keepsResults) kept.push(result);
            if (formatter.message) await out.write(formatter.message(result));
          },
        });
        await out.write(formatter.end(summary, kept));
        if (unusableInputs > 0) setExit(EXIT_ERROR);
        else setExit(flags.failOn === 'tracked' && summary.tracked > 0 ? EXIT_FINDINGS : EXIT_OK);
      } finally {
        await file?.close();
      }
    });
}
