/**
 * The Date header field as an ISO string, or null when it is not a date. `new Date()` reads RFC
 * 5322 dates, but V8's legacy parser takes a year under 100 for a two-digit one and adds 1900 or
 * 2000, even when it is written with four digits: `Mon, 01 Jan 0001` became 2001-01-01, a date
 * that looks real. RFC 5322 writes the year with four or more digits (two or three only in the
 * obsolete syntax, which keeps the parser's reading), so a year written so is kept as written:
 * the report then counts it as out of range instead of placing it in 2001.
 */
export function headerDate(value: string): string | null {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return null;
  const written = /\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{4})\b/i.exec(value);
  if (written) {
    // A zone can move the instant across New Year (31 Dec 2020 23:00 -0500 is 2021 in UTC): only a
    // difference of more than a year is the parser's century guess.
    const diff = Number(written[1]) - date.getUTCFullYear();
    if (Math.abs(diff) > 1) date.setUTCFullYear(date.getUTCFullYear() + diff);
  }
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
