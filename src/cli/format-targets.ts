import { fstatSync } from 'node:fs';
import { UsageError } from '../errors.js';
import { identityOfStats, placeOf, sameIdentity, statIfExists } from '../output/file-identity.js';
import { guardReportOutput } from '../output/guard-report-output.js';
import { visible } from '../formatters/safe-text.js';

/** One requested output: a format, and the file it goes to (undefined: standard output). */
export interface FormatTarget {
  format: string;
  file?: string;
}

/**
 * The parser of a repeatable `-f, --format NAME[:FILE]` for commander: `-f sarif:out.sarif
 * -f github` asks for two outputs. The name ends at the first colon (no format name holds one),
 * so a file name may hold colons. `refused` names formats the command knows of but cannot write,
 * each with the reason shown.
 */
export function formatSpec(names: readonly string[], refused: Readonly<Record<string, string>> = {}) {
  return (value: string, previous: FormatTarget[] | undefined): FormatTarget[] => {
    const colon = value.indexOf(':');
    const format = colon < 0 ? value : value.slice(0, colon);
    const file = colon < 0 ? undefined : value.slice(colon + 1);
    // A format of another command (`check -f html`) gets its reason, not "unknown format".
    if (Object.hasOwn(refused, format)) throw new UsageError(`-f ${format}: ${refused[format]} (choose from ${names.join(', ')})`);
    if (!names.includes(format)) throw new UsageError(`-f/--format: unknown format "${visible(format)}" (choose from ${names.join(', ')})`);
    if (file === '') throw new UsageError(`-f ${format}: give a file after the colon, or leave the colon out for standard output`);
    return [...(previous ?? []), { format, ...(file === undefined ? {} : { file }) }];
  };
}

/** A file a run writes besides its reports, named in messages as `name` (`--write-baseline`). */
export interface AlsoWritten {
  name: string;
  file: string;
}

/**
 * The outputs of a run (`fallback` when no -f is given), checked before any work: `-o FILE` is where the one format without a
 * file of its own goes; at most one output is left for standard output; no two outputs land on
 * one file (by the place the OS would write, and by identity for a file that exists, so a hard
 * link or a symlink to another output is caught); and each file passes the checks every report
 * file passes (never an input or inside an input folder: guardReportOutput).
 */
export function resolveTargets(given: readonly FormatTarget[] | undefined, fallback: string, outputGiven: string | undefined, inputs: readonly string[], also: readonly AlsoWritten[] = []): FormatTarget[] {
  // No default in commander: a default there would be kept beside the first -f given.
  // A file that is this process's standard output (`-f sarif:/dev/stdout`) is standard output: it
  // is written as stdout is, so a second output there is refused and a closed pipe ends the run
  // quietly, as `| head` does (main.ts), instead of two formats mixing on one stream.
  const output = outputGiven !== undefined && isStandardOutput(outputGiven) ? undefined : outputGiven;
  const requested = (given?.length ? given : [{ format: fallback }]).map((t) => (t.file !== undefined && isStandardOutput(t.file) ? { format: t.format } : t));
  const bare = requested.filter((t) => t.file === undefined);
  if (bare.length > 1) throw new UsageError(`-f: only one format can go to ${output === undefined ? 'standard output' : '-o'} (${bare.map((t) => t.format).join(', ')}); give the others a file: -f ${bare[1].format}:FILE`);
  if (output !== undefined && bare.length === 0) throw new UsageError(`-o ${visible(output)}: every -f names its own file; leave -o out, or drop the file of one -f`);
  const targets = requested.map((t) => (t.file === undefined && output !== undefined ? { format: t.format, file: output } : { ...t }));
  // Other files the run writes (check's --write-baseline) pass the same checks, under their own name.
  const files = [...targets.filter((t): t is Required<FormatTarget> => t.file !== undefined).map((t) => ({ name: `-f ${t.format}`, file: t.file })), ...also];
  const places = files.map((t) => placeOf(t.file));
  for (let i = 0; i < files.length; i++) {
    for (let j = 0; j < i; j++) {
      const a = places[i];
      const b = places[j];
      const same = a.final === b.final || (a.existing !== undefined && b.existing !== undefined && sameIdentity(identityOfStats(a.existing), identityOfStats(b.existing)));
      if (same) throw new UsageError(`${files[j].name} and ${files[i].name} would both write ${visible(files[i].file)}`);
    }
  }
  for (const t of files) guardReportOutput(t.file, inputs);
  return targets;
}

/** Whether `file` is, by device and inode, what file descriptor 1 is now (`/dev/stdout`, `/proc/self/fd/1`, the terminal or pipe it names). */
function isStandardOutput(file: string): boolean {
  const here = statIfExists(file);
  if (!here) return false;
  try {
    return sameIdentity(identityOfStats(here), identityOfStats(fstatSync(1, { bigint: true })));
  } catch {
    return false;
  }
}
