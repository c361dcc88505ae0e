import { Command } from 'commander';
import { createDetector } from '../../engine/detector.js';
import { scan } from '../../engine/scan.js';
import { EXIT_ERROR } from '../../exit-codes.js';
import type { Io } from '../io.js';
import { refuseOutputOverInput } from '../options.js';
import { addReportOptions, openReport, type ReportFlags } from '../report-output.js';

export function scanCommand(io: Io, setExit: (code: number) => void): Command {
  const cmd = new Command('scan')
    .description('scan mail files, folders, maildirs and mbox files for tracking pixels')
    .argument('<paths...>', 'files (.eml, .emlx, mbox), folders (walked recursively, maildir included), or - for stdin');
  return addReportOptions(cmd).action(async (paths: string[], flags: ReportFlags) => {
    refuseOutputOverInput(flags.output, paths);
    const detector = createDetector({ me: flags.me, redact: flags.redact, extra: flags.rules, disable: flags.disable });
    const report = await openReport(io, flags, paths);
    try {
      const { summary, unusableInputs } = await scan(paths, {
        detector,
        maxMessageBytes: flags.maxMessageSize * 1024 * 1024,
        stdin: io.stdin,
        onResult: (result) => report.onResult(result),
      });
      const code = await report.finish(summary);
      setExit(unusableInputs > 0 ? EXIT_ERROR : code);
    } finally {
      await report.close();
    }
  });
}
