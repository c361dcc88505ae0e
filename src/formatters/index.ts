import type { FormatterFactory } from './formatter.js';

// Loaded lazily so that --format json never loads the table and colour code.
export const FORMATTERS: Record<string, () => Promise<FormatterFactory>> = {
  table: async () => (await import('./table.js')).tableFormatter,
  json: async () => (await import('./json.js')).jsonFormatter,
  jsonl: async () => (await import('./jsonl.js')).jsonlFormatter,
  csv: async () => (await import('./csv.js')).csvFormatter,
  sarif: async () => (await import('./sarif.js')).sarifFormatter,
  github: async () => (await import('./github.js')).githubFormatter,
  junit: async () => (await import('./junit.js')).junitFormatter,
  html: async () => (await import('./html.js')).htmlFormatter,
};

export const FORMAT_NAMES = Object.keys(FORMATTERS);
