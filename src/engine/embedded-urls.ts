const SCHEME_CHAR = /[a-z0-9+.-]/i;
const URL_END = /[\s"'<>]/;
const ESCAPED_END = new Set(['%22', '%27', '%3c', '%3e']);
const escapedEnd = (text: string, i: number): boolean => text.charCodeAt(i) === 37 && ESCAPED_END.has(text.slice(i, i + 3).toLowerCase());

/**
 * `text` with each URL inside it (`scheme://...` up to a space, a quote or an angle bracket)
 * replaced by `redact(url)`: a failure reason can quote one (`unknown charset
 * "https://x.example/?t=<token>"`). One pass: each `://` is found once, and its scheme walked
 * back to at most the end of the URL before (a regex starting at every letter was quadratic).
 */
export function replaceEmbeddedUrls(text: string, redact: (url: string) => string): string {
  let out = '';
  let from = 0;
  for (let sep = text.indexOf('://'); sep !== -1; sep = text.indexOf('://', Math.max(sep + 3, from))) {
    let start = sep;
    while (start > from && SCHEME_CHAR.test(text[start - 1])) start--;
    if (start === sep) continue;
    let end = sep + 3;
    // An escaped quote or angle bracket ends it too: a data: document writes its attributes so (`href=%22https://...%22`).
    while (end < text.length && !URL_END.test(text[end]) && !escapedEnd(text, end)) end++;
    out += text.slice(from, start) + redact(text.slice(start, end));
    from = end;
  }
  return from === 0 ? text : out + text.slice(from);
}
