import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rulesMarkdownTable } from '../src/rules/docs-table.js';
import { loadVendors } from '../src/trackers/load.js';
import { ROOT } from './helpers.js';

const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

describe('README stays in step with the code', () => {
  it('has the rules table generated from rule metadata', () => {
    const block = /<!-- rules:start -->\n([\s\S]*?)\n<!-- rules:end -->/.exec(readme);
    expect(block, 'rules markers in README.md').not.toBeNull();
    expect(block?.[1]).toBe(rulesMarkdownTable());
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
