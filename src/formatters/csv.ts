import type { MessageResult } from '../types.js';
import type { FormatterFactory } from './formatter.js';
import { visible } from './safe-text.js';

const COLUMNS = ['source', 'messageIdHeader', 'from', 'date', 'subject', 'tracked', 'linkTracked', 'addressLeak', 'readReceipt', 'platform', 'resources', 'findings', 'vendors', 'rules', 'error'] as const;

function row(r: MessageResult): string[] {
  const tracking = r.findings.filter((f) => f.tracking);
  return [
    r.source,
    r.messageIdHeader ?? '',
    r.from ?? '',
    r.date ?? '',
    r.subject ?? '',
    String(r.tracked),
    String(r.linkTracked),
    String(r.addressLeak),
    String(r.readReceipt),
    r.platform ?? '',
    String(r.resources),
    String(tracking.length),
    [...new Set(tracking.map((f) => f.vendorName).filter(Boolean))].join('; '),
    [...new Set(r.findings.map((f) => f.ruleId))].join('; '),
    r.error ?? '',
  ];
}

/** RFC 4180: quote fields with commas, quotes or line breaks; neutralise spreadsheet formulas; controls shown as escapes. */
export function csvField(value: string): string {
  const shown = visible(value);
  const safe = /^[=+\-@\t\r]/.test(shown) ? `'${shown}` : shown;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const csvFormatter: FormatterFactory = () => ({
  keepsResults: false,
  begin: () => `${COLUMNS.join(',')}\r\n`,
  message: (r) => `${row(r).map(csvField).join(',')}\r\n`,
  end: () => '',
});
