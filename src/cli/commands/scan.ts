import { Command } from 'commander';
import { createDetector } from '../../engine/detector.js';
import { scan } from '../../engine/scan.js';
import { EXIT_ERROR } from '../../exit-codes.js';
import { atLeastBytes, totalBytes } from '../../input/input-size.js';
import { parseShard, type Shard } from '../../input/shard.js';
import type { Io } from '../io.js';
import { availableParallelism } from 'node:os';
import { jobsWarning, MAX_JOBS } from '../jobs.js';
import { addMessageTimeoutOption, timeoutMs } from '../message-timeout.js';
import { positiveInteger } from '../options.js';
import { scanProgress } from '../progress.js';
import { resolveTargets } from '../format-targets.js';
import { addReportOptions, openReport, type ReportFlags } from '../report-output.js';

const AUTO_PARALLEL_BYTES = 16 * 1024 * 1024;

export function scanCommand(io: Io, setExit: (code: number) => void): Command {
  const cmd = new Command('scan')
    .description('scan mail files, folders, maildirs and mbox files for tracking pixels')
    .argument('<paths...>', 'files (.eml, .emlx, mbox), folders (walked recursively, maildir included), or - for stdin')
    .option('-j, --jobs <n>', 'threads that analyse: this one and N-1 workers (default: all cores for inputs over 16 MB, else 1)', positiveInteger('--jobs', MAX_JOBS))
    .option('--shard <K/N>', 'scan only part K of N of the input (files by path, large mbox files by message offset); give every shard the same paths', parseShard);
  return addMessageTimeoutOption(addReportOptions(cmd)).action(async (paths: string[], flags: ReportFlags & { shard?: Shard; jobs?: number; messageTimeout: number }) => {
    const targets = resolveTargets(flags.format, 'table', flags.output, [...paths, ...(flags.rules ?? [])]);
    const warning = flags.jobs === undefined ? undefined : jobsWarning(flags.jobs);
    if (warning) await io.stderr.write(warning);
    const detectorOptions = { me: flags.me, redact: flags.redact, extra: flags.rules, disable: flags.disable };
    const detector = createDetector(detectorOptions);
    const progress = io.stderrIsTTY ? scanProgress(io, await totalBytes(paths)) : undefined;
    const report = await openReport(io, flags, targets, paths);
    try {
      const { summary, unusableInputs } = await scan(paths, {
        detector,
        maxMessageBytes: flags.maxMessageSize * 1024 * 1024,
        stdin: io.stdin,
        stdinFile: io.stdinFile,
        shard: flags.shard,
        // Worker threads take a moment to start and load the tracker data: worth it for large inputs only.
        jobs: flags.jobs ?? ((await atLeastBytes(paths, AUTO_PARALLEL_BYTES)) ? availableParallelism() : 1),
        detectorOptions,
        messageTimeoutMs: timeoutMs(flags.messageTimeout),
        onProgress: progress?.update,
        onResult: (result) => report.onResult(result),
      });
      progress?.done();
      const code = await report.finish(summary);
      setExit(unusableInputs > 0 ? EXIT_ERROR : code);
    } finally {
      await report.close();
    }
  });
}
