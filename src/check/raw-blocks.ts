import type { SyntaxName } from './template-syntax.js';

/**
 * Block tags whose content the engine does not read as template: `literal` content is written
 * out as it is (Liquid and Jinja `{% raw %}`, Twig and Nunjucks `{% verbatim %}`), `comment`
 * content is not written at all (Liquid and Django `{% comment %}`). For a file whose language is
 * not known (`auto`), raw content is read as literal HTML (the same HTML either way), but a
 * comment block hides nothing: an engine that has no such block would write it out.
 */
const BLOCKS: Partial<Record<SyntaxName, { literal: string[]; comment: string[] }>> = {
  auto: { literal: ['raw', 'verbatim'], comment: [] },
  jinja: { literal: ['raw'], comment: [] },
  nunjucks: { literal: ['raw', 'verbatim'], comment: [] },
  twig: { literal: ['verbatim', 'raw'], comment: [] },
  django: { literal: ['verbatim'], comment: ['comment'] },
  liquid: { literal: ['raw'], comment: ['comment'] },
};

export interface RawBlock {
  kind: 'literal' | 'comment';
  /** Offset of the end tag (`{% endraw %}`), which is then read as a statement. */
  endTagStart: number;
  endTagEnd: number;
}

/**
 * Finds the end tags of raw and comment blocks, each search going forward only from where the
 * scan stands; an end tag that is nowhere after one place is nowhere after a later one either,
 * so a template of many `{% raw %}` without an end costs one search per block name, not one per
 * opener: the scan stays linear.
 */
export class RawBlockFinder {
  private readonly blocks: { literal: string[]; comment: string[] } | undefined;
  private readonly missing = new Set<string>();

  constructor(
    private readonly source: string,
    syntax: SyntaxName,
  ) {
    this.blocks = BLOCKS[syntax];
  }

  /** The kind of block `{% inner %}` opens, if any. */
  opens(inner: string): { kind: RawBlock['kind']; name: string } | undefined {
    if (!this.blocks) return undefined;
    const name = /^[+]?\s*([a-z]+)\b/.exec(inner)?.[1] ?? '';
    if (this.blocks.literal.includes(name)) return { kind: 'literal', name };
    if (this.blocks.comment.includes(name)) return { kind: 'comment', name };
    return undefined;
  }

  /** The first `{% endNAME %}` (with trim markers, and Django's `{% endverbatim name %}`) at or after `from`; undefined when there is none. */
  end(name: string, from: number): { start: number; end: number } | undefined {
    if (this.missing.has(name)) return undefined;
    const tag = new RegExp(`\\{%[-+~]?\\s*end${name}\\b[^%]*%\\}`, 'y');
    for (let i = this.source.indexOf('{%', from); i !== -1; i = this.source.indexOf('{%', i + 2)) {
      tag.lastIndex = i;
      if (tag.test(this.source)) return { start: i, end: tag.lastIndex };
    }
    this.missing.add(name);
    return undefined;
  }
}
