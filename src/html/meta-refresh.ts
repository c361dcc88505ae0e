/**
 * The URL of `<meta http-equiv=refresh content="5; url=...">`, by the HTML standard's shared
 * declarative refresh steps (§4.2.5.3). A browser navigates there after the delay; a mail client
 * does not, so the extraction reports it as a kind of its own that is not a load.
 */

const isSpace = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d;
const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/** The URL string (not yet parsed) and its offset in `input`, or undefined for none (a reload of the same page) or a failure. */
export function refreshUrl(input: string): { url: string; offset: number } | undefined {
  let p = 0;
  const at = (): number => input.charCodeAt(p);
  const skipSpace = (): void => {
    while (p < input.length && isSpace(at())) p++;
  };
  skipSpace();
  const timeStart = p;
  while (isDigit(at())) p++;
  if (p === timeStart && at() !== 0x2e /* . */) return undefined;
  while (isDigit(at()) || at() === 0x2e) p++;
  if (p < input.length) {
    if (!(at() === 0x3b /* ; */ || at() === 0x2c /* , */ || isSpace(at()))) return undefined;
    skipSpace();
    if (at() === 0x3b || at() === 0x2c) p++;
    skipSpace();
  }
  if (p >= input.length) return undefined;
  // From here the URL is the rest, unless an `url=` prefix (and a quote) comes first.
  let urlStart = p;
  const letter = (lower: number): boolean => (at() | 0x20) === lower;
  if (letter(0x75 /* u */)) {
    p++;
    if (letter(0x72 /* r */)) {
      p++;
      if (letter(0x6c /* l */)) {
        p++;
        skipSpace();
        if (at() === 0x3d /* = */) {
          p++;
          skipSpace();
          urlStart = p;
        }
      }
    }
  }
  let end = input.length;
  if (urlStart === p) {
    // "Skip quotes": reached with `url=` consumed, or directly when the rest does not start with `u`.
    const quote = input[p];
    if (quote === '"' || quote === "'") {
      p++;
      urlStart = p;
      const close = input.indexOf(quote, p);
      if (close !== -1) end = close;
    }
  }
  return { url: input.slice(urlStart, end), offset: urlStart };
}
