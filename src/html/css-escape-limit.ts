import { StageError } from '../engine/stage.js';

/**
 * The most backslashes (CSS escapes) one style sheet or style attribute may hold. The tokenizer
 * reads an escape in about 240 ns, mostly garbage collection, and a run of them is one token: the
 * deadline is ticked between tokens, so 20 MB of `\0` in one identifier, `url()` or string ran
 * 5-7 s past `--message-timeout` with `--jobs 1` (attackP5). Counted before tokenizing, this
 * bounds the longest uninterruptible token to about 25 ms. The corpora's most escaped message has
 * 8 backslashes in all its HTML; icon-font sheets write a few hundred (`content: "\f101"`).
 */
export const MAX_CSS_ESCAPES = 100_000;

/**
 * A CSS text over MAX_CSS_ESCAPES: the message fails with this reason, as a `css` failure
 * wherever the text is read (the cascade reads sheets inside the `html` step).
 */
export class CssEscapeLimitError extends StageError {
  constructor() {
    super('css', new Error(`more than ${MAX_CSS_ESCAPES.toLocaleString('en-US')} backslash escapes in one style sheet or style attribute (one CSS token of them cannot be interrupted by the time budget)`));
    this.name = 'CssEscapeLimitError';
  }
}

/**
 * Throws CssEscapeLimitError for a CSS text with too many backslashes; to be called before any
 * tokenizer runs over it. Texts of at most MAX_CSS_ESCAPES characters are not scanned; longer
 * ones by a native indexOf loop: measured 0.02-0.06 ns a character without a backslash (10 MB),
 * 12-15 ns a backslash at the limit, against the tokenizer's ~240 ns an escape (2026-12-02).
 */
export function checkCssEscapes(css: string): void {
  if (css.length <= MAX_CSS_ESCAPES) return;
  let count = 0;
  for (let i = css.indexOf('\\'); i !== -1; i = css.indexOf('\\', i + 1)) {
    if (++count > MAX_CSS_ESCAPES) throw new CssEscapeLimitError();
  }
}
