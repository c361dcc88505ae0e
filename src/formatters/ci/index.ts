import type { FileResult } from '../../types.js';
import { fromFileResult, type CiItem } from './ci-item.js';
import { githubAnnotations } from './github.js';
import { renderJunit } from './junit.js';
import { renderSarif } from './sarif.js';

/** What the CI formats need besides the items: the checkout that file locations are relative to. */
export interface CiOptions {
  baseDir: string;
  /** The run's exit code, when known as the output is written (SARIF's invocation). */
  exitCode?: number;
}

/** The CI formats by name, over items of either kind: `check` calls these with its FileResults. */
export const CI_FORMATS: Record<'sarif' | 'github' | 'junit', (items: readonly CiItem[], options: CiOptions) => string> = {
  sarif: (items, options) => renderSarif(items, options),
  github: (items, options) => items.map((item) => githubAnnotations(item, options)).join(''),
  junit: (items) => renderJunit(items),
};

/** `check`'s results in a CI format: `renderFileResults('sarif', results, { baseDir: process.cwd() })`. */
export function renderFileResults(format: keyof typeof CI_FORMATS, results: ReadonlyArray<FileResult & { syntax?: string }>, options: CiOptions): string {
  return CI_FORMATS[format](results.map(fromFileResult), options);
}
