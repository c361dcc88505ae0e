import { fromMessageResult } from './ci/ci-item.js';
import { renderSarif } from './ci/sarif.js';
import type { FormatterFactory } from './formatter.js';

/** SARIF 2.1.0 for code scanning (GitHub, GitLab, Azure DevOps): one log when the run ends. */
export const sarifFormatter: FormatterFactory = (ctx) => ({
  keepsResults: true,
  end: (summary, results) => renderSarif(results.map(fromMessageResult), { baseDir: ctx.baseDir, unredacted: summary.unredacted === true }),
});
