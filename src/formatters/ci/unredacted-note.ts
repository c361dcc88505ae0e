/**
 * What the CI formats say when the results were written with `--no-redact` (a scan, or the
 * JSONL `report` reads, whose closing line says `redacted: false`): addresses, names and tokens
 * are in the output as they are, and a log uploaded to code scanning or kept as a CI artifact
 * must not look like a redacted one. SARIF says it in the run's properties, GitHub in a notice,
 * JUnit in a property of each suite.
 */
export const UNREDACTED_NOTE = 'Not redacted: these results were written with --no-redact; addresses, names and tokens in them are shown as they are. Think before sharing them.';
