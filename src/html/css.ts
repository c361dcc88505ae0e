import { tokenizer, TokenType } from '@csstools/css-tokenizer';
import { asciiLower, isBlank, parseDeclarations, winners, type PropertyFilter } from './css-declarations.js';
import { TextKeyedCache } from './text-keyed-cache.js';
import { checkCssEscapes } from './css-escape-limit.js';

/**
 * The declared value of each property of an inline `style` attribute, read by CSS Syntax (see
 * `parseDeclarations`): names lower-cased, values normalised as `Declaration.value` says, and
 * per property the declaration that wins inside the attribute (the last, unless an earlier one
 * is `!important`). `want` limits it to the properties a caller reads.
 */
export function parseStyle(style: string, want?: PropertyFilter): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, d] of winners(parseDeclarations(style, want))) out.set(name, d.value);
  return out;
}

// CSS absolute lengths in px (CSS Values 4: 1in = 96px = 2.54cm = 72pt = 6pc = 101.6Q).
const PX_PER: Record<string, number> = { px: 1, pt: 96 / 72, pc: 16, in: 96, cm: 96 / 2.54, mm: 96 / 25.4, q: 96 / 101.6 };

/**
 * A CSS length in px when it is one absolute length token (`1px`, `1E1px`, `+1px`, `.5px`,
 * `1pt`, `1in`) or a bare number (`1`, `0`: the unitless-length quirk, and how dimension
 * attributes were read), read by the CSS tokenizer; undefined for %, auto, em, calc() and junk.
 */
export function cssPixels(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  // The same few lengths (`0`, `1px`, `600px`) are read again and again.
  return PIXELS.get(value, readPixels);
}

const PIXELS = new TextKeyedCache<number | undefined>({ maxChars: 320_000, maxEntries: 10_000, maxKeyChars: 32 });

export function clearPixelCache(): void {
  PIXELS.clear();
}

function readPixels(value: string): number | undefined {
  // Streamed: a second token ends the answer, so a long junk value is not read to its end.
  checkCssEscapes(value);
  const t = tokenizer({ css: value }, { onParseError: () => undefined });
  let found: number | undefined;
  while (!t.endOfFile()) {
    const token = t.nextToken();
    if (token[0] === TokenType.EOF) break;
    if (isBlank(token[0])) continue;
    if (found !== undefined) return undefined;
    if (token[0] === TokenType.Number) found = token[4].value;
    else if (token[0] === TokenType.Dimension) {
      const per = PX_PER[asciiLower(token[4].unit)];
      if (per === undefined) return undefined;
      found = token[4].value * per;
    } else return undefined;
  }
  return found;
}

export { cssUrls, type CssUrl, type CssUrlOptions } from './css-urls.js';
