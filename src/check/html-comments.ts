/** An HTML comment: `<!--` at start, `-->` ending at end; its text between. */
export interface HtmlComment {
  start: number;
  end: number;
  textStart: number;
  textEnd: number;
}

/**
 * The comments of an HTML text, found by the tokenizer's rule for the ordinary case (`<!--` to
 * the next `-->`), in one pass. Used for pixelaudit's own comments and comment placeholders;
 * the masked text is searched, so a `<!--` inside a template expression does not count.
 */
export function htmlComments(html: string): HtmlComment[] {
  const out: HtmlComment[] = [];
  for (let i = html.indexOf('<!--'); i !== -1; ) {
    const close = html.indexOf('-->', i + 4);
    if (close === -1) break;
    out.push({ start: i, end: close + 3, textStart: i + 4, textEnd: close });
    i = html.indexOf('<!--', close + 3);
  }
  return out;
}
