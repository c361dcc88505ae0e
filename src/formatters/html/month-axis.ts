import type { StudyTables } from '../../stats/study.js';

type Month = StudyTables['months'][number];

/** The first month drawn: before it, a date is more likely a broken clock or a forged header than mail (and V8 used to read year 0001 as 2001). */
export const FIRST_MONTH = '1990-01';

/** The months of the chart and its table, and what was left out of them. */
export interface MonthAxis {
  /** Every month from the first dated one to the last, in order; a month without mail has 0 messages. */
  months: Month[];
  /** Messages whose date is before FIRST_MONTH, more than a year after `now`, or not a plain year-month (`+275760-09`). */
  outOfRange: number;
  /** Messages with no date at all. */
  undated: number;
}

const key = (year: number, month: number): string => `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;

/**
 * A time axis for the month chart: the study lists only months with mail, so drawn as categories
 * 2021-02 sat next to 2024-01 and the MPP line fell between them. Months between are filled with
 * zero; dates outside FIRST_MONTH .. now + 1 year are counted, not stretched into the axis (one
 * message dated 0001 would make 24,000 empty months).
 */
export function monthAxis(rows: readonly Month[], now: Date): MonthAxis {
  const last = key(now.getUTCFullYear() + 1, now.getUTCMonth() + 1);
  let outOfRange = 0;
  let undated = 0;
  const inRange = new Map<string, Month>();
  for (const r of rows) {
    if (r.month === '(no date)') undated += r.messages;
    else if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(r.month) || r.month < FIRST_MONTH || r.month > last) outOfRange += r.messages;
    else inRange.set(r.month, r);
  }
  const keys = [...inRange.keys()].sort();
  const months: Month[] = [];
  if (keys.length) {
    let [y, m] = keys[0].split('-').map(Number);
    const end = keys[keys.length - 1];
    for (let k = key(y, m); k <= end; k = key(y, m)) {
      months.push(inRange.get(k) ?? { month: k, messages: 0, tracked: 0, share: 0, note: 'no mail' });
      if (++m > 12) [y, m] = [y + 1, 1];
    }
  }
  return { months, outOfRange, undated };
}
