import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ValidateFunction } from 'ajv';
import { TrackerDataError } from '../errors.js';
import { PACKAGE_ROOT } from '../package-root.js';
import { schemaProblems } from '../trackers/schema-problems.js';
import generated from './expression-names-validator.generated.js';

const validate = generated as unknown as ValidateFunction;

/** What a template expression in a URL names (rules/templates/expression-names.json). */
export type ExpressionNames = 'address' | 'recipient' | 'content' | 'other';

interface NamesData {
  recipient: { words: string[] };
  address: { words: string[] };
  identifier: { words: string[] };
  content: { words: string[] };
  others: { words: string[] };
  examples: Array<{ expression: string; names: ExpressionNames }>;
}

/** The word lists as sets, and the decision they make. */
export class ExpressionNamer {
  /** Also matched as the start of a longer word (`userid`, `username`); identifier words only as whole words (not `keyword`, `hashtag`). */
  private readonly recipient: string[];
  private readonly address: string[];
  private readonly identifier: Set<string>;
  private readonly content: Set<string>;
  private readonly others: Set<string>;

  constructor(readonly data: NamesData) {
    this.recipient = data.recipient.words;
    this.address = data.address.words;
    this.identifier = new Set(data.identifier.words);
    this.content = new Set(data.content.words);
    this.others = new Set(data.others.words);
  }

  /** What the inside of an expression names, by the rule the data file's description states. */
  names(inner: string): ExpressionNames {
    const w = words(inner);
    // The owner comes first: `author.email_hash` is the author's hash, not the recipient's address.
    if (w.length > 0 && this.others.has(w[0])) return 'other';
    if (w.some((x) => this.address.some((a) => x.startsWith(a) || x.endsWith(a)))) return 'address';
    if (w.some((x) => this.recipient.some((r) => x.startsWith(r)))) return 'recipient';
    let content = false;
    for (let i = 0; i < w.length; i++) {
      if (this.content.has(w[i]) || this.contentId(w[i])) content = true;
      else if (this.identifier.has(w[i]) && !(i > 0 && this.content.has(w[i - 1]))) return 'recipient';
    }
    return content ? 'content' : 'other';
  }

  /** A per-recipient value (the address or the recipient): what makes a URL identify its reader. */
  identifies(inner: string): boolean {
    const n = this.names(inner);
    return n === 'address' || n === 'recipient';
  }

  /** `productid`, `imageuuid`: a content word and an identifier word run together. */
  private contentId(word: string): boolean {
    for (const id of this.identifier) if (word.length > id.length && word.endsWith(id) && this.content.has(word.slice(0, -id.length))) return true;
    return false;
  }
}

/** Lower-case words: split at lower-to-upper case changes and at anything not a letter or digit; `e-mail` is `email`. */
export function words(inner: string): string[] {
  return inner
    .replace(/e-mail/gi, 'email')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

export const EXPRESSION_NAMES_FILE = path.join(PACKAGE_ROOT, 'rules', 'templates', 'expression-names.json');

let loaded: ExpressionNamer | undefined;

/** The names data, checked against its schema (one line per problem, exit 2), read once per process. */
export function expressionNamer(file = EXPRESSION_NAMES_FILE): ExpressionNamer {
  if (loaded && file === EXPRESSION_NAMES_FILE) return loaded;
  const data = JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, '')) as unknown;
  if (!validate(data)) throw new TrackerDataError(schemaProblems(validate.errors ?? [], data).map((p) => `${path.relative(process.cwd(), file) || file}: ${p}`));
  const namer = new ExpressionNamer(data as NamesData);
  if (file === EXPRESSION_NAMES_FILE) loaded = namer;
  return namer;
}
