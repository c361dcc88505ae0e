// allowedHosts allows a whole registrable domain, a branded tracking subdomain pointed at an ESP
// (click.example.net) with it; allowedExactHosts allows single hosts and nothing below or beside them.
import { describe, expect, it } from 'vitest';
import { check, project } from './check-project.js';

const PIXELS = '<html><body>\n<img src="https://img.example.net/o.gif?u={{ user.id }}" width="1" height="1">\n<img src="https://click.example.net/o.gif?u={{ user.id }}" width="1" height="1">\n</body></html>\n';

describe('check: allowed hosts by domain or exactly', () => {
  it('allowedHosts example.net allows the branded click.example.net too (documented)', async () => {
    const dir = project({ 'pixelaudit.config.json': '{"allowedHosts":["example.net"]}', 't.hbs': PIXELS });
    expect((await check(dir, 't.hbs')).findings).toEqual([]);
  });

  it('allowedExactHosts img.example.net allows that host only: click.example.net is still reported', async () => {
    const dir = project({ 'pixelaudit.config.json': '{"allowedExactHosts":["IMG.example.net"]}', 't.hbs': PIXELS });
    const r = await check(dir, 't.hbs');
    expect(r.findings.map((f) => f.host)).toEqual(['click.example.net']);
    expect(r.exitCode).toBe(1);
  });

  it('an allowedExactHosts entry that is not a host name is a config error (exit 2, one line with its path)', async () => {
    const dir = project({ 'pixelaudit.config.json': '{"allowedExactHosts":["https://img.example.net/"]}', 't.hbs': PIXELS });
    const r = await check(dir, 't.hbs');
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/allowedExactHosts\[0\]: must be a host name/);
  });
});
