import type { FormatterFactory } from './formatter.js';
import { safeJson } from './safe-text.js';

/** The marker of the closing line, which is not a message: the files passed over, for `report`. */
export const SKIPPED_LINE = 'skipped-files';

/**
 * One JSON object per message, written as each message is done; `pixelaudit report` can merge
 * these. When files were passed over (README files, links read already...), one closing line
 * `{"pixelaudit":"skipped-files",...}` says which, so that a merged report counts them too.
 * The same line carries `redacted: false` for a scan with `--no-redact` (and is then written even
 * when no file was passed over), so that `report` can say the addresses in it are not hidden. A
 * file without that line was redacted (the default), or was written before the flag existed.
 */
export const jsonlFormatter: FormatterFactory = () => ({
  keepsResults: false,
  message: (result) => `${safeJson(result)}\n`,
  end: (summary) =>
    summary.skippedFiles > 0 || summary.unredacted ? `${safeJson({ pixelaudit: SKIPPED_LINE, skippedFiles: summary.skippedFiles, skipped: summary.skipped, skippedReasons: summary.skippedReasons, redacted: !summary.unredacted })}\n` : '',
});
