import { fromMessageResult } from './ci/ci-item.js';
import { renderJunit } from './ci/junit.js';
import type { FormatterFactory } from './formatter.js';

/** JUnit XML for GitLab's and Jenkins's test reports: one document when the run ends. */
export const junitFormatter: FormatterFactory = () => ({
  keepsResults: true,
  end: (summary, results) => renderJunit(results.map(fromMessageResult), { unredacted: summary.unredacted === true }),
});
