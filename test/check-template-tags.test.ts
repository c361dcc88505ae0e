import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { maskExpressions } from '../src/check/placeholders.js';
import { findExpressions } from '../src/check/template-expressions.js';
import { loadTemplateTags, TEMPLATE_TAGS_FILE } from '../src/check/template-tags.js';
import { superLinearReason } from '../src/trackers/regex-safety.js';
import { CHECK_VALIDATORS, validatorCode } from '../src/trackers/validator-code.js';

describe('template tags data (rules/templates)', () => {
  const tags = loadTemplateTags();

  it('validates against its schema, and the schemas are compiled into the checked-in validators', () => {
    expect(tags.length).toBeGreaterThan(5);
    for (const { schema, out } of CHECK_VALIDATORS) expect(readFileSync(out, 'utf8'), out).toBe(validatorCode(schema));
  });

  it('has unique ids, and every example matches or does not as it says', () => {
    expect(new Set(tags.map((t) => t.id)).size).toBe(tags.length);
    for (const t of tags) {
      for (const m of t.examples.match) expect(t.re.test(m), `${t.id} should match ${m}`).toBe(true);
      for (const m of t.examples.noMatch) expect(t.re.test(m), `${t.id} should not match ${m}`).toBe(false);
    }
  });

  it('runs in linear time on attacker-written templates (recheck)', () => {
    for (const t of tags) expect(superLinearReason(t.re.source, t.re.flags, null), t.id).toBeUndefined();
  });

  it('refuses a file that does not follow the schema, one line per problem', () => {
    const bad = JSON.parse(readFileSync(TEMPLATE_TAGS_FILE, 'utf8')) as { tags: Array<Record<string, unknown>> };
    bad.tags[0].knd = 'open-pixel';
    bad.tags[1].kind = 'pixel';
    const file = path.join(tmpdir(), `pixelaudit-bad-tags-${process.pid}.json`);
    writeFileSync(file, JSON.stringify(bad));
    try {
      expect(() => loadTemplateTags(file)).toThrow(/tags\[0\] \(listmonk-trackview\): unknown key "knd"\n.*tags\[1\] \(listmonk-tracklink\)\.kind: must be one of open-pixel, link-wrap/);
    } finally {
      rmSync(file);
    }
  });
});

describe('template expressions', () => {
  const found = (s: string, syntax: Parameters<typeof findExpressions>[1] = 'auto'): string[] => findExpressions(s, syntax).map((e) => e.text);

  it('finds each syntax, the longest opener first, and Mautic tokens by their shape only', () => {
    expect(found('a {{{ raw }}} b {{ x }} {% if y %} <%= z %> <?php echo 1; ?> *|FNAME|* %%{uuid}%% [[ID]] {contactfield=email} {unsubscribe_url}')).toEqual([
      '{{{ raw }}}',
      '{{ x }}',
      '{% if y %}',
      '<%= z %>',
      '<?php echo 1; ?>',
      '*|FNAME|*',
      '%%{uuid}%%',
      '[[ID]]',
      '{contactfield=email}',
      '{unsubscribe_url}',
    ]);
    expect(found('a{color:red} @media (x){.y{z:1}} {"json": 1} { spaced }')).toEqual([]);
    expect(found('{{ x }}', 'none')).toEqual([]);
    expect(found('<%= x %> {{ y }}', 'erb')).toEqual(['<%= x %>']);
  });

  it('leaves an unclosed opener as text, and costs one pass over openers that never close', () => {
    // No engine nests an opener outside a string: the first `{{` never closed (PA016), the second is an expression.
    expect(found('{{ a {{ b }}')).toEqual(['{{ b }}']);
    expect(found('{{ never closed <%')).toEqual([]);
    const hostile = '{{'.repeat(200_000) + '{%'.repeat(200_000) + '<%'.repeat(100_000);
    expect(found(hostile)).toEqual([]);
  });

  it('masks each expression with a same-length placeholder that keeps the line breaks', () => {
    const src = 'a {{ x\n y }} b\r\n{{ z }}';
    const exprs = findExpressions(src, 'auto');
    const masked = maskExpressions(src, exprs);
    expect(masked.length).toBe(src.length);
    expect(masked.split(/\r\n|\n/).length).toBe(src.split(/\r\n|\n/).length);
    expect(masked).toBe('a __0_\n----- b\r\n__1_---');
  });
});
