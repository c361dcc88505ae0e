import type { FormatterFactory } from './formatter.js';
import { safeJson } from './safe-text.js';

/** One JSON object per message, written as each message is done; `pixelaudit report` can merge these. */
export const jsonlFormatter: FormatterFactory = () => ({
  keepsResults: false,
  message: (result) => `${safeJson(result)}\n`,
  end: () => '',
});
