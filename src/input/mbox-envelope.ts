/**
 * Whether a `From ` line is an mbox envelope: a sender (optional) and a ctime-style date, the
 * rule of mutt's `is_from` (from.c). Real writers it accepts:
 *   From user@host Thu Mar  3 10:00:00 2005                         (classic, sendmail, procmail)
 *   From - Sat Jan  3 01:05:34 1996                                 (Thunderbird, Netscape)
 *   From 1781234567890123456@xxx Mon Jan 01 00:00:00 +0000 2024     (Google Takeout)
 *   From me at mutt.org  Wed Aug  2 00:39:12 MET DST 1995           (pipermail, two zones)
 *   From user@host Thu, 03 Mar 2005 10:00:00 +0000                  (exporters that write a Date: value)
 * A body line such as "From the start of a line" has no date and is not one. Written as a
 * tokenizer over words (each step moves forward), so the cost is linear in the line.
 */
export function isEnvelope(line: string): boolean {
  if (!line.startsWith('From ')) return false;
  const end = line.length;
  let i = skipBlanks(line, 5);
  if (i >= end) return false;
  if (!isDayName(line, i)) {
    // The sender: up to a blank outside quotes, `\` escaping one character.
    let quoted = false;
    let p = i;
    for (; p < end && (quoted || !isBlank(line.charCodeAt(p))); p++) {
      const c = line.charCodeAt(p);
      if (c === 0x5c) {
        if (++p >= end) return false;
      } else if (c === 0x22) quoted = !quoted;
    }
    if (quoted || p >= end) return false;
    // pipermail obscures the sender as "me at mutt.org".
    if (line.slice(p, p + 4).toLowerCase() === ' at ') {
      p = line.indexOf(' ', p + 4);
      if (p === -1) return false;
    }
    i = skipBlanks(line, p + 1);
    if (i >= end) return false;
    // Some exporters write the date as in a Date: header; mutt does not take it, real files have it.
    if (!isDayName(line, i)) return isHeaderStyleDate(line, i);
  }
  i = nextWord(line, i);
  // A sender named like a weekday ("From Fri Mon Jan ..."): the second word is the day.
  if (i < end && isDayName(line, i)) i = nextWord(line, i);
  if (i >= end || !isMonth(line, i)) return false;
  i = nextWord(line, i);
  const day = digits(line, i);
  if (day.count === 0 || day.count > 2 || day.value < 1 || day.value > 31) return false;
  i = nextWord(line, i);
  if (!isTime(line, i)) return false;
  i = nextWord(line, i);
  if (i >= end) return false;
  // Zero, one or two time-zone words ("+0000", "PST", "MET DST") before the year.
  if (isLetter(line.charCodeAt(i)) || line[i] === '+' || line[i] === '-') {
    i = nextWord(line, i);
    if (i < end && isLetter(line.charCodeAt(i))) i = nextWord(line, i);
  }
  const year = digits(line, i);
  return year.count === 2 || year.count === 4;
}

const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0d;
}

function isLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

function skipBlanks(s: string, i: number): number {
  while (i < s.length && isBlank(s.charCodeAt(i))) i++;
  return i;
}

/** The start of the word after the one at i. */
function nextWord(s: string, i: number): number {
  while (i < s.length && !isBlank(s.charCodeAt(i))) i++;
  return skipBlanks(s, i);
}

/** Three letters naming a weekday, then a blank (as mutt's is_day_name). */
function isDayName(s: string, i: number): boolean {
  return i + 3 < s.length && isBlank(s.charCodeAt(i + 3)) && DAYS.includes(s.slice(i, i + 3).toLowerCase());
}

function isMonth(s: string, i: number): boolean {
  return MONTHS.includes(s.slice(i, i + 3).toLowerCase());
}

function digits(s: string, i: number): { count: number; value: number } {
  let count = 0;
  let value = 0;
  while (i + count < s.length && count < 9) {
    const c = s.charCodeAt(i + count);
    if (c < 0x30 || c > 0x39) break;
    value = value * 10 + (c - 0x30);
    count++;
  }
  return { count, value };
}

/** `Thu, 3 Mar 2005 10:00:00 +0000` (weekday optional, zone optional), as in a Date: header. */
function isHeaderStyleDate(s: string, i: number): boolean {
  if (i + 3 < s.length && s[i + 3] === ',' && DAYS.includes(s.slice(i, i + 3).toLowerCase())) i = skipBlanks(s, i + 4);
  const day = digits(s, i);
  if (day.count === 0 || day.count > 2 || day.value < 1 || day.value > 31 || !isBlank(s.charCodeAt(i + day.count))) return false;
  i = nextWord(s, i);
  if (!isMonth(s, i) || !isBlank(s.charCodeAt(i + 3))) return false;
  i = nextWord(s, i);
  const year = digits(s, i);
  if (year.count !== 4 || !isBlank(s.charCodeAt(i + 4))) return false;
  return isTime(s, nextWord(s, i));
}

/** HH:MM or HH:MM:SS. */
function isTime(s: string, i: number): boolean {
  const h = digits(s, i);
  if (h.count === 0 || h.count > 2 || h.value > 23 || s[i + h.count] !== ':') return false;
  i += h.count + 1;
  const m = digits(s, i);
  if (m.count !== 2 || m.value > 59) return false;
  i += 2;
  if (s[i] !== ':') return i >= s.length || isBlank(s.charCodeAt(i));
  const sec = digits(s, i + 1);
  return sec.count === 2 && sec.value <= 60;
}

/**
 * Netscape and Thunderbird write `From - ` and a date, or nothing at all (Netscape 3), often
 * with no blank line before it, and quote every `From ` line of a body when they store it: the
 * `-` sender is their mark (no MTA writes it), so such a line is a separator wherever it stands.
 */
export function isMozillaEnvelope(line: string): boolean {
  if (!line.startsWith('From - ')) return false;
  return line.slice(7).trim() === '' || isEnvelope(line);
}
