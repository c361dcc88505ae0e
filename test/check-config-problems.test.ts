import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../src/cli/run.js';
import { brief, check, project } from './check-project.js';

const PIXEL = (host: string): string => `<img src="https://${host}/p.gif?r={{ subscriber.id }}">`;

describe('check: every problem of a configuration, at once', () => {
  it('reports schema problems, unknown rules and public suffixes together, one line each with its path, exit 2', async () => {
    const config = { rules: { PA012: 'eror', PA999: 'off', 'no-such-rule': 'error' }, failon: 'x', maxWarnings: -1, allowedHosts: ['co.uk', 'github.io', 'example.com', 'not a host'] };
    const dir = project({ 'pixelaudit.config.json': JSON.stringify(config), 't.html': PIXEL('example.com') });
    const r = await run(['check', 't.html'], { cwd: dir });
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines.every((l) => l.startsWith(`pixelaudit: ${path.join(dir, 'pixelaudit.config.json')}: `))).toBe(true);
    expect(lines.map((l) => l.slice(l.lastIndexOf('.json: ') + 7)).sort()).toEqual(
      [
        'top level: unknown key "failon"',
        'rules.PA012: must be one of off, info, warning, error',
        'allowedHosts[3]: must be a host name such as example.com',
        'maxWarnings: must be >= 0',
        'rules.PA999: no rule has this id or alias (pixelaudit rules lists them)',
        'rules.no-such-rule: no rule has this id or alias (pixelaudit rules lists them)',
        'allowedHosts[0]: "co.uk" is a public suffix (anyone can register a name below it); name your own domain, such as example.co.uk',
        'allowedHosts[1]: "github.io" is a public suffix (anyone can register a name below it); name your own domain, such as example.github.io',
      ].sort(),
    );
  });

  it('allows a team site under a private suffix without allowing its neighbours (team.github.io is not other.github.io)', async () => {
    const dir = project({ 'pixelaudit.config.json': JSON.stringify({ allowedHosts: ['team.github.io', 'example.co.uk'] }), 't.html': [PIXEL('team.github.io'), PIXEL('other.github.io'), PIXEL('news.example.co.uk'), PIXEL('evil.co.uk')].join('\n') });
    const { findings, exitCode } = await check(dir, 't.html');
    expect(findings.map((f) => `${brief(f)} ${f.host}`)).toEqual(['2:1 PA012 error other.github.io', '4:1 PA012 error evil.co.uk']);
    expect(exitCode).toBe(1);
  });
});
