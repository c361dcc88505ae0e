import type { AddressFinder } from '../url/address-leak.js';
import { decodedTexts, viewWithMaps, type View } from '../url/decoded-views.js';
import type { Ticker } from '../url/form-matcher.js';

export const ADDRESS_MASK = '[address]';

const NO_TICKER: Ticker = { tick() {} };

/**
 * Replaces every form of the recipient addresses the detector knows (plain in any case, base64,
 * base64url, hex and the hex hashes in any case), found as written or under any mix of
 * percent-encoding rounds, with `[address]`. The views and the forms are the detector's own
 * (`AddressFinder.spans`), so whatever it flags is masked. Stricter than detection on purpose: a
 * form inside a longer run is masked too, since masking a little more never leaks. Linear in
 * the text plus the forms: one pass of one automaton per view (at most five), position maps
 * built only for a view where a form was found; each step ticks the message's deadline.
 */
export function maskAddresses(text: string, finder: AddressFinder, ticker: Ticker = NO_TICKER): string {
  if (finder.empty || text.length < 5) return text;
  const spans: Array<[number, number]> = [];
  const views: View[] = [{ text }];
  decodedTexts(text, ticker).forEach((viewText, k) => {
    const found = finder.spans(viewText, ticker);
    if (found.length === 0) return;
    const { start, end } = viewWithMaps(views, k, ticker);
    for (const [first, last] of found) spans.push([start ? start[first] : first, end ? end[last] : last + 1]);
  });
  if (spans.length === 0) return text;
  spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  let out = '';
  let from = 0;
  for (const [start, end] of spans) {
    if (end <= from) continue; // inside the span masked before
    // A span that overlaps the one before extends its mask; one after it gets its own.
    if (start >= from) out += text.slice(from, start) + ADDRESS_MASK;
    from = end;
  }
  return out + text.slice(from);
}
