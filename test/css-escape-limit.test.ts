import { describe, expect, it } from 'vitest';
import { analyseMessage } from '../src/engine/analyse-message.js';
import { checkCssEscapes, MAX_CSS_ESCAPES } from '../src/html/css-escape-limit.js';
import { detector, htmlMessage } from './helpers.js';

// attackP5 finding 2: one CSS token of escapes is read in one tokenizer call, which no deadline
// check can interrupt; past the limit the message fails before anything tokenizes it.
const PIXEL = '<img src="https://u.sendgrid.net/wf/open?upn=abcdefghijklmnop1234" width="1" height="1">';
const REASON = `css: more than ${MAX_CSS_ESCAPES.toLocaleString('en-US')} backslash escapes in one style sheet or style attribute (one CSS token of them cannot be interrupted by the time budget)`;
const over = (escape: string) => escape.repeat(MAX_CSS_ESCAPES + 1);

describe('backslash escapes per style sheet or style attribute (attackP5 finding 2)', () => {
  const shapes: Record<string, string> = {
    'an ident in a <style>': `<style>x{b:${over('\\0')}}</style>`,
    'a style attribute': `<div style="b:${over('\\0')}">x</div>`,
    'url()': `<style>x{background:url(${over('\\0')})}</style>`,
    'a quoted url()': `<style>x{background:url("${over('\\0')}")}</style>`,
    'a string': `<style>x{b:"${over('\\0')}"}</style>`,
    'a selector': `<style>${over('\\0')}{b:1}</style>`,
    'astral escapes': `<style>x{b:${over('\\10FFFF')}}</style>`,
    'hex escapes with a blank': `<style>x{b:${over('\\61 ')}}</style>`,
    'a <style> in <svg>': `<svg><style>x{b:${over('\\0')}}</style></svg>`,
  };
  for (const [name, html] of Object.entries(shapes)) {
    it(`fails a message with too many in ${name}, by the limit`, async () => {
      const r = await analyseMessage('esc.eml', htmlMessage(`${html}${PIXEL}`), detector(), { timeoutMs: 120_000 });
      expect(r.error).toBe(REASON);
    });
  }

  it('reads CSS at the limit, and icon-font sheets with hundreds of escapes', async () => {
    const icons = Array.from({ length: 500 }, (_, i) => `.i${i}:before{content:"\\f${(0x100 + i).toString(16)}"}`).join('');
    for (const html of [`<style>${icons}</style>`, `<style>x{b:"${'\\0'.repeat(MAX_CSS_ESCAPES)}"}</style>`]) {
      const r = await analyseMessage('ok.eml', htmlMessage(`${html}${PIXEL}`), detector(), { timeoutMs: 120_000 });
      expect(r.error).toBeNull();
      expect(r.tracked).toBe(true);
    }
  });

  it('counts backslashes, not characters', () => {
    expect(() => checkCssEscapes('a'.repeat(10 * MAX_CSS_ESCAPES))).not.toThrow();
    expect(() => checkCssEscapes('\\'.repeat(MAX_CSS_ESCAPES))).not.toThrow();
    expect(() => checkCssEscapes(`${'a'.repeat(MAX_CSS_ESCAPES)}${'\\'.repeat(MAX_CSS_ESCAPES + 1)}`)).toThrow(/more than 100,000 backslash escapes/);
  });
});
