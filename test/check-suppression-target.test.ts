import { describe, expect, it } from 'vitest';
import { brief, check, project } from './check-project.js';

const DISABLE = '<!-- pixelaudit-disable-next-element PA001 -- our own stats, approved in #7 -->';
const GA = (n: number): string => `https://www.google-analytics.com/collect?v=1&tid=UA-${n}-1&cid=555&t=event`;

describe('check: what a suppression comment covers (the next element of the parse tree)', () => {
  it('before <style>: the whole element, every url() and @import in it, and nothing after it', async () => {
    const dir = project({
      't.html': `${DISABLE}\n<style>\n@import url("${GA(1)}");\n.a { background: url("${GA(2)}") }\n</style>\n<style>.b { background: url("${GA(3)}") }</style>\n<img src="${GA(4)}">\n`,
    });
    const { findings, report } = await check(dir, 't.html');
    expect(findings.map(brief)).toEqual([`6:${'<style>.b { background: '.length + 1} PA001 error`, '7:1 PA001 error']);
    expect(report?.summary.suppressed).toBe(2);
  });

  it('before an element: its start tag only (its own attributes), not its children or the element after it', async () => {
    const div = `<div style="background:url('${GA(1)}')">`;
    const dir = project({ 't.html': `${DISABLE}\n${div}<img src="${GA(2)}"></div>\n<img src="${GA(3)}">` });
    const { findings, report } = await check(dir, 't.html');
    expect(findings.map(brief)).toEqual([`2:${div.length + 1} PA001 error`, '3:1 PA001 error']);
    expect(report?.summary.suppressed).toBe(1);
  });

  it('a custom element whose name starts with "style" is its start tag only, not everything up to a later </style>', async () => {
    const dir = project({ 't.html': `${DISABLE}\n<style-guide>\n<img src="${GA(1)}">\n</style-guide>` });
    expect((await check(dir, 't.html')).findings.map(brief)).toEqual(['3:1 PA001 error']);
  });

  it('an <img> written inside a later comment is no element: the real one after it is the next element', async () => {
    const dir = project({ 't.html': `${DISABLE}\n<!-- old: <img src="x.gif"> -->\n<img src="${GA(1)}">\n<img src="${GA(2)}">` });
    const { findings, report } = await check(dir, 't.html');
    expect(findings.map(brief)).toEqual(['4:1 PA001 error']);
    expect(report?.summary.suppressed).toBe(1);
  });

  it('a template tag between the comment and the element is the target itself: the element right after it is not covered (half-open spans)', async () => {
    const pixel = '<img src="https://img.example.org/o.gif?u={{ user.id }}" width="1" height="1">';
    const dir = project({
      'between.hbs': `<html><body>\n<!-- pixelaudit-disable-next-element PA002 -- approved logo -->{{#if x}}${pixel}{{/if}}\n</body></html>`,
      'inside.hbs': `<html><body>\n{{#if x}}<!-- pixelaudit-disable-next-element PA002 -- approved logo -->${pixel}{{/if}}\n</body></html>`,
    });
    const between = await check(dir, 'between.hbs');
    expect(between.findings.map(brief)).toEqual([`2:${'<!-- pixelaudit-disable-next-element PA002 -- approved logo -->{{#if x}}'.length + 1} PA002 error`]);
    expect(between.report?.summary.suppressed).toBe(0);
    const inside = await check(dir, 'inside.hbs');
    expect(inside.findings.map(brief)).toEqual([]);
    expect(inside.report?.summary.suppressed).toBe(1);
  });

  it('before <style>: an element starting right at its </style> end is not covered', async () => {
    const dir = project({ 't.html': `${DISABLE}\n<style>.a { background: url("${GA(1)}") }</style><img src="${GA(2)}">\n` });
    const { findings, report } = await check(dir, 't.html');
    expect(findings.map(brief)).toEqual([`2:${`<style>.a { background: url("${GA(1)}") }</style>`.length + 1} PA001 error`]);
    expect(report?.summary.suppressed).toBe(1);
  });
});
