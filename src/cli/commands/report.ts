import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { Command, Option } from 'commander';
import { createDetector } from '../../engine/detector.js';
import { InputError } from '../../errors.js';
import { EXIT_ERROR, EXIT_OK } from '../../exit-codes.js';
import type { Formatter } from '../../formatters/formatter.js';
import { FORMATTERS } from '../../formatters/index.js';
import { SKIPPED_LINE } from '../../formatters/jsonl.js';
import type { SkippedFile } from '../../report/summary.js';
import { Aggregate } from '../../report/aggregate.js';
import { readResult } from '../../report/read-result.js';
import { resultShapeProblem } from '../../report/result-shape.js';
import { exportTables, TABLE_FILES } from '../../report/tables-export.js';
import { guardOutputDir } from '../../output/guard-output-dir.js';
import type { MessageResult } from '../../types.js';
import { useColor } from '../color.js';
import type { Io } from '../io.js';
import { formatSpec, resolveTargets, type FormatTarget } from '../format-targets.js';
import { collect, positiveInteger } from '../options.js';
import { openOutputs } from '../outputs.js';

// `table` and `json` are the merged report: its summary and study tables, never the messages.
const SUMMARY_FORMATS = ['table', 'json'];
const REPORT_FORMATS = [...SUMMARY_FORMATS, 'sarif', 'github', 'junit', 'html'];

interface SkippedLine {
  pixelaudit: string;
  skippedFiles: number;
  skipped: SkippedFile[];
  skippedReasons: Array<{ reason: string; files: number }>;
  /** false when the file was written with --no-redact; absent in older files and redacted ones. */
  redacted?: boolean;
}

/** `report`: merges per-message JSONL (from scan -f jsonl, one file per shard) into one report. */
export function reportCommand(io: Io, setExit: (code: number) => void): Command {
  return new Command('report')
    .description('merge per-message JSONL results (e.g. one file per shard) into one report with the study tables')
    .argument('<files...>', 'JSONL files written by scan or imap with -f jsonl')
    .addOption(new Option('-f, --format <name[:file]>', `output format, repeatable, each to its own file (${REPORT_FORMATS.join(', ')}; default table)`).argParser(formatSpec(REPORT_FORMATS)))
    .option('-o, --output <file>', 'write the report (the one -f without a file) to a file')
    .option('--tables-dir <dir>', 'also write every table as CSV and JSON into this folder')
    .option('--rules <path>', 'extra tracker data, for vendor organisations (repeatable)', collect)
    .option('--top <n>', 'rows in the sender, vendor and organisation tables', positiveInteger('--top'), 20)
    .option('--color', 'force colour')
    .option('--no-color', 'no colour')
    .action(async (files: string[], flags: { format?: FormatTarget[]; output?: string; tablesDir?: string; rules?: string[]; top: number; color?: boolean }) => {
      const inputs = [...files, ...(flags.rules ?? [])];
      const targets = resolveTargets(flags.format, 'table', flags.output, inputs);
      if (flags.tablesDir) guardOutputDir(flags.tablesDir, TABLE_FILES, inputs);
      const detector = createDetector({ extra: flags.rules });
      const aggregate = new Aggregate(detector.vendors);
      // Opened before reading, so a folder that cannot be written to fails first; discarded on any failure.
      const outputs = await openOutputs(io, targets, async (target, toFile): Promise<Formatter> => {
        const formatter = (await FORMATTERS[target.format]())({ color: useColor(io, flags.color, toFile), top: flags.top, inputs: files, full: true, baseDir: process.cwd() });
        return SUMMARY_FORMATS.includes(target.format) ? { keepsResults: false, end: (summary) => formatter.end(summary, []) } : formatter;
      });
      const keeps = outputs.formatters.some((f) => f.keepsResults);
      const kept: MessageResult[] = [];
      await outputs.begin();
      const seen = new Set<string>();
      const sources = new Set<string>();
      let duplicates = 0;
      let sharedSource = 0;
      for (const file of files) {
        let lineNo = 0;
        try {
          for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
            lineNo++;
            if (!line.trim()) continue;
            let result: MessageResult;
            try {
              result = readResult(JSON.parse(line));
            } catch {
              throw new InputError(`${file}:${lineNo}: not a JSON line`, 'report reads the output of scan -f jsonl');
            }
            const closing = result as unknown as SkippedLine;
            if (closing?.pixelaudit === SKIPPED_LINE) {
              // The same file given twice lists the same files twice.
              if (seen.has(line)) continue;
              seen.add(line);
              if (!Number.isSafeInteger(closing.skippedFiles) || !Array.isArray(closing.skipped) || !Array.isArray(closing.skippedReasons)) throw new InputError(`${file}:${lineNo}: a skipped-files line without its counts`);
              if (closing.redacted !== undefined && typeof closing.redacted !== 'boolean') throw new InputError(`${file}:${lineNo}: a skipped-files line whose "redacted" is not true or false`);
              aggregate.addSkipped(closing.skippedFiles, closing.skipped, closing.skippedReasons);
              if (closing.redacted === false) aggregate.markUnredacted();
              continue;
            }
            const problem = resultShapeProblem(result);
            if (problem) throw new InputError(`${file}:${lineNo}: not a pixelaudit message result: ${problem}`, 'report reads the output of scan -f jsonl');
            // The same message in two shards would be counted twice: keep the first. Its source
            // alone is not the message: per-year folders scanned with relative paths
            // (`cd 2023 && scan INBOX`) give different messages one source (outside review 3).
            const key = messageKey(result);
            if (seen.has(key)) {
              duplicates++;
              continue;
            }
            seen.add(key);
            if (sources.has(result.source)) sharedSource++;
            else sources.add(result.source);
            aggregate.add(result);
            if (keeps) kept.push(result);
            await outputs.message(result);
          }
        } catch (error) {
          await outputs.close();
          if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new InputError(`${file}: no such file`);
          throw error;
        }
      }
      // The report of overlapping shards is still written: what is dropped is the same message's
      // result met again, so each message counts once and scanned + failed = found holds; exit 2
      // tells the pipeline that its shards overlapped (a job given the wrong K/N or paths).
      if (duplicates) await io.stderr.write(`pixelaudit: ${duplicates} results appeared in more than one file and were counted once (overlapping shards?)\n`);
      if (sharedSource) await io.stderr.write(`pixelaudit: ${sharedSource} results share their source with a different message and were counted apart (folders scanned with relative paths?)\n`);
      const summary = aggregate.build();
      try {
        await outputs.end(summary, kept);
      } finally {
        await outputs.close();
      }
      if (flags.tablesDir && summary.study) {
        const written = exportTables(summary.study, flags.tablesDir);
        await io.stderr.write(`pixelaudit: wrote ${written.length} table files to ${flags.tablesDir}\n`);
      }
      setExit(duplicates ? EXIT_ERROR : EXIT_OK);
    });
}

/**
 * What tells one message's result from another's: its source and the headers it was read with
 * (Message-ID, date, subject, sender, as the scan wrote them, masked alike when redacted). The
 * same message scanned by two overlapping shards gives the same key; two different messages
 * that share a relative path do not, unless every one of these headers is the same too.
 */
function messageKey(r: MessageResult): string {
  return JSON.stringify([r.source, r.messageIdHeader, r.date, r.subject, r.from]);
}
