/** Exit codes, as written in `--help` and the README. */
export const EXIT_OK = 0;
/** Findings that the user asked to fail on (`--fail-on tracked`). */
export const EXIT_FINDINGS = 1;
/** Usage, input, configuration, connection or internal error. */
export const EXIT_ERROR = 2;
