import { realpathSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { UsageError } from '../errors.js';
import { isInside, SKIP, Walker } from '../input/walk.js';
import { MAIL_EXTENSIONS, TEMPLATE_EXTENSIONS } from './template-syntax.js';

/** A file to check, or one that could not be read. */
export type CheckInput = { file: string; failed?: undefined } | { file: string; failed: string };

/** A path the walk or a glob met and did not check, and why (a symlink loop, a link out of the project, a broken link). */
export interface SkippedInput {
  file: string;
  reason: string;
  detail?: string;
}

/**
 * The files named by `check`'s arguments: a file as named (whatever its extension), a folder
 * walked by the scan's walker (links followed once, loops and second names skipped, dot-files
 * left out) keeping the template and .eml extensions, and a glob (quoted, for CI: `"emails/**"`)
 * expanded by tinyglobby. Other files a folder walk meets are counted by extension (`notRead`).
 * An argument that names nothing is a usage error (exit 2): a CI job
 * with a mistyped path must not pass with nothing checked.
 *
 * Paths are reported as written or globbed (what CI annotates), except that a file met under
 * several names, one of them through a symlink, is reported under the name without one: that is
 * where it lives in the repository. A symlink found in a folder or by a glob is followed only to
 * a target inside the working folder or the argument's own folder; a link leading out of them,
 * a symlink loop and a broken link are not followed, and are returned as `skipped` so the
 * command says so (never silently).
 */
export async function checkInputs(args: string[], cwd: string): Promise<{ inputs: CheckInput[]; skipped: SkippedInput[]; notRead: Record<string, number> }> {
  const walker = new Walker();
  const out: CheckInput[] = [];
  const skipped: SkippedInput[] = [];
  // Files a folder walk met that are no template check reads, by extension: counted, never silent.
  const notRead: Record<string, number> = {};
  const wanted = new Set([...TEMPLATE_EXTENSIONS, ...MAIL_EXTENSIONS]);
  const project = realpathSync(cwd);
  for (const arg of args) {
    const full = path.resolve(cwd, arg);
    const exists = await stat(full).then(
      () => true,
      () => false,
    );
    const globbed = !exists && isDynamicPattern(arg);
    const roots = globbed ? (await glob(arg, { cwd, absolute: true, dot: false, onlyFiles: true, ignore: ['**/node_modules/**'] })).sort() : [full];
    if (roots.length === 0) throw new UsageError(`${arg}: no file matches`);
    for (const root of roots) {
      const real = realOf(root);
      // A glob result inside the project whose real file is outside it came through a link out of the project.
      if (globbed && real && isInside(root, project) && !isInside(real, project)) {
        skipped.push({ file: display(root, cwd), reason: SKIP.outside, detail: real });
        continue;
      }
      const within = [project, ...(real && !globbed ? [real] : [])];
      for await (const entry of walker.walk(root, within)) {
        const name = display(entry.path, cwd);
        if (entry.type === 'failed') out.push({ file: name, failed: entry.reason });
        else if (entry.type === 'file' && !entry.path.split(path.sep).includes('node_modules')) {
          const ext = path.extname(entry.path).toLowerCase();
          if (entry.named || wanted.has(ext)) out.push({ file: name });
          else notRead[ext || '(none)'] = (notRead[ext || '(none)'] ?? 0) + 1;
        } else if (entry.type === 'skipped' && entry.reason === SKIP.duplicate && entry.detail) preferLinkFree(out, entry.path, entry.detail, cwd, project);
        else if (entry.type === 'skipped' && entry.reason !== SKIP.hidden && entry.reason !== SKIP.duplicate && entry.reason !== SKIP.maildirTmp) {
          skipped.push({ file: name, reason: entry.reason, ...(entry.detail ? { detail: entry.detail } : {}) });
        }
      }
    }
  }
  return { inputs: out, skipped, notRead };
}

/**
 * A file or folder met a second time (`second`) under a name without a symlink in it, after it
 * was read under `first` through one: the inputs read under `first` are renamed to `second`.
 */
function preferLinkFree(out: CheckInput[], second: string, first: string, cwd: string, project: string): void {
  // Judged below the working folder, which may itself lie under a link (macOS's /tmp).
  const linkFree = (p: string): boolean => realOf(p) === path.join(project, path.relative(cwd, p));
  if (!linkFree(second) || linkFree(first)) return;
  const from = display(first, cwd);
  const to = display(second, cwd);
  for (const input of out) {
    if (input.file === from) input.file = to;
    else if (input.file.startsWith(`${from}/`)) input.file = to + input.file.slice(from.length);
  }
}

function realOf(file: string): string | undefined {
  try {
    return realpathSync(file);
  } catch {
    return undefined;
  }
}

/** A path as CI shows it: relative to the working folder when below it, with `/`. */
function display(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  return (rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file).split(path.sep).join('/');
}
