import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXPRESSION_NAMES_FILE, expressionNamer } from '../src/check/expression-names.js';
import { brief, check, project } from './check-project.js';

describe('what a template expression names (rules/templates/expression-names.json)', () => {
  const namer = expressionNamer();

  it('decides every example of the data file as it says', () => {
    expect(namer.data.examples.length).toBeGreaterThan(20);
    for (const e of namer.data.examples) expect(namer.names(e.expression), e.expression).toBe(e.names);
  });

  it('refuses a names file that does not follow its schema, one line per problem', () => {
    const bad = JSON.parse(readFileSync(EXPRESSION_NAMES_FILE, 'utf8')) as Record<string, { words: string[] }>;
    bad.content.words.push('Product');
    bad.recipient.words = [];
    const file = path.join(tmpdir(), `pixelaudit-bad-names-${process.pid}.json`);
    writeFileSync(file, JSON.stringify(bad));
    try {
      expect(() => expressionNamer(file)).toThrow(/recipient\.words: .*\n.*content\.words\[\d+\]: must be a lower-case word/);
    } finally {
      rmSync(file);
    }
  });

  it('a catalogue image named by its product is content (info); a base-URL expression with the reader id in the query is open tracking', async () => {
    const dir = project({
      't.hbs': [
        '<img src="https://shop.example/img/{{ product.id }}.jpg">',
        '<img src="https://shop.example/{{ post.id }}/{{ article.slug }}.png?i={{ item.id }}">',
        '<img src="{{ base_url }}/o.gif?u={{ user.id }}">',
        '<img src="{{base_url}}/img/{{ product.id }}.jpg"><img src="{{ base_url }}/logo.png">',
        '<img src="https://shop.example/p.gif?s={{ subscriber.id }}">',
        '<a href="https://shop.example/p?item={{ productId }}">p</a><a href="https://shop.example/p?u={{ userId }}">u</a>',
      ].join('\n'),
    });
    const { findings } = await check(dir, 't.hbs');
    expect(findings.map(brief)).toEqual(['1:1 PA012 info', '2:1 PA012 info', '3:1 PA012 error', '5:1 PA012 error', '6:60 PA013 warning']);
    expect(findings[2]).toMatchObject({ url: '{{ base_url }}/o.gif?u={{ user.id }}', category: 'open-tracking', tracking: true, data: { expression: '{{ user.id }}', where: 'query' } });
  });
});
