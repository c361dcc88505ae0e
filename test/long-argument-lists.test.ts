import { describe, expect, it } from 'vitest';
import { checkTemplate } from '../src/check/check-template.js';
import { loadTemplateTags } from '../src/check/template-tags.js';
import { analyseMessage } from '../src/engine/analyse-message.js';
import { findIdentifiers } from '../src/url/identifiers.js';
import { redactionIdentifiers } from '../src/url/redaction-identifiers.js';
import { parseUrl } from '../src/url/url-parts.js';
import { detector, htmlMessage } from './helpers.js';

// `list.push(...items)` passes every item as an argument, on the stack: past about 120,000 V8
// throws RangeError (Maximum call stack size exceeded). A message decides how many items some
// lists hold, so src/ spreads no arguments (eslint.config.js, no-restricted-syntax). These are
// the attacker's cases, made larger; no time is asserted (the message budget is lifted).
const PARAMS = 300_000;
const query = Array.from({ length: PARAMS }, (_, i) => `k${i}Ab${i}=v${i}Xy${i}Zw`).join('&');
const url = `https://t.example/o.gif?${query}`;
// The fragment is read as a query too, for redaction (redaction-identifiers.ts).
const withFragment = `${url}#${query}`;

describe(`a URL with ${PARAMS.toLocaleString('en')} identifier-like parameters`, () => {
  it('has its parameter names and values found as identifiers, not a stack overflow', () => {
    const parts = parseUrl(url);
    expect(parts.params.length).toBe(PARAMS);
    const found = findIdentifiers(parts);
    // Names of identifier shape are counted whatever their value (identifiers.ts, outsideValues).
    expect(found.filter((f) => f.where === 'query' && f.name === '').length).toBeGreaterThan(100_000);
    expect(redactionIdentifiers(withFragment).length).toBeGreaterThan(2 * found.length);
  });

  for (const redact of [false, true]) {
    it(`in a message's pixel, is analysed like any URL (${redact ? 'redacted' : '--no-redact'})`, async () => {
      const bytes = htmlMessage(`<p>hi</p><img src="${url}" width="1" height="1">`);
      const result = await analyseMessage('long-query.eml', bytes, detector(redact), { timeoutMs: 3_600_000 });
      expect(result.error).toBeNull();
      expect(result.resources).toBeGreaterThan(0);
    }, 600_000);
  }
});

describe(`a template with ${PARAMS.toLocaleString('en')} tracking tags`, () => {
  it('has each one reported, not a stack overflow', () => {
    const source = `<p>${'{{ TrackView }}'.repeat(PARAMS)}</p>`;
    const check = checkTemplate(source, 'go', detector(), loadTemplateTags());
    expect(check.findings.length).toBe(PARAMS);
  }, 600_000);
});
