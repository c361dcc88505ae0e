import { Command } from 'commander';
import { entryExists } from '../../output/file-identity.js';
import { cleanPath, shortReason, type CleanTotals } from '../../clean/clean-inputs.js';
import { checkCleanTarget } from '../../output/clean-target.js';
import { removePendingTemps, removeTempDir, trackTempDir, untrackTempDir } from '../../output/pending-writes.js';
import { tempPathBeside } from '../../output/temp-path.js';
import { fsyncFolderOf } from '../../output/fsync-folder.js';
import { outputError } from '../../output/output-error.js';
import { createDetector } from '../../engine/detector.js';
import { EXIT_ERROR, EXIT_OK } from '../../exit-codes.js';
import { UsageError } from '../../errors.js';
import type { Io } from '../io.js';
import { collect, positiveNumber } from '../options.js';
import { existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { visible } from '../../formatters/safe-text.js';

export function cleanCommand(io: Io, setExit: (code: number) => void): Command {
  return new Command('clean')
    .description('write a copy of .eml, mbox or maildir/folder input with tracking resources made inert and tracked links unwrapped')
    .argument('<input>', 'an .eml file, an mbox file, or a folder (maildir included)')
    .requiredOption('-o, --output <path>', 'where the cleaned copy goes (never the input)')
    .option('--force', 'replace an existing output')
    .option('--me <address>', 'your address, looked for in URLs (repeatable)', collect)
    .option('--rules <path>', 'extra tracker data (repeatable)', collect)
    .option('--disable <id>', 'leave out a vendor or pattern id (repeatable)', collect)
    .option('--max-message-size <MB>', 'larger messages are copied unchanged and listed as failed', positiveNumber('--max-message-size'), 32)
    .action(async (input: string, flags: { output: string; force?: boolean; me?: string[]; rules?: string[]; disable?: string[]; maxMessageSize: number }) => {
      if (!existsSync(input)) throw new UsageError(`${input}: no such file or folder`);
      const target = checkCleanTarget(input, flags.output, Boolean(flags.force));
      const detector = createDetector({ me: flags.me, redact: false, extra: flags.rules, disable: flags.disable });
      const totals: CleanTotals = { messages: 0, changed: 0, resources: 0, links: 0, failed: [] };
      // A new output folder is built beside its place and renamed there whole on success: a run that
      // fails or is stopped leaves no partial tree for the next run to refuse as existing. Over an
      // existing folder (--force) the files are replaced one by one, as before.
      const building = statSync(input).isDirectory() && !entryExists(target) ? tempPathBeside(target) : undefined;
      try {
        if (building) {
          trackTempDir(building);
          try {
            mkdirSync(building, { recursive: true });
          } catch (error) {
            throw outputError(flags.output, error);
          }
        }
        await cleanPath(input, building ?? target, detector, totals, { maxMessageBytes: flags.maxMessageSize * 1024 * 1024 });
        if (building) {
          try {
            renameSync(building, target);
          } catch (error) {
            throw outputError(flags.output, error);
          }
          untrackTempDir(building);
          fsyncFolderOf(target);
        }
      } catch (error) {
        // A file whose write was cut short by the failure is still a temporary file: drop it, and the unfinished copy folder.
        if (building) removeTempDir(building);
        removePendingTemps();
        throw error;
      }
      for (const f of totals.failed) {
        const copy = f.stillTracked ? ` (${f.stillTracked.copy})` : f.reason.endsWith('(not copied)') ? '' : ' (copied unchanged)';
        await io.stderr.write(`pixelaudit: ${visible(f.source)}: ${visible(shortReason(f.reason))}${copy}\n`);
      }
      const stillTracked = totals.failed.filter((f) => f.stillTracked).length;
      const n = (count: number, one: string): string => `${count} ${one}${count === 1 ? '' : 's'}`;
      for (const line of skippedLines(totals.skipped ?? [])) await io.stderr.write(`pixelaudit: ${visible(line)}\n`);
      await io.stderr.write(
        `pixelaudit: cleaned ${totals.changed} of ${n(totals.messages, 'message')} into ${visible(flags.output)}: ` +
          `${n(totals.resources, 'tracking resource')} replaced, ${n(totals.links, 'tracked link')} unwrapped; ` +
          `${totals.messages - totals.changed - totals.failed.length} unchanged, ${totals.failed.length - stillTracked} unreadable, ${stillTracked} still tracked\n`,
      );
      setExit(totals.failed.length ? EXIT_ERROR : EXIT_OK);
    });
}

/** Files that are not in the copy as cleaned mail, grouped by reason with the first few named: none passes silently. */
function skippedLines(skipped: NonNullable<CleanTotals['skipped']>): string[] {
  const groups = new Map<string, string[]>();
  for (const s of skipped) {
    const key = `${s.outcome}, ${s.reason}`;
    const files = groups.get(key) ?? [];
    files.push(s.detail ? `${s.source} (${s.detail})` : s.source);
    groups.set(key, files);
  }
  return [...groups].map(([key, files]) => {
    const shown = files.slice(0, 3).join(', ') + (files.length > 3 ? `, and ${files.length - 3} more` : '');
    return `${files.length} file${files.length === 1 ? '' : 's'} ${key}: ${shown}`;
  });
}
