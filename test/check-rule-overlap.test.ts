import { describe, expect, it } from 'vitest';
import { brief, check, project } from './check-project.js';

const PIXEL = '<img src="https://t.example.net/o.gif?u={{ user.id }}" width="1" height="1">';

describe('check: a hidden pixel with an id is one finding, and configuring one rule down never hides it', () => {
  const dir = project({
    't.hbs': `${PIXEL}\n`,
    'off.json': '{"rules":{"PA002":"off"}}',
    'info.json': '{"rules":{"hidden-image-with-id":"info"}}',
    'warn.json': '{"rules":{"PA002":"warning"}}',
    'both.json': '{"rules":{"PA002":"off","PA012":"off"}}',
  });

  it('by default the scan rule (PA002) reports it, and PA012 does not repeat it', async () => {
    expect((await check(dir, 't.hbs')).findings.map(brief)).toEqual(['1:1 PA002 error']);
  });

  it('with PA002 off, at info, or below PA012, PA012 still reports it as the error it is', async () => {
    expect((await check(dir, 't.hbs', '--config', 'off.json')).findings.map(brief)).toEqual(['1:1 PA012 error']);
    expect((await check(dir, 't.hbs', '--config', 'info.json')).findings.map(brief)).toEqual(['1:1 PA002 info', '1:1 PA012 error']);
    const warn = await check(dir, 't.hbs', '--config', 'warn.json');
    expect(warn.findings.map(brief)).toEqual(['1:1 PA002 warning', '1:1 PA012 error']);
    expect(warn.exitCode).toBe(1);
  });

  it('with both off, nothing', async () => {
    expect((await check(dir, 't.hbs', '--config', 'both.json')).findings).toEqual([]);
  });
});
