import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { FAST_TREE_ATTRIBUTES, fastTree } from '../src/html/fast-tree.js';
import { specTree } from '../src/html/spec-tree.js';
import type { HtmlTree, TreeElement } from '../src/html/tree.js';
import { readInputs } from '../src/input/read-inputs.js';
import { parseMessage } from '../src/mail/parse-message.js';

/**
 * A tree as one line per event: enter (name, namespace, start, the attributes the fast builder
 * keeps), leave, comment (start, data), then the style sheets. Two builders agree when these match.
 */
export function treeEvents(tree: HtmlTree): string[] {
  const out: string[] = [];
  tree.walk({
    enter: (el) => out.push(`+${el.name} ${el.namespace} @${el.start} ${attrsOf(el)}`),
    leave: (el) => out.push(`-${el.name}`),
    comment: (data, start) => out.push(`#@${start} ${JSON.stringify(data)}`),
  });
  for (const s of tree.styles) out.push(`style @${s.start} ${JSON.stringify(s.css)}`);
  return out;
}

function attrsOf(el: TreeElement): string {
  const kept: Array<[string, string]> = [];
  for (const key of Object.keys(el.attrs)) if (FAST_TREE_ATTRIBUTES.has(key)) kept.push([key, el.attrs[key]]);
  kept.sort((a, b) => (a[0] < b[0] ? -1 : 1));
  return JSON.stringify(kept);
}

/** Whenever the fast builder answers, it answers what parse5 answers. Returns whether it answered. */
export function agrees(html: string, context?: TreeElement): boolean {
  const fast = context ? fastTree.fragment(html, context) : fastTree.document(html);
  if (!fast) return false;
  const spec = context ? specTree.fragment(html, context) : specTree.document(html);
  const difference = firstDifference(treeEvents(fast), treeEvents(spec));
  if (difference) throw new Error(`fast tree differs from parse5 for ${JSON.stringify(html.slice(0, 300))}${context ? ` in <${context.name}>` : ''}: ${difference}`);
  return true;
}

/** The first differing event with a little context, or null when the trees agree. */
export function firstDifference(fast: string[], spec: string[]): string | null {
  const n = Math.max(fast.length, spec.length);
  let k = 0;
  while (k < n && fast[k] === spec[k]) k++;
  if (k === n) return null;
  const around = (list: string[]): string => list.slice(Math.max(0, k - 3), k + 3).join('\n    ');
  return `event ${k}:\n  fast:\n    ${around(fast)}\n  spec:\n    ${around(spec)}`;
}

// Outlook's conditional comments, as the extraction reads them.
const CONDITIONAL = /^\[if [^\]]*\]>([\s\S]*)<!\[endif\]$/i;

/** Each conditional comment's content and the element it sits in, as the spec builder sees them. */
export function conditionalFragments(tree: HtmlTree): Array<{ html: string; context: TreeElement }> {
  const out: Array<{ html: string; context: TreeElement }> = [];
  const open: TreeElement[] = [];
  tree.walk({
    enter: (el) => open.push(el),
    leave: () => void open.pop(),
    comment: (data) => {
      const m = CONDITIONAL.exec(data.trim());
      const context = open[open.length - 1];
      if (m && context) out.push({ html: m[1], context });
    },
  });
  return out;
}

/** One HTML document of the shared corpora: a message's HTML parts, or a template file. */
export interface CorpusHtml {
  name: string;
  html: string;
}

/** Every message's HTML, read as `scan` reads it, and every template of `templates/`. */
export async function corpusHtml(corpora: string): Promise<CorpusHtml[]> {
  const dirs = readdirSync(corpora)
    .filter((d) => d !== 'labels' && d !== 'templates' && statSync(path.join(corpora, d)).isDirectory())
    .map((d) => path.join(corpora, d));
  const out: CorpusHtml[] = [];
  for await (const item of readInputs(dirs, { maxMessageBytes: 64 << 20 })) {
    if (item.type !== 'message') continue;
    try {
      const parsed = await parseMessage(item.bytes);
      if (parsed.html) out.push({ name: path.relative(corpora, item.source), html: parsed.html });
    } catch {
      // A message the MIME layer rejects has no HTML to compare.
    }
  }
  const templates = path.join(corpora, 'templates');
  const walk = (dir: string): string[] =>
    readdirSync(dir)
      .sort()
      .flatMap((name) => {
        const file = path.join(dir, name);
        return statSync(file).isDirectory() ? walk(file) : /^README/i.test(name) ? [] : [file];
      });
  try {
    for (const file of walk(templates)) out.push({ name: path.relative(corpora, file), html: readFileSync(file, 'utf8') });
  } catch {
    // No templates folder: the messages alone.
  }
  return out;
}
