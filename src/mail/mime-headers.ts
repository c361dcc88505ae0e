import libmime from 'libmime';

/** The message's deadline, as the readers that run long see it. */
export interface Ticker {
  tick(): void;
}

/**
 * A raw MIME header block as a map of lower-case names to unfolded values (first occurrence
 * wins). Parsing stops if the first line is not a header: then there is no header block.
 * `ticker` is ticked per line.
 */
export function parseHeaderBlock(block: string, ticker?: Ticker): Map<string, string> {
  const headers = new Map<string, string>();
  let lastKey: string | null = null;
  for (const line of block.split(/\r?\n/)) {
    ticker?.tick();
    if (/^[ \t]/.test(line) && lastKey) {
      headers.set(lastKey, `${headers.get(lastKey)} ${line.trim()}`);
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) {
      if (lastKey === null) break;
      continue;
    }
    lastKey = line.slice(0, colon).trim().toLowerCase();
    if (!headers.has(lastKey)) headers.set(lastKey, line.slice(colon + 1).trim());
  }
  return headers;
}

/** Whether a Content-Transfer-Encoding leaves the body as it is (an attached message then reads as text). */
export function isIdentityEncoding(encoding: string): boolean {
  const e = encoding.trim().toLowerCase();
  return e === '' || e === '7bit' || e === '8bit' || e === 'binary';
}

/**
 * A parameter of a structured header value (`boundary`, `charset`), unquoted, read by libmime as
 * mailsplit reads it: RFC 2231 continuations (`boundary*0="bo"; boundary*1="und"`) and the
 * `charset'lang'value` form joined and decoded, as Thunderbird, Apple Mail and Dovecot's
 * BODYSTRUCTURE read them (a regex for `boundary=` alone found none, and failed such mail).
 */
export function headerParam(value: string, name: string): string | undefined {
  const params = libmime.parseHeaderValue(value).params as Record<string, string | undefined>;
  return params[name.toLowerCase()];
}
