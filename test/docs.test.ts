import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ruleReferenceMarkdown, rulesMarkdownTable } from '../src/rules/docs-table.js';
import { ruleAnchor } from '../src/rules/docs-url.js';
import { RULES } from '../src/rules/index.js';
import { loadVendors } from '../src/trackers/load.js';
import { ROOT } from './helpers.js';

const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

describe('README stays in step with the code', () => {
  it('has the rules table generated from rule metadata', () => {
    const block = /<!-- rules:start -->\n([\s\S]*?)\n<!-- rules:end -->/.exec(readme);
    expect(block, 'rules markers in README.md').not.toBeNull();
    expect(block?.[1]).toBe(rulesMarkdownTable());
  });

  it('has the rule reference generated from rule metadata, with the heading each SARIF help URI points at', () => {
    const block = /<!-- rule-docs:start -->\n([\s\S]*?)\n<!-- rule-docs:end -->/.exec(readme);
    expect(block, 'rule-docs markers in README.md').not.toBeNull();
    expect(block?.[1]).toBe(ruleReferenceMarkdown());
    for (const { meta } of RULES) {
      // GitHub's anchor for a heading: lower case, punctuation but dashes dropped, spaces as dashes.
      const heading = new RegExp(`^#### (${meta.id} .*)$`, 'm').exec(readme)?.[1] ?? '';
      expect(
        heading
          .toLowerCase()
          .replace(/[^\w\- ]/g, '')
          .replace(/ /g, '-'),
      ).toBe(ruleAnchor(meta));
    }
  });

  it('states the vendor and pattern counts of rules/trackers', () => {
    const vendors = loadVendors();
    const patterns = vendors.reduce((n, v) => n + v.patterns.length, 0);
    expect(readme).toContain(`${vendors.length} vendors and ${patterns} URL patterns`);
  });

  it('shows the set-up, sample and test commands', () => {
    expect(readme).toContain('npm ci');
    expect(readme).toContain('npm start');
    expect(readme).toContain('npm test');
  });
});
