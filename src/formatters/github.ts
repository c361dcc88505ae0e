import { fromMessageResult } from './ci/ci-item.js';
import { githubAnnotations, unredactedNotice } from './ci/github.js';
import type { FormatterFactory } from './formatter.js';

/** GitHub Actions workflow commands, written as each message is done (nothing is kept). */
export const githubFormatter: FormatterFactory = (ctx) => ({
  keepsResults: false,
  message: (result) => githubAnnotations(fromMessageResult(result), { baseDir: ctx.baseDir }),
  // Known at the end for `report` (the JSONL's closing line says it), so said there.
  end: (summary) => (summary.unredacted ? unredactedNotice() : ''),
});
