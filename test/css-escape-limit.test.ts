import { describe, expect, it } from 'vitest';
import { analyseMessage } from '../src/engine/analyse-message.js';
import { checkCssEscapes, countCssEscapes, MAX_CSS_ESCAPES } from '../src/html/css-escape-limit.js';
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
    // `/*` opens no comment inside a string or an unquoted url(): the escapes after it are read.
    'a string holding /*': `<style>x{b:"/*${over('\\0')}"}</style>`,
    'an unquoted url() holding /*': `<style>x{background:url(/*${over('\\0')})}</style>`,
    'an escaped url( name': `<style>x{background:u\\72l(/*${over('\\0')})}</style>`,
    'a string continued over CR LF': `<style>x{b:"\\\r\n/*${over('\\0')}"}</style>`,
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
    expect(() => checkCssEscapes(`${'a'.repeat(MAX_CSS_ESCAPES)}${'\\0'.repeat(MAX_CSS_ESCAPES + 1)}`)).toThrow(/more than 100,000 backslash escapes/);
  });

  // Review of 2026-12-02: backslashes in a comment are no escapes; a browser skips the comment and
  // loads the pixel after it, so counting them let a sender hide the pixel behind a failed message.
  it('does not count backslashes inside comments: the pixel after them is found', async () => {
    const pixel = '<img src="http://t.example.com/open.gif?u=abcdef123456" width="1" height="1">';
    for (const html of [`<style>/* ${'\\'.repeat(MAX_CSS_ESCAPES + 2)} */ p{color:red}</style>`, `<p style="/*${'\\0'.repeat(MAX_CSS_ESCAPES + 1)}*/color:red">x</p>`]) {
      const r = await analyseMessage('comment.eml', htmlMessage(`${html}${pixel}`), detector(), { timeoutMs: 120_000 });
      expect(r.error).toBeNull();
      expect(r.tracked).toBe(true);
      expect(r.resources).toBeGreaterThan(0);
    }
  });

  it('counts the escapes the tokenizer reads, by CSS Syntax states', () => {
    expect(countCssEscapes('/* \\\\ */ a{b:"\\0"}')).toBe(1);
    expect(countCssEscapes('a{b:"/* \\0 \\0 */"}')).toBe(2);
    expect(countCssEscapes("a{b:'x\\'/*\\0'}")).toBe(2);
    expect(countCssEscapes('a{b:"x\n/*\\0*/')).toBe(0); // a bad string ends at the newline
    expect(countCssEscapes('a{b:url(/*\\0\\0)}')).toBe(2);
    expect(countCssEscapes('a{b:URL(  "/*\\0") /*\\0*/}')).toBe(1);
    expect(countCssEscapes('a{b:x(/*\\0*/)}')).toBe(0); // a function, not url(: comments read
    expect(countCssEscapes('#url(/*\\0*/)')).toBe(0); // a hash token, then (
    expect(countCssEscapes('a{b:/* unclosed \\0')).toBe(0);
  });

  it('skips 20 MB of backslashes in one comment quickly, as the tokenizer does (no time assertion: see the code comment)', () => {
    expect(countCssEscapes(`/*${'\\'.repeat(20_000_000)}*/`)).toBe(0);
  });
});
