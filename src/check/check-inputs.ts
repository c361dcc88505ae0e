import { stat } from 'node:fs/promises';
import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { UsageError } from '../errors.js';
import { Walker } from '../input/walk.js';
import { MAIL_EXTENSIONS, TEMPLATE_EXTENSIONS } from './template-syntax.js';

/** A file to check, or one that could not be read. */
export type CheckInput = { file: string; failed?: undefined } | { file: string; failed: string };

/**
 * The files named by `check`'s arguments: a file as named (whatever its extension), a folder
 * walked by the scan's walker (links followed once, loops and second names skipped, dot-files
 * left out) keeping the template and .eml extensions, and a glob (quoted, for CI: `"emails/**"`)
 * expanded by tinyglobby. An argument that names nothing is a usage error (exit 2): a CI job
 * with a mistyped path must not pass with nothing checked.
 */
export async function checkInputs(args: string[], cwd: string): Promise<CheckInput[]> {
  const walker = new Walker();
  const out: CheckInput[] = [];
  const wanted = new Set([...TEMPLATE_EXTENSIONS, ...MAIL_EXTENSIONS]);
  for (const arg of args) {
    const full = path.resolve(cwd, arg);
    const exists = await stat(full).then(
      () => true,
      () => false,
    );
    const roots = exists || !isDynamicPattern(arg) ? [full] : (await glob(arg, { cwd, absolute: true, dot: false, onlyFiles: true, ignore: ['**/node_modules/**'] })).sort();
    if (roots.length === 0) throw new UsageError(`${arg}: no file matches`);
    for (const root of roots) {
      for await (const entry of walker.walk(root)) {
        const name = display(entry.path, cwd);
        if (entry.type === 'failed') out.push({ file: name, failed: entry.reason });
        else if (entry.type === 'file' && (entry.named || wanted.has(path.extname(entry.path).toLowerCase())) && !entry.path.split(path.sep).includes('node_modules')) out.push({ file: name });
      }
    }
  }
  return out;
}

/** A path as CI shows it: relative to the working folder when below it, with `/`. */
function display(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  return (rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file).split(path.sep).join('/');
}
