import { TokenType, type CSSToken } from '@csstools/css-tokenizer';
import { asciiLower, cssTokens } from './css-declarations.js';

/** One top-level function of a value: `scale(0, 1)` is `scale` with the arguments `[0]`, `[1]`. */
export interface CssFunction {
  readonly name: string;
  /** Arguments split at top-level commas (and, where there is no comma, at blanks): each a list of tokens. */
  readonly args: ReadonlyArray<readonly CSSToken[]>;
  /** The same arguments split at blanks and commas alike: `inset(0 0 50%)` has three. */
  readonly words: ReadonlyArray<readonly CSSToken[]>;
}

// Past this many tokens a value is not read (the caller treats it as having no effect).
const MAX_TOKENS = 400;

/**
 * The value's top-level components: functions with their arguments, and idents as functions
 * without any; undefined when anything else stands at the top level or the value is too long.
 */
export function topLevelFunctions(value: string): CssFunction[] | undefined {
  const tokens = cssTokens(value);
  if (tokens.length > MAX_TOKENS) return undefined;
  const out: CssFunction[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t[0] === TokenType.Whitespace || t[0] === TokenType.Comment) continue;
    if (t[0] === TokenType.Ident) {
      out.push({ name: asciiLower(t[4].value), args: [], words: [] });
      continue;
    }
    if (t[0] !== TokenType.Function) return undefined;
    const args: CSSToken[][] = [[]];
    const words: CSSToken[][] = [[]];
    let depth = 1;
    let j = i + 1;
    for (; j < tokens.length; j++) {
      const u = tokens[j];
      if (u[0] === TokenType.Function || u[0] === TokenType.OpenParen) depth++;
      else if (u[0] === TokenType.CloseParen && --depth === 0) break;
      if (depth === 1 && u[0] === TokenType.Comma) {
        args.push([]);
        words.push([]);
        continue;
      }
      if (depth === 1 && (u[0] === TokenType.Whitespace || u[0] === TokenType.Comment)) {
        if (words[words.length - 1].length) words.push([]);
        continue;
      }
      args[args.length - 1].push(u);
      words[words.length - 1].push(u);
    }
    i = j;
    const nonEmpty = (list: CSSToken[][]) => list.filter((a) => a.length > 0);
    out.push({ name: asciiLower(t[4].value), args: nonEmpty(args), words: nonEmpty(words) });
  }
  return out;
}

/** A number token's value, or a percentage's as a fraction (`50%` is 0.5); undefined for anything else. */
export function numberOf(arg: readonly CSSToken[] | undefined): number | undefined {
  if (!arg || arg.length !== 1) return undefined;
  const t = arg[0];
  if (t[0] === TokenType.Number) return t[4].value;
  if (t[0] === TokenType.Percentage) return t[4].value / 100;
  return undefined;
}

const TURN: Record<string, number> = { deg: 360, grad: 400, rad: 2 * Math.PI, turn: 1 };

/** An angle in radians (a unitless 0 too), or undefined. */
export function angleOf(arg: readonly CSSToken[] | undefined): number | undefined {
  if (!arg || arg.length !== 1) return undefined;
  const t = arg[0];
  if (t[0] === TokenType.Number && t[4].value === 0) return 0;
  if (t[0] !== TokenType.Dimension) return undefined;
  const per = TURN[asciiLower(t[4].unit)];
  return per === undefined ? undefined : (t[4].value / per) * 2 * Math.PI;
}
