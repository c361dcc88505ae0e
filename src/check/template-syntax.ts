import path from 'node:path';

/** A pair of delimiters that opens and closes a template expression. */
export interface Delimiter {
  open: string;
  close: string;
  /**
   * Code the engine's lexer reads as tokens, which cannot hold markup outside a string literal:
   * an HTML tag start (`<p`, `</p`, `<!`, `<?`) before the closer means the expression was never
   * closed (`<p>{{ a }</p>`), a syntax error to Handlebars, Jinja and Liquid's strict mode.
   * Comments (`{# #}`), ERB and PHP hold anything and are left as they close.
   */
  code?: boolean;
  /** A merge tag is a name on one line (`*|FNAME|*`, `[[ID]]`): a line break before the closer means it never closed. */
  oneLine?: boolean;
  /** A template comment: it renders nothing, and holds anything (markup included). */
  comment?: boolean;
  /** Never closed is a syntax error the engine refuses (PA016), not text: Jinja's `{#`. */
  mustClose?: boolean;
  /** Not closed (on its line, with `oneLine`) it is plain text: Django's `{#`. */
  textIfUnclosed?: boolean;
  /** The closer may be written twice and both belong to the expression (Liquid's `}` then an optional `}`). */
  closeTwice?: boolean;
}

/**
 * The delimiters of each template language pixelaudit knows. Longer openers come first where
 * two share a start (`{{{` before `{{`), since the scanner takes the first that matches.
 */
const MUSTACHE_CORE: Delimiter[] = [
  { open: '{{', close: '}}', code: true },
  { open: '{%', close: '%}', code: true },
];
/** Only Handlebars and Mustache have the triple stash: to Go, Jinja or Liquid `{{{` is a `{` (a CSS rule's) before `{{`. */
const STASH: Delimiter = { open: '{{{', close: '}}}', code: true };
/**
 * Jinja, Twig and Nunjucks comments: `{#` opens one anywhere, CSS included (`@media ...{#header{`
 * is a comment start to Jinja), it runs to the first `#}`, and one never closed is a syntax
 * error (Jinja's lexer: "Missing end of comment tag"). Elsewhere `{#` is text.
 */
const JINJA_COMMENT: Delimiter = { open: '{#', close: '#}', comment: true, mustClose: true };
/** Django's `{# #}` is one line: with a line break before `#}` it is text, not an error (Django's tag_re has no DOTALL). */
const DJANGO_COMMENT: Delimiter = { open: '{#', close: '#}', comment: true, oneLine: true, textIfUnclosed: true };
/**
 * Liquid's tokenizer (Shopify liquid, `VariableIncompleteEnd = /\}\}?/`) ends an output at the
 * first `}`, with a second `}` if one follows, and reads neither quotes nor markup: `{{ ' }</p>`
 * is the output `{{ ' }` and the `</p>` after it is HTML, rendered. A tag ends at the first `%}`.
 */
const LIQUID: Delimiter[] = [
  { open: '{{', close: '}', closeTwice: true },
  { open: '{%', close: '%}' },
];
/** Handlebars' block comment runs to `--}}` and may hold `}}` (Mustache has none: there `{{!--` ends at the first `}}`). */
const HANDLEBARS: Delimiter[] = [{ open: '{{!--', close: '--}}', comment: true }, STASH, ...MUSTACHE_CORE];
const ERB: Delimiter[] = [{ open: '<%', close: '%>' }];
const PHP: Delimiter[] = [
  { open: '<?php', close: '?>' },
  { open: '<?=', close: '?>' },
];
/**
 * ESP merge tags appear in templates of every language (a Handlebars template sent through
 * Mailchimp still says `*|UNSUB|*`): Mailchimp `*|X|*`, Ghost and Salesforce `%%...%%`,
 * `[[...]]`. Mautic's `{token}` is matched by its own shape (see MAUTIC_TOKEN).
 */
const ESP: Delimiter[] = [
  { open: '*|', close: '|*', code: true, oneLine: true },
  { open: '%%', close: '%%', code: true },
  { open: '[[', close: ']]', code: true, oneLine: true },
];

export const SYNTAXES = {
  /** For a file whose language its name does not tell: every delimiter but `{#`, which is text there (CSS `{#id`). */
  auto: [STASH, ...MUSTACHE_CORE, ...ERB, ...PHP, ...ESP],
  /** Plain HTML: no template expressions at all. */
  none: [],
  handlebars: [...HANDLEBARS, ...ESP],
  mustache: [STASH, ...MUSTACHE_CORE, ...ESP],
  jinja: [...MUSTACHE_CORE, JINJA_COMMENT, ...ESP],
  django: [...MUSTACHE_CORE, DJANGO_COMMENT, ...ESP],
  nunjucks: [...MUSTACHE_CORE, JINJA_COMMENT, ...ESP],
  twig: [...MUSTACHE_CORE, JINJA_COMMENT, ...ESP],
  liquid: [...LIQUID, ...ESP],
  go: [...MUSTACHE_CORE, ...ESP],
  erb: [...ERB, ...ESP],
  php: [...PHP, ...ESP],
  esp: ESP,
} satisfies Record<string, Delimiter[]>;

export type SyntaxName = keyof typeof SYNTAXES;
export const SYNTAX_NAMES = Object.keys(SYNTAXES) as SyntaxName[];

/** Whether Mautic-style `{token}` / `{token=value}` tags are read: not in plain HTML, where `{` is CSS. */
export function readsTokens(syntax: SyntaxName): boolean {
  return syntax !== 'none';
}

const BY_EXTENSION: Record<string, SyntaxName> = {
  '.hbs': 'handlebars',
  '.handlebars': 'handlebars',
  '.mustache': 'mustache',
  '.liquid': 'liquid',
  '.j2': 'jinja',
  '.jinja': 'jinja',
  '.jinja2': 'jinja',
  '.njk': 'nunjucks',
  '.nunjucks': 'nunjucks',
  '.twig': 'twig',
  '.tmpl': 'go',
  '.gotmpl': 'go',
  '.tpl': 'go',
  '.erb': 'erb',
  // EJS and Eta write their tags as ERB does (`<%= it.user.id %>`, `<%- %>`, `<%# %>`): one delimiter pair.
  '.ejs': 'erb',
  '.eta': 'erb',
  '.php': 'php',
};

/**
 * The template files `check` reads in a folder, by extension, compared without case (`.HTML`
 * too); `.eml` goes the scan's MIME path. HTML with the tags of a language whose delimiters the
 * masking knows, and `.shtml` (server-side includes are HTML comments). Not read, and counted in
 * the summary as files not read: Razor `.cshtml`, FreeMarker `.ftl`, Velocity `.vm`, ASP.NET
 * `.aspx` (their `@x`, `${x}`, `$x` and server controls are not masked, so a per-recipient URL
 * would pass as literal), JSX/TSX (react-email: code, not HTML), Pug, and `.txt` (no HTML).
 * `.pre-commit-hooks.yaml`'s `files:` is this list (test/ci-recipes.test.ts).
 */
export const TEMPLATE_EXTENSIONS = ['.html', '.htm', '.xhtml', '.shtml', '.mjml', ...Object.keys(BY_EXTENSION)];
export const MAIL_EXTENSIONS = ['.eml'];

/**
 * The syntax of a file: declared with `--syntax` (or in the config), else from its last
 * extension that names a language (`email.html.twig` is Twig, `x.html.liquid` Liquid), else
 * `auto`. Detection by name alone keeps the first character of the file from changing how the
 * rest is read.
 */
export function syntaxForFile(file: string, declared: SyntaxName | undefined): SyntaxName {
  if (declared && declared !== 'auto') return declared;
  const ext = path.extname(file).toLowerCase();
  return BY_EXTENSION[ext] ?? 'auto';
}
